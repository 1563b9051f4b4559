"""Word (.docx): body paragraphs, table cells, footnotes, endnotes, headers and footers.

Text is read from the XML rather than python-docx's `Paragraph.text`, because that skips runs
inside tracked insertions (`w:ins`) and content controls. Tracked deletions (`w:del`,
`w:moveFrom`) are not text. Drawings and text boxes are skipped.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from ..errors import InputError
from .base import Document, Segment
from .placeholders import mask_placeholders

CORRUPT_PROBLEM = "beschadigd bestand of geen geldig Word-document (.docx)"
OLD_FORMAT_PROBLEM = "oud Word-formaat (.doc): sla het op als .docx en probeer opnieuw"
ENCRYPTED_PROBLEM = "met een wachtwoord beveiligd: sla een kopie zonder wachtwoord op en probeer opnieuw"

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_P, _TBL, _TR, _TC, _R = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r")
#: Elements whose content is never document text.
_SKIP = frozenset(
    qn(tag)
    for tag in (
        "w:del",
        "w:moveFrom",
        "w:pPr",
        "w:rPr",
        "w:drawing",
        "w:pict",
        "w:object",
        "w:delText",
        "w:instrText",
        "w:sdtPr",
        "w:sdtEndPr",
        "w:tblPr",
        "w:tblGrid",
        "w:trPr",
        "w:tcPr",
    )
) | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}
_BREAKS = frozenset({qn("w:br"), qn("w:cr")})


@dataclass(frozen=True)
class Piece:
    """Text contributed by one child of a run (`w:t`, `w:tab`, `w:br`, ...)."""

    run: Any  # the `w:r` element
    child: Any  # the element inside the run
    start: int  # offset in the paragraph text
    text: str


def _run_child_text(child: Any) -> str:
    tag = child.tag
    if tag == qn("w:t"):
        return child.text or ""
    if tag == qn("w:tab") or tag == qn("w:ptab"):
        return "\t"
    if tag in _BREAKS:
        return "\n"
    if tag == qn("w:noBreakHyphen"):
        return "-"
    return ""


def paragraph_pieces(paragraph: Any) -> list[Piece]:
    """The text pieces of a `w:p` element in order, tracked insertions included, deletions not."""
    pieces: list[Piece] = []
    offset = 0

    def walk(element: Any) -> None:
        nonlocal offset
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _R:
                for part in child:
                    text = _run_child_text(part)
                    if text:
                        pieces.append(Piece(child, part, offset, text))
                        offset += len(text)
            elif tag != _P:  # hyperlinks, insertions, content controls, fields, smart tags
                walk(child)

    walk(paragraph)
    return pieces


def paragraph_text(paragraph: Any) -> str:
    """The visible text of a `w:p` element (tracked insertions included, deletions not)."""
    return "".join(piece.text for piece in paragraph_pieces(paragraph))


@dataclass(frozen=True)
class Block:
    """A paragraph found while walking a container, with its human location."""

    paragraph: Any
    location: str | None
    table: tuple[int, int, int] | None = None  # (table, row, column), 1-based


def _iter_content(container: Any) -> Iterator[Any]:
    """Paragraphs and tables of a container, looking through content controls and custom XML."""
    for child in container:
        tag = child.tag
        if tag in (_P, _TBL):
            yield child
        elif isinstance(tag, str) and tag not in _SKIP and tag != _R:
            yield from _iter_content(child)


def _iter_rows(table: Any) -> Iterator[Any]:
    for child in table:
        if child.tag == _TR:
            yield child
        elif isinstance(child.tag, str) and child.tag not in _SKIP:
            yield from _iter_rows(child)


def _iter_cells(row: Any) -> Iterator[tuple[int, Any]]:
    """(1-based grid column, `w:tc`) of each cell in a row; merged cells count their span."""
    column = 1
    grid_before = row.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}")
    if grid_before is not None:
        column += int(grid_before.get(qn("w:val"), "0"))

    def cells(element: Any) -> Iterator[Any]:
        for child in element:
            if child.tag == _TC:
                yield child
            elif isinstance(child.tag, str) and child.tag not in _SKIP:
                yield from cells(child)

    for cell in cells(row):
        yield column, cell
        span = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
        column += int(span.get(qn("w:val"), "1")) if span is not None else 1


def iter_blocks(container: Any, table_counter: list[int] | None = None) -> Iterator[Block]:
    """Every paragraph of a container in document order; table cells cell by cell.

    Body paragraphs get the location "alinea N" (N counts the non-empty body paragraphs);
    paragraphs in tables get "tabel T, rij R, kolom K" (nested tables keep the outer cell).
    """
    counter = table_counter if table_counter is not None else [0]
    number = 0
    for element in _iter_content(container):
        if element.tag == _P:
            if paragraph_text(element).strip():
                number += 1
                yield Block(element, f"alinea {number}")
            else:
                yield Block(element, None)
            continue
        counter[0] += 1
        table = counter[0]
        for row_number, row in enumerate(_iter_rows(element), start=1):
            for column, cell in _iter_cells(row):
                location = f"tabel {table}, rij {row_number}, kolom {column}"
                for paragraph in _iter_cell_paragraphs(cell):
                    yield Block(paragraph, location, (table, row_number, column))


def _iter_cell_paragraphs(cell: Any) -> Iterator[Any]:
    for element in _iter_content(cell):
        if element.tag == _P:
            yield element
        else:
            for row in _iter_rows(element):
                for _column, inner in _iter_cells(row):
                    yield from _iter_cell_paragraphs(inner)


def body_blocks(document: Any) -> list[Block]:
    """The blocks of a python-docx document's body; `Segment.ref` ("body", i) indexes this list."""
    return list(iter_blocks(document.element.body))


def _part_root(part: Any) -> Any:
    element = getattr(part, "element", None)
    if element is not None:
        return element
    return etree.fromstring(part.blob)


def _related_parts(document: Any, reltype: str) -> list[Any]:
    rels = [rel for rel in document.part.rels.values() if not rel.is_external and rel.reltype == reltype]
    parts = {rel.target_part.partname: rel.target_part for rel in rels}
    return [parts[name] for name in sorted(parts)]


def _note_blocks(document: Any, reltype: str, tag: str, label: str) -> Iterator[tuple[Block, tuple]]:
    for part_index, part in enumerate(_related_parts(document, reltype)):
        number = 0
        for note in _part_root(part).iter(qn(tag)):
            if note.get(qn("w:type")) not in (None, "normal"):
                continue  # separators
            number += 1
            for index, block in enumerate(iter_blocks(note)):
                yield Block(block.paragraph, f"{label} {number}"), (label, part_index, number, index)


def _header_footer_blocks(document: Any, reltype: str, label: str) -> Iterator[tuple[Block, tuple]]:
    for part_index, part in enumerate(_related_parts(document, reltype)):
        for index, block in enumerate(iter_blocks(_part_root(part))):
            yield Block(block.paragraph, label), (label, part_index, index)


def check_word_container(data: bytes, path: str) -> None:
    """Raise a clear `InputError` for old .doc files, encrypted .docx files and non-zip data."""
    if data.startswith(OLE_SIGNATURE):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise InputError(path, ENCRYPTED_PROBLEM)
        raise InputError(path, OLD_FORMAT_PROBLEM)
    if not data.startswith(b"PK"):
        raise InputError(path, CORRUPT_PROBLEM)


def open_docx(data: bytes, path: str) -> Any:
    """A python-docx document from the bytes of a .docx file (InputError when unreadable)."""
    check_word_container(data, path)
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many types for damaged packages
        raise InputError(path, CORRUPT_PROBLEM) from error


def word_document(data: bytes, path: str) -> Document:
    """A .docx file as a document: one segment per non-empty paragraph, joined by line breaks."""
    word = open_docx(data, path)
    entries: list[tuple[str, str | None, tuple]] = []
    try:
        for index, block in enumerate(body_blocks(word)):
            entries.append((paragraph_text(block.paragraph), block.location, ("body", index)))
        for reltype, tag, label in (
            (RT.FOOTNOTES, "w:footnote", "voetnoot"),
            (RT.ENDNOTES, "w:endnote", "eindnoot"),
        ):
            for block, ref in _note_blocks(word, reltype, tag, label):
                entries.append((paragraph_text(block.paragraph), block.location, ref))
        for reltype, label in ((RT.HEADER, "koptekst"), (RT.FOOTER, "voettekst")):
            for block, ref in _header_footer_blocks(word, reltype, label):
                entries.append((paragraph_text(block.paragraph), block.location, ref))
    except (etree.XMLSyntaxError, KeyError, ValueError) as error:
        raise InputError(path, CORRUPT_PROBLEM) from error
    return assemble(entries, path, "docx")


def assemble(entries: list[tuple[str, str | None, object]], path: str, kind: str) -> Document:
    """A document from (paragraph text, location, ref) entries; empty paragraphs are left out."""
    texts: list[str] = []
    segments: list[Segment] = []
    offset = 0
    for text, location, ref in entries:
        if not text.strip():
            continue
        if texts:
            offset += 1  # the joining line break
        segments.append(Segment(offset, offset + len(text), location, ref))
        texts.append(text)
        offset += len(text)
    full = "\n".join(texts)
    return Document(path=path, text=full, segments=segments, kind=kind, analysis_text=mask_placeholders(full))
