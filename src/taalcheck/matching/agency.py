"""Who decides: decisions and interventions written without an actor.

`Er is besloten het contact op te schorten.`, `Het contact wordt stopgezet.`, `Men heeft ingegrepen.`
Parents cannot respond to a decision that nobody made. This finds passive and impersonal
constructions (worden/zijn + participle, 'men') whose verb is a decision or intervention
(`data/agency.yaml`) and that name no actor: no 'door ...', no professional, institution, 'ik' or
'wij' in another clause or in the sentence before, and no active deciding ('heeft besloten') in
another clause. Quoted speech is left alone.

Word order decides first: a participle at the end of its clause (or before an auxiliary, a
preposition or a new clause) with a worden/zijn form in the same clause is a passive. Only where word
order does not decide ('er is beperkt contact', 'het contact is beperkt tot ...': an adjective or a
passive?) the parse is asked, through a callback the engine provides; without a parser such
sentences give no finding.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from taalcheck.language.normalize import fold
from taalcheck.language.pieces import scan_pieces
from taalcheck.language.text import Token, clause_ids, iter_sentences, tokenize
from taalcheck.lexicon.model import Entry, Examples
from taalcheck.model import Severity

DATA = Path(__file__).resolve().parent / "data" / "agency.yaml"

#: Given a sentence's tokens, the pipeline's analysis of them (token i is token i), or None without a parser.
Parse = Callable[[list[Token]], Any]

_HEBBEN = frozenset(["heb", "hebt", "heeft", "hebben", "had", "hadden"])
# After a passive participle: what may follow it inside its clause (the verb cluster, an extraposed
# prepositional phrase, 'te', a conjunction). Anything else leaves it to the parse.
_AFTER_PARTICIPLE = frozenset(
    "zal zullen zou zouden kan kunnen kon konden moet moeten moest moesten mag mogen mocht mochten "
    "dient dienen te worden zijn is wordt werd geweest en of maar door voor tot op in met bij na "
    "tijdens vanaf per om naar over uit van sinds aan zonder als wanneer tenzij zodat omdat totdat "
    "nadat dat".split()
)


@dataclass(frozen=True)
class Verb:
    verb: str
    stative: bool = False
    adjective: bool = False
    not_with: frozenset[str] = frozenset()


@dataclass(frozen=True)
class AgencyRules:
    """The word lists of `data/agency.yaml`, folded for matching, and the rule's entry."""

    entry: Entry
    participles: dict[str, Verb]
    forms: dict[str, Verb]
    worden: frozenset[str]
    zijn: frozenset[str]
    actors: tuple[tuple[str, ...], ...]
    active_decisions: frozenset[str]
    #: Aho-Corasick automaton of every participle and form (lower case) and 'men': where to look.
    automaton: Any


@dataclass(frozen=True)
class HiddenDecision:
    """One decision without an actor: the auxiliary (or 'men') and the verb, as text spans."""

    spans: tuple[tuple[int, int], ...]
    verb: str
    construction: str  # "worden", "zijn" or "men"

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


@lru_cache(maxsize=2)
def load_agency_rules(path: Path = DATA) -> AgencyRules:
    """Read the word lists (once per process)."""
    from taalcheck.yamlfile import read_yaml

    data = read_yaml(path, cache=True)  # parsed once per installation, not once per run
    rule = data["rule"]
    entry = Entry(
        id=rule["id"],
        term=rule["term"],
        principle=rule["principle"],
        severity=Severity.parse(rule["severity"]),
        reason=" ".join(rule["reason"].split()),
        alternatives=tuple(rule["alternatives"]),
        patterns=(),
        examples=Examples(tuple(rule["examples"]["flag"]), tuple(rule["examples"]["ok"])),
        source_file=str(path),
        note=" ".join(rule["what"].split()),
    )
    participles: dict[str, Verb] = {}
    forms: dict[str, Verb] = {}
    for raw in data["verbs"]:
        verb = Verb(
            raw["verb"],
            bool(raw.get("stative", False)),
            bool(raw.get("adjective", False)),
            frozenset(fold(word) for word in raw.get("not_with", ())),
        )
        for form in raw["participles"]:
            participles[fold(form)] = verb
        for form in raw.get("forms", ()):
            forms[fold(form)] = verb
    import ahocorasick

    automaton = ahocorasick.Automaton()
    spelled = [form for raw in data["verbs"] for form in (*raw["participles"], *raw.get("forms", ()))]
    for word in {*participles, *forms, *(form.lower() for form in spelled), "men"}:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return AgencyRules(
        entry=entry,
        participles=participles,
        forms=forms,
        worden=frozenset(fold(word) for word in data["auxiliaries"]["worden"]),
        zijn=frozenset(fold(word) for word in data["auxiliaries"]["zijn"]),
        actors=tuple(tuple(fold(word) for word in phrase.split()) for phrase in data["actors"]),
        active_decisions=frozenset(fold(word) for word in data["active_decisions"]),
        automaton=automaton,
    )


def decision_words(rules: AgencyRules, text: str) -> list[int]:
    """Where a decision verb form or 'men' stands as a whole word in `text` (start offsets, sorted)."""
    found = []
    # Piece by piece (see `scan_pieces`): a piece starts after a space or line break and a word
    # never ends on its last character, unless it is the end of the text.
    for offset, lowered in scan_pieces(text, rules.automaton):
        for end, length in rules.automaton.iter(lowered):
            start = end - length + 1
            if (start == 0 or not lowered[start - 1].isalnum()) and (
                end + 1 == len(lowered) or not lowered[end + 1].isalnum()
            ):
                found.append(offset + start)
    return sorted(found)


def any_between(positions: list[int], start: int, end: int) -> bool:
    """Is one of the sorted `positions` in [start, end)?"""
    index = bisect.bisect_left(positions, start)
    return index < len(positions) and positions[index] < end


def _within(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(qs <= start and end <= qe for qs, qe in spans)


def _actor_positions(rules: AgencyRules, tokens: list[Token]) -> list[int]:
    norms = [token.norm for token in tokens]
    found = []
    for index in range(len(norms)):
        for phrase in rules.actors:
            if tuple(norms[index : index + len(phrase)]) == phrase:
                found.append(index)
                break
    return found


class _Sentence:
    """A sentence's tokens and clauses, and its parse on first need."""

    def __init__(self, tokens: list[Token], parse: Parse | None) -> None:
        self.tokens = tokens
        self.clauses = clause_ids(tokens)
        self._parse = parse
        self._doc: Any = None
        self._parsed = False

    def doc(self) -> Any:
        if not self._parsed:
            self._parsed = True
            self._doc = self._parse(self.tokens) if self._parse is not None else None
        return self._doc


def _clear_position(sentence: _Sentence, index: int) -> bool:
    """Word order alone says the participle closes its clause (the right bracket of a passive)."""
    tokens = sentence.tokens
    following = index + 1
    if following >= len(tokens) or not tokens[following].is_word:
        return True
    if sentence.clauses[following] != sentence.clauses[index]:
        return True
    return tokens[following].norm in _AFTER_PARTICIPLE


def _parsed_as_passive(sentence: _Sentence, index: int) -> bool:
    doc = sentence.doc()
    if doc is None:
        return False
    token = doc[index]
    return token.pos_ == "VERB" and any(child.dep_ == "aux:pass" for child in token.children)


def _construction(rules: AgencyRules, sentence: _Sentence, index: int) -> HiddenDecision | None:
    """The passive or 'men' construction around the decision verb at `index`, if it is one."""
    tokens, clauses = sentence.tokens, sentence.clauses
    token = tokens[index]
    clause = [i for i, c in enumerate(clauses) if c == clauses[index] and tokens[i].is_word]
    norms = {tokens[i].norm for i in clause}
    verb = rules.participles.get(token.norm) or rules.forms.get(token.norm)
    if verb is None or verb.not_with & {t.norm for t in tokens}:
        return None
    men = next((i for i in clause if tokens[i].norm == "men" and i < index), None)
    if men is not None:
        spans = sorted([(tokens[men].start, tokens[men].end), (token.start, token.end)])
        return HiddenDecision(tuple(spans), verb.verb, "men")
    if token.norm not in rules.participles or norms & _HEBBEN:
        return None  # not a participle, or an active perfect ('zij heeft het contact beperkt')
    worden = [i for i in clause if tokens[i].norm in rules.worden and i != index]
    zijn = [] if verb.adjective else [i for i in clause if tokens[i].norm in rules.zijn and i != index]
    if not worden and not zijn:
        return None
    auxiliary = min(worden or zijn, key=lambda i: abs(i - index))
    kind = "worden" if worden else "zijn"
    decided_by_order = _clear_position(sentence, index) and (kind == "worden" or not verb.stative)
    if not decided_by_order and not _parsed_as_passive(sentence, index):
        return None
    spans = sorted([(tokens[auxiliary].start, tokens[auxiliary].end), (token.start, token.end)])
    return HiddenDecision(tuple(spans), verb.verb, kind)


def _names_actor(rules: AgencyRules, sentence: _Sentence, index: int, previous: list[Token] | None) -> bool:
    """Does the sentence (or the one before) say who decides?"""
    tokens, clauses = sentence.tokens, sentence.clauses
    if any(token.norm == "door" for token in tokens):
        return True
    clause = clauses[index]
    first_verb = min(
        (
            i
            for i, c in enumerate(clauses)
            if c == clause and (tokens[i].norm in rules.worden or tokens[i].norm in rules.zijn or i == index)
        ),
        default=index,
    )
    for position in _actor_positions(rules, tokens):
        if clauses[position] != clause or position > first_verb:
            return True
    for other in set(clauses) - {clause}:
        words = {tokens[i].norm for i, c in enumerate(clauses) if c == other}
        if words & rules.active_decisions and not words & (rules.worden | rules.zijn | {"men"}):
            return True
    return bool(previous) and bool(_actor_positions(rules, previous))


def find_hidden_decisions(
    rules: AgencyRules,
    text: str,
    block: tuple[int, int],
    quotes: tuple[tuple[int, int], ...] = (),
    parse: Parse | None = None,
    positions: list[int] | None = None,
    sentences: list[tuple[int, int]] | None = None,
) -> list[HiddenDecision]:
    """Decisions without an actor in one block of text (at most one per sentence).

    `positions` are the `decision_words` of the whole text and `sentences` the block's sentences,
    when the caller has them already.
    """
    if positions is None:
        positions = decision_words(rules, text)
    found: list[HiddenDecision] = []
    previous_span: tuple[int, int] | None = None
    for start, end in iter_sentences(text, *block) if sentences is None else sentences:
        if any_between(positions, start, end):
            tokens = tokenize(text, start, end)
            sentence = _Sentence(tokens, parse)
            for index, token in enumerate(tokens):
                if not token.is_word or _within(quotes, token.start, token.end):
                    continue
                if token.norm not in rules.participles and token.norm not in rules.forms:
                    continue
                decision = _construction(rules, sentence, index)
                if decision is None or _within(quotes, decision.start, decision.end):
                    continue
                previous = tokenize(text, *previous_span) if previous_span else None
                if decision.construction == "men" or not _names_actor(rules, sentence, index, previous):
                    found.append(decision)
                    break
        previous_span = (start, end)
    return found
