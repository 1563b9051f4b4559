"""Lexicon entries as loaded from YAML: `Entry` and `Examples` live in the result model.

A finding refers to its entry, so the entry belongs to the model every stage shares
(`taalcheck.model`); the lexicon layer loads, validates and compiles them.
"""

from __future__ import annotations

from taalcheck.model import Entry, Examples

__all__ = ["Entry", "Examples"]
