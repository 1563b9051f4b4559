"""Normalisation of Dutch words for matching: case, diacritics, apostrophes, hyphens, ligatures."""

from __future__ import annotations

import codecs
import unicodedata
from functools import lru_cache

from taalcheck.language.lookalikes import IGNORABLE_RE

_APOSTROPHES = "'’‘`´ʼ"
_HYPHENS = "-‐‑‒–—­"
_DROP = {ord(c): None for c in _APOSTROPHES + _HYPHENS}


#: Words whose folded form is kept (those of the candidate sentences; a report uses a few thousand).
#: The bound is what a long text pays: 200,000 kept 8 MB more at 1M words with 152k distinct words.
FOLD_CACHE_WORDS = 32_768


@lru_cache(maxsize=FOLD_CACHE_WORDS)
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
#: Every byte but the ASCII lower-case letters (what `squeeze` drops).
_NOT_LOWER_LETTERS = bytes(code for code in range(256) if not 0x61 <= code <= 0x7A)
_SQUEEZE_ERRORS = "taalcheck-squeeze"


def _squeeze_run(error: UnicodeError) -> tuple[str, int]:
    """A run of non-ASCII characters met while encoding: its letters as ASCII, the rest dropped."""
    assert isinstance(error, UnicodeEncodeError)
    run = error.object[error.start : error.end].translate(_SQUEEZE_TABLE)
    return run.encode("ascii", "ignore").decode("ascii"), error.end


codecs.register_error(_SQUEEZE_ERRORS, _squeeze_run)


def squeeze(text: str) -> str:
    """Lowercase ASCII letters only: the cheap form used to find candidate passages.

    Every word form taalcheck can match, folded and stripped of non-letters, is a substring of
    the squeezed text of the passage that contains it (also across spaces, hyphens and line breaks).
    Letters with diacritics and ligatures become their ASCII letters, every other character is
    dropped: while encoding as ASCII (non-ASCII runs translated by the error handler), then as bytes.
    """
    encoded = text.lower().encode("ascii", _SQUEEZE_ERRORS)
    return encoded.translate(None, _NOT_LOWER_LETTERS).decode("ascii")


def normalise_lemma(lemma: str) -> str:
    """spaCy/Alpino lemmas join separable parts with '_' (`af_dwingen`): write them closed."""
    return lemma.replace("_", "").lower()


#: Lowered in pieces of about this many characters: `str.lower` of a text that is not ASCII
#: allocates twelve bytes per character while it works (80 MB for a text of a million words).
_LOWER_PIECE = 1 << 16
#: The only character that grows when lowered ('İ' becomes 'i' and a combining dot).
_GROWS = "\u0130"


def lower_keeping_offsets(text: str) -> str:
    """`text` in lower case with the same offsets (the few characters that grow when lowered stay).

    A long text is lowered piece by piece, each piece ending after a space or line break (lower
    case never looks across those), so the memory it takes stays small.
    """
    keep = _GROWS in text
    if len(text) <= _LOWER_PIECE or text.isascii():
        return _lower(text, keep)
    pieces = []
    start = 0
    while start < len(text):
        end = start + _LOWER_PIECE
        if end < len(text):
            cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
            end = cut + 1 if cut > start else end
        pieces.append(_lower(text[start:end], keep))
        start = end
    return "".join(pieces)


def _lower(text: str, keep: bool) -> str:
    if not keep:
        return text.lower()
    return "".join(char.lower() if char != _GROWS else char for char in text)
