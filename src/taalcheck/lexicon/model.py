"""Lexicon entries as loaded from YAML (validated, not yet compiled)."""

from __future__ import annotations

from dataclasses import dataclass, field

from taalcheck.model import Severity


@dataclass(frozen=True)
class Examples:
    flag: tuple[str, ...] = ()
    ok: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    """One lexicon term: what to look for, why, and what to write instead.

    `kind` is "control" for wording taalcheck reports and "trust" for the positive vocabulary
    that is only counted for the balance.
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
