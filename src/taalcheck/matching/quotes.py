"""Quoted stretches of a block: every quote style real reports use, across line breaks.

One linear scan over the quote characters of a block. Typographic marks (“ ” „ « » ‘ ’ `) have a
fixed role; straight marks (" ') open or close by what stands beside them, and an apostrophe inside
a word (zo'n, collega’s) or before 's/'t ('s avonds) is no quote at all. A closing mark of another
style still closes the open quote (‘Sociale Staatsgreep”), and a quote that is never closed runs to
the end of the block, as in a report that quotes a parent over several lines.
"""

from __future__ import annotations

import re

from taalcheck.datacache import compile_regex

#: Two commas open a quote in Dutch newspaper style (,,Zo gaat het niet'').
_QUOTE_CHARS = compile_regex(r",,(?=\S)|''|[\"“”„‟«»‘’`']")
_OPENERS = frozenset(["“", "„", "‟", "«", "‘", "`", ",,"])
_CLOSERS = frozenset("”»’")
_DOUBLE = frozenset(['"', "“", "”", "„", "‟", "«", "»", "''", ",,"])
#: A quote opened with a single mark longer than this was an apostrophe after all.
MAX_SINGLE = 400
#: Longest quote kept (characters); longer stretches are not treated as quoted.
MAX_QUOTE = 3000
_ELISIONS = compile_regex(r"['’‘](?:s|t|n|k)\b", re.IGNORECASE)


def _is_word(char: str) -> bool:
    return char.isalnum()


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the inside of each quote in `text[start:end]`, nested quotes included."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # (mark, offset just after it)
    for found in _QUOTE_CHARS.finditer(text, start, end):
        mark = found.group()
        position = found.start()
        before = text[position - 1] if position > start else " "
        after = text[found.end()] if found.end() < end else " "
        if mark in ("'", "’", "‘") and _is_word(before) and _is_word(after):
            continue  # an apostrophe inside a word
        if mark in ("'", "’", "‘") and not _is_word(before) and _ELISIONS.match(text, position):
            continue  # 's avonds, 't, 'n
        can_open = not after.isspace() and not _is_word(before)
        can_close = not before.isspace() and not _is_word(after)
        if (mark in _OPENERS and mark != "‘") or (mark == "‘" and can_open):
            if mark == "“" and stack and stack[-1][0] in ("„", ",,"):
                _close(stack, spans, position)  # „German-style“
                continue
            if len(stack) < 3:
                stack.append((mark, found.end()))
        elif mark in _CLOSERS:
            if (stack and can_close) or (stack and mark != "’"):
                _close(stack, spans, position)
        elif can_open and not can_close:
            if len(stack) < 3:
                stack.append((mark, found.end()))
        elif can_close and not can_open and stack:
            _close(stack, spans, position)
    for mark, opened in stack:
        if (
            (mark in _DOUBLE or mark == "‘")
            and end - opened <= MAX_QUOTE
            and _unclosed_is_quote(text, opened, end)
        ):
            spans.append((opened, end))
    return sorted(spans)


_INTRODUCED = compile_regex(r"(?::|\b(?:zegt|zei|zeggen|zeiden|vertelt|vertelde|schrijft|schreef|aldus))\s*$")


def _unclosed_is_quote(text: str, opened: int, end: int) -> bool:
    """An open quote runs to the block end when it was introduced ('Moeder zegt: “...') or a later
    paragraph closes it (a quote over several paragraphs); a stray mark opens nothing."""
    if _INTRODUCED.search(text, max(0, opened - 40), opened - 1):
        return True
    return any(text.find(closer, end, end + MAX_QUOTE) != -1 for closer in '”»"')


def _close(stack: list[tuple[str, int]], spans: list[tuple[int, int]], position: int) -> None:
    mark, opened = stack.pop()
    length = position - opened
    limit = MAX_QUOTE if mark in _DOUBLE else MAX_SINGLE
    if 0 < length <= limit:
        spans.append((opened, position))
