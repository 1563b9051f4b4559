"""The document text in HTML with its structure: headings, paragraphs, lists, tables and labelled parts.

Readers that know what each segment is (Markdown, Word) fill `Segment.structure`; this module
turns those segments into HTML elements, each highlighted with `html.highlight`. Text between
segments (Markdown markup, the line breaks that join Word paragraphs) is not shown. Documents
without structure (plain text, PDF) are left to the flat rendering.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from taalcheck.documents.base import Document, Segment, Structure
from taalcheck.model import Finding, PositiveMatch

#: Characters of Markdown emphasis markup that are hidden in the rendering (the parser blanked them).
HIDDEN_MARKUP = frozenset("*_~")
_HIDE = "\x00"

STRUCTURE_CSS = """
.text.structured{white-space:normal}
.structured p,.structured li,.structured td,.structured .doc-h{white-space:pre-wrap;margin:.1rem 0 .6rem}
.structured.flow p,.structured.flow li,.structured.flow td{white-space:normal}
.structured .doc-h{font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.35;margin:1rem 0 .4rem}
.structured .doc-h:first-child{margin-top:0}
.structured h3.doc-h{font-size:1.4em}.structured h4.doc-h{font-size:1.2em}
.structured h5.doc-h,.structured h6.doc-h{font-size:1.05em}
.structured ul,.structured ol{margin:.2rem 0 .6rem;padding-left:1.6rem}
.structured li{margin:.1rem 0}
.doc-table{border-collapse:collapse;margin:.4rem 0 .9rem;font-size:.95em;line-height:1.6}
.doc-table td{border:1px solid #bbb;padding:.2rem .5rem;vertical-align:top}
.doc-table td>div+div{margin-top:.3rem}
.doc-table tr:first-child td{background:#f2f2f2;font-weight:600}
.part{border-top:1px solid #ccc;margin-top:1rem;padding-top:.4rem;font-size:.92em}
.part-label{font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;font-size:.8rem;font-weight:700;
 text-transform:uppercase;letter-spacing:.04em;color:#555;margin:0 0 .2rem}
"""


def _display_text(document: Document) -> str:
    """The text to show: in Markdown, emphasis markers the parser blanked become hide marks."""
    text = document.text
    if document.kind != "md" or _HIDE in text:
        return text
    analysis = document.analysis_text
    return "".join(
        _HIDE if char in HIDDEN_MARKUP and analysis[index] == " " else char for index, char in enumerate(text)
    )


def _shifted(finding: Finding, offset: int) -> Finding:
    spans = tuple((start - offset, end - offset) for start, end in finding.spans) or (
        (finding.start - offset, finding.end - offset),
    )
    return replace(finding, start=finding.start - offset, end=finding.end - offset, spans=spans)


def _group(document: Document, findings: list[Finding]) -> dict[int, list[int]] | None:
    """Segment index -> 0-based indices of its findings, or None when they are not in text order."""
    starts = [segment.start for segment in document.segments]
    groups: dict[int, list[int]] = {}
    last = -1
    for number, finding in enumerate(findings):
        index = bisect.bisect_right(starts, finding.start) - 1
        if index < 0 or finding.start > document.segments[index].end:
            return None  # outside every segment: the flat rendering shows it
        if index < last:
            return None
        last = index
        groups.setdefault(index, []).append(number)
    return groups


class _Builder:
    """Opens and closes lists, tables and parts while segments are added in order."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.lists: list[str] = []  # open list tags, innermost last
        self.table: int | None = None
        self.row: int | None = None
        self.cell: int | None = None
        self.part: str | None = None

    def close_lists(self, depth: int = 0) -> None:
        while len(self.lists) > depth:
            self.out.append(f"</li></{self.lists.pop()}>")

    def close_table(self) -> None:
        if self.table is not None:
            self.out.append("</div></td></tr></table>")
            self.table = self.row = self.cell = None

    def enter_part(self, part: str | None) -> None:
        if part == self.part:
            return
        self.close_lists()
        self.close_table()
        if self.part is not None:
            self.out.append("</div>")
        if part is not None:
            label = part[:1].upper() + part[1:]
            self.out.append(f'<div class="part"><p class="part-label">{_esc(label)}</p>')
        self.part = part

    def add(self, structure: Structure, html: str) -> None:
        self.enter_part(structure.part)
        if structure.kind == "table-cell" and structure.table:
            self.close_lists()
            self._cell(structure.table, html)
            return
        self.close_table()
        if structure.kind == "list-item":
            self._list_item(max(1, structure.level), structure.ordered, html)
            return
        self.close_lists()
        if structure.kind == "heading":
            level = min(6, max(1, structure.level) + 2)
            self.out.append(f'<h{level} class="doc-h">{html}</h{level}>')
        else:
            self.out.append(f"<p>{html}</p>")

    def _list_item(self, level: int, ordered: bool, html: str) -> None:
        tag = "ol" if ordered else "ul"
        if len(self.lists) >= level:
            self.close_lists(level)
            self.out.append("</li>")
        while len(self.lists) < level:
            self.lists.append(tag)
            self.out.append(f"<{tag}>")
        self.out.append(f"<li>{html}")

    def _cell(self, position: tuple[int, int, int], html: str) -> None:
        table, row, column = position
        if table != self.table:
            self.close_table()
            self.out.append('<table class="doc-table"><tr>')
            self.table, self.row, self.cell = table, row, 0
        elif row != self.row:
            self.out.append("</div></td></tr><tr>")
            self.row, self.cell = row, 0
        elif column == self.cell:
            self.out.append(f"</div><div>{html}")  # another paragraph in the same cell
            return
        else:
            self.out.append("</div></td>")
        filler = max(0, column - (self.cell or 0) - 1)
        self.out.append("<td></td>" * filler)
        self.out.append(f"<td><div>{html}")
        self.cell = column

    def finish(self) -> str:
        self.enter_part(None)
        self.close_lists()
        self.close_table()
        return "".join(self.out)


def _esc(value: str) -> str:
    from taalcheck.report.html import esc

    return esc(value)


def structured_text(
    document: Document, findings: list[Finding], prefix: str, positives: Sequence[PositiveMatch] = ()
) -> str | None:
    """The document as structured, highlighted HTML; None when the reader gave no structure.

    Finding numbers and anchors are the same as in the flat rendering (`html.highlight`).
    """
    from taalcheck.report.html import highlight

    segments: list[Segment] = document.segments
    if not segments or not any(segment.structure for segment in segments):
        return None
    groups = _group(document, findings)
    if groups is None:
        return None
    text = _display_text(document)
    builder = _Builder()
    for index, segment in enumerate(segments):
        numbers = groups.get(index, [])
        local = [_shifted(findings[number], segment.start) for number in numbers]
        first = numbers[0] + 1 if numbers else 1
        trust = [
            replace(positive, start=positive.start - segment.start, end=positive.end - segment.start)
            for positive in positives
            if segment.start <= positive.start and positive.end <= segment.end
        ]
        html = highlight(text[segment.start : segment.end], local, prefix, first=first, positives=trust)
        builder.add(segment.structure or Structure(), html.replace(_HIDE, ""))
    return builder.finish()
