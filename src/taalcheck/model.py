"""The result model shared by every stage: severities, principles, rules (lexicon entries) and findings.

A finding refers to its entry and a file result carries its balance, coverage and document, so an
output format needs nothing but a `CheckResult` (see `report/__init__.py`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from taalcheck.documents.base import Document, Segment


class Severity(IntEnum):
    """How strongly taalcheck suggests reconsidering a passage (ordered)."""

    HINT = 1
    SUGGESTION = 2
    WARNING = 3

    @property
    def key(self) -> str:
        """The stable identifier used in the lexicon, config and JSON."""
        return self.name.lower()

    @property
    def label(self) -> str:
        """Dutch label for people."""
        return SEVERITY_LABELS[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        """A severity by its key or its Dutch label: hint, suggestie/suggestion, waarschuwing/warning."""
        name = value.strip().lower()
        for severity in cls:
            if name in (severity.key, SEVERITY_LABELS[severity]):
                return severity
        raise ValueError(value)

    def lowered(self, steps: int = 1) -> Severity:
        return Severity(max(Severity.HINT, self - steps))


SEVERITY_LABELS = {
    Severity.HINT: "hint",
    Severity.SUGGESTION: "suggestie",
    Severity.WARNING: "waarschuwing",
}
SEVERITY_PLURALS = {
    Severity.HINT: "hints",
    Severity.SUGGESTION: "suggesties",
    Severity.WARNING: "waarschuwingen",
}

#: The five working principles of the founding document, by stable key.
PRINCIPLES: dict[str, str] = {
    "vertrouwen": "Zorgen voor vertrouwen",
    "taal": "Ander taal- en woordgebruik",
    "conflict": "Zicht krijgen op het werkelijke conflict",
    "eigen-kracht": "De eigen kracht en het probleemoplossend vermogen van ouders",
    "belang-kind": "Het belang van het kind",
}


@dataclass(frozen=True)
class Examples:
    flag: tuple[str, ...] = ()
    ok: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    """One lexicon term (a rule): what to look for, why, and what to write instead.

    `kind` is "control" for wording taalcheck reports and "trust" for the positive vocabulary
    that is only counted for the balance. The lexicon layer loads entries (`lexicon/loader.py`).
    """

    id: str
    term: str
    principle: str
    severity: Severity
    reason: str
    alternatives: tuple[str, ...]
    patterns: tuple[str, ...]
    examples: Examples
    source_file: str
    kind: str = "control"
    exclude: tuple[str, ...] = ()
    compound: str = "both"
    tags: tuple[str, ...] = ()
    source: str | None = None
    note: str | None = None
    extra: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    """One passage taalcheck suggests reconsidering.

    Offsets count code points in the document text (`Document.text`); `end` is exclusive.
    `spans` holds the parts of a split match (one span otherwise).
    """

    rule: str
    severity: Severity
    principle: str
    start: int
    end: int
    spans: tuple[tuple[int, int], ...]
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    message: str
    suggestions: tuple[str, ...]
    mention: bool = False
    #: Short Dutch notes on context rules that changed this finding, e.g. "lager: citaat".
    context: tuple[str, ...] = ()
    #: Severity before context rules were applied.
    original_severity: Severity | None = None
    #: A human location inside structured documents ("alinea 4", "pagina 2, regel 7").
    location: str | None = None
    #: The rule that was found (term, reason, alternatives, examples ... for renderers); None only
    #: for findings made by hand. Not part of equality: a finding is its rule id and its place.
    entry: Entry | None = field(default=None, compare=False, repr=False)

    @property
    def term(self) -> str:
        """The rule's term ('escalatiebeheersing'), or the passage when the finding has no entry."""
        return self.entry.term if self.entry is not None else self.text


@dataclass(frozen=True)
class PositiveMatch:
    """A passage that uses wording the principles encourage (counted, never reported)."""

    rule: str
    principle: str
    start: int
    end: int
    #: True when context (a quote, a negation, someone else's words) means it does not count.
    quoted: bool = False
    context: tuple[str, ...] = ()


#: What a report that follows the principles holds (matching/coverage.py), by stable key.
COVERAGE_KEYS = ("kind-zelf", "sterke-kanten", "verhaal-ouders", "voorgeschiedenis")


@dataclass(frozen=True)
class CoverageItem:
    """One thing a report that follows the principles holds ('het kind zelf'), and where it shows."""

    key: str
    label: str
    principle: str
    #: Sentences that show it, as offsets in the document text.
    passages: tuple[tuple[int, int], ...] = ()
    #: A question for the writer when it is missing (or, for the parents, when one parent's view is).
    question: str | None = None
    #: A short Dutch note on a partial result ("alleen moeder").
    note: str | None = None

    @property
    def present(self) -> bool:
        return bool(self.passages)


def trust_counted(positive: PositiveMatch) -> bool:
    """Whether the balance counts this trust phrase (wording inside a quote is someone else's)."""
    return not positive.quoted


@dataclass
class Balance:
    """Control wording against trust wording in one document (or in all of them)."""

    words: int = 0
    control: int = 0
    trust: int = 0
    by_principle: dict[str, int] = field(default_factory=dict)

    @property
    def control_per_1000(self) -> float:
        return round(1000 * self.control / self.words, 2) if self.words else 0.0

    @property
    def trust_per_1000(self) -> float:
        return round(1000 * self.trust / self.words, 2) if self.words else 0.0

    @property
    def ratio(self) -> float | None:
        """Control findings per trust expression (None when there is no trust wording)."""
        return round(self.control / self.trust, 2) if self.trust else None

    def add(self, other: Balance) -> None:
        self.words += other.words
        self.control += other.control
        self.trust += other.trust
        for key, value in other.by_principle.items():
            self.by_principle[key] = self.by_principle.get(key, 0) + value


@dataclass(frozen=True)
class SourceLines:
    """What output needs of a document, without its whole text (sent back by worker processes).

    The lines that hold findings (text output quotes them), the passages of trust wording and of
    the checklist (JSON gives their text), where each line starts (line numbers of any offset) and
    the segments those passages are in (their locations).
    """

    path: str
    #: 1-based line -> (offset of its first character in the document text, its text).
    lines: dict[int, tuple[int, str]]
    #: (start, end) -> the text of that passage.
    passages: dict[tuple[int, int], str] = field(default_factory=dict)
    line_starts: tuple[int, ...] = (0,)
    segments: list[Segment] = field(default_factory=list)

    @classmethod
    def of(
        cls, document: Document, findings: list[Finding], passages: Iterable[tuple[int, int]] = ()
    ) -> SourceLines:
        from dataclasses import replace

        numbers = {line for finding in findings for line in range(finding.line, finding.end_line + 1)}
        spans = {(start, end): document.passage(start, end) for start, end in passages}
        starts = sorted({start for start, _ in spans})
        segments = [
            replace(segment, ref=None)
            for segment in document.segments
            if segment.location is not None and any(segment.start <= start < segment.end for start in starts)
        ]
        return cls(
            document.path,
            {n: (document.line_offset(n), document.line_text(n)) for n in numbers},
            spans,
            tuple(document.line_starts),
            segments,
        )

    def line_offset(self, line: int) -> int:
        return self.lines[line][0]

    def line_text(self, line: int) -> str:
        return self.lines[line][1]

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset in the document text."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def passage(self, start: int, end: int) -> str:
        """The text of a passage that was sent along (trust wording, checklist sentences)."""
        return self.passages[(start, end)]


@dataclass
class FileResult:
    """Everything taalcheck found in one document."""

    path: str
    findings: list[Finding]
    #: Findings removed by context rules or suppressions (kept for transparency, not reported).
    silenced: list[Finding] = field(default_factory=list)
    positives: list[PositiveMatch] = field(default_factory=list)
    balance: Balance = field(default_factory=Balance)
    #: The document that was read (or only its lines with findings, from a worker process); None when
    #: reading failed.
    document: Document | SourceLines | None = None
    #: Problems worth reporting next to findings (e.g. unknown ids in a suppression comment).
    notices: list[str] = field(default_factory=list)
    #: What the report holds: 'het kind zelf', 'sterke kanten', ... (see matching/coverage.py).
    coverage: list[CoverageItem] = field(default_factory=list)


@dataclass
class CheckResult:
    """The result of checking one or more documents, in a stable order."""

    files: list[FileResult]
    #: One-line Dutch problems of files that could not be read ("pad: probleem").
    errors: list[str] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [finding for file in self.files for finding in file.findings]

    def by_severity(self) -> dict[str, int]:
        counts = {severity.key: 0 for severity in Severity}
        for finding in self.findings:
            counts[finding.severity.key] += 1
        return counts

    def balance(self) -> Balance:
        total = Balance()
        for file in self.files:
            total.add(file.balance)
        return total
