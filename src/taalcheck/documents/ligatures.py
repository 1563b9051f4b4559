"""Repair ligatures that PDF text extraction damaged.

Some PDF exports lose the glyphs for "fi", "fl", "ff", "ft" and "tt": the extracted text then
reads "con� ict" for "conflict" and "hee�  met" for "heeft met". The replacement character and
the space after it take exactly two characters, so the repair keeps the text length: the
candidate ligature that turns the word into known Dutch wins. The word list is the spaCy
lookup table for Dutch lemmas (`spacy-lookups-data`), loaded only when damage occurs.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from taalcheck.datacache import compile_regex

DAMAGE = "\ufffd"
#: Two-letter ligatures, in order of preference when the word list cannot decide.
CANDIDATES = ("fi", "fl", "ff", "ft", "tt")
#: Real ligature characters and what they stand for (these change the length when expanded).
LIGATURE_CHARS = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}

_LETTERS = r"[^\W\d_]"
_DAMAGE_RE = compile_regex(rf"({_LETTERS}*){DAMAGE} ({_LETTERS}*)")
_LIGATURE_CHAR_RE = compile_regex("[" + "".join(LIGATURE_CHARS) + "]")


class _WordList:
    """Known Dutch word forms with fast membership and prefix tests."""

    def __init__(self, words: set[str]) -> None:
        self.words = words
        self._ordered: list[str] | None = None

    def is_prefix(self, prefix: str) -> bool:
        if self._ordered is None:
            self._ordered = sorted(self.words)
        index = bisect.bisect_left(self._ordered, prefix)
        return index < len(self._ordered) and self._ordered[index].startswith(prefix)


@lru_cache(maxsize=1)
def _word_list() -> _WordList:
    """All forms and lemmas from the Dutch lemma lookup table (empty when it is missing)."""
    try:
        import gzip
        import json
        from importlib import resources

        data = resources.files("spacy_lookups_data").joinpath("data").joinpath("nl_lemma_lookup.json.gz")
        with data.open("rb") as handle:
            table: dict[str, str] = json.loads(gzip.decompress(handle.read()))
    except (ModuleNotFoundError, FileNotFoundError, OSError, ValueError):
        return _WordList(set())
    words = {word.lower() for word in table} | {lemma.lower() for lemma in table.values()}
    return _WordList(words)


def _prefix_score(word: str, start: int, end: int, words: _WordList) -> int:
    """How far into `word` a known word's beginning reaches, covering the ligature (`start`..`end`).

    The known part starts at the beginning of `word` or after a known first part of a compound
    ("kinder" + "conflict..."). Returns the end offset reached (0 when none covers the ligature).
    """
    best = 0
    for first in range(start + 1):
        if first and word[:first] not in words.words:
            continue
        for stop in range(end, len(word) + 1):
            if not words.is_prefix(word[first:stop]):
                break
            best = max(best, stop)
    return best


def _choose(before: str, after: str) -> str | None:
    """The ligature that best joins `before` and `after` into a Dutch word (None if none fits)."""
    words = _word_list()
    if not words.words:
        return None
    lower_before, lower_after = before.lower(), after.lower()
    chosen = next(
        (lig for lig in CANDIDATES if lower_before + lig + lower_after in words.words),
        None,
    )
    if chosen is None:
        scores = {
            lig: _prefix_score(lower_before + lig + lower_after, len(before), len(before) + 2, words)
            for lig in CANDIDATES
        }
        best = max(CANDIDATES, key=lambda lig: scores[lig])
        # Without a known word, at least two letters after the ligature must fit a known word.
        if not after or scores[best] - (len(before) + 2) < min(2, len(after)):
            return None
        chosen = best
    return chosen.upper() if (before[-1:] + after[:1]).isupper() else chosen


def repair_ligatures(text: str) -> str:
    """`text` with "X� Y" ligature damage repaired in place ("con� ict" → "conflict").

    The result has exactly the same length: the replacement character and the space after it
    become the two letters of the ligature. Damage that no candidate explains is left alone.
    """
    if DAMAGE not in text:
        return text

    def fix(match: re.Match[str]) -> str:
        before, after = match.group(1), match.group(2)
        if not before and not after:
            return match.group()
        ligature = _choose(before, after)
        if ligature is None:
            return match.group()
        return before + ligature + after

    return _DAMAGE_RE.sub(fix, text)


def expand_ligatures(text: str) -> str:
    """`text` with ligature characters ("ﬁ", "ﬂ", ...) spelled out; the length may change."""
    if not _LIGATURE_CHAR_RE.search(text):
        return text
    return _LIGATURE_CHAR_RE.sub(lambda match: LIGATURE_CHARS[match.group()], text)
