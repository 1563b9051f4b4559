"""Word (.docx): body paragraphs, table cells, footnotes, endnotes, headers and footers.

Text is read from the XML rather than python-docx's `Paragraph.text`, because that skips runs
inside tracked insertions (`w:ins`) and content controls. Tracked deletions (`w:del`,
`w:moveFrom`) are not text. Drawings and text boxes are skipped.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from ..errors import InputError
from .base import Document, Segment, Structure
from .containers import open_container, too_deep
from .limits import DEFAULT_LIMITS, InputLimits, LimitError, count_label
from .package import as_plain_document, parse_xml
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


_T, _TABS = qn("w:t"), frozenset({qn("w:tab"), qn("w:ptab")})
_NO_BREAK_HYPHEN = qn("w:noBreakHyphen")


def _run_child_text(child: Any) -> str:
    tag = child.tag
    if tag == _T:
        return child.text or ""
    if tag in _TABS:
        return "\t"
    if tag in _BREAKS:
        return "\n"
    if tag == _NO_BREAK_HYPHEN:
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
    """A paragraph found while walking a container, with its human location and structure."""

    paragraph: Any
    location: str | None
    table: tuple[int, int, int] | None = None  # (table, row, column), 1-based
    structure: Structure | None = None


_HEADING_NAME_RE = re.compile(r"heading ([1-9])$")
#: How long a heading may be in a location label before it is shortened.
HEADING_LABEL_LENGTH = 40


def _val(element: Any, path: str) -> str | None:
    found = element.find(path) if element is not None else None
    return found.get(qn("w:val")) if found is not None else None


class ParagraphStyles:
    """Which paragraphs are headings or list items, read from the styles and numbering parts."""

    def __init__(self, styles: Any | None = None, numbering: Any | None = None) -> None:
        # style id -> (lower-case name, based-on id, outline level, numbering id, numbering level)
        self._styles: dict[str, tuple[str, str | None, str | None, str | None, str | None]] = {}
        if styles is not None:
            for style in styles.iter(qn("w:style")):
                if style.get(qn("w:type"), "paragraph") != "paragraph":
                    continue
                ppr = style.find(qn("w:pPr"))
                self._styles[style.get(qn("w:styleId"), "")] = (
                    (_val(style, qn("w:name")) or "").lower(),
                    _val(style, qn("w:basedOn")),
                    _val(ppr, qn("w:outlineLvl")),
                    _val(ppr, f"{qn('w:numPr')}/{qn('w:numId')}"),
                    _val(ppr, f"{qn('w:numPr')}/{qn('w:ilvl')}"),
                )
        self._formats: dict[str, dict[str, str]] = {}
        if numbering is not None:
            abstract = {
                item.get(qn("w:abstractNumId")): {
                    level.get(qn("w:ilvl"), "0"): _val(level, qn("w:numFmt")) or "decimal"
                    for level in item.iter(qn("w:lvl"))
                }
                for item in numbering.iter(qn("w:abstractNum"))
            }
            for num in numbering.iter(qn("w:num")):
                self._formats[num.get(qn("w:numId"), "")] = abstract.get(_val(num, qn("w:abstractNumId")), {})

    def _chain(
        self, style_id: str | None
    ) -> Iterator[tuple[str, str | None, str | None, str | None, str | None]]:
        seen: set[str] = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            yield self._styles[style_id]
            style_id = self._styles[style_id][1]

    def heading_level(self, paragraph: Any) -> int | None:
        """1 for a top-level heading (or title), 2 below it ...; None for ordinary paragraphs."""
        ppr = paragraph.find(qn("w:pPr"))
        outline = _val(ppr, qn("w:outlineLvl"))
        for name, _based, style_outline, _num, _ilvl in self._chain(_val(ppr, qn("w:pStyle"))):
            if outline is None:
                outline = style_outline
            match = _HEADING_NAME_RE.match(name)
            if outline is None and (match or name == "title"):
                return int(match.group(1)) if match else 1
        if outline is not None and outline.isdigit() and int(outline) < 9:
            return int(outline) + 1
        return None

    def list_level(self, paragraph: Any) -> tuple[int, bool] | None:
        """(depth, numbered) of a list paragraph, 1 for the outer list; None when not in a list."""
        ppr = paragraph.find(qn("w:pPr"))
        num = _val(ppr, f"{qn('w:numPr')}/{qn('w:numId')}")
        ilvl = _val(ppr, f"{qn('w:numPr')}/{qn('w:ilvl')}")
        for _name, _based, _outline, style_num, style_ilvl in self._chain(_val(ppr, qn("w:pStyle"))):
            num = num if num is not None else style_num
            ilvl = ilvl if ilvl is not None else style_ilvl
        if num is None or num == "0":
            return None
        level = ilvl if ilvl and ilvl.isdigit() else "0"
        numbered = self._formats.get(num, {}).get(level, "bullet") not in ("bullet", "none")
        return int(level) + 1, numbered


def short_heading(text: str) -> str:
    """A heading as it appears in a location label (shortened when long)."""
    text = " ".join(text.split())
    return text if len(text) <= HEADING_LABEL_LENGTH else text[: HEADING_LABEL_LENGTH - 1].rstrip() + "…"


@dataclass
class _Walk:
    """Counters while walking the body: tables, numbered paragraphs and the current heading."""

    styles: ParagraphStyles
    tables: int = 0
    paragraphs: int = 0
    heading: str | None = None


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


def _paragraph_block(paragraph: Any, walk: _Walk) -> Block:
    text = paragraph_text(paragraph)
    if not text.strip():
        return Block(paragraph, None)
    level = walk.styles.heading_level(paragraph)
    if level is not None:
        walk.heading = short_heading(text)
        return Block(paragraph, f'kop "{walk.heading}"', structure=Structure("heading", level))
    walk.paragraphs += 1
    location = f"alinea {walk.paragraphs}"
    if walk.heading:
        location += f', onder "{walk.heading}"'
    in_list = walk.styles.list_level(paragraph)
    if in_list:
        return Block(paragraph, location, structure=Structure("list-item", in_list[0], in_list[1]))
    return Block(paragraph, location, structure=Structure())


def iter_blocks(container: Any, walk: _Walk | None = None) -> Iterator[Block]:
    """Every paragraph of a container in document order; table cells cell by cell.

    Body paragraphs get the location "alinea N" (N counts the non-empty paragraphs that are
    not headings, as a reader counts them) with the heading they fall under; headings get
    'kop "..."'; paragraphs in tables get "tabel T, rij R, kolom K" (nested tables keep the
    outer cell).
    """
    walk = walk if walk is not None else _Walk(ParagraphStyles())
    for element in _iter_content(container):
        if element.tag == _P:
            yield _paragraph_block(element, walk)
            continue
        walk.tables += 1
        table = walk.tables
        for row_number, row in enumerate(_iter_rows(element), start=1):
            for column, cell in _iter_cells(row):
                location = f"tabel {table}, rij {row_number}, kolom {column}"
                structure = Structure("table-cell", table=(table, row_number, column))
                for paragraph in _iter_cell_paragraphs(cell):
                    yield Block(paragraph, location, (table, row_number, column), structure)


def _iter_cell_paragraphs(cell: Any) -> Iterator[Any]:
    for element in _iter_content(cell):
        if element.tag == _P:
            yield element
        else:
            for row in _iter_rows(element):
                for _column, inner in _iter_cells(row):
                    yield from _iter_cell_paragraphs(inner)


#: The parts with text besides the body: (relationship type, role, label in locations).
TEXT_PARTS: tuple[tuple[str, str, str], ...] = (
    (RT.FOOTNOTES, "footnote", "voetnoot"),
    (RT.ENDNOTES, "endnote", "eindnoot"),
    (RT.HEADER, "header", "koptekst"),
    (RT.FOOTER, "footer", "voettekst"),
)
_LABELS = {role: label for _reltype, role, label in TEXT_PARTS}


def part_blocks(root: Any, role: str, styles: ParagraphStyles | None = None) -> list[Block]:
    """The blocks of one part's XML root, in order; `Segment.ref` (part name, i) indexes this list.

    `role` is "body" (the main document), "footnote", "endnote", "header" or "footer".
    """
    styles = styles or ParagraphStyles()
    if role == "body":
        body = root.find(qn("w:body")) if root.tag == qn("w:document") else root
        return list(iter_blocks(body if body is not None else root, _Walk(styles)))
    label = _LABELS[role]
    if role in ("header", "footer"):
        return [
            Block(block.paragraph, label, structure=Structure(part=label))
            for block in iter_blocks(root, _Walk(styles))
        ]
    blocks = []
    number = 0
    for note in root.iter(qn(f"w:{role}")):
        if note.get(qn("w:type")) not in (None, "normal"):
            continue  # separators
        number += 1
        where = f"{label} {number}"
        for block in iter_blocks(note, _Walk(styles)):
            blocks.append(Block(block.paragraph, where, structure=Structure(part=where)))
    return blocks


def body_blocks(document: Any) -> list[Block]:
    """The blocks of a python-docx document's body."""
    return part_blocks(document.element, "body", paragraph_styles(document))


def part_name(part: Any) -> str:
    """A python-docx part's name as it appears in the zip (no leading slash)."""
    return str(part.partname).lstrip("/")


def _part_root(part: Any) -> Any:
    element = getattr(part, "element", None)
    if element is not None:
        return element
    return parse_xml(part.blob)


def _related_parts(document: Any, reltype: str) -> list[Any]:
    rels = [rel for rel in document.part.rels.values() if not rel.is_external and rel.reltype == reltype]
    parts = {rel.target_part.partname: rel.target_part for rel in rels}
    return [parts[name] for name in sorted(parts)]


def paragraph_styles(document: Any) -> ParagraphStyles:
    """Heading and list information of a python-docx document."""
    styles = _related_parts(document, RT.STYLES)
    numbering = _related_parts(document, RT.NUMBERING)
    return ParagraphStyles(
        _part_root(styles[0]) if styles else None, _part_root(numbering[0]) if numbering else None
    )


def check_word_container(data: bytes, path: str) -> None:
    """Raise a clear `InputError` for old .doc files, encrypted .docx files and non-zip data."""
    if data.startswith(OLE_SIGNATURE):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise InputError(path, ENCRYPTED_PROBLEM)
        raise InputError(path, OLD_FORMAT_PROBLEM)
    if not data.startswith(b"PK"):
        raise InputError(path, CORRUPT_PROBLEM)


def open_docx(data: bytes, path: str, limits: InputLimits = DEFAULT_LIMITS) -> Any:
    """A python-docx document from the bytes of a Word file (InputError when unreadable).

    Templates (.dotx, .dotm) and macro-enabled documents (.docm) are opened as the plain
    document they hold; their macros are dropped, never run. The package goes through the
    container guard first: python-docx only sees parts unpacked within `limits` (XML checked).
    """
    check_word_container(data, path)
    data = open_container(data, path, limits, CORRUPT_PROBLEM).package_bytes()
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many types for damaged packages
        deep = too_deep(error, path)
        if deep is not None:
            raise deep from None
        try:
            plain = as_plain_document(data)
        except Exception:
            raise InputError(path, CORRUPT_PROBLEM) from error
        if plain is data:
            raise InputError(path, CORRUPT_PROBLEM) from error
        try:
            return docx.Document(io.BytesIO(plain))
        except Exception as second:
            raise InputError(path, CORRUPT_PROBLEM) from second


def word_document(data: bytes, path: str, limits: InputLimits = DEFAULT_LIMITS) -> Document:
    """A Word file as a document: one segment per non-empty paragraph, joined by line breaks.

    Each segment's `ref` is (part name, block index) into `part_blocks` of that part.
    """
    word = open_docx(data, path, limits)
    entries: list[tuple[str, str | None, object, Structure | None]] = []
    try:
        styles = paragraph_styles(word)
        for index, block in enumerate(part_blocks(word.element, "body", styles)):
            entries.append(
                (
                    paragraph_text(block.paragraph),
                    block.location,
                    (part_name(word.part), index),
                    block.structure,
                )
            )
        for reltype, role, _label in TEXT_PARTS:
            for part in _related_parts(word, reltype):
                for index, block in enumerate(part_blocks(_part_root(part), role, styles)):
                    ref = (part_name(part), index)
                    entries.append((paragraph_text(block.paragraph), block.location, ref, block.structure))
    except (etree.XMLSyntaxError, KeyError, ValueError) as error:
        raise InputError(path, CORRUPT_PROBLEM) from error
    return assemble(entries, path, "docx", limits)


def assemble(
    entries: Sequence[tuple], path: str, kind: str, limits: InputLimits = DEFAULT_LIMITS
) -> Document:
    """A document from (text, location, ref[, structure]) entries; empty paragraphs are left out."""
    texts: list[str] = []
    segments: list[Segment] = []
    offset = 0
    for text, location, ref, *rest in entries:
        if not text.strip():
            continue
        if texts:
            offset += 1  # the joining line break
        if offset + len(text) > limits.max_text_chars:
            raise LimitError(
                path, f"meer dan {count_label(limits.max_text_chars)} tekens tekst (de grens per document)"
            )
        segments.append(Segment(offset, offset + len(text), location, ref, rest[0] if rest else None))
        texts.append(text)
        offset += len(text)
    full = "\n".join(texts)
    return Document(path=path, text=full, segments=segments, kind=kind, analysis_text=mask_placeholders(full))
