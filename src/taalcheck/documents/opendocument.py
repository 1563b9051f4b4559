"""OpenDocument text (.odt): paragraphs, headings, lists, table cells, notes, headers and footers.

The package is opened through the container guard; the text is walked in content.xml and
styles.xml with lxml so tracked deletions, annotations, notes and indexes are treated exactly.
Space counts (`text:s text:c="..."`) are capped and all text together stays within the limit.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from .base import Document, Structure
from .containers import open_container
from .limits import DEFAULT_LIMITS, InputLimits, LimitError, count_label
from .word import assemble, short_heading

CORRUPT_PROBLEM = "beschadigd bestand of geen geldig OpenDocument-tekstdocument (.odt)"
ENCRYPTED_PROBLEM = "met een wachtwoord beveiligd: sla een kopie zonder wachtwoord op en probeer opnieuw"

_NS = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
}


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


_PARAGRAPHS = frozenset({_q("text:p"), _q("text:h")})
_TABLE = _q("table:table")
_ROW = _q("table:table-row")
_CELL = _q("table:table-cell")
_COVERED = _q("table:covered-table-cell")
_NOTE = _q("text:note")
#: Elements whose content is not running text of the paragraph or container they are in.
_SKIP = frozenset(
    _q(name)
    for name in (
        "text:tracked-changes",
        "office:annotation",
        "text:note",
        "text:table-of-content",
        "text:alphabetical-index",
        "text:illustration-index",
        "text:table-index",
        "text:object-index",
        "text:user-index",
        "text:bibliography",
        "text:sequence-decls",
        "text:variable-decls",
        "text:user-field-decls",
        "office:forms",
        "table:table-columns",
        "table:table-column",
    )
) | {"{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}frame"}


#: Spaces that `text:s` elements may add to one document in total.
MAX_EXPANDED_SPACES = 1_000_000


class TextBudget:
    """Spaces that `text:s` elements may still add to a document (other text is bounded by its XML)."""

    def __init__(self, path: str, limits: InputLimits) -> None:
        self.path = path
        self.limits = limits
        self.total = min(limits.max_text_chars, MAX_EXPANDED_SPACES)
        self.left = self.total

    def spend(self, count: int) -> None:
        self.left -= count
        if self.left < 0:
            raise LimitError(
                self.path,
                f"meer dan {count_label(self.total)} herhaalde spaties (text:s); dat is de grens per document",
            )

    def spaces(self, count: str | None) -> int:
        """The number of spaces a `text:c` attribute asks for, at most `max_repeat`."""
        try:
            wanted = int(count) if count is not None else 1
        except ValueError:
            wanted = 1
        return max(1, min(wanted, self.limits.max_repeat))


def paragraph_text(element: Any, budget: TextBudget | None = None) -> str:
    """The text of a `text:p` or `text:h` element (notes and annotations left out)."""
    parts: list[str] = [element.text or ""]
    for child in element:
        tag = child.tag
        if isinstance(tag, str) and tag not in _SKIP:
            if tag == _q("text:s"):
                count = budget.spaces(child.get(_q("text:c"))) if budget else 1
                if budget:
                    budget.spend(count)
                parts.append(" " * count)
            elif tag == _q("text:tab"):
                parts.append("\t")
            elif tag == _q("text:line-break"):
                parts.append("\n")
            else:
                parts.append(paragraph_text(child, budget))
        parts.append(child.tail or "")
    return "".join(parts)


def _iter_rows(table: Any) -> Iterator[Any]:
    for child in table:
        if child.tag == _ROW:
            yield child
        elif isinstance(child.tag, str) and child.tag not in _SKIP:
            yield from _iter_rows(child)  # header rows, row groups


def _iter_blocks(
    container: Any,
    counter: list[int],
    location: str | None = None,
    cell: Structure | None = None,
    depth: int = 0,
) -> Iterator[tuple[Any, str | None, Structure]]:
    """(paragraph, location, structure) in document order; tables cell by cell."""
    for child in container:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag in _PARAGRAPHS:
            if cell is not None:
                yield child, location, cell
            elif tag == _q("text:h"):
                level = child.get(_q("text:outline-level"), "1")
                yield child, location, Structure("heading", int(level) if level.isdigit() else 1)
            elif depth:
                yield child, location, Structure("list-item", depth)
            else:
                yield child, location, Structure()
        elif tag == _TABLE:
            counter[0] += 1
            table = counter[0]
            for row_number, row in enumerate(_iter_rows(child), start=1):
                column = 1
                for cell_element in row:
                    if cell_element.tag not in (_CELL, _COVERED):
                        continue
                    repeat = int(cell_element.get(_q("table:number-columns-repeated"), "1"))
                    if cell_element.tag == _CELL:
                        where = location or f"tabel {table}, rij {row_number}, kolom {column}"
                        inner = cell or Structure("table-cell", table=(table, row_number, column))
                        yield from _iter_blocks(cell_element, counter, where, inner, depth)
                    column += repeat
        else:  # lists, list items, sections, ...
            yield from _iter_blocks(child, counter, location, cell, depth + (tag == _q("text:list")))


def _body_entries(root: Any, budget: TextBudget) -> list[tuple[str, str | None, object, Structure]]:
    entries: list[tuple[str, str | None, object, Structure]] = []
    body = root.find(f"{_q('office:body')}/{_q('office:text')}")
    if body is None:
        raise ValueError("no office:text")
    number = 0
    heading: str | None = None
    for index, (paragraph, location, structure) in enumerate(_iter_blocks(body, [0])):
        text = paragraph_text(paragraph, budget)
        if location is None and text.strip():
            if structure.kind == "heading":
                heading = short_heading(text)
                location = f'kop "{heading}"'
            else:
                number += 1
                location = f"alinea {number}" + (f', onder "{heading}"' if heading else "")
        entries.append((text, location, ("body", index), structure))
    counters = {"footnote": 0, "endnote": 0}
    for note in body.iter(_NOTE):
        note_class = note.get(_q("text:note-class"), "footnote")
        label = "eindnoot" if note_class == "endnote" else "voetnoot"
        key = "endnote" if note_class == "endnote" else "footnote"
        counters[key] += 1
        note_body = note.find(_q("text:note-body"))
        if note_body is None:
            continue
        where = f"{label} {counters[key]}"
        for index, (paragraph, _location, _structure) in enumerate(_iter_blocks(note_body, [0])):
            entries.append(
                (
                    paragraph_text(paragraph, budget),
                    where,
                    (label, counters[key], index),
                    Structure(part=where),
                )
            )
    return entries


def _header_footer_entries(
    styles: Any, budget: TextBudget
) -> list[tuple[str, str | None, object, Structure]]:
    entries: list[tuple[str, str | None, object, Structure]] = []
    for kind, label in (("header", "koptekst"), ("footer", "voettekst")):
        number = 0
        for page in styles.iter(_q("style:master-page")):
            for child in page:
                # style:header, style:header-left, style:header-first (and the same for footers)
                if isinstance(child.tag, str) and child.tag.startswith(_q(f"style:{kind}")):
                    for paragraph, _location, _structure in _iter_blocks(child, [0]):
                        entries.append(
                            (paragraph_text(paragraph, budget), label, (label, number), Structure(part=label))
                        )
                        number += 1
    return entries


def odt_document(data: bytes, path: str, limits: InputLimits = DEFAULT_LIMITS) -> Document:
    """An .odt file as a document: one segment per non-empty paragraph, joined by line breaks."""
    if not data.startswith(b"PK"):
        raise InputError(path, CORRUPT_PROBLEM)
    container = open_container(data, path, limits, CORRUPT_PROBLEM)
    if "META-INF/manifest.xml" in container and b"encryption-data" in container.read("META-INF/manifest.xml"):
        raise InputError(path, ENCRYPTED_PROBLEM)
    mimetype = container.read("mimetype").strip() if "mimetype" in container else b""
    if mimetype and not mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
        raise InputError(path, CORRUPT_PROBLEM)
    if "content.xml" not in container:
        raise InputError(path, CORRUPT_PROBLEM)
    budget = TextBudget(path, limits)
    content = container.parse("content.xml")
    styles = container.parse("styles.xml") if "styles.xml" in container else None
    try:
        entries = _body_entries(content, budget)
        if styles is not None:
            entries += _header_footer_entries(styles, budget)
    except (ValueError, TypeError, AttributeError) as error:  # malformed structure
        raise InputError(path, CORRUPT_PROBLEM) from error
    return assemble(entries, path, "odt", limits)
