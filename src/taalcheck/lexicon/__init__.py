"""The lexicon: YAML entries, their validation, patterns and compiled index."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from taalcheck.lexicon.compiled import CompiledLexicon
from taalcheck.lexicon.loader import bundled_lexicon_dir, bundled_lexicon_files, load_entries
from taalcheck.lexicon.model import Entry, Examples
from taalcheck.matching.context import ContextRule, load_context_rules

__all__ = ["CompiledLexicon", "Entry", "Examples", "Lexicon", "load_lexicon"]


@dataclass
class Lexicon:
    """Entries, compiled patterns and context rules, ready for matching."""

    compiled: CompiledLexicon
    context_rules: list[ContextRule]

    @property
    def entries(self) -> dict[str, Entry]:
        return self.compiled.entries


def load_lexicon(extra_files: tuple[Path, ...] = (), include_bundled: bool = True) -> Lexicon:
    """The bundled lexicon plus an organisation's own files; raises `LexiconError` when malformed."""
    files = (bundled_lexicon_files() if include_bundled else []) + list(extra_files)
    entries = load_entries(files)
    rules = load_context_rules(bundled_lexicon_dir() / "context.yaml")
    return Lexicon(CompiledLexicon(entries), rules)
