"""Configuration policy, a stage of its own: severity overrides, disable, allow and the view filter.

The engine asks the policy what severity an entry starts with and whether configuration silences a
finding; `visible` applies the view setting (`min_severity`) last, after the balance was taken, so a
view setting never changes the balance.
"""

from __future__ import annotations

from collections.abc import Iterable

from taalcheck.language.normalize import fold
from taalcheck.lexicon.model import Entry
from taalcheck.model import Finding, Severity
from taalcheck.settings import Settings

DISABLED_NOTE = "niet gemeld: uitgezet in de configuratie"
ALLOWED_NOTE = "niet gemeld: toegestaan in de configuratie"


def _squeezed(text: str) -> str:
    return fold("".join(text.split()))


class Policy:
    """What an organisation's configuration does to findings."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._allow = frozenset(_squeezed(term) for term in settings.allow)

    def severity(self, entry: Entry) -> Severity:
        """The entry's severity after the configuration's override (before context rules)."""
        return self.settings.severity.get(entry.id, entry.severity)

    def silencing_note(self, entry: Entry, passage_text: str) -> str | None:
        """Why the configuration silences this passage, or None when it does not."""
        if entry.id in self.settings.disable:
            return DISABLED_NOTE
        if self._allow and _squeezed(passage_text) in self._allow:
            return ALLOWED_NOTE
        return None

    def visible(self, findings: Iterable[Finding]) -> list[Finding]:
        """The findings the reader asked to see (`min_severity`)."""
        return [finding for finding in findings if finding.severity >= self.settings.min_severity]
