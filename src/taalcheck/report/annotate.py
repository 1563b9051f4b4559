"""Word comments: a copy of a .docx with a comment on each flagged passage.

Each comment is anchored on exactly the flagged text: runs are split at the passage's edges
(the copies keep their formatting) and the comment range is placed around the runs between.
The source file is only read.
"""

from __future__ import annotations

import copy
import io
import os
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn
from docx.text.run import Run

from taalcheck.documents.base import Document
from taalcheck.documents.word import Piece, body_blocks, open_docx, paragraph_pieces, paragraph_text
from taalcheck.errors import InputError
from taalcheck.model import Finding

AUTHOR = "taalcheck"
INITIALS = "TC"
SAME_FILE_PROBLEM = "uitvoer zou het invoerbestand overschrijven; kies een andere naam met -o"
_RPR = qn("w:rPr")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def comment_text(finding: Finding) -> str:
    """The comment for a finding: its message, then the alternatives to consider."""
    if not finding.suggestions:
        return finding.message
    return f"{finding.message}\nOverweeg: {'; '.join(finding.suggestions)}"


def _same_file(source: Path, target: Path) -> bool:
    if source.resolve() == target.resolve():
        return True
    try:
        return target.exists() and os.path.samefile(source, target)
    except OSError:
        return False


def _run_ranges(pieces: list[Piece]) -> list[tuple[Any, int, int]]:
    """(run, start, end) of each run with text, in paragraph order."""
    ranges: list[tuple[Any, int, int]] = []
    for piece in pieces:
        end = piece.start + len(piece.text)
        if ranges and ranges[-1][0] is piece.run:
            ranges[-1] = (piece.run, ranges[-1][1], end)
        else:
            ranges.append((piece.run, piece.start, end))
    return ranges


def _set_text(element: Any, text: str) -> None:
    element.text = text
    element.set(_XML_SPACE, "preserve")


def _split_run(run: Any, child: Any, inner: int) -> None:
    """Split `run` so that `child` (from character `inner` on) starts a new run right after it."""
    children = list(run)
    index = children.index(child)
    second = copy.deepcopy(run)
    second_children = list(second)
    for element in second_children[:index]:
        if element.tag != _RPR:
            second.remove(element)
    for element in children[index + 1 :]:
        run.remove(element)
    if inner:
        text = child.text or ""
        _set_text(child, text[:inner])
        _set_text(second_children[index], text[inner:])
    else:
        run.remove(child)
    run.addnext(second)


def _split_at(paragraph: Any, offset: int) -> None:
    """Make `offset` in the paragraph text fall on a run boundary."""
    pieces = paragraph_pieces(paragraph)
    for run, start, end in _run_ranges(pieces):
        if start < offset < end:
            piece = next(p for p in pieces if p.run is run and p.start <= offset < p.start + len(p.text))
            _split_run(run, piece.child, offset - piece.start)
            return


def isolate_runs(paragraph: Any, start: int, end: int) -> list[Any]:
    """The `w:r` elements covering exactly `start`..`end` of the paragraph text (split as needed)."""
    _split_at(paragraph, start)
    _split_at(paragraph, end)
    return [
        run
        for run, run_start, run_end in _run_ranges(paragraph_pieces(paragraph))
        if start <= run_start and run_end <= end
    ]


def annotate_docx(source: Path, target: Path, findings: list[Finding], document: Document) -> int:
    """Write a copy of `source` to `target` with a Word comment on each finding; return how many.

    `document` is what `read_document` made of `source`; its segments lead back to the
    paragraphs. Findings outside the body and its tables (headers, footers, notes) get no
    comment. Raises `InputError` when `target` is `source` or cannot be written.
    """
    source, target = Path(source), Path(target)
    if _same_file(source, target):
        raise InputError(str(target), SAME_FILE_PROBLEM)
    if document.kind != "docx":
        raise InputError(str(source), "Word-opmerkingen kunnen alleen in een .docx-bestand worden geplaatst")
    try:
        data = source.read_bytes()
    except FileNotFoundError:
        raise InputError(str(source), "bestand niet gevonden") from None
    word = open_docx(data, str(source))
    blocks = body_blocks(word)
    placed = 0
    for finding in sorted(findings, key=lambda item: (item.start, item.end)):
        segment = document.segment_at(finding.start)
        ref = segment.ref if segment else None
        if not (isinstance(ref, tuple) and len(ref) == 2 and ref[0] == "body" and ref[1] < len(blocks)):
            continue
        paragraph = blocks[ref[1]].paragraph
        if paragraph_text(paragraph) != document.text[segment.start : segment.end]:  # type: ignore[union-attr]
            continue  # `document` was not read from this file
        start = finding.start - segment.start  # type: ignore[union-attr]
        end = min(finding.end, segment.end) - segment.start  # type: ignore[union-attr]
        runs = isolate_runs(paragraph, start, end) if start < end else []
        if not runs:
            continue
        word.add_comment(
            [Run(runs[0], word), Run(runs[-1], word)],
            text=comment_text(finding),
            author=AUTHOR,
            initials=INITIALS,
        )
        placed += 1
    buffer = io.BytesIO()
    word.save(buffer)
    try:
        target.write_bytes(buffer.getvalue())
    except OSError as error:
        raise InputError(
            str(target), f"kan het uitvoerbestand niet schrijven ({error.strerror or error})"
        ) from None
    return placed
