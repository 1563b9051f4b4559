"""An anonymised copy of a Word file: each personal detail in the text replaced by its label.

The paragraphs the reader took text from get the labels (runs are split at a detail's edges, as
for comments, so formatting stays); text that is not part of the checked document but could hold
names goes: tracked deletions, existing comments, and the author fields of the file's properties.
The result reads back (`read_document`) as exactly the anonymised document.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

from taalcheck.anonymise import Replacement
from taalcheck.documents.base import Document
from taalcheck.documents.package import WordPackage
from taalcheck.documents.word import TEXT_PARTS, Block, part_blocks
from taalcheck.report.annotate import isolate_runs

_W_T = qn("w:t")
#: Elements whose text the reader skips but that would still carry names in the file.
_DROPPED = tuple(qn(tag) for tag in ("w:del", "w:moveFrom"))
_CORE = "docProps/core.xml"
_AUTHOR_ATTRIBUTES = frozenset({"author", "initials", "userId", "providerId"})
AUTHOR_LABEL = "[AUTEUR]"
_CORE_FIELDS = ("creator", "lastModifiedBy", "title", "subject", "description", "keywords")


def _roles(package: WordPackage) -> dict[str, str]:
    main = package.main_part
    roles = {main: "body"}
    for reltype, role, _label in TEXT_PARTS:
        for name in package.related(main, reltype):
            roles.setdefault(name, role)
    return roles


def _label_runs(paragraph: Any, start: int, end: int, label: str) -> None:
    """Replace the paragraph text `start`..`end` by `label`, in the first run's formatting."""
    runs = isolate_runs(paragraph, start, end)
    if not runs:
        return
    first = True
    for run in runs:
        for child in list(run):
            if child.tag == qn("w:rPr"):
                continue
            if first and child.tag == _W_T:
                child.text = label
                child.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                first = False
            else:
                run.remove(child)
    if first:  # the detail had no w:t (only tabs or breaks): put the label in the first run
        text = runs[0].makeelement(_W_T, {})
        text.text = label
        runs[0].append(text)


def _drop_hidden_text(root: Any) -> None:
    for tag in _DROPPED:
        for element in list(root.iter(tag)):
            element.getparent().remove(element)


def anonymise_word(data: bytes, original: Document, replacements: list[Replacement]) -> bytes:
    """The bytes of the Word file `data` (read as `original`) with every replacement applied."""
    package = WordPackage(data)
    roles = _roles(package)
    blocks: dict[str, list[Block]] = {}
    for segment in original.segments:
        ref = segment.ref
        if not (isinstance(ref, tuple) and len(ref) == 2 and ref[0] in roles):
            continue
        name, index = ref
        if name not in blocks:
            blocks[name] = part_blocks(package.xml(name), roles[name])
        paragraph = blocks[name][index].paragraph
        inside = [item for item in replacements if segment.start <= item.start and item.end <= segment.end]
        for item in reversed(inside):  # from the end, so earlier offsets stay valid
            _label_runs(paragraph, item.start - segment.start, item.end - segment.start, item.label)
    for name in roles:
        _drop_hidden_text(package.xml(name))
    _drop_comments(package)
    _clear_properties(package)
    return package.to_bytes()


def _drop_comments(package: WordPackage) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for name in package.related(package.main_part, RT.COMMENTS):
        root = package.xml(name)
        for comment in list(root):
            root.remove(comment)
    for name in _roles(package):
        root = package.xml(name)
        for tag in ("w:commentRangeStart", "w:commentRangeEnd", "w:commentReference"):
            for element in list(root.iter(qn(tag))):
                parent = element.getparent()
                if parent.tag == qn("w:r") and len(parent) <= 2:
                    parent.getparent().remove(parent)
                else:
                    parent.remove(element)


def _clear_authors(package: WordPackage) -> None:
    """Authors of tracked changes and the people list are names too."""
    for name in package.names():
        if not name.endswith(".xml") or name == _CORE:
            continue
        for element in package.xml(name).iter():
            for attribute in element.attrib:
                if attribute.rsplit("}", 1)[-1] in _AUTHOR_ATTRIBUTES:
                    element.set(attribute, AUTHOR_LABEL)


def _clear_properties(package: WordPackage) -> None:
    _clear_authors(package)
    if not package.has(_CORE):
        return
    root = package.xml(_CORE)
    for element in root:
        local = element.tag.rsplit("}", 1)[-1]
        if local in _CORE_FIELDS:
            element.text = ""
