"""Context rules, loaded from `context.yaml`: quotations, mentions, rejections, legal and safety cues.

Each rule looks at the sentence, its block (paragraph) or the whole document and changes the
severity of a match; every change is recorded as a short Dutch note on the finding.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from taalcheck.errors import LexiconError
from taalcheck.model import Severity

_KINDS = ("quotation", "scare-quotes", "mention", "rejection", "legal", "legal-register", "safety", "name")
_QUOTE_PAIRS = re.compile(
    r"“[^”\n]{1,400}”|„[^”“\n]{1,400}[”“]|\"[^\"\n]{1,400}\"|«[^»\n]{1,400}»|‘[^’\n]{1,400}’"
    r"|(?<![\w])'(?=\w)[^'\n]{1,400}?(?<=[\w.!?])'(?!\w)"
)
_OPENING_QUOTES = "\"“„«‘'"
_SENTENCE_END = re.compile(r"[.!?][\"”’»']?(?=\s|$)")
_CLAUSE_BREAK = re.compile(r"[;:()]|,(?=\s)")


@dataclass(frozen=True)
class ContextRule:
    id: str
    kind: str
    note: str
    cues: tuple[re.Pattern[str], ...] = ()
    applies_to: tuple[str, ...] = ()
    mention: bool = False
    max_severity: Severity | None = None
    lower: int = 0
    silence: bool = False
    window: int = 3
    max_words: int = 4
    min_distinct: int = 1
    scope: str = "sentence"


@dataclass
class Verdict:
    """What context did to one match."""

    severity: Severity
    mention: bool = False
    silenced: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Passage:
    """Where a match sits: sentence and block offsets in the analysis text."""

    text: str
    sentence: tuple[int, int]
    block: tuple[int, int]
    quotes: tuple[tuple[int, int], ...]
    #: Whether the whole document reads as a legal text (computed on first use).
    legal_document: Callable[[], bool]


def _compile(path: str, rule_id: str, patterns: Any) -> tuple[re.Pattern[str], ...]:
    if not isinstance(patterns, list):
        raise LexiconError(path, "moet een lijst met patronen zijn", rule_id, "cues")
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(str(pattern), re.IGNORECASE))
        except re.error as error:
            raise LexiconError(path, f"ongeldig patroon '{pattern}': {error}", rule_id, "cues") from None
    return tuple(compiled)


def load_context_rules(path: Path) -> list[ContextRule]:
    """Read and validate the context rules file."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError:
        raise LexiconError(str(path), "contextregels niet gevonden of niet leesbaar") from None
    except yaml.YAMLError:
        raise LexiconError(str(path), "ongeldige YAML") from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise LexiconError(str(path), "verwacht een mapping met de sleutel 'rules'")
    rules = []
    for raw in data["rules"]:
        rule_id = str(raw.get("id", "?")) if isinstance(raw, dict) else "?"
        if not isinstance(raw, dict) or raw.get("kind") not in _KINDS:
            raise LexiconError(str(path), f"onbekende soort (kies uit: {', '.join(_KINDS)})", rule_id, "kind")
        effect = raw.get("effect", {})
        cues = _compile(str(path), rule_id, raw.get("cues", []) + raw.get("speech_cues", []))
        rules.append(
            ContextRule(
                id=rule_id,
                kind=raw["kind"],
                note=str(raw.get("note", rule_id)),
                cues=cues,
                applies_to=tuple(raw.get("applies_to", ())),
                mention=bool(raw.get("mention", False)),
                max_severity=Severity.parse(effect["max_severity"]) if "max_severity" in effect else None,
                lower=int(effect.get("lower", 0)),
                silence=bool(effect.get("silence", False)),
                window=int(raw.get("window", 3)),
                max_words=int(raw.get("max_words", 4)),
                min_distinct=int(raw.get("min_distinct", 1)),
                scope=str(raw.get("scope", "sentence")),
            )
        )
    return rules


def quote_spans(text: str, start: int, end: int, rules: list[ContextRule]) -> tuple[tuple[int, int], ...]:
    """Quoted stretches in a block: quotation marks, and speech after 'zei:' up to the sentence end."""
    spans = [(match.start() + 1, match.end() - 1) for match in _QUOTE_PAIRS.finditer(text, start, end)]
    for rule in rules:
        if rule.kind != "quotation":
            continue
        for cue in rule.cues:
            for match in cue.finditer(text, start, end):
                following = text[match.end() : end].lstrip()
                if following[:1] in _OPENING_QUOTES:
                    continue  # the quotation marks themselves delimit the quote
                sentence_end = _SENTENCE_END.search(text, match.end(), end)
                spans.append((match.end(), sentence_end.end() if sentence_end else end))
    return tuple(sorted(spans))


def is_legal_document(text: str, rules: list[ContextRule]) -> bool:
    """Does the document read as a court decision or other legal text?"""
    for rule in rules:
        if rule.kind == "legal-register":
            distinct = sum(1 for cue in rule.cues if cue.search(text))
            if distinct >= rule.min_distinct:
                return True
    return False


def _words_between(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _cue_before(rule: ContextRule, before: str, stop_at_clause: bool) -> bool:
    if stop_at_clause:
        breaks = list(_CLAUSE_BREAK.finditer(before))
        if breaks:
            before = before[breaks[-1].end() :]
    for cue in rule.cues:
        for match in cue.finditer(before):
            if _words_between(before[match.end() :]) <= rule.window:
                return True
    return False


def apply_context(
    rules: list[ContextRule],
    severity: Severity,
    tags: tuple[str, ...],
    spans: tuple[tuple[int, int], ...],
    passage: Passage,
) -> Verdict:
    """Run every rule on one match and return its severity, mention flag and notes."""
    verdict = Verdict(severity)
    start, end = spans[0][0], spans[-1][1]
    text = passage.text
    sentence_text = text[passage.sentence[0] : passage.sentence[1]]
    quote = next(((qs, qe) for qs, qe in passage.quotes if qs <= start and end <= qe), None)
    for rule in rules:
        if rule.applies_to and not set(rule.applies_to) & set(tags):
            continue
        if rule.kind == "quotation":
            hit = quote is not None and _words_between(text[quote[0] : quote[1]]) > rule.max_words
        elif rule.kind == "scare-quotes":
            hit = quote is not None and _words_between(text[quote[0] : quote[1]]) <= rule.max_words
        elif rule.kind == "mention":
            hit = _cue_before(rule, text[passage.sentence[0] : start], stop_at_clause=False)
        elif rule.kind == "rejection":
            hit = _cue_before(rule, text[passage.sentence[0] : start], stop_at_clause=True)
        elif rule.kind == "name":
            hit = any(
                found.start() <= start and end <= found.end()
                for cue in rule.cues
                for found in cue.finditer(text, passage.sentence[0], passage.sentence[1])
            )
        elif rule.kind == "legal":
            hit = any(cue.search(sentence_text) for cue in rule.cues)
        elif rule.kind == "legal-register":
            hit = passage.legal_document()
        else:  # safety
            scope = passage.block if rule.scope == "block" else passage.sentence
            hit = any(cue.search(text, scope[0], scope[1]) for cue in rule.cues)
        if not hit:
            continue
        _apply(rule, verdict)
        if verdict.silenced:
            break
    return verdict


def _apply(rule: ContextRule, verdict: Verdict) -> None:
    before = verdict.severity
    if rule.silence:
        verdict.silenced = True
    if rule.max_severity is not None and verdict.severity > rule.max_severity:
        verdict.severity = rule.max_severity
    if rule.lower:
        verdict.severity = verdict.severity.lowered(rule.lower)
    verdict.mention = verdict.mention or rule.mention
    changed = verdict.silenced or verdict.severity != before or rule.mention
    if changed and rule.note not in verdict.notes:
        verdict.notes.append(rule.note)
