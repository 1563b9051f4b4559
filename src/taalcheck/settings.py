"""Settings that shape a check (from the command line, configuration or API callers)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from taalcheck.documents.limits import DEFAULT_LIMITS, InputLimits
from taalcheck.model import Severity


@dataclass(frozen=True)
class Settings:
    model: str | None = None
    min_severity: Severity = Severity.HINT
    disable: frozenset[str] = frozenset()
    severity: dict[str, Severity] = field(default_factory=dict)
    #: Organisation-approved wording: a finding whose passage is one of these terms is not reported.
    allow: tuple[str, ...] = ()
    extend_lexicon: tuple[Path, ...] = ()
    #: Items of the 'In dit verslag' checklist a document must hold, else exit code 1 ("kind-zelf").
    require: tuple[str, ...] = ()
    #: Where the settings came from (a config file), for messages.
    origin: str | None = None
    #: How much of a file, container part or PDF is read before it is refused (`[limits]`).
    limits: InputLimits = DEFAULT_LIMITS
