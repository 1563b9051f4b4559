"""Normalisation of Dutch words for matching: case, diacritics, apostrophes, hyphens, ligatures."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from taalcheck.language.lookalikes import IGNORABLE_RE

_APOSTROPHES = "'’‘`´ʼ"
_HYPHENS = "-‐‑‒–—­"
_DROP = {ord(c): None for c in _APOSTROPHES + _HYPHENS}


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Fold a word for comparison: lowercase, no diacritics, no apostrophes or hyphens.

    `Geëscaleerd` -> `geescaleerd`, `risico’s` -> `risicos`, `risico-gestuurd` -> `risicogestuurd`,
    `ﬂexibel` -> `flexibel`.
    """
    if word.isascii():
        return word.lower().translate(_DROP)
    decomposed = unicodedata.normalize("NFKD", IGNORABLE_RE.sub("", word.lower()))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.translate(_DROP)


def _build_squeeze_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        folded = fold(char)
        if folded.isascii() and folded.isalpha() and folded != char:
            table[code] = folded
    for ligature in "ﬀﬁﬂﬃﬄﬅﬆ":
        table[ord(ligature)] = unicodedata.normalize("NFKC", ligature)
    return table


_SQUEEZE_TABLE = _build_squeeze_table()
_NON_LETTERS = re.compile(r"[^a-z]+")


def squeeze(text: str) -> str:
    """Lowercase ASCII letters only: the cheap form used to find candidate passages.

    Every word form taalcheck can match, folded and stripped of non-letters, is a substring of
    the squeezed text of the passage that contains it (also across spaces, hyphens and line breaks).
    """
    return _NON_LETTERS.sub("", text.lower().translate(_SQUEEZE_TABLE))


def normalise_lemma(lemma: str) -> str:
    """spaCy/Alpino lemmas join separable parts with '_' (`af_dwingen`): write them closed."""
    return lemma.replace("_", "").lower()


def lower_keeping_offsets(text: str) -> str:
    """`text` in lower case with the same offsets (the few characters that grow when lowered stay)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)
