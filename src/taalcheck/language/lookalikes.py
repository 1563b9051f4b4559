"""Characters that hide a term from a reader-less match: invisible ones, lookalike letters, wide forms.

A soft hyphen, a zero-width space or joiner, a bidirectional control or a variation selector
inside a word is invisible; a Cyrillic 'а' in a Latin word looks like 'a'; fullwidth 'ｅ' and
mathematical '𝐞' read as 'e'. Matching must see the word a reader sees. Invisible characters are
skipped by the tokenizer and by `fold` (see `IGNORABLE`); `fold_lookalikes` writes lookalike and
wide letters as the Latin letter they show, one character for one, so the analysis text keeps the
length of the text as given and every offset still points into it.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from taalcheck.datacache import compile_regex

#: Default-ignorable code points (Unicode DerivedCoreProperties.txt), as a character class body.
IGNORABLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
IGNORABLE_RE = compile_regex(f"[{IGNORABLE}]")

#: Cyrillic and Greek letters that look like Latin ones (Unicode confusables, the common part).
CONFUSABLES = {
    # Cyrillic lower case
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
    "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "ɡ": "g",
    # Cyrillic upper case
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "Ԁ": "D", "Ԛ": "Q", "Ԝ": "W",
    # Greek
    "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
    "χ": "x", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    # Latin lookalikes outside the ranges `fold` decomposes
    "ı": "i", "ȷ": "j", "ɑ": "a", "ɩ": "i", "ʟ": "L",
}  # fmt: skip
#: Wide and styled forms that compatibility normalisation turns into one ASCII character.
_WIDE = "\uff01-\uff5e\u2460-\u24ff\U0001d400-\U0001d7ff"
_LOOKALIKE = compile_regex(f"[{_WIDE}{''.join(CONFUSABLES)}]")
#: How far a lookalike looks for the Latin letters of its word.
_WORD_REACH = 64


@lru_cache(maxsize=4096)
def _ascii_form(char: str) -> str | None:
    """The ASCII character a wide or styled form stands for ('ｅ' -> 'e'), if it is one."""
    form = unicodedata.normalize("NFKC", char)
    return form if len(form) == 1 and form.isascii() and form.isprintable() and not form.isspace() else None


def _word_bounds(text: str, position: int) -> tuple[int, int]:
    start = position
    limit = max(0, position - _WORD_REACH)
    while start > limit and (text[start - 1].isalpha() or IGNORABLE_RE.match(text[start - 1])):
        start -= 1
    end = position + 1
    limit = min(len(text), position + _WORD_REACH)
    while end < limit and (text[end].isalpha() or IGNORABLE_RE.match(text[end])):
        end += 1
    return start, end


def fold_lookalikes(text: str) -> str:
    """`text` with lookalike letters in Latin words and wide forms written as plain Latin (same length).

    A Cyrillic or Greek lookalike is only replaced inside a word that also holds a Latin letter,
    so Cyrillic and Greek words stay as they are.
    """
    if not _LOOKALIKE.search(text):
        return text
    pieces: list[str] = []
    last = 0
    word_end, latin_word = -1, False
    for match in _LOOKALIKE.finditer(text):
        position = match.start()
        char = match.group()
        replacement = _ascii_form(char) if char not in CONFUSABLES else None
        if char in CONFUSABLES:
            if position >= word_end:
                word_start, word_end = _word_bounds(text, position)
                word = text[word_start:word_end]
                latin_word = any("a" <= letter <= "z" or "A" <= letter <= "Z" for letter in fold_wide(word))
            replacement = CONFUSABLES[char] if latin_word else None
        if replacement is not None:
            pieces.append(text[last:position])
            pieces.append(replacement)
            last = position + 1
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def fold_wide(word: str) -> str:
    """A word with its wide and styled forms as ASCII (used to see whether a word is Latin)."""
    return "".join(_ascii_form(char) or char if _LOOKALIKE.match(char) else char for char in word)
