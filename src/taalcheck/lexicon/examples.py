"""Running the `examples` of lexicon entries as tests (like prh specs and LanguageTool examples)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from taalcheck.documents.base import Document, Segment
from taalcheck.lexicon.model import Entry
from taalcheck.matching.engine import Checker


@dataclass(frozen=True)
class ExampleFailure:
    entry: str
    kind: str  # "flag" or "ok"
    sentence: str
    found: tuple[str, ...]

    def describe(self) -> str:
        if self.kind == "flag":
            others = f" (wel: {', '.join(self.found)})" if self.found else ""
            return f"[{self.entry}] geeft geen melding bij: {self.sentence}{others}"
        return f"[{self.entry}] geeft ten onrechte een melding bij: {self.sentence}"


def _rules_in(checker: Checker, sentence: str) -> set[str]:
    document = Document(path="<voorbeeld>", text=sentence, segments=[Segment(0, len(sentence))])
    result = checker.check_document(document)
    found = {finding.rule for finding in result.findings}
    found |= {positive.rule for positive in result.positives}
    return found


def run_examples(entries: Iterable[Entry], checker: Checker) -> tuple[int, list[ExampleFailure]]:
    """Check every example of `entries`; returns (number of examples, failures)."""
    failures = []
    count = 0
    for entry in entries:
        for sentence in entry.examples.flag:
            count += 1
            found = _rules_in(checker, sentence)
            if entry.id not in found:
                failures.append(ExampleFailure(entry.id, "flag", sentence, tuple(sorted(found))))
        for sentence in entry.examples.ok:
            count += 1
            found = _rules_in(checker, sentence)
            if entry.id in found:
                failures.append(ExampleFailure(entry.id, "ok", sentence, tuple(sorted(found))))
    return count, failures
