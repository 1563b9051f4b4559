"""Before and after: which findings a rewrite resolved, which are new and which stayed.

Findings are matched by rule and passage text (case and white space ignored), never by offset, so
text inserted or removed elsewhere does not disturb the match. Where the same rule and passage occur
more than once, each old finding pairs with the new one nearest to where its passage moved (the
texts are aligned word by word).
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass, field

from taalcheck.language.normalize import fold
from taalcheck.model import FileResult, Finding

#: Words and punctuation apart, so "risicogestuurd." and "risicogestuurd" align.
_WORDS = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class Change:
    """A stretch that differs between the texts: `old` and `new` are (start, end) in each text."""

    old: tuple[int, int]
    new: tuple[int, int]


@dataclass
class Comparison:
    """Two versions of one text, their findings sorted into resolved, added and kept."""

    old: FileResult
    new: FileResult
    resolved: list[Finding] = field(default_factory=list)
    added: list[Finding] = field(default_factory=list)
    #: (old finding, new finding) pairs that are the same passage in both versions.
    kept: list[tuple[Finding, Finding]] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)


def finding_key(finding: Finding) -> tuple[str, str]:
    """What makes two findings 'the same': the rule and the passage text (case and spaces ignored)."""
    return finding.rule, " ".join(fold(word) for word in finding.text.split())


def _text(file: FileResult) -> str:
    return file.document.text if file.document is not None else ""


def text_changes(old: str, new: str) -> list[Change]:
    """The changed stretches between two texts, aligned word by word."""
    old_words = [match.span() for match in _WORDS.finditer(old)]
    new_words = [match.span() for match in _WORDS.finditer(new)]
    matcher = difflib.SequenceMatcher(
        None, [old[s:e] for s, e in old_words], [new[s:e] for s, e in new_words], autojunk=False
    )
    changes = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old_span = (old_words[i1][0], old_words[i2 - 1][1]) if i2 > i1 else _gap(old_words, i1, len(old))
        new_span = (new_words[j1][0], new_words[j2 - 1][1]) if j2 > j1 else _gap(new_words, j1, len(new))
        changes.append(Change(old_span, new_span))
    return changes


def _gap(words: list[tuple[int, int]], index: int, length: int) -> tuple[int, int]:
    """An empty span where words were inserted or removed (before word `index`)."""
    position = words[index][0] if index < len(words) else length
    return position, position


def _position_map(changes: list[Change]):  # type: ignore[no-untyped-def]
    """A function from an offset in the old text to the nearest offset in the new text."""
    starts = [change.old[0] for change in changes]

    def mapped(offset: int) -> int:
        index = bisect.bisect_right(starts, offset) - 1
        if index < 0:
            return offset
        change = changes[index]
        if offset < change.old[1]:
            return change.new[0]
        return offset - change.old[1] + change.new[1]

    return mapped


def compare(old: FileResult, new: FileResult) -> Comparison:
    """Sort the findings of two versions into resolved, added and kept."""
    changes = text_changes(_text(old), _text(new))
    mapped = _position_map(changes)
    remaining: dict[tuple[str, str], list[Finding]] = {}
    for finding in new.findings:
        remaining.setdefault(finding_key(finding), []).append(finding)
    comparison = Comparison(old, new, changes=changes)
    for finding in old.findings:
        candidates = remaining.get(finding_key(finding))
        if not candidates:
            comparison.resolved.append(finding)
            continue
        target = mapped(finding.start)
        nearest = min(candidates, key=lambda candidate: abs(candidate.start - target))
        candidates.remove(nearest)
        comparison.kept.append((finding, nearest))
    kept_new = {id(pair[1]) for pair in comparison.kept}
    comparison.added = [finding for finding in new.findings if id(finding) not in kept_new]
    return comparison
