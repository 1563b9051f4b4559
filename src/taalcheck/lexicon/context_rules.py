"""Context rules as data: one small class per kind, each with a strict schema.

`lexicon/context.yaml` lists the rules in the order they apply. Every rule names its kind, a short
Dutch note shown on the finding, an effect, and the entries it applies to (by tag). The keys a kind
accepts are declared on its class: an unknown or misspelt key is an error naming the file, the rule
and the key, never silently ignored. How each kind decides is in `taalcheck.matching.context`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, ClassVar

from taalcheck.datacache import compile_regex
from taalcheck.errors import LexiconError
from taalcheck.model import Severity

_COMMON_KEYS = {
    "id",
    "kind",
    "note",
    "effect",
    "applies_to",
    "except_for",
    "entries",
    "mention",
    "description",
}
_EFFECT_KEYS = {"max_severity", "lower", "silence", "drop_hints"}


@dataclass(frozen=True)
class Effect:
    """What a rule does to a finding it hits."""

    max_severity: Severity | None = None
    lower: int = 0
    silence: bool = False
    #: A hint that this rule would lower further is dropped (with the note) instead.
    drop_hints: bool = False


@dataclass(frozen=True)
class ContextRule:
    """Fields every kind shares."""

    kind: ClassVar[str] = ""
    id: str
    note: str
    effect: Effect
    applies_to: tuple[str, ...] = ()
    except_for: tuple[str, ...] = ()
    #: Only for these entries (by id), when given.
    entries: tuple[str, ...] = ()
    mention: bool = False

    def concerns(self, entry_id: str, tags: tuple[str, ...]) -> bool:
        """Does the rule apply to this entry?"""
        if self.entries and entry_id not in self.entries:
            return False
        if self.applies_to and not any(tag in self.applies_to for tag in tags):
            return False
        return not (self.except_for and any(tag in self.except_for for tag in tags))


class LazyPattern:
    """A regular expression compiled on its first use: a page reaches only a few of the cues.

    It behaves as the compiled pattern (`search`, `match`, `finditer`, `pattern` ...); after the
    first use those are the compiled pattern's own methods, so matching costs no extra call. It
    pickles as its source, so the cached rules load without compiling anything.
    """

    def __init__(self, pattern: str, flags: int = re.IGNORECASE) -> None:
        self.pattern = pattern
        self.flags = int(flags)

    def compiled(self) -> re.Pattern[str]:
        compiled = compile_regex(self.pattern, self.flags)
        for name in ("search", "match", "fullmatch", "finditer", "findall", "sub", "split"):
            setattr(self, name, getattr(compiled, name))
        return compiled

    def __getattr__(self, name: str) -> Any:  # only for what the instance does not have yet
        if name.startswith("__") or name in ("pattern", "flags"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self) -> tuple[type[LazyPattern], tuple[str, int]]:
        return LazyPattern, (self.pattern, self.flags)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LazyPattern) and (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


Patterns = tuple[LazyPattern, ...]
Words = frozenset[str]


@dataclass(frozen=True)
class QuotationRule(ContextRule):
    """Inside a quotation of more than `max_words` words, or after a speech cue ('zei:')."""

    kind: ClassVar[str] = "quotation"
    speech_cues: Patterns = ()
    max_words: int = 4


@dataclass(frozen=True)
class ScareQuotesRule(ContextRule):
    """A few words between quotation marks: the writer holds the word at a distance."""

    kind: ClassVar[str] = "scare-quotes"
    max_words: int = 4


@dataclass(frozen=True)
class MentionRule(ContextRule):
    """The term is talked about, not used: 'de term', 'zogeheten', 'spreken van' within `window` words."""

    kind: ClassVar[str] = "mention"
    cues: Patterns = ()
    window: int = 3
    #: Right after the word, also past the end of a sentence that is only the word ('7. Pupillen.
    #: Wordt vaak gebruikt voor ...'): what is said about the word.
    after: Patterns = ()


@dataclass(frozen=True)
class DefinitionRule(ContextRule):
    """'Drang is dreigen met ...': the term in the definition of a concept the writer explains."""

    kind: ClassVar[str] = "definition"
    copulas: Words = frozenset()


@dataclass(frozen=True)
class NameRule(ContextRule):
    """Part of a name: listed names, capitalised multi-word names, titles of cited publications."""

    kind: ClassVar[str] = "name"
    cues: Patterns = ()
    capitalised: bool = True
    citations: bool = True


@dataclass(frozen=True)
class TechnicalRule(ContextRule):
    """Inside a web address, e-mail address or file name."""

    kind: ClassVar[str] = "technical"
    cues: Patterns = ()


@dataclass(frozen=True)
class SenseRule(ContextRule):
    """The word in another sense, shown by the phrase around it ('de huidige regeling handhaven')."""

    kind: ClassVar[str] = "sense"
    cues: Patterns = ()
    #: Also for 'die/deze partijen' when a cue showed the other sense of the same word in one of the
    #: two sentences before ('betrokken partijen in de regio. Die partijen ...').
    carry_over: bool = False


@dataclass(frozen=True)
class RejectionRule(ContextRule):
    """A phrase that rejects what follows ('in plaats van', 'wij kiezen bewust niet voor')."""

    kind: ClassVar[str] = "rejection"
    cues: Patterns = ()
    window: int = 3
    #: Phrases right after the term that reject it: 'dwang werkt averechts'.
    after: Patterns = ()


@dataclass(frozen=True)
class NegationRule(ContextRule):
    """A negation in the clause of the control action ('wij dwingen de omgang niet af')."""

    kind: ClassVar[str] = "negation"
    negators: Words = frozenset()
    #: Word pairs that do not negate the action: 'niet alleen', 'niet zonder'.
    not_negating: tuple[tuple[str, str], ...] = ()
    #: After a negation, these make it a negated need or aim: 'is niet nodig om ...'.
    predicates: Words = frozenset()
    #: Words that mark a clause about the other's non-compliance: 'zich niet laten sturen'.
    compliance: Words = frozenset()
    #: Words of ability: with them a negation says what someone cannot do, not what the writer
    #: rejects ('moeder kan Sem niet in het gareel houden').
    ability: Words = frozenset()
    window: int = 2


@dataclass(frozen=True)
class AttributionRule(ContextRule):
    """Someone else's words: 'vader spreekt van', 'volgens moeder', 'de raad stelt dat'."""

    kind: ClassVar[str] = "attribution"
    #: Verbs with which a speaker names a thing in their own words ('spreekt van', 'noemt').
    naming_verbs: Words = frozenset()
    #: Verbs of saying and holding a view, followed by what was said ('stelt dat').
    speech_verbs: Words = frozenset()
    #: Speakers whose reported views are their own, wherever the passage stands.
    institutions: Words = frozenset()
    #: Speakers that are somebody else only inside a legal passage (in a court text 'de raad' is a
    #: party; in a raadsrapport it is the writer).
    parties: Words = frozenset()
    #: People of the family: their words named as theirs ('vader spreekt van') are theirs.
    people: Words = frozenset()
    #: Subjects that are the writer.
    writers: Words = frozenset()
    #: After 'volgens': sources that are not somebody's words ('volgens de wet').
    not_speakers: Words = frozenset()
    #: Effect when only the view is reported (indirect speech), not the words.
    reported_effect: Effect = field(default_factory=Effect)
    reported_note: str = ""
    #: 'Moeder zou manipulatief zijn': a claim reported, not the writer's finding.
    hearsay: Words = frozenset()
    #: ... unless the clause gives the writer's own advice or wish ('zou beter zijn', 'zou moeten').
    hearsay_exceptions: Words = frozenset()
    hearsay_note: str = ""
    #: 'Het standpunt van moeder: ...', 'De ambitie van de wethouder: ...': a view named, then given.
    view_nouns: Words = frozenset()


@dataclass(frozen=True)
class LegalActRule(ContextRule):
    """A measure named as what a court or the law decided, in the sentence or the one before."""

    kind: ClassVar[str] = "legal-act"
    #: Courts, the law and other bodies whose decisions are legal facts.
    actors: Words = frozenset()
    #: Regular expressions that name a decision by themselves ('bij beschikking van').
    cues: Patterns = ()
    #: Words that refer back to a measure named before ('deze', 'die').
    referring: Words = frozenset()
    #: The measure used as the lever of the work: the rule does not apply.
    levers: Patterns = ()
    #: Only where the court acts in the clause of the match, or reports before it with one of
    #: `reporting_verbs` ('het hof bepaalt dat ...'); otherwise anywhere in the sentence.
    clause_bound: bool = False
    reporting_verbs: Words = frozenset()
    #: In a paragraph that reads as a court decision: also when the sentence before has the court
    #: report with one of `reporting_verbs` ('De rechtbank heeft vastgesteld dat ... . De ouders
    #: hebben ...'): the court's findings go on.
    previous_sentence: bool = False


@dataclass(frozen=True)
class LegalMeasureRule(ContextRule):
    """A legal measure or statutory category named as such, not used as a lever."""

    kind: ClassVar[str] = "legal-measure"
    #: Matched passages that are statutory names ('kinderbeschermingsmaatregel').
    names: Patterns = ()
    levers: Patterns = ()


@dataclass(frozen=True)
class LegalRegisterRule(ContextRule):
    """A paragraph written in the register of a court decision (at least `min_distinct` cues)."""

    kind: ClassVar[str] = "legal-register"
    cues: Patterns = ()
    min_distinct: int = 2
    #: 'block': the paragraph decides (and it counts as legal for other rules); 'sentence': one sentence.
    scope: str = "block"


@dataclass(frozen=True)
class SafetyRule(ContextRule):
    """A passage about acute danger or a last resort."""

    kind: ClassVar[str] = "safety"
    cues: Patterns = ()
    scope: str = "block"


@dataclass(frozen=True)
class InstitutionalRule(ContextRule):
    """Oversight of organisations, not of a family: 'het toezicht op de kinderopvang is risicogestuurd'.

    Applies when the sentence names one of `organisations` (also as the last part of a compound) and
    none of `family` (whole words: a 'toezichthouder' is no 'ouder').
    """

    kind: ClassVar[str] = "institutional"
    organisations: Words = frozenset()
    family: Words = frozenset()


@dataclass(frozen=True)
class NotAboutParentsRule(ContextRule):
    """A word that speaks of parents only where the passage is about them ('partijen').

    Applies to a match that is one of `words` when neither its sentence nor the two sentences
    before it name a parent (one of `parents`, whole words: 'wethouder' ends in 'ouder'),
    unless one of `keep_after` stands right before it ('beide partijen': the two sides).
    Political parties, sides in a negotiation or the organisations 'die de zorg regelen' are
    not parents facing each other.
    """

    kind: ClassVar[str] = "not-about-parents"
    words: Words = frozenset()
    parents: Words = frozenset()
    keep_after: Words = frozenset()


KINDS: dict[str, type[ContextRule]] = {
    cls.kind: cls
    for cls in (
        QuotationRule,
        ScareQuotesRule,
        MentionRule,
        DefinitionRule,
        NameRule,
        TechnicalRule,
        SenseRule,
        RejectionRule,
        NegationRule,
        AttributionRule,
        LegalActRule,
        LegalMeasureRule,
        LegalRegisterRule,
        SafetyRule,
        InstitutionalRule,
        NotAboutParentsRule,
    )
}


class _Reader:
    """Validates one raw rule against its kind's fields."""

    def __init__(self, path: str, rule_id: str) -> None:
        self.path = path
        self.rule_id = rule_id

    def fail(self, key: str, problem: str) -> LexiconError:
        return LexiconError(self.path, problem, self.rule_id, key)

    def patterns(self, key: str, value: Any) -> Patterns:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(key, "moet een lijst met patronen (tekst) zijn")
        compiled = []
        for pattern in value:
            try:
                re.compile(pattern, re.IGNORECASE)  # a malformed pattern is reported now, not on use
            except re.error as error:
                raise self.fail(key, f"ongeldig patroon '{pattern}': {error}") from None
            compiled.append(LazyPattern(pattern))
        return tuple(compiled)

    def words(self, key: str, value: Any) -> Words:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(key, "moet een lijst met woorden zijn")
        return frozenset(item.lower() for item in value)

    def pairs(self, key: str, value: Any) -> tuple[tuple[str, str], ...]:
        words = self.words(key, value)
        result = []
        for item in sorted(words):
            parts = item.split()
            if len(parts) != 2:
                raise self.fail(key, f"'{item}' moet uit twee woorden bestaan")
            result.append((parts[0], parts[1]))
        return tuple(result)

    def effect(self, key: str, value: Any) -> Effect:
        if not isinstance(value, dict):
            raise self.fail(key, "moet een mapping zijn (max_severity, lower, silence, drop_hints)")
        unknown = set(value) - _EFFECT_KEYS
        if unknown:
            raise self.fail(
                f"{key}.{sorted(unknown)[0]}",
                f"onbekende sleutel (kies uit: {', '.join(sorted(_EFFECT_KEYS))})",
            )
        try:
            severity = Severity.parse(str(value["max_severity"])) if "max_severity" in value else None
        except ValueError:
            raise self.fail(f"{key}.max_severity", "onbekend niveau (hint, suggestion of warning)") from None
        lower = value.get("lower", 0)
        if not isinstance(lower, int) or isinstance(lower, bool) or not 0 <= lower <= 2:
            raise self.fail(f"{key}.lower", "moet een geheel getal van 0 tot en met 2 zijn")
        for flag in ("silence", "drop_hints"):
            if not isinstance(value.get(flag, False), bool):
                raise self.fail(f"{key}.{flag}", "moet true of false zijn")
        return Effect(severity, lower, bool(value.get("silence")), bool(value.get("drop_hints")))


def parse_rule(raw: Any, path: str) -> ContextRule:
    """One validated rule from its YAML mapping."""
    rule_id = str(raw.get("id", "?")) if isinstance(raw, dict) else "?"
    reader = _Reader(path, rule_id)
    if not isinstance(raw, dict):
        raise reader.fail("", "een regel moet een mapping zijn")
    if not isinstance(raw.get("id"), str) or not raw["id"]:
        raise reader.fail("id", "ontbreekt of is geen tekst")
    cls = KINDS.get(raw.get("kind"))  # type: ignore[arg-type]
    if cls is None:
        raise reader.fail("kind", f"onbekende soort (kies uit: {', '.join(KINDS)})")
    specific = {f.name: f for f in fields(cls)}.keys() - {f.name for f in fields(ContextRule)}
    unknown = set(raw) - _COMMON_KEYS - specific
    if unknown:
        allowed = ", ".join(sorted(_COMMON_KEYS | specific))
        raise reader.fail(
            sorted(unknown)[0], f"onbekende sleutel voor soort '{cls.kind}' (kies uit: {allowed})"
        )
    if not isinstance(raw.get("note", ""), str):
        raise reader.fail("note", "moet tekst zijn")
    values: dict[str, Any] = {
        "id": raw["id"],
        "note": raw.get("note", raw["id"]),
        "effect": reader.effect("effect", raw.get("effect", {})),
        "applies_to": tuple(sorted(reader.words("applies_to", raw.get("applies_to", [])))),
        "except_for": tuple(sorted(reader.words("except_for", raw.get("except_for", [])))),
        "entries": tuple(sorted(reader.words("entries", raw.get("entries", [])))),
        "mention": bool(raw.get("mention", False)),
    }
    defaults = {f.name: f for f in fields(cls)}
    for key in specific:
        if key not in raw:
            continue
        value = raw[key]
        annotation = str(defaults[key].type)
        if annotation == "Patterns":
            values[key] = reader.patterns(key, value)
        elif annotation == "Words":
            values[key] = reader.words(key, value)
        elif key == "not_negating":
            values[key] = reader.pairs(key, value)
        elif annotation == "Effect":
            values[key] = reader.effect(key, value)
        elif annotation == "int":
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 50:
                raise reader.fail(key, "moet een geheel getal van 0 tot en met 50 zijn")
            values[key] = value
        elif annotation == "bool":
            if not isinstance(value, bool):
                raise reader.fail(key, "moet true of false zijn")
            values[key] = value
        else:  # str
            if not isinstance(value, str):
                raise reader.fail(key, "moet tekst zijn")
            if key == "scope" and value not in ("sentence", "block"):
                raise reader.fail(key, "kies 'sentence' of 'block'")
            values[key] = value
    return cls(**values)


def load_context_rules(path: Path) -> list[ContextRule]:
    """Read and validate the context rules file."""
    from taalcheck.yamlfile import YamlProblem, read_yaml

    try:
        data = read_yaml(path)
    except YamlProblem as problem:
        raise LexiconError(str(path), f"contextregels: {problem}") from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise LexiconError(str(path), "verwacht een mapping met de sleutel 'rules'")
    unknown = set(data) - {"rules"}
    if unknown:
        raise LexiconError(str(path), f"onbekende sleutel '{sorted(unknown)[0]}' (alleen 'rules')")
    rules = [parse_rule(raw, str(path)) for raw in data["rules"]]
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise LexiconError(str(path), "dubbele id", rule.id, "id")
        seen.add(rule.id)
    return rules
