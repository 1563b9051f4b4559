"""Markdown: the prose blocks of a file, with code, markup and link targets blanked.

`text` stays the file as decoded (inline suppression comments stay readable there);
`analysis_text` keeps only prose: everything outside paragraphs, headings, list items and
table cells becomes spaces, and so do inline code, HTML, link targets, images and markup
characters inside them. Line breaks are kept, so lines and columns stay valid.
"""

from __future__ import annotations

import itertools
import re

from markdown_it import MarkdownIt

from .base import Document, Segment, Structure
from .ligatures import repair_ligatures
from .placeholders import mask_placeholders

_LINE_BREAK_RE = re.compile(r"\r\n?|\n")
_FRONT_MATTER_OPEN_RE = re.compile(r"---[ \t]*$")
_FRONT_MATTER_CLOSE_RE = re.compile(r"(?:---|\.\.\.)[ \t]*$")

# Container markers at the start of a line: block quotes, list bullets and numbers, indentation.
_LINE_PREFIX_RE = re.compile(r"(?:[ \t]*(?:>|[-+*]|\d{1,9}[.)])(?=[ \t]|$))*[ \t]*")
_ATX_OPEN_RE = re.compile(r"#{1,6}(?=[ \t]|$)[ \t]*")
_ATX_CLOSE_RE = re.compile(r"[ \t]+#+[ \t]*$")

_INLINE_RES = (
    re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL),  # inline code
    re.compile(r"<!--.*?-->", re.DOTALL),  # HTML comments (suppressions stay readable in `text`)
    re.compile(r"!\[[^\]]*\]\((?:[^()]|\([^()]*\))*\)"),  # images
    re.compile(r"!\[[^\]]*\]\[[^\]]*\]"),  # reference images
    re.compile(r"\]\((?:[^()]|\([^()]*\))*\)"),  # link targets: ](url "title")
    re.compile(r"\]\[[^\]]*\]"),  # reference links: ][ref]
    re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>"),  # autolinks
    re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"),  # inline HTML tags
    re.compile(r"(?:https?://|www\.)[^\s<>()]*[^\s<>().,;:!?'\"]"),  # bare URLs
    re.compile(r"\\(?=[!-/:-@\[-`{-~])"),  # backslashes of escapes
    re.compile(r"[\[\]]"),  # link text brackets
    re.compile(r"(?:(?<![\w*~])(?:\*{1,3}|~~)|(?:\*{1,3}|~~)(?![\w*~]))"),  # emphasis * and ~~
    re.compile(r"(?:(?<![\w_])_{1,3}|_{1,3}(?![\w_]))"),  # emphasis _
)
_CELL_SPLIT_RE = re.compile(r"(?<!\\)\|")


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line as markdown-it counts lines, line breaks excluded."""
    spans = []
    start = 0
    for match in _LINE_BREAK_RE.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _front_matter_lines(text: str, lines: list[tuple[int, int]]) -> int:
    """Number of lines taken by YAML front matter at the top (0 when there is none)."""
    if not lines or not _FRONT_MATTER_OPEN_RE.match(text[lines[0][0] : lines[0][1]]):
        return 0
    for number, (start, end) in enumerate(lines[1:], start=1):
        if _FRONT_MATTER_CLOSE_RE.match(text[start:end]):
            return number + 1
    return 0


class _Blanker:
    """Builds the analysis text: all spaces except what is copied in as prose."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.chars = [char if char in "\r\n" else " " for char in text]

    def copy(self, start: int, end: int) -> None:
        self.chars[start:end] = self.text[start:end]

    def blank(self, start: int, end: int) -> None:
        for index in range(start, end):
            if self.chars[index] not in "\r\n":
                self.chars[index] = " "

    def trimmed(self, start: int, end: int, chars: list[str] | None = None) -> tuple[int, int] | None:
        """`start`..`end` without blank characters at either side (None when all blank)."""
        chars = chars if chars is not None else self.chars
        while start < end and chars[start].isspace():
            start += 1
        while end > start and chars[end - 1].isspace():
            end -= 1
        return (start, end) if start < end else None

    def result(self) -> str:
        return "".join(self.chars)


def _copy_prose_line(blanker: _Blanker, start: int, end: int, heading: bool) -> None:
    """Copy one line of a paragraph or heading without its container and heading markers."""
    line = blanker.text[start:end]
    offset = _LINE_PREFIX_RE.match(line).end()  # type: ignore[union-attr]
    stop = len(line)
    if heading:
        atx = _ATX_OPEN_RE.match(line, offset)
        if atx:
            offset = atx.end()
            close = _ATX_CLOSE_RE.search(line, offset)
            stop = close.start() if close else stop
    blanker.copy(start + offset, start + stop)


def markdown_document(text: str, path: str) -> Document:
    """A Markdown document: one segment per paragraph, heading, list item paragraph and table cell."""
    lines = _line_spans(text)
    skipped = _front_matter_lines(text, lines)
    source = text
    if skipped:
        # Parse without the front matter but keep its lines (as empty ones) so numbers still match.
        source = "\n" * skipped + text[lines[skipped][0] :] if skipped < len(lines) else "\n" * skipped
    tokens = MarkdownIt("commonmark").enable("table").parse(source)

    blanker = _Blanker(text)
    # Prose stretches (before inline blanking) and their parts with what each part is: table
    # cells, or the whole block.
    blocks: list[tuple[int, int, list[tuple[int, int, Structure]]]] = []
    lists: list[bool] = []  # open lists, innermost last: numbered or not
    tables = rows = 0
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(token.type == "ordered_list_open")
        elif token.type in ("bullet_list_close", "ordered_list_close") and lists:
            lists.pop()
        elif token.type == "table_open":
            tables += 1
            rows = 0
        elif (
            token.type == "inline"
            and token.map
            and index
            and tokens[index - 1].type
            in (
                "paragraph_open",
                "heading_open",
            )
        ):
            heading = tokens[index - 1].type == "heading_open"
            first, last = token.map
            for number in range(first, min(last, len(lines))):
                _copy_prose_line(blanker, *lines[number], heading=heading)
            start, end = lines[first][0], lines[min(last, len(lines)) - 1][1]
            if heading:
                structure = Structure("heading", int(tokens[index - 1].tag[1:]))
            elif lists:
                structure = Structure("list-item", len(lists), lists[-1])
            else:
                structure = Structure()
            blocks.append((start, end, [(start, end, structure)]))
        elif token.type == "tr_open" and token.map:
            rows += 1
            start, end = lines[token.map[0]]
            row_cells = _row_cells(text, start, end)
            for cell_start, cell_end in row_cells:
                blanker.copy(cell_start, cell_end)
            parts = [
                (cell_start, cell_end, Structure("table-cell", table=(tables, rows, column)))
                for column, (cell_start, cell_end) in enumerate(row_cells, start=1)
            ]
            blocks.append((start, end, parts))

    prose = blanker.result()
    outline = list(prose)  # block markup blanked, inline markup not yet: the segment's visible extent
    masked = mask_placeholders(prose)
    blanker.chars = list(masked)
    for start, end, _parts in blocks:
        chunk = text[start:end]
        for pattern in _INLINE_RES:
            for match in pattern.finditer(chunk):
                blanker.blank(start + match.start(), start + match.end())

    segments: list[Segment] = []
    for _start, _end, parts in sorted(blocks, key=lambda block: (block[0], block[1])):
        for part_start, part_end, structure in parts:
            # A segment with prose starts and ends where its text does (inline markup included).
            if blanker.trimmed(part_start, part_end):
                span = blanker.trimmed(part_start, part_end, outline)
                segments.append(Segment(*span, structure=structure))  # type: ignore[misc]
    analysis = repair_ligatures(blanker.result())
    return Document(path=path, text=text, segments=segments, kind="md", analysis_text=analysis)


def _row_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each cell's content in a table row line."""
    line = text[start:end]
    edges = [-1, *(match.start() for match in _CELL_SPLIT_RE.finditer(line)), len(line)]
    stripped = line.strip()
    pairs = list(itertools.pairwise(edges))
    if stripped.startswith("|"):
        pairs = pairs[1:]
    if stripped.endswith("|") and len(stripped) > 1:
        pairs = pairs[:-1]
    return [(start + left + 1, start + right) for left, right in pairs]
