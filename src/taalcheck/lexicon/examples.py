"""Running the `examples` of lexicon entries as tests (like prh specs and LanguageTool examples)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from taalcheck.lexicon.model import Entry

#: The ids an engine reports for a sentence (findings and trust wording); the API supplies it.
RulesIn = Callable[[str], set[str]]


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


def run_examples(entries: Iterable[Entry], rules_in: RulesIn) -> tuple[int, list[ExampleFailure]]:
    """Check every example of `entries` with `rules_in`; returns (number of examples, failures)."""
    failures = []
    count = 0
    for entry in entries:
        for sentence in entry.examples.flag:
            count += 1
            found = rules_in(sentence)
            if entry.id not in found:
                failures.append(ExampleFailure(entry.id, "flag", sentence, tuple(sorted(found))))
        for sentence in entry.examples.ok:
            count += 1
            found = rules_in(sentence)
            if entry.id in found:
                failures.append(ExampleFailure(entry.id, "ok", sentence, tuple(sorted(found))))
    return count, failures
