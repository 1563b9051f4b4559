"""A long text scanned in pieces: word searches in lower case without a copy of the whole text.

The lower case of a text of a million words is another 14 MB, and pyahocorasick copies every
`str` it scans into four bytes per character first (27 MB more, even for a scan of a few
characters of it). Scanning piece by piece keeps both to the size of a piece. A piece ends just
after a space or a line break, so a word never runs from one piece into the next, the character
before a piece is never a letter, and the lower case of a piece is that part of the lower case of
the whole text (lower case never looks across a space or a line break).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from taalcheck.language.normalize import lower_keeping_offsets

#: Characters in a piece (a piece runs on to the next space or line break).
PIECE = 1 << 16


def piece_bounds(text: str, size: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive pieces of `text`; each but the last ends just after a space or line break.

    A piece holds at most `size` characters (`PIECE`), unless a stretch of that many characters
    has no space or line break: then it runs on to the next one (or to the end of the text).
    """
    size = size or PIECE
    start, length = 0, len(text)
    while start < length:
        end = start + size
        if end >= length:
            end = length
        else:
            cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
            if cut < start:
                following = [found for found in (text.find(" ", end), text.find("\n", end)) if found >= 0]
                cut = min(following) if following else length - 1
            end = cut + 1
        yield start, end
        start = end


def lowered_pieces(text: str, whole: bool = False) -> Iterator[tuple[int, str]]:
    """(offset in `text`, the piece in lower case): together `lower_keeping_offsets(text)`.

    `whole`: the whole text as one piece (for a search whose words may hold a space or line break).
    """
    for start, end in piece_bounds(text, max(len(text), 1) if whole else None):
        yield start, lower_keeping_offsets(text[start:end])


def scan_pieces(text: str, automaton: Any) -> Iterator[tuple[int, str]]:
    """The lower-case pieces in which to scan `text` with `automaton`, with their offsets.

    Pieces (`lowered_pieces`) when no key of the automaton holds a space or line break (no match
    can then cross from one piece into the next), else the whole text as one piece. A scan of the
    pieces gives the matches of a scan of the whole lower-case text, in the same order.
    """
    return lowered_pieces(text, whole=any(" " in key or "\n" in key for key in automaton))
