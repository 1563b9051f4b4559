"""Word comments: a copy of a Word file with a comment on each flagged passage, and back.

Each comment is anchored on exactly the flagged text: runs are split at the passage's edges
(the copies keep their formatting) and the comment range is placed around the runs between.
Word allows comments in the body, its tables, footnotes and endnotes, but not in headers and
footers; findings there are listed in one overview comment at the start of the document.

Comments by taalcheck are recognised by their author ("taalcheck"). Annotating an annotated
file replaces them; `remove_annotations` takes them out again. Comments of other people,
tracked changes and all other parts are left as they are. Templates and macro-enabled files
come out as a plain .docx without macros. Everything works on bytes (no temporary files).
"""

from __future__ import annotations

import copy
import os
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from taalcheck.documents.base import Document
from taalcheck.documents.package import WordPackage
from taalcheck.documents.word import (
    CORRUPT_PROBLEM,
    TEXT_PARTS,
    Block,
    Piece,
    check_word_container,
    paragraph_pieces,
    paragraph_text,
    part_blocks,
)
from taalcheck.errors import InputError
from taalcheck.model import PRINCIPLES, FileResult, Finding

AUTHOR = "taalcheck"
INITIALS = "TC"
SAME_FILE_PROBLEM = "uitvoer zou het invoerbestand overschrijven; kies een andere naam met -o"
#: Where Word allows no comment: findings there go into the overview comment.
NO_COMMENT_ROLES = frozenset({"header", "footer"})
#: Comments on note text go on the note's reference mark in the body: Word anchors comments
#: inside notes only at a single point, and LibreOffice (7.4) cannot open a file with a comment
#: reference inside a footnote.
NOTE_ROLES = frozenset({"footnote", "endnote"})

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
W16CID = "http://schemas.microsoft.com/office/word/2016/wordml/cid"
W16CEX = "http://schemas.microsoft.com/office/word/2018/wordml/cex"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
COMMENTS_IDS = "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds"
COMMENTS_EXTENSIBLE = "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible"
PEOPLE = "http://schemas.microsoft.com/office/2011/relationships/people"

_RPR = qn("w:rPr")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_RANGE_TAGS = (qn("w:commentRangeStart"), qn("w:commentRangeEnd"))


@dataclass(frozen=True)
class Annotation:
    """The annotated copy and what happened to each finding."""

    data: bytes
    #: Findings with a comment on their own passage.
    commented: tuple[Finding, ...] = ()
    #: Findings where Word allows no comment (headers, footers): listed in the overview comment.
    listed: tuple[Finding, ...] = ()
    #: Findings whose passage could not be found in the file (the document was read elsewhere).
    skipped: tuple[Finding, ...] = ()
    #: Earlier taalcheck comments that were removed (replaced, when annotating).
    removed: int = 0
    #: True when the input carried macros, which the copy leaves out.
    macros_removed: bool = False
    #: Where each listed finding was ("voettekst"), same order as `listed`.
    listed_locations: tuple[str, ...] = field(default=())


# --- comment text ------------------------------------------------------------------------------


def comment_lines(finding: Finding) -> list[tuple[str, str]]:
    """The comment's paragraphs as (bold lead, text): severity and context, message, alternatives."""
    head = [finding.severity.label.capitalize()]
    lines: list[tuple[str, str]] = []
    notes = list(finding.context)
    if finding.mention and not notes:
        notes.append("genoemd als woord")
    if finding.original_severity is not None and finding.original_severity != finding.severity:
        notes.append(f"oorspronkelijk {finding.original_severity.label}")
    lines.append((" · ".join(head), (" (" + "; ".join(notes) + ")") if notes else ""))
    lines.append(("", finding.message))
    if finding.suggestions:
        lines.append(("Overweeg: ", "; ".join(finding.suggestions)))
    principle = PRINCIPLES.get(finding.principle, finding.principle)
    lines.append(("", f"Principe: {principle} · taalcheck explain {finding.rule}"))
    return lines


def comment_text(finding: Finding) -> str:
    """The comment for a finding as plain text, one line per paragraph."""
    return "\n".join(lead + text for lead, text in comment_lines(finding))


def overview_lines(listed: Iterable[tuple[Finding, str]]) -> list[tuple[str, str]]:
    """The overview comment: one paragraph per finding where Word allows no comment."""
    items = list(listed)
    word = "melding" if len(items) == 1 else "meldingen"
    places = "kop- of voetteksten"
    if any(not place.startswith(("koptekst", "voettekst")) for _finding, place in items):
        places = "kop- of voetteksten of in noten zonder nummer in de tekst"
    lines = [("taalcheck", f": {len(items)} {word} in {places}, waar Word geen opmerking toestaat.")]
    for finding, where in items:
        text = f" “{finding.text}” ({where}): {finding.message}"
        if finding.context:
            text += f" ({'; '.join(finding.context)})"
        if finding.suggestions:
            text += f" Overweeg: {'; '.join(finding.suggestions)}"
        lines.append((finding.severity.label.capitalize(), text))
    return lines


# --- runs --------------------------------------------------------------------------------------


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


# --- package -----------------------------------------------------------------------------------


def _w(tag: str, **attributes: str) -> Any:
    element = etree.Element(qn(f"w:{tag}"))
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _remove_keeping_tail(element: Any) -> None:
    parent = element.getparent()
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _open(data: bytes, path: str) -> WordPackage:
    check_word_container(data, path)
    try:
        package = WordPackage(data, path)
        package.xml(package.main_part)
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError, EOFError) as error:
        raise InputError(path, CORRUPT_PROBLEM) from error
    return package


def _text_parts(package: WordPackage) -> dict[str, str]:
    """Part name -> role ("body", "footnote", ...) of every part with document text."""
    main = package.main_part
    roles = {main: "body"}
    for reltype, role, _label in TEXT_PARTS:
        for name in package.related(main, reltype):
            roles.setdefault(name, role)
    return roles


def _comments_part(package: WordPackage, create: bool) -> str | None:
    main = package.main_part
    names = package.related(main, RT.COMMENTS)
    if names:
        return names[0]
    if not create:
        return None
    name = "word/comments.xml" if not package.has("word/comments.xml") else "word/taalcheck-comments.xml"
    root = etree.Element(qn("w:comments"), nsmap={"w": W_NS})
    package.set_xml(name, root, COMMENTS_TYPE)
    package.add_relationship(main, RT.COMMENTS, name)
    return name


def _remove_ours(package: WordPackage) -> int:
    """Take taalcheck's comments out of the package; return how many there were."""
    name = _comments_part(package, create=False)
    if name is None:
        return 0
    comments = package.xml(name)
    ids: set[str] = set()
    paragraphs: set[str] = set()
    for comment in comments.findall(qn("w:comment")):
        if comment.get(qn("w:author")) == AUTHOR:
            ids.add(comment.get(qn("w:id"), ""))
            paragraphs.update(p.get(f"{{{W14}}}paraId") for p in comment.iter(qn("w:p")))
            _remove_keeping_tail(comment)
    if not ids:
        return 0
    paragraphs.discard(None)  # type: ignore[arg-type]
    for part in _text_parts(package):
        root = package.xml(part)
        for marker in [element for element in root.iter(*_RANGE_TAGS) if element.get(qn("w:id")) in ids]:
            _remove_keeping_tail(marker)
        for reference in [e for e in root.iter(qn("w:commentReference")) if e.get(qn("w:id")) in ids]:
            run = reference.getparent()
            _remove_keeping_tail(reference)
            if run.tag == qn("w:r") and all(child.tag == _RPR for child in run):
                _remove_keeping_tail(run)
    _remove_related_entries(package, paragraphs)
    return len(ids)


def _remove_related_entries(package: WordPackage, paragraphs: set[str]) -> None:
    """Drop the entries Word keeps next to comments (threads, ids, dates) for removed comments."""
    main = package.main_part
    durable: set[str] = set()
    for name in package.related(main, COMMENTS_IDS):
        root = package.xml(name)
        for entry in root.findall(f"{{{W16CID}}}commentId"):
            if entry.get(f"{{{W16CID}}}paraId") in paragraphs:
                durable.add(entry.get(f"{{{W16CID}}}durableId", ""))
                _remove_keeping_tail(entry)
    for name in package.related(main, COMMENTS_EXTENDED):
        root = package.xml(name)
        for entry in root.findall(f"{{{W15}}}commentEx"):
            if entry.get(f"{{{W15}}}paraId") in paragraphs:
                _remove_keeping_tail(entry)
            elif entry.get(f"{{{W15}}}paraIdParent") in paragraphs:
                del entry.attrib[f"{{{W15}}}paraIdParent"]  # a reply becomes a comment of its own
    for name in package.related(main, COMMENTS_EXTENSIBLE):
        root = package.xml(name)
        for entry in root.findall(f"{{{W16CEX}}}commentExtensible"):
            if entry.get(f"{{{W16CEX}}}durableId") in durable:
                _remove_keeping_tail(entry)
    for name in package.related(main, PEOPLE):
        root = package.xml(name)
        for person in root.findall(f"{{{W15}}}person"):
            if person.get(f"{{{W15}}}author") == AUTHOR:
                _remove_keeping_tail(person)


def _note_references(package: WordPackage, role: str) -> dict[str, Any]:
    """Note id -> the run in the body holding that note's reference mark."""
    references: dict[str, Any] = {}
    for reference in package.xml(package.main_part).iter(qn(f"w:{role}Reference")):
        if reference.getparent().tag == qn("w:r"):
            references.setdefault(reference.get(qn("w:id"), ""), reference.getparent())
    return references


def _note_reference(references: dict[str, Any], role: str, paragraph: Any) -> Any | None:
    """The run with the reference mark of the note that `paragraph` belongs to."""
    note = next(paragraph.iterancestors(qn(f"w:{role}")), None)
    return references.get(note.get(qn("w:id"), "")) if note is not None else None


class _Commenter:
    """Adds comments to a package: the comment in the comments part, its range in the text."""

    def __init__(self, package: WordPackage) -> None:
        self.package = package
        self.comments = package.xml(_comments_part(package, create=True))  # type: ignore[arg-type]
        taken = [int(c.get(qn("w:id"), "0")) for c in self.comments.findall(qn("w:comment"))]
        self.next_id = max(taken, default=-1) + 1
        self.date = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def add(self, runs: list[Any], lines: list[tuple[str, str]]) -> None:
        comment_id = str(self.next_id)
        self.next_id += 1
        comment = _w("comment", id=comment_id, author=AUTHOR, initials=INITIALS, date=self.date)
        for number, (lead, text) in enumerate(lines):
            paragraph = etree.SubElement(comment, qn("w:p"))
            if number == 0:
                marker = etree.SubElement(paragraph, qn("w:r"))
                style = etree.SubElement(etree.SubElement(marker, _RPR), qn("w:rStyle"))
                style.set(qn("w:val"), "CommentReference")
                etree.SubElement(marker, qn("w:annotationRef"))
            for part, bold in ((lead, True), (text, False)):
                if part:
                    run = etree.SubElement(paragraph, qn("w:r"))
                    if bold:
                        etree.SubElement(etree.SubElement(run, _RPR), qn("w:b"))
                    _set_text(etree.SubElement(run, qn("w:t")), part)
        self.comments.append(comment)
        first, last = runs[0], runs[-1]
        first.addprevious(_w("commentRangeStart", id=comment_id))
        end = _w("commentRangeEnd", id=comment_id)
        last.addnext(end)
        reference = etree.Element(qn("w:r"))
        style = etree.SubElement(etree.SubElement(reference, _RPR), qn("w:rStyle"))
        style.set(qn("w:val"), "CommentReference")
        etree.SubElement(reference, qn("w:commentReference")).set(qn("w:id"), comment_id)
        end.addnext(reference)


def annotate_bytes(data: bytes, file: FileResult, path: str = "-") -> Annotation:
    """The bytes of a Word file with a comment on each finding; earlier taalcheck comments replaced.

    `file` is the result of checking these bytes: its document's segments lead back to the
    paragraphs (`Segment.ref` = part name and block index). Findings in headers and footers go
    into one overview comment on the first paragraph. Raises `InputError` when the data is no
    Word file or the result holds no Word document.
    """
    document = _word_document(file, path)
    package = _open(data, path)
    macros = package.has_macros()
    package.make_plain_document()
    removed = _remove_ours(package)
    roles = _text_parts(package)
    blocks: dict[str, list[Block]] = {}
    commenter = _Commenter(package)
    commented: list[Finding] = []
    listed: list[tuple[Finding, str]] = []
    skipped: list[Finding] = []
    placements: list[tuple[Finding, Any, int, int]] = []
    notes: list[tuple[Finding, Any, str]] = []
    references: dict[str, dict[str, Any]] = {}
    for finding in sorted(file.findings, key=lambda item: (item.start, item.end)):
        segment = document.segment_at(finding.start)
        ref = segment.ref if segment else None
        if not (segment and isinstance(ref, tuple) and len(ref) == 2 and ref[0] in roles):
            skipped.append(finding)
            continue
        name, index = ref
        if name not in blocks:
            blocks[name] = part_blocks(package.xml(name), roles[name])
        if not (isinstance(index, int) and 0 <= index < len(blocks[name])):
            skipped.append(finding)
            continue
        paragraph = blocks[name][index].paragraph
        if paragraph_text(paragraph) != document.text[segment.start : segment.end]:
            skipped.append(finding)  # `document` was not read from these bytes
            continue
        if roles[name] in NO_COMMENT_ROLES:
            listed.append((finding, segment.location or roles[name]))
            continue
        if roles[name] in NOTE_ROLES:
            if roles[name] not in references:
                references[roles[name]] = _note_references(package, roles[name])
            reference = _note_reference(references[roles[name]], roles[name], paragraph)
            if reference is None:
                listed.append((finding, segment.location or roles[name]))
            else:
                notes.append((finding, reference, segment.location or roles[name]))
            continue
        start = finding.start - segment.start
        end = min(finding.end, segment.end) - segment.start
        placements.append((finding, paragraph, start, end))
    if listed:
        first = next(
            (
                block.paragraph
                for block in part_blocks(package.xml(package.main_part), "body")
                if block.location
            ),
            None,
        )
        runs = isolate_runs(first, 0, len(paragraph_text(first))) if first is not None else []
        if runs:
            commenter.add(runs, overview_lines(listed))
        else:
            skipped.extend(finding for finding, _where in listed)
            listed = []
    for finding, paragraph, start, end in placements:
        runs = isolate_runs(paragraph, start, end) if start < end else []
        if not runs:
            skipped.append(finding)
            continue
        commenter.add(runs, comment_lines(finding))
        commented.append(finding)
    for finding, reference, where in notes:
        commenter.add([reference], [(f"In {where}: ", f"“{finding.text}”"), *comment_lines(finding)])
        commented.append(finding)
    return Annotation(
        data=package.to_bytes(),
        commented=tuple(commented),
        listed=tuple(finding for finding, _where in listed),
        skipped=tuple(skipped),
        removed=removed,
        macros_removed=macros,
        listed_locations=tuple(where for _finding, where in listed),
    )


def remove_annotations(data: bytes, path: str = "-") -> Annotation:
    """The bytes of a Word file without taalcheck's comments (all else as it was)."""
    package = _open(data, path)
    macros = package.has_macros()
    package.make_plain_document()
    removed = _remove_ours(package)
    return Annotation(data=package.to_bytes(), removed=removed, macros_removed=macros)


# --- files -------------------------------------------------------------------------------------


def _same_file(source: Path, target: Path) -> bool:
    if source.resolve() == target.resolve():
        return True
    try:
        return target.exists() and os.path.samefile(source, target)
    except OSError:
        return False


def _read(source: Path, target: Path) -> bytes:
    if _same_file(source, target):
        raise InputError(str(target), SAME_FILE_PROBLEM)
    try:
        return source.read_bytes()
    except FileNotFoundError:
        raise InputError(str(source), "bestand niet gevonden") from None
    except OSError as error:
        raise InputError(str(source), f"kan het bestand niet lezen ({error.strerror or error})") from None


def _write(target: Path, data: bytes) -> None:
    try:
        target.write_bytes(data)
    except OSError as error:
        raise InputError(
            str(target), f"kan het uitvoerbestand niet schrijven ({error.strerror or error})"
        ) from None


def _word_document(file: FileResult, path: str) -> Document:
    """The Word document a result was checked on (an `InputError` for any other result)."""
    if not isinstance(file.document, Document) or file.document.kind != "docx":
        raise InputError(path, "Word-opmerkingen kunnen alleen in een Word-bestand worden geplaatst")
    return file.document


def annotate_docx(source: Path, target: Path, file: FileResult) -> Annotation:
    """Write a copy of `source` to `target` with a Word comment on each finding of `file`.

    Raises `InputError` when `target` is `source`, when `file` holds no Word document, or when a
    file cannot be read or written. The source is only read.
    """
    source, target = Path(source), Path(target)
    _word_document(file, str(source))
    annotation = annotate_bytes(_read(source, target), file, str(source))
    _write(target, annotation.data)
    return annotation


def remove_from_docx(source: Path, target: Path) -> Annotation:
    """Write a copy of `source` to `target` without taalcheck's comments."""
    source, target = Path(source), Path(target)
    annotation = remove_annotations(_read(source, target), str(source))
    _write(target, annotation.data)
    return annotation


WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")


def summary_lines(annotation: Annotation, source: str, output: str, removing: bool = False) -> list[str]:
    """What `taalcheck annotate` tells the user (Dutch), including every finding left without a comment."""
    kept = f"origineel ongewijzigd: {source}"
    if removing:
        count = f"{annotation.removed} {'opmerking' if annotation.removed == 1 else 'opmerkingen'}"
        lines = [f"{count} van taalcheck verwijderd in {output} ({kept})"]
    else:
        placed = len(annotation.commented)
        lines = [f"{placed} {'opmerking' if placed == 1 else 'opmerkingen'} geplaatst in {output} ({kept})"]
        if annotation.removed:
            lines.append(f"{annotation.removed} opmerkingen van een eerdere keer zijn vervangen")
        if annotation.listed:
            count = len(annotation.listed)
            places = "kop- of voetteksten"
            if any(not place.startswith(("koptekst", "voettekst")) for place in annotation.listed_locations):
                places = "kop- of voetteksten of in noten zonder nummer in de tekst"
            lines.append(
                f"{count} {'melding staat' if count == 1 else 'meldingen staan'} in {places}, waar Word "
                "geen opmerking toestaat; ze staan samen in de eerste opmerking van het document:"
            )
            for finding, where in zip(annotation.listed, annotation.listed_locations, strict=True):
                lines.append(f"  {where}: {finding.severity.label} [{finding.rule}] “{finding.text}”")
        if annotation.skipped:
            lines.append(
                f"{len(annotation.skipped)} meldingen konden niet in het document worden teruggevonden:"
            )
            for finding in annotation.skipped:
                where = finding.location or f"regel {finding.line}"
                lines.append(f"  {where}: {finding.severity.label} [{finding.rule}] “{finding.text}”")
    if annotation.macros_removed:
        lines.append(
            "de macro's uit het origineel zijn niet meegenomen: de kopie is een gewoon .docx-bestand"
        )
    return lines
