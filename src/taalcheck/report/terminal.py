"""Text for a terminal: control characters shown escaped, long lines shown as a window around a passage.

A document or a file name can hold ESC sequences (colours, cursor moves, a cleared screen, a new
window title), a bare carriage return or bidirectional controls that reorder what the reader sees.
None of them reaches the terminal: each is written as `\\x1b` or `\\u202e`. A long line (a Word
paragraph is one line of 300-450 characters) is shown as a window around the passage, with "..."
where it is cut, so the marks under it line up at any terminal width.
"""

from __future__ import annotations

from taalcheck.datacache import compile_regex

#: C0 controls except tab and line feed, DEL, C1 controls, and the bidirectional controls.
_UNSAFE = compile_regex("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_IN_NAMES = compile_regex("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
CUT = "..."
#: Columns kept for the text of a source line when the width is unknown or very small.
MIN_WIDTH = 40


def _escaped(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe_text(text: str) -> str:
    """`text` with every control character (tab and line feed excepted) written as an escape."""
    return _UNSAFE.sub(lambda match: _escaped(match.group()), text) if _UNSAFE.search(text) else text


def safe_name(text: str) -> str:
    """A file name or other one-line value for the terminal: also tabs and line breaks escaped."""
    if not _UNSAFE_IN_NAMES.search(text):
        return text
    return _UNSAFE_IN_NAMES.sub(lambda match: _escaped(match.group()), text)


def _shown(char: str) -> str:
    if char == "\t":
        return " "
    return _escaped(char) if _UNSAFE_IN_NAMES.match(char) else char


def source_window(
    text: str, line_start: int, line_end: int, marks: list[tuple[int, int]], width: int
) -> tuple[str, str]:
    """The part of `text[line_start:line_end]` to show and the marks line under it.

    `marks` are (start, end) offsets in `text` to underline with `^`. The window holds the marks
    and as much context around them as fits in `width` columns, with "..." where the line is cut.
    Only characters near the marks are looked at, so a very long line costs no more than a short one.
    """
    width = max(width, MIN_WIDTH)
    marks = [(max(start, line_start), min(end, line_end)) for start, end in marks]
    marks = [(start, end) for start, end in marks if end > start]
    first = min((start for start, _ in marks), default=line_start)
    last = max((end for _, end in marks), default=line_start)
    if line_end - line_start <= width:
        begin, stop = line_start, line_end
    else:
        begin, stop = _window(line_start, line_end, first, last, width - 2 * len(CUT) - 2)
    lead = CUT + " " if begin > line_start else ""
    tail = " " + CUT if stop < line_end else ""
    window = text[begin:stop]
    if not _UNSAFE_IN_NAMES.search(window.replace("\t", " ")):  # the common case: one column per character
        under = [" "] * len(window)
        for start, end in marks:
            for offset in range(max(start, begin), min(end, stop)):
                under[offset - begin] = "^"
        return lead + window.replace("\t", " ") + tail, (" " * len(lead) + "".join(under)).rstrip()
    shown: list[str] = [lead]
    marked_line: list[str] = [" " * len(lead)]
    for offset in range(begin, stop):
        piece = _shown(text[offset])
        marked = any(start <= offset < end for start, end in marks)
        shown.append(piece)
        marked_line.append(("^" if marked else " ") * len(piece))
    return "".join(shown) + tail, "".join(marked_line).rstrip()


def _window(line_start: int, line_end: int, first: int, last: int, room: int) -> tuple[int, int]:
    """Offsets of a window of at most `room` characters around `first`..`last` on the line."""
    room = max(room, 1)
    if last - first >= room:
        return first, first + room
    spare = room - (last - first)
    begin = max(line_start, first - spare // 2)
    stop = min(line_end, begin + room)
    begin = max(line_start, stop - room)
    return begin, stop
