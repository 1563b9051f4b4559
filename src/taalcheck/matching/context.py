"""Context: who says it, whether it is negated, and what it means here.

Each rule kind of `taalcheck.lexicon.context_rules` has one evaluator below. An evaluator looks at
the sentence's words and clauses (word order first; the parse of the Dutch pipeline only where word
order does not decide), at the paragraph, or at the sentence before, and says whether the rule hits
a match; a hit changes the severity and leaves a short Dutch note on the finding ("lager: woorden
van vader"), or drops the finding with its note.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from taalcheck.language.literals import LiteralScan, possible
from taalcheck.language.text import Token, tokenize
from taalcheck.lexicon.context_rules import (
    AttributionRule,
    ContextRule,
    DefinitionRule,
    Effect,
    InstitutionalRule,
    LegalActRule,
    LegalMeasureRule,
    LegalRegisterRule,
    MentionRule,
    NameRule,
    NegationRule,
    NotAboutParentsRule,
    QuotationRule,
    RejectionRule,
    SafetyRule,
    ScareQuotesRule,
    SenseRule,
    TechnicalRule,
)
from taalcheck.lexicon.morphology import finite_forms, verb_participles
from taalcheck.matching import quotes as quote_marks
from taalcheck.model import Severity

_SENTENCE_END = re.compile(r"[.!?][\"”’»']?(?=\s|$)")
_CLAUSE_BREAK = re.compile(r"[;:()]|,(?=\s)")
_OPENING_QUOTES = "\"“„«‘'`"
_CITATION_YEAR = re.compile(r"\((?:19|20)\d\d[a-z]?\)[.:,]?\s*$")
_NAME_BREAKERS = frozenset(".:;!?\"“”‘’'(•–-*#|")
_DETERMINERS = frozenset("de het een deze die dit dat zijn haar hun onze ons mijn uw".split())
_THIRD_PERSON = frozenset("hij zij ze".split())
#: Nouns after which a capitalised word is the name of a thing: 'het programma Scheiden zonder Schade'.
_NAMING_NOUNS = frozenset(
    """kader programma methode methodiek aanpak model project pilot training cursus module instrument
    richtlijn handreiking wet rapport notitie publicatie campagne boek artikel werkwijze interventie""".split()
)


@dataclass(frozen=True)
class Passage:
    """Where a match sits: its sentence (with words and clauses), paragraph and the sentence before."""

    text: str
    sentence: tuple[int, int]
    block: tuple[int, int]
    quotes: tuple[tuple[int, int], ...]
    tokens: tuple[Token, ...] = ()
    clauses: tuple[int, ...] = ()
    #: The two sentences before, in the same paragraph.
    previous: tuple[int, int] | None = None
    #: Whether the paragraph reads as a court decision (computed on first use).
    legal_block: Callable[[], bool] = lambda: False
    #: The pipeline's parse of the sentence's tokens, or None without a parser (on first use).
    parse: Callable[[], Any] = lambda: None
    #: What the rules work out once for this sentence and reuse for each of its matches (its cues,
    #: levers, acting courts): see `_once`. Lives as long as the passage.
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)
    #: The same for the paragraph, shared by the passages of its sentences.
    block_memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)


def _once(memo: dict[Any, Any], key: Any, compute: Callable[[], Any]) -> Any:
    """`compute()`, worked out once per passage (or paragraph) for `key`."""
    try:
        return memo[key]
    except KeyError:
        value = memo[key] = compute()
        return value


def _scan(passage: Passage) -> tuple[LiteralScan, int]:
    """The literals of the rules' patterns around the sentence, and the offset of the scanned text.

    The paragraph's scan (shared by its sentences and its quotes) where it can answer for the
    sentence; otherwise one pass over the sentence (a paragraph with 'İ' in another sentence).
    """
    (start, end), (block_start, block_end) = passage.sentence, passage.block
    if block_start <= start and end <= block_end:
        paragraph = paragraph_scan(passage.block_memo, passage.text, block_start, block_end)
        if paragraph.lowered is not None:
            return paragraph, block_start
    return _once(passage.memo, "scan", lambda: LiteralScan(passage.text[start:end])), start


def _sentence_possible(
    patterns: tuple[re.Pattern[str], ...], passage: Passage
) -> tuple[re.Pattern[str], ...]:
    """`possible(patterns, sentence)`."""
    return _part_possible(patterns, passage, *passage.sentence)


def _part_possible(
    patterns: tuple[re.Pattern[str], ...], passage: Passage, start: int, end: int
) -> tuple[re.Pattern[str], ...]:
    """`possible(patterns, text[start:end])` for a part of the passage's sentence."""
    scan, offset = _scan(passage)
    return scan.possible(patterns, start - offset, end - offset)


def _cue_spans(patterns: tuple[re.Pattern[str], ...], passage: Passage) -> list[tuple[int, int]]:
    """Where the cues match in the sentence, once per sentence."""
    text, (start, end) = passage.text, passage.sentence

    def spans() -> list[tuple[int, int]]:
        return [
            found.span()
            for cue in _sentence_possible(patterns, passage)
            for found in cue.finditer(text, start, end)
        ]

    return _once(passage.memo, ("spans", id(patterns)), spans)


def _sentence_has(patterns: tuple[re.Pattern[str], ...], passage: Passage) -> bool:
    """Does one of the patterns match somewhere in the sentence (once per sentence)?"""
    text, (start, end) = passage.text, passage.sentence
    return _once(
        passage.memo,
        ("has", id(patterns)),
        lambda: any(pattern.search(text, start, end) for pattern in _sentence_possible(patterns, passage)),
    )


@dataclass(frozen=True)
class Site:
    """The match being judged: its character spans and its token positions in the sentence."""

    spans: tuple[tuple[int, int], ...]
    tokens: tuple[int, ...]
    #: Whether the matched words hold a verb ('opleggen', 'dwingen'). Only a verb can be what a
    #: later 'niet' negates ('omgang afdwingen kan niet'): after a noun or adjective it negates
    #: the clause's own verb ('ex-partner niet informeren').
    verbal: bool = True

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


@dataclass
class Verdict:
    """What context did to one match."""

    severity: Severity
    mention: bool = False
    silenced: bool = False
    notes: list[str] = field(default_factory=list)
    #: Ids of the rules that hit.
    rules: list[str] = field(default_factory=list)


#: An evaluator returns None (no hit) or the note to show (the rule's note, possibly filled in).
Evaluator = Callable[[Any, Site, Passage], "str | tuple[str, Effect] | None"]


# -- quotes -------------------------------------------------------------------------------


def paragraph_scan(memo: dict[Any, Any] | None, text: str, start: int, end: int) -> LiteralScan:
    """The literal scan of the paragraph text[start:end], once per paragraph when `memo` is given
    (the paragraph's `Passage.block_memo`)."""
    if memo is None:
        return LiteralScan(text[start:end])
    return _once(memo, "paragraph scan", lambda: LiteralScan(text[start:end]))


def block_quotes(
    text: str, start: int, end: int, rules: list[ContextRule], memo: dict[Any, Any] | None = None
) -> tuple[tuple[int, int], ...]:
    """Quoted stretches in a paragraph: quotation marks of every style, and speech after 'zei:'.

    `memo`: the paragraph's `Passage.block_memo` (its literal scan is shared), only when
    text[start:end] is that paragraph.
    """
    spans = quote_marks.quote_spans(text, start, end)
    for rule in rules:
        if not isinstance(rule, QuotationRule):
            continue
        for cue in paragraph_scan(memo, text, start, end).possible(rule.speech_cues):
            for found in cue.finditer(text, start, end):
                following = text[found.end() : end].lstrip()
                if following[:1] in _OPENING_QUOTES:
                    continue  # the quotation marks themselves delimit the quote
                sentence_end = _SENTENCE_END.search(text, found.end(), end)
                spans.append((found.end(), sentence_end.end() if sentence_end else end))
    return tuple(sorted(spans))


def _words_in(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _innermost_quote(site: Site, passage: Passage) -> tuple[int, int] | None:
    inside = [(qs, qe) for qs, qe in passage.quotes if qs <= site.start and site.end <= qe]
    return min(inside, key=lambda span: span[1] - span[0]) if inside else None


def _quotation(rule: QuotationRule, site: Site, passage: Passage) -> str | None:
    quote = _innermost_quote(site, passage)
    if quote is None or _words_in(passage.text[quote[0] : quote[1]]) <= rule.max_words:
        return None
    speaker = _quote_speaker(passage, quote[0])
    return f"{rule.note} van {speaker}" if speaker else rule.note


def _scare_quotes(rule: ScareQuotesRule, site: Site, passage: Passage) -> str | None:
    quote = _innermost_quote(site, passage)
    if quote is None or _words_in(passage.text[quote[0] : quote[1]]) > rule.max_words:
        return None
    return rule.note


_SPEAKER_BEFORE_QUOTE = re.compile(
    r"\b(vader|moeder|(?:de )?ouders|oma|opa|het kind|[A-Z][a-zë]+)\s+"
    r"(?:zegt|zei|vertelt|vertelde|schrijft|schreef|antwoordt|antwoordde|roept|riep|verklaart|verklaarde)"
    r"(?:\s+\w+){0,3}\s*:?\s*$"
)


def _quote_speaker(passage: Passage, quote_start: int) -> str | None:
    """'Moeder zegt: “...”' -> 'moeder' (only for people named right before the quote)."""
    before = passage.text[max(passage.block[0], quote_start - 80) : quote_start - 1]
    found = _SPEAKER_BEFORE_QUOTE.search(before)
    if not found:
        return None
    speaker = found.group(1)
    if speaker.lower() in _PRONOUNS:
        return None
    return speaker if speaker[0].isupper() and speaker.lower() not in _PEOPLE_WORDS else speaker.lower()


_PEOPLE_WORDS = frozenset("vader moeder ouders oma opa".split())
_PRONOUNS = frozenset("ik jij je u hij zij ze wij we jullie het men dat dit".split())


# -- mentions, definitions, names ---------------------------------------------------------


def _cue_before(
    cues: tuple[re.Pattern[str], ...], passage: Passage, start: int, end: int, window: int
) -> bool:
    """A cue in text[start:end] (a part of the sentence) that ends at most `window` words before its end."""
    before = passage.text[start:end]
    for cue in _part_possible(cues, passage, start, end):
        for found in cue.finditer(before):
            if _words_in(before[found.end() :]) <= window:
                return True
    return False


def _mention(rule: MentionRule, site: Site, passage: Passage) -> str | None:
    if _cue_before(rule.cues, passage, passage.sentence[0], site.start, rule.window):
        return rule.note
    if rule.after:
        rest = passage.text[site.end : passage.sentence[1]]
        if rest.strip(" .:") == "" or rest.lstrip().startswith(":"):
            # The word ends its sentence or heading, or a colon follows: what comes next may be about it.
            following = passage.text[site.end : min(passage.block[1], site.end + 80)]
            if any(cue.match(following) for cue in possible(rule.after, following)):
                return rule.note
    return None


def _definition(rule: DefinitionRule, site: Site, passage: Passage) -> str | None:
    """'Drang is dreigen met ...': subject without article, copula, then a verb as noun."""
    tokens = passage.tokens
    words = [i for i, token in enumerate(tokens) if token.is_word]
    if len(words) < 3 or words[0] in site.tokens:
        return None
    subject, copula = tokens[words[0]], tokens[words[1]]
    if (
        not subject.text[:1].isupper()
        or subject.norm in _DETERMINERS
        or subject.norm in _PRONOUNS
        or subject.norm == "er"
        or copula.norm not in rule.copulas
    ):
        return None
    predicate = [i for i in words[2:] if tokens[i].norm not in ("het", "een")]
    if not predicate or min(site.tokens) < predicate[0]:
        return None
    head = tokens[predicate[0]].norm
    return rule.note if head.endswith("en") and len(head) > 4 and head not in _NOT_VERBS else None


_NOT_VERBS = frozenset("tegen boven binnen buiten beneden zonder volgens wegens open even".split())


def _name(rule: NameRule, site: Site, passage: Passage) -> str | None:
    text, s_start = passage.text, passage.sentence[0]
    if any(start <= site.start and site.end <= end for start, end in _cue_spans(rule.cues, passage)):
        return rule.note
    if rule.citations and _CITATION_YEAR.search(text[max(passage.block[0], s_start - 12) : s_start]):
        return rule.note  # the title of a cited publication: 'Auteur (2016). Titel.'
    if rule.capitalised and _in_capitalised_name(site, passage):
        return rule.note
    return None


def _capitalised(token: Token) -> bool:
    return token.is_word and token.text[:1].isupper()


def _in_capitalised_name(site: Site, passage: Passage) -> bool:
    """'Licht Instrument Risicotaxatie Kindveiligheid': capitalised words mid-sentence are a name."""
    tokens = passage.tokens
    first, last = min(site.tokens), max(site.tokens)
    if not _capitalised(tokens[first]) or tokens[first].text.isupper():
        return False

    def starts_sentence(index: int) -> bool:
        previous = index - 1
        if previous < 0 or tokens[previous].text in _NAME_BREAKERS:
            return True
        return "\n" in passage.text[tokens[previous].end : tokens[index].start]  # a heading line before

    neighbours = [index for index in (first - 1, last + 1) if 0 <= index < len(tokens)]
    capital_neighbours = [
        index
        for index in neighbours
        if _capitalised(tokens[index])
        and not starts_sentence(index)
        and tokens[index].norm not in _DETERMINERS
    ]
    if not starts_sentence(first) and first > 0 and tokens[first - 1].norm in _NAMING_NOUNS:
        return True  # 'het kader Risicogestuurde zorg', 'de methode Escalatiebeheersing'
    if not capital_neighbours:
        return False
    if starts_sentence(first):
        # At the start of a sentence or heading, only a following capitalised word shows the name.
        return any(index > last and not tokens[index].text.isupper() for index in capital_neighbours)
    return True


def _technical(rule: TechnicalRule | SenseRule, site: Site, passage: Passage) -> str | None:
    if any(start <= site.start and site.end <= end for start, end in _cue_spans(rule.cues, passage)):
        return rule.note
    return None


#: Words that point back to something named before: 'die partijen', 'deze strijd'.
_POINTING_BACK = frozenset("die deze dezelfde diezelfde genoemde".split())


def _sense(rule: SenseRule, site: Site, passage: Passage) -> str | None:
    found = _technical(rule, site, passage)
    if found is not None or not rule.carry_over or passage.previous is None or not site.tokens:
        return found
    first = min(site.tokens)
    before = next((t.norm for t in reversed(passage.tokens[:first]) if t.is_word), "")
    if before not in _POINTING_BACK:
        return None
    word = passage.text[site.start : site.end].lower()
    earlier = passage.text[passage.previous[0] : passage.previous[1]]
    for cue in possible(rule.cues, earlier):
        if any(word in found.group(0).lower() for found in cue.finditer(earlier)):
            return rule.note
    return None


# -- rejection and negation ---------------------------------------------------------------


def _clause_breaks(passage: Passage) -> list[tuple[int, int]]:
    """(start, end) of the clause breaks of the sentence (`_CLAUSE_BREAK`), once per sentence."""
    start, end = passage.sentence

    def breaks() -> list[tuple[int, int]]:
        return [(start + m.start(), start + m.end()) for m in _CLAUSE_BREAK.finditer(passage.text[start:end])]

    return _once(passage.memo, "clause breaks", breaks)


def _rejection(rule: RejectionRule, site: Site, passage: Passage) -> str | None:
    text, (s_start, s_end) = passage.text, passage.sentence
    breaks = _clause_breaks(passage)
    # The clause after the match: up to the first break in the rest of the sentence.
    end = next((b_start for b_start, _ in breaks if b_start >= site.end), max(s_end, site.end))
    start = end - len(text[site.end : end].lstrip())
    following = text[start:end]
    if any(cue.match(following) for cue in _part_possible(rule.after, passage, start, end)):
        return rule.note
    # The clause before the match: from the last break before it. A comma counts as a break only
    # with a space after it before the match ('x,drang' has none).
    start = s_start
    for b_start, b_end in breaks:
        if b_end < site.start or (b_end == site.start and text[b_start] != ","):
            start = b_end
    return rule.note if _cue_before(rule.cues, passage, start, site.start, rule.window) else None


def _negation(rule: NegationRule, site: Site, passage: Passage) -> str | None:
    tokens, clauses = passage.tokens, passage.clauses
    if not tokens or not site.tokens:
        return None
    first, last = min(site.tokens), max(site.tokens)
    clause = clauses[first]
    members = [i for i, c in enumerate(clauses) if c == clause]
    if any(tokens[i].norm in rule.compliance for i in members if tokens[i].is_word):
        return None  # 'de ouders laten zich niet sturen' is about the parents, not a rejection
    negators = [
        i for i in members if i not in site.tokens and tokens[i].is_word and tokens[i].norm in rule.negators
    ]
    if negators and "\n" in passage.text[passage.sentence[0] : passage.sentence[1]]:
        # A heading without a full stop runs into the next line's sentence: a negation there is not
        # about the heading ('... tegen weigerachtige moeder afgewezen / Een moeder werkt niet mee').
        negators = [i for i in negators if not _line_break_between(passage.text, tokens[i], site)]
    if len(negators) > 1 or any(tokens[i].norm in ("niets", "niemand") for i in members):
        return None  # two negations ('zonder X verandert er niets') affirm
    words = {tokens[i].norm for i in members if tokens[i].is_word and i not in site.tokens}
    # 'moeder kan Sem niet ...' describes; 'wij kunnen vader niet dwingen' is the writer's own limit
    unable = bool(words & rule.ability) and not words & _WRITER_PRONOUNS
    for index in negators:
        token = tokens[index]
        if _not_negating(rule, tokens, index):
            continue
        if unable and index < last:
            continue  # 'moeder kan Sem niet in het gareel houden' describes, it does not reject
        if first < index < last:
            return rule.note  # inside the action: 'wij dwingen de omgang niet af'
        if index < first:
            between = [i for i in range(index + 1, first) if tokens[i].is_word]
            if any(tokens[i].norm in _COORDINATORS for i in between):
                continue  # 'geen probleembesef en werkt tegen': the negation ends at 'en'
            if token.norm == "zonder" and _phrase_ends(tokens, between):
                continue  # 'zonder geldige reden iedere medewerking geweigerd': 'zonder' has its own noun
            if len(between) <= rule.window or (token.norm == "zonder" and len(between) <= 6):
                return rule.note
        elif _negated_predicate(rule, tokens, members, index, last):
            return rule.note  # 'sancties zijn hier niet nodig', 'sancties opleggen helpt niet'
        elif site.verbal and _action_cannot(rule, tokens, members, first, last):
            return rule.note  # 'een omgangsregeling afdwingen kan in dit gezin niet'
    # 'Het is niet nodig om sancties op te leggen', 'wij willen niet dat de omgang wordt afgedwongen'
    if members and tokens[members[0]].norm in ("om", "dat") and clause > 0:
        matrix = [i for i, c in enumerate(clauses) if c == clause - 1 and tokens[i].is_word]
        for position, index in enumerate(matrix):
            if tokens[index].norm not in rule.negators or _not_negating(rule, tokens, index):
                continue
            rest = [tokens[i].norm for i in matrix[position + 1 :]]
            if not rest or any(word in rule.predicates for word in rest[:4]):
                return rule.note
    return None


_NEW_LINE_START = re.compile(r"\n[ \t]*[A-ZÀ-Ý]")


def _line_break_between(text: str, token: Token, site: Site) -> bool:
    """A line break before a capital between the negation and the match: a new line starts there."""
    start, end = (token.end, site.start) if token.end <= site.start else (site.end, token.start)
    return start < end and _NEW_LINE_START.search(text, start, end) is not None


def _not_negating(rule: NegationRule, tokens: tuple[Token, ...], index: int) -> bool:
    following = next((t.norm for t in tokens[index + 1 :] if t.is_word), "")
    return (tokens[index].norm, following) in rule.not_negating


def _negated_predicate(
    rule: NegationRule, tokens: tuple[Token, ...], members: list[int], index: int, last: int
) -> bool:
    """A negation after the term, with a predicate of need or effect around it."""
    before = [tokens[i].norm for i in members if last < i < index and tokens[i].is_word][-3:]
    after = [tokens[i].norm for i in members if i > index and tokens[i].is_word][:3]
    return any(word in rule.predicates for word in before + after)


_COORDINATORS = frozenset("en of maar want dus".split())
_WRITER_PRONOUNS = frozenset("wij we ik".split())
_PHRASE_STARTERS = frozenset("de het een iedere ieder elke elk alle haar zijn hun mijn onze deze dit".split())
_PREPOSITIONS = frozenset("van voor met aan op in bij om tot over door naar".split())


def _phrase_ends(tokens: tuple[Token, ...], between: list[int]) -> bool:
    """After 'zonder' and its noun, a new noun phrase starts before the term: the negation stays behind."""
    for position, index in enumerate(between[1:], start=1):
        if tokens[index].norm in _PHRASE_STARTERS and tokens[between[position - 1]].norm not in _PREPOSITIONS:
            return True
    return False


def _action_cannot(
    rule: NegationRule, tokens: tuple[Token, ...], members: list[int], first: int, last: int
) -> bool:
    """The action opens its clause and a verb of ability follows it: the action itself cannot be.

    'Een omgangsregeling afdwingen kan in dit gezin niet': the infinitive phrase is what 'kan'
    says something of, so a later 'niet' negates the action (word order, no parse needed). At
    most two words may come before the action in its clause ('Een omgangsregeling').
    """
    before = [i for i in members if i < first and tokens[i].is_word]
    following = next((i for i in members if i > last and tokens[i].is_word), None)
    return len(before) <= 2 and following is not None and tokens[following].norm in rule.ability


# -- attribution --------------------------------------------------------------------------


@lru_cache(maxsize=256)
def _verb_forms(lemmas: frozenset[str]) -> frozenset[str]:
    """Finite forms and participles; for 'aan|voeren' also the split finite forms ('voert ... aan')."""
    forms: set[str] = set()
    for lemma in lemmas:
        particle, _, verb = lemma.rpartition("|")
        forms.update(finite_forms(particle + verb))
        forms.update(verb_participles(particle + verb))
        if particle:
            forms.update(finite_forms(verb))
    return frozenset(forms)


def _speaker_at(
    rule: AttributionRule,
    tokens: tuple[Token, ...],
    start: int,
    stop: int,
    antecedent: Callable[[], tuple[str, str] | None] | None = None,
) -> tuple[str, str] | None:
    """The speaker among tokens[start:stop] as (label, role): role is writer, person, party or institution.

    A third-person pronoun is 'een ander', unless `antecedent` finds who it refers to ('De inspecties
    ... Zij zeggen dat ...').
    """
    words = [i for i in range(start, stop) if tokens[i].is_word]
    for index in words:
        token = tokens[index]
        norm = token.norm
        if norm in rule.writers:
            return token.text.lower(), "writer"
        role = (
            "institution"
            if norm in rule.institutions
            else "party"
            if norm in rule.parties
            else "person"
            if norm in rule.people
            else None
        )
        if role:
            previous = tokens[index - 1].norm if index > start else ""
            label = f"{previous} {norm}" if previous in ("de", "het") else norm
            return label, role
        if norm in _THIRD_PERSON:
            resolved = antecedent() if antecedent is not None else None
            return resolved or ("een ander", "person")
        if token.text[:1].isupper() and index != 0 and norm not in _DETERMINERS and not token.text.isupper():
            before = tokens[index - 1] if index > start else None
            if before is not None and before.norm in _NAMED_BODIES:
                return f"{before.text} {token.text}", "person"  # 'Rechtbank Maastricht noemde'
            # 'Sem zegt', 'wethouder Leonard Geluk', 'door Rechtbank Limburg': the name with its other parts.
            parts = [token.text]
            for following in tokens[index + 1 : index + 3]:
                if not _capitalised(following) or following.text.isupper():
                    break
                parts.append(following.text)
            return " ".join(parts), "person"
    return None


#: Words that open the name of a body: 'Rechtbank Maastricht', 'Gemeente Utrecht'.
_NAMED_BODIES = frozenset("rechtbank gerechtshof hof gemeente stichting inspectie".split())


def _institution_before(rule: AttributionRule, passage: Passage) -> tuple[str, str] | None:
    """What 'zij' refers to: an institution named in the sentences before, with no person of the family."""
    if passage.previous is None:
        return None
    words = re.findall(r"\w+", passage.text[passage.previous[0] : passage.previous[1]].lower())
    if any(word in rule.people or word in rule.parties for word in words):
        return None
    named = [word for word in words if word in rule.institutions]
    return (named[-1], "institution") if named else None


def _attribution(rule: AttributionRule, site: Site, passage: Passage) -> str | tuple[str, Effect] | None:
    tokens, clauses = passage.tokens, passage.clauses
    if not tokens:
        return None
    first = min(site.tokens)
    naming = _verb_forms(rule.naming_verbs)
    speech = _verb_forms(rule.speech_verbs)
    for index in range(first):
        token = tokens[index]
        if not token.is_word:
            continue
        if token.norm == "volgens":
            following = next(
                (t.norm for t in tokens[index + 1 :] if t.is_word and t.norm not in _DETERMINERS), ""
            )
            if following in rule.not_speakers:
                continue  # 'volgens de wet' is a legal fact, not somebody's words
            speaker = _speaker_at(rule, tokens, index + 1, min(first, index + 4))
            if speaker and speaker[1] != "writer":
                return rule.note.format(speaker=speaker[0])
            continue
        is_naming = token.norm in naming
        is_speech = token.norm in speech
        if not (is_naming or is_speech):
            continue
        clause_start = next(i for i, c in enumerate(clauses) if c == clauses[index])
        antecedent = lambda: _institution_before(rule, passage)  # noqa: E731 (asked only for 'zij')
        speaker = _speaker_at(rule, tokens, clause_start, index, antecedent) or _speaker_at(
            rule, tokens, index + 1, min(first, index + 4), antecedent
        )
        if speaker is None or speaker[1] == "writer":
            continue
        label, role = speaker
        if is_naming and clauses[index] == clauses[first]:
            agent = _passive_agent(rule, tokens, clauses, clauses[first])
            return rule.note.format(speaker=(agent or speaker)[0])  # 'vader spreekt van ouderverstoting'
        # Reported views: an institution's are its own; a party's or a parent's only count as
        # theirs in a legal passage (elsewhere the writer chose the words of the summary).
        if is_speech and clauses[first] > clauses[index] and (role == "institution" or passage.legal_block()):
            return rule.reported_note.format(speaker=label), rule.reported_effect
    view = _view_before_colon(rule, tokens, first)
    if view is not None:
        return rule.reported_note.format(speaker=view[0]), rule.reported_effect
    # 'X is door Rechtbank Limburg gekwalificeerd als ...': the naming verb and its agent after the term.
    clause = clauses[first]
    if any(
        tokens[i].norm in naming and clauses[i] == clause and i not in site.tokens
        for i in range(first + 1, len(tokens))
    ):
        agent = _passive_agent(rule, tokens, clauses, clause)
        if agent is not None:
            return rule.note.format(speaker=agent[0])
    after = _speaker_after(rule, tokens, max(site.tokens), speech)
    if after is not None and (after[1] == "institution" or passage.legal_block()):
        return rule.reported_note.format(speaker=after[0]), rule.reported_effect
    return _hearsay(rule, site, passage)


def _view_before_colon(
    rule: AttributionRule, tokens: tuple[Token, ...], first: int
) -> tuple[str, str] | None:
    """'De ambitie van wethouder Geluk: alle risicogezinnen ...': someone's view, given after a colon."""
    if not rule.view_nouns:
        return None
    colon = next((i for i in range(first - 1, -1, -1) if tokens[i].text == ":"), None)
    if colon is None:
        return None
    for index in range(colon):
        if tokens[index].norm in rule.view_nouns and index + 1 < colon and tokens[index + 1].norm == "van":
            speaker = _speaker_at(rule, tokens, index + 2, colon)
            if speaker is not None and speaker[1] != "writer":
                return speaker
    return None


def _passive_agent(
    rule: AttributionRule, tokens: tuple[Token, ...], clauses: tuple[int, ...], clause: int
) -> tuple[str, str] | None:
    """The agent of a passive naming verb: 'wordt door de school omschreven als' -> 'de school'."""
    for index, token in enumerate(tokens):
        if clauses[index] == clause and token.norm == "door":
            speaker = _speaker_at(rule, tokens, index + 1, min(len(tokens), index + 4))
            if speaker is not None and speaker[1] != "writer":
                return speaker
    return None


def _speaker_after(
    rule: AttributionRule, tokens: tuple[Token, ...], last: int, speech: frozenset[str]
) -> tuple[str, str] | None:
    """'..., schrijven de onderzoekers.' / '..., aldus de inspectie.': the speaker named after the words."""
    for index in range(last + 1, len(tokens) - 1):
        if tokens[index].text != ",":
            continue
        verb = next((i for i in range(index + 1, len(tokens)) if tokens[i].is_word), None)
        if verb is None or (tokens[verb].norm not in speech and tokens[verb].norm != "aldus"):
            continue
        speaker = _speaker_at(rule, tokens, verb + 1, min(len(tokens), verb + 4))
        if speaker is not None and speaker[1] != "writer":
            return speaker
    return None


def _hearsay(rule: AttributionRule, site: Site, passage: Passage) -> tuple[str, Effect] | None:
    """'Vader zou de omgang hebben gefrustreerd': the conditional of a claim someone else makes."""
    tokens, clauses = passage.tokens, passage.clauses
    clause = clauses[min(site.tokens)]
    words = [
        t.norm for i, t in enumerate(tokens) if t.is_word and clauses[i] == clause and i not in site.tokens
    ]
    if not any(word in rule.hearsay for word in words):
        return None
    if any(word in rule.hearsay_exceptions or word in rule.writers for word in words):
        return None
    return rule.hearsay_note, rule.reported_effect


# -- legal acts, measures and register ----------------------------------------------------


def _lever(levers: tuple[re.Pattern[str], ...], passage: Passage) -> bool:
    return _sentence_has(levers, passage)


_ARTICLES = frozenset(("de", "het", "een"))
#: Words that open a clause in which the court that follows is the subject.
_CLAUSE_OPENERS = frozenset(
    "die dat welke wat waarbij waarin waarmee toen sinds nadat omdat zodat wanneer als tenzij en maar".split()
)


def _decides(rule: LegalActRule, passage: Passage) -> bool:
    """Does this sentence name a decision of a court or the law (a cue, or a court as the actor)?"""
    return _sentence_has(rule.cues, passage) or bool(_acting_courts(rule, passage))


def _acting_courts(rule: LegalActRule, passage: Passage) -> list[int]:
    """Token indices of the courts (or laws) that act in this sentence: subject or agent (once per sentence)."""
    return _once(passage.memo, ("acting", id(rule)), lambda: _find_acting_courts(rule, passage))


def _find_acting_courts(rule: LegalActRule, passage: Passage) -> list[int]:
    tokens = passage.tokens
    actors = [i for i, token in enumerate(tokens) if token.is_word and token.norm in rule.actors]
    if not actors:
        return []
    doc: Any = None
    parsed = False  # the parse is asked for only where word order leaves the court's role open
    acting: list[int] = []
    for index in actors:
        previous = next(
            (t.norm for t in reversed(tokens[:index]) if t.is_word and t.norm not in _DETERMINERS), ""
        )
        if previous in ("door", "van", "volgens"):
            acting.append(index)  # 'door de kinderrechter', 'de beslissing van de rechter'
            continue
        if previous in ("aan", "naar", "bij", "voor", "tegen", "met", "via", "tot", "om"):
            continue  # a request to the court is not its decision
        opener = next((t.norm for t in reversed(tokens[:index]) if t.is_word and t.norm not in _ARTICLES), "")
        if opener in _CLAUSE_OPENERS:
            acting.append(
                index
            )  # 'een maatregel die de rechter oplegt', 'sinds de rechter ... heeft opgelegd'
            continue
        if not parsed:
            doc, parsed = passage.parse(), True
        if doc is not None and index < len(doc):
            if doc[index].dep_ in ("nsubj", "nsubj:pass", "obl:agent"):
                acting.append(index)
            continue
        # Without a parse: the court opens the clause ('De rechter legt ... op') or follows the
        # verb in inversion ('Bij beschikking heeft de rechter ...').
        words_before = [t for t in tokens[:index] if t.is_word and t.norm not in _DETERMINERS]
        if len(words_before) <= 1:
            acting.append(index)
    return acting


def _court_speaks_for_site(rule: LegalActRule, site: Site, passage: Passage) -> bool:
    """The court decides or reports with one of the rule's verbs, in the clause of the match or in a
    clause before it ('het hof bepaalt dat ...'); a court that is merely the subject does not count."""
    clauses = passage.clauses
    site_clauses = {clauses[i] for i in site.tokens}
    first = min(site.tokens)
    reporting = _verb_forms(rule.reporting_verbs)
    tokens = passage.tokens
    inverted = [  # 'acht de kinderrechter ... noodzakelijk', 'bepaalt het hof dat ...'
        i
        for i, token in enumerate(tokens)
        if token.is_word
        and token.norm in rule.actors
        and next((t.norm for t in reversed(tokens[:i]) if t.is_word and t.norm not in _ARTICLES), "")
        in reporting
    ]
    for index in sorted({*_acting_courts(rule, passage), *inverted}):
        clause = clauses[index]
        if clause not in site_clauses and not (index < first and clause < clauses[first]):
            continue
        words = (
            t.norm
            for i, t in enumerate(passage.tokens)
            if clauses[i] == clause and t.is_word and i not in site.tokens
        )
        if any(word in reporting for word in words):
            return True
    return False


def _earlier_decision(rule: LegalActRule, passage: Passage) -> bool:
    if passage.previous is None:
        return False
    earlier = passage.text[passage.previous[0] : passage.previous[1]]
    if any(cue.search(earlier) for cue in possible(rule.cues, earlier)):
        return True
    return any(word in rule.actors for word in re.findall(r"\w+", earlier.lower()))


def _court_reported_before(rule: LegalActRule, passage: Passage) -> bool:
    """'De rechtbank heeft vastgesteld dat ...', 'Het hof overweegt als volgt.' in the sentences before,
    and no writer of a report ('wij', 'ik') in this sentence."""
    if passage.previous is None:
        return False
    earlier = passage.text[passage.previous[0] : passage.previous[1]].lower()
    if not any(actor in earlier for actor in rule.actors):
        return False  # the cheap test first: most sentences before name no court
    if any(token.norm in _WRITER_PRONOUNS for token in passage.tokens):
        return False
    words = re.findall(r"\w+", earlier)
    reporting = _verb_forms(rule.reporting_verbs)
    for index, word in enumerate(words):
        if word not in rule.actors:
            continue
        near = words[max(0, index - 2) : index + 5]
        if any(w in reporting for w in near):
            rest = words[index + 1 : index + 9]
            if "dat" in rest or ("als" in rest and "volgt" in rest):
                return True
    return False


def _legal_act(rule: LegalActRule, site: Site, passage: Passage) -> str | None:
    if _lever(rule.levers, passage):
        return None
    if rule.clause_bound:
        if _court_speaks_for_site(rule, site, passage):
            return rule.note
        if (
            rule.previous_sentence
            and _once(passage.memo, ("reported", id(rule)), lambda: _court_reported_before(rule, passage))
            and passage.legal_block()
        ):
            return rule.note
        return None
    if _decides(rule, passage):
        return rule.note
    first = min(site.tokens)
    before = next((t.norm for t in reversed(passage.tokens[:first]) if t.is_word), "")
    if before in rule.referring and _earlier_decision(rule, passage):
        return rule.note  # 'Bij beschikking van ... Deze maatregel loopt af op ...'
    return None


def _legal_measure(rule: LegalMeasureRule, site: Site, passage: Passage) -> str | None:
    if _lever(rule.levers, passage):
        return None
    matched = passage.text[site.start : site.end]
    if any(name.search(matched) for name in rule.names):
        return rule.note
    first = min(site.tokens)
    before = next((t.norm for t in reversed(passage.tokens[:first]) if t.is_word), "")
    return rule.note if before in ("de", "deze", "die", "het", "dit", "zijn", "haar", "hun") else None


def is_legal_block(
    text: str, start: int, end: int, rules: list[ContextRule], memo: dict[Any, Any] | None = None
) -> bool:
    """Does this paragraph read as part of a court decision? (`memo`: as for `block_quotes`.)"""
    for rule in rules:
        if isinstance(rule, LegalRegisterRule) and rule.scope == "block":
            cues = paragraph_scan(memo, text, start, end).possible(rule.cues)
            distinct = sum(1 for cue in cues if cue.search(text, start, end))
            if distinct >= rule.min_distinct:
                return True
    return False


def _legal_register(rule: LegalRegisterRule, site: Site, passage: Passage) -> str | None:
    if rule.scope == "block":
        return rule.note if passage.legal_block() else None
    text, (start, end) = passage.text, passage.sentence

    def legal() -> bool:
        cues = _sentence_possible(rule.cues, passage)
        return sum(1 for cue in cues if cue.search(text, start, end)) >= rule.min_distinct

    return rule.note if _once(passage.memo, ("register", id(rule)), legal) else None


def _institutional(rule: InstitutionalRule, site: Site, passage: Passage) -> str | None:
    words = [t.norm for i, t in enumerate(passage.tokens) if t.is_word and i not in site.tokens]
    if not rule.family.isdisjoint(words):  # whole words: 'toezichthouder' ends in 'ouder'
        return None
    return rule.note if any(_names_one_of(word, rule.organisations) for word in words) else None


def _not_about_parents(rule: NotAboutParentsRule, site: Site, passage: Passage) -> str | None:
    tokens = passage.tokens
    if not site.tokens or len(site.tokens) != 1 or tokens[site.tokens[0]].norm not in rule.words:
        return None
    before = next((t.norm for t in reversed(tokens[: site.tokens[0]]) if t.is_word), "")
    if before in rule.keep_after:
        return None
    earlier = tokenize(passage.text, *passage.previous) if passage.previous is not None else []
    # The same folded words in the sentence and the two before it (rare: only for these words).
    if any(t.is_word and t.norm in rule.parents for t in (*tokens, *earlier)):
        return None
    return rule.note


def _names_one_of(word: str, nouns: frozenset[str]) -> bool:
    """The word itself, or a compound that ends in it ('jeugdhulpaanbieders' ends in 'aanbieders')."""
    return word in nouns or word.endswith(_compound_heads(nouns))


@lru_cache(maxsize=64)
def _compound_heads(nouns: frozenset[str]) -> tuple[str, ...]:
    """The nouns long enough to end a compound, as one tuple for `str.endswith`."""
    return tuple(sorted(noun for noun in nouns if len(noun) >= 5))


def _safety(rule: SafetyRule, site: Site, passage: Passage) -> str | None:
    if rule.scope != "block":
        return rule.note if _sentence_has(rule.cues, passage) else None
    text, (start, end) = passage.text, passage.block

    def cued() -> bool:
        cues = paragraph_scan(passage.block_memo, text, start, end).possible(rule.cues)
        return any(cue.search(text, start, end) for cue in cues)

    return rule.note if _once(passage.block_memo, ("safety", id(rule)), cued) else None


_EVALUATORS: dict[type, Evaluator] = {
    QuotationRule: _quotation,
    ScareQuotesRule: _scare_quotes,
    MentionRule: _mention,
    DefinitionRule: _definition,
    NameRule: _name,
    TechnicalRule: _technical,
    SenseRule: _sense,
    RejectionRule: _rejection,
    NegationRule: _negation,
    AttributionRule: _attribution,
    LegalActRule: _legal_act,
    LegalMeasureRule: _legal_measure,
    LegalRegisterRule: _legal_register,
    SafetyRule: _safety,
    InstitutionalRule: _institutional,
    NotAboutParentsRule: _not_about_parents,
}


def apply_context(
    rules: list[ContextRule],
    severity: Severity,
    entry: Any,
    site: Site,
    passage: Passage,
) -> Verdict:
    """Run every rule on one match of `entry` and return its severity, mention flag and notes."""
    verdict = Verdict(severity)
    for rule in rules:
        if not rule.concerns(entry.id, entry.tags):
            continue
        outcome = _EVALUATORS[type(rule)](rule, site, passage)
        if outcome is None:
            continue
        note, effect = outcome if isinstance(outcome, tuple) else (outcome, rule.effect)
        _apply(rule, effect, note, verdict)
        if verdict.silenced:
            break
    return verdict


def _apply(rule: ContextRule, effect: Effect, note: str, verdict: Verdict) -> None:
    before = verdict.severity
    if effect.silence:
        verdict.silenced = True
    if effect.max_severity is not None and verdict.severity > effect.max_severity:
        verdict.severity = effect.max_severity
    if effect.lower:
        if effect.drop_hints and verdict.severity == Severity.HINT:
            verdict.silenced = True  # a hint cannot go lower: drop it, and say so
            note = "niet gemeld: " + note.removeprefix("lager: ")
        verdict.severity = verdict.severity.lowered(effect.lower)
    verdict.mention = verdict.mention or rule.mention
    changed = verdict.silenced or verdict.severity != before or rule.mention
    if changed and note not in verdict.notes:
        verdict.notes.append(note)
        verdict.rules.append(rule.id)
