"""A negation is judged by word order alone; the parse is never asked for it.

A 'niet' after a noun or adjective negates the clause's own verb: 'Ex-partner niet informeren'
is about informing, not a rejection of the word 'ex-partner'. After an action in the infinitive
that opens its clause, a verb of ability makes the action what cannot be done ('de omgang
afdwingen kan niet'): the writer rejects it. (On the real texts, the dev corpus, every lexicon
example and 200k generated words the parse-based test had never lowered a finding rightly, and
it cost most of the sentences parsed.)
"""

from __future__ import annotations

import pytest

from taalcheck.api import make_checker
from taalcheck.documents import document_from_text
from taalcheck.language.text import clause_ids, tokenize
from taalcheck.lexicon.context_rules import NegationRule, load_context_rules
from taalcheck.lexicon.loader import bundled_lexicon_dir
from taalcheck.matching.context import Passage, Site, _negation
from taalcheck.settings import Settings


def negation_rule() -> NegationRule:
    rules = load_context_rules(bundled_lexicon_dir() / "context.yaml")
    return next(rule for rule in rules if isinstance(rule, NegationRule))


def unparsed_passage(text: str) -> Passage:
    """A passage whose parse fails the test when asked for."""

    def parse() -> None:
        raise AssertionError("the negation asked for the parse")

    tokens = tokenize(text, 0, len(text))
    return Passage(
        text, (0, len(text)), (0, len(text)), (), tuple(tokens), tuple(clause_ids(tokens)), parse=parse
    )


@pytest.mark.parametrize("verbal", [False, True])
def test_niet_after_a_noun_negates_the_verb_not_the_word(verbal):
    text = "Ex-partner stelselmatig en al jaren niet informeren over de school."
    passage = unparsed_passage(text)
    noun = next(i for i, t in enumerate(passage.tokens) if t.text == "Ex-partner")
    spans = ((passage.tokens[noun].start, passage.tokens[noun].end),)
    assert _negation(negation_rule(), Site(spans, (noun,), verbal=verbal), passage) is None


@pytest.mark.parametrize("model", [None, "blank"])
@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("Een omgangsregeling afdwingen kan in dit gezin vaak niet.", "afdwingen"),
        ("Sancties opleggen lukt in deze fase niet.", "sancties-opleggen"),
    ],
)
def test_an_action_that_cannot_be_is_rejected_with_or_without_parser(sentence, rule, model):
    result = make_checker(Settings(model=model)).check_document(document_from_text(sentence))
    (finding,) = [f for f in result.findings if f.rule == rule]
    assert finding.context == ("lager: de schrijver wijst dit af",)


@pytest.mark.parametrize(
    "sentence",
    [
        # Someone else's inability, the action not opening the clause: a description.
        "Vader kan de omgang niet afdwingen, omdat moeder verhuisd is.",
        # The verb after the action is no verb of ability.
        "Een omgangsregeling afdwingen wil vader nog steeds, ook al gaat het niet goed.",
    ],
)
def test_a_later_niet_without_the_action_as_subject_does_not_lower(sentence):
    result = make_checker().check_document(document_from_text(sentence))
    (finding,) = [f for f in result.findings if f.rule == "afdwingen"]
    assert finding.context == ()


@pytest.mark.parametrize(
    ("sentence", "rule", "lowered"),
    [
        # 'voldoet niet aan' negates the parent's compliance, not the writer's use of the label.
        ("De weigerachtige ouder voldoet niet aan de afspraken die zijn gemaakt.", "weigerachtig", False),
        (
            "Vader houdt zich niet aan de omgangsregeling, zegt de weigerachtige moeder.",
            "weigerachtig",
            False,
        ),
        # 'niet aan de orde' is the writer saying it is not needed.
        ("Sancties opleggen is hier niet aan de orde.", "sancties-opleggen", True),
    ],
)
def test_niet_aan_is_only_a_rejection_in_niet_aan_de_orde(sentence, rule, lowered):
    result = make_checker().check_document(document_from_text(sentence))
    (finding,) = [f for f in result.findings if f.rule == rule]
    assert bool(finding.context) is lowered, finding.context
