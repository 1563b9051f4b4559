"""The checklist 'In dit verslag': what the report holds, in words every format shares."""

from __future__ import annotations

from typing import Any

from taalcheck.documents.base import Document
from taalcheck.model import CoverageItem, FileResult

#: At most this many line numbers are named per item (the JSON lists every passage).
SHOWN_LINES = 5


def passage_lines(file: FileResult, item: CoverageItem) -> list[int]:
    """The line numbers (from 1) where the item's passages start."""
    document = file.document
    if not isinstance(document, Document):
        return []
    lines: list[int] = []
    for start, _ in item.passages:
        line = document.line_column(start)[0]
        if line not in lines:
            lines.append(line)
    return lines


def passage_location(file: FileResult, start: int) -> str | None:
    """Where a passage is in a structured document ("alinea 4", "pagina 2, regel 5"): the document's label."""
    document = file.document
    return document.location_at(start) if isinstance(document, Document) else None


def status(file: FileResult, item: CoverageItem) -> str:
    """'3 passages (regels 4, 9, 12)', '1 passage (alinea 4), alleen moeder' or 'niet gevonden'."""
    if not item.present:
        return "niet gevonden"
    count = len(item.passages)
    text = f"{count} {'passage' if count == 1 else 'passages'}"
    places = [passage_location(file, start) for start, _ in item.passages]
    if places and all(places):
        shown = "; ".join(dict.fromkeys(place for place in places if place))
        parts = shown.split("; ")
        text += f" ({'; '.join(parts[:SHOWN_LINES])}{'; ...' if len(parts) > SHOWN_LINES else ''})"
    else:
        lines = passage_lines(file, item)
        if lines:
            shown = ", ".join(str(line) for line in lines[:SHOWN_LINES])
            more = ", ..." if len(lines) > SHOWN_LINES else ""
            text += f" ({'regel' if len(lines) == 1 else 'regels'} {shown}{more})"
    if item.note:
        text += f", {item.note}"
    return text


def checklist_lines(file: FileResult) -> list[str]:
    """One line per item, with its question where something is missing."""
    lines = []
    for item in file.coverage:
        line = f"{item.label}: {status(file, item)}"
        if item.question:
            line += f". Vraag: {item.question}"
        lines.append(line)
    return lines


def coverage_dict(file: FileResult) -> list[dict[str, Any]]:
    """The checklist for JSON: every passage with its offsets, line and text."""
    document = file.document
    items = []
    for item in file.coverage:
        passages = []
        for start, end in item.passages:
            passage: dict[str, Any] = {"start": start, "end": end}
            if document is not None:
                passage["line"] = document.line_column(start)[0]
                location = passage_location(file, start)
                if location:
                    passage["location"] = location
                passage["text"] = " ".join(document.passage(start, end).split())
            passages.append(passage)
        data: dict[str, Any] = {
            "key": item.key,
            "label": item.label,
            "principle": item.principle,
            "present": item.present,
            "passages": passages,
        }
        if item.note:
            data["note"] = item.note
        if item.question:
            data["question"] = item.question
        items.append(data)
    return items


def missing_required(file: FileResult, required: tuple[str, ...]) -> list[str]:
    """The required items (`require` in the configuration) this document does not hold."""
    present = {item.key for item in file.coverage if item.present}
    return [key for key in required if key not in present]
