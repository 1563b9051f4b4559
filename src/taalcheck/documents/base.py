"""The document model every reader produces: text, analysable text and segments."""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Structure:
    """What a segment is in its document, for renderers that keep the layout (HTML).

    `kind` is "paragraph", "heading", "list-item" or "table-cell"; `level` is the heading level
    (1 = top) or the list depth (1 = outer list); `table` is (table, row, column), 1-based.
    `part` labels text outside the main flow ("voetnoot 1", "koptekst", "voettekst").
    """

    kind: str = "paragraph"
    level: int = 0
    ordered: bool = False
    table: tuple[int, int, int] | None = None
    part: str | None = None


@dataclass(frozen=True)
class Segment:
    """A stretch of prose in `Document.text` (`start`..`end`, exclusive).

    `location` is a human label for structured files ("alinea 4", "tabel 1, rij 2, kolom 3",
    "pagina 2"); `None` for plain text where line and column say enough.
    `ref` is reader-specific data to find the source object again (e.g. a docx paragraph index).
    `structure` says what the segment is (heading, list item, table cell ...) when the reader knows.
    `numbered_lines` adds the line inside the segment to its label ("pagina 2, regel 5"): on a PDF
    page the line is what a reader finds, in a Word paragraph it is not.
    """

    start: int
    end: int
    location: str | None = None
    ref: object = None
    structure: Structure | None = None
    numbered_lines: bool = False


@dataclass
class Document:
    """A file turned into text.

    `text` is the text offsets refer to (the decoded file for .txt/.md, the extracted text for
    Word, OpenDocument and PDF). `analysis_text` has exactly the same length; parts that are not
    prose (Markdown code, link targets, template placeholders) are blanked with spaces and damaged
    PDF ligatures are repaired in place. Matching runs on `analysis_text` within `segments`.
    """

    path: str
    text: str
    segments: list[Segment]
    kind: str = "txt"
    analysis_text: str = ""
    _line_starts: Sequence[int] = field(default_factory=list, repr=False)
    _segment_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.analysis_text:
            self.analysis_text = self.text
        if len(self.analysis_text) != len(self.text):
            raise ValueError("analysis_text must have the same length as text")
        # An array, not a list: 8 bytes a line instead of 36 (a PDF of 1M words has 100k lines).
        starts = array("q", [0])
        find, append = self.text.find, starts.append
        pos = find("\n")
        while pos != -1:
            append(pos + 1)
            pos = find("\n", pos + 1)
        self._line_starts = starts

    @property
    def line_starts(self) -> Sequence[int]:
        """The offset in `text` where each line starts (the first is 0)."""
        return self._line_starts

    def passage(self, start: int, end: int) -> str:
        """The text from `start` to `end` (what output quotes of a passage)."""
        return self.text[start:end]

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a code-point offset in `text`."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def line_offset(self, line: int) -> int:
        """Offset in `text` where a 1-based line starts."""
        return self._line_starts[line - 1]

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r")

    def location_at(self, offset: int) -> str | None:
        """The human label of the passage at `offset` ("alinea 4", "pagina 2, regel 5"), if any."""
        segment = self.segment_at(offset)
        if segment is None or segment.location is None:
            return None
        if not segment.numbered_lines:
            return segment.location
        line = self.line_column(offset)[0] - self.line_column(segment.start)[0] + 1
        return f"{segment.location}, regel {line}"

    def segment_at(self, offset: int) -> Segment | None:
        """The segment containing `offset`, if any."""
        if len(self._segment_starts) != len(self.segments):  # built once (segments are set by the reader)
            self._segment_starts = [segment.start for segment in self.segments]
        index = bisect.bisect_right(self._segment_starts, offset) - 1
        if index >= 0 and offset <= self.segments[index].end:
            return self.segments[index]
        return None
