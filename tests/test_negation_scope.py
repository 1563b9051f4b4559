"""Where word order leaves a negation open, the parse decides, but only for a verb of the match.

A 'niet' after a noun or adjective negates the clause's own verb: 'Ex-partner niet informeren'
is about informing, not a rejection of the word 'ex-partner'. A parse that hangs the 'niet' on the
noun (the small Dutch model sometimes does, at the start of a bullet) must not lower the finding;
for a verb ('de omgang afdwingen kan niet') it still may.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from taalcheck.api import make_checker
from taalcheck.documents import document_from_text
from taalcheck.language.text import clause_ids, tokenize
from taalcheck.lexicon.context_rules import NegationRule, load_context_rules
from taalcheck.lexicon.loader import bundled_lexicon_dir
from taalcheck.matching.context import Passage, Site, _negation


def negation_rule() -> NegationRule:
    rules = load_context_rules(bundled_lexicon_dir() / "context.yaml")
    return next(rule for rule in rules if isinstance(rule, NegationRule))


def passage_with_heads(text: str, heads: dict[int, int]) -> Passage:
    """A passage whose parse hangs token i on token heads[i] (itself where not given)."""
    tokens = tokenize(text, 0, len(text))
    doc = [SimpleNamespace(head=SimpleNamespace(i=heads.get(i, i))) for i in range(len(tokens))]
    return Passage(
        text, (0, len(text)), (0, len(text)), (), tuple(tokens), tuple(clause_ids(tokens)), parse=lambda: doc
    )


def test_negation_hung_on_a_noun_by_the_parse_does_not_lower_it():
    text = "Ex-partner stelselmatig en al jaren niet informeren over de school."
    tokens = tokenize(text, 0, len(text))
    noun = next(i for i, t in enumerate(tokens) if t.text == "Ex-partner")
    negator = next(i for i, t in enumerate(tokens) if t.norm == "niet")
    passage = passage_with_heads(text, {negator: noun})
    spans = ((tokens[noun].start, tokens[noun].end),)
    assert _negation(negation_rule(), Site(spans, (noun,), verbal=False), passage) is None
    # The same parse on a verb of the match is the writer's negation of that verb.
    assert _negation(negation_rule(), Site(spans, (noun,), verbal=True), passage) is not None


def test_parse_still_decides_for_a_verb():
    checker = make_checker()
    if checker.pipeline_choice.is_blank or not checker.pipeline.has_parser:
        pytest.skip("de Nederlandse pipeline met parser is niet geïnstalleerd")
    result = checker.check_document(
        document_from_text("Een omgangsregeling afdwingen kan in dit gezin vaak niet.")
    )
    (finding,) = result.findings
    assert finding.context == ("lager: de schrijver wijst dit af",)


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
