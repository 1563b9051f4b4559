"""Word packages in memory: parts by name, relationships, and conversion of templates to plain .docx.

A .docx, .docm, .dotx or .dotm file is a zip of XML parts (Open Packaging Conventions). This
module reads one into memory, lets callers change XML parts, and writes it back unchanged
otherwise. Macro projects are never executed; `as_plain_document` drops them, so what comes
out is always a macro-free Word document.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from typing import Any

from lxml import etree

from ..errors import InputError
from .containers import open_container
from .limits import DEFAULT_LIMITS, LimitError

CONTENT_TYPES = "[Content_Types].xml"
PACKAGE_RELS = "_rels/.rels"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
#: Main-part content types of Word documents and templates, with and without macros.
WORD_MAIN_TYPES = frozenset(
    {
        DOCUMENT_MAIN,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    }
)
#: Relationships to macro code and what only macros use (key bindings to macros, toolbars).
MACRO_RELATIONSHIPS = frozenset(
    {
        "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
        "http://schemas.microsoft.com/office/2006/relationships/wordVbaData",
        "http://schemas.microsoft.com/office/2006/relationships/keyMapCustomizations",
        "http://schemas.microsoft.com/office/2006/relationships/attachedToolbars",
    }
)

_CORRUPT = "beschadigd bestand of geen geldig Word-document (.docx)"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def parse_xml(data: bytes) -> Any:
    """Parse an XML part without resolving entities or touching the network."""
    return etree.fromstring(data, parser=_PARSER)


def serialize_xml(root: Any) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


@dataclass(frozen=True)
class Relationship:
    id: str
    type: str
    target: str  # part name inside the package (no leading slash), or the external address
    external: bool


def rels_name(part: str) -> str:
    """The relationships part of a part: word/document.xml -> word/_rels/document.xml.rels."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


class WordPackage:
    """The parts of a Word package, kept in their original order; XML parts parsed on demand."""

    def __init__(self, data: bytes, path: str = "het Word-bestand") -> None:
        # Every part is unpacked through the container guard (sizes and XML within the limits).
        try:
            parts = open_container(data, path, DEFAULT_LIMITS, _CORRUPT, all_parts=True).parts
        except LimitError:
            raise
        except InputError as error:  # damaged: callers name the file in their own message
            raise zipfile.BadZipFile(error.problem) from error
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            self._infos = [info for info in archive.infolist() if not info.is_dir()]
        self._data = {info.filename: parts[info.filename] for info in self._infos if info.filename in parts}
        self._xml: dict[str, Any] = {}

    # --- parts ------------------------------------------------------------------------------
    def has(self, name: str) -> bool:
        return name in self._data

    def names(self) -> list[str]:
        return [info.filename for info in self._infos if info.filename in self._data]

    def xml(self, name: str) -> Any:
        """The parsed root of an XML part (changes to it are saved by `to_bytes`)."""
        if name not in self._xml:
            self._xml[name] = parse_xml(self._data[name])
        return self._xml[name]

    def set_xml(self, name: str, root: Any, content_type: str | None = None) -> None:
        """Add or replace an XML part (a new part needs its content type)."""
        if name not in self._data:
            self._infos.append(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)))
            self._data[name] = b""
            if content_type:
                types = self.xml(CONTENT_TYPES)
                override = etree.SubElement(types, f"{{{CT_NS}}}Override")
                override.set("PartName", f"/{name}")
                override.set("ContentType", content_type)
        self._xml[name] = root

    def remove(self, name: str) -> None:
        self._data.pop(name, None)
        self._xml.pop(name, None)
        types = self.xml(CONTENT_TYPES)
        for override in types.findall(f"{{{CT_NS}}}Override"):
            if override.get("PartName", "").lstrip("/") == name:
                types.remove(override)

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for info in self._infos:
                name = info.filename
                if name not in self._data:
                    continue
                data = serialize_xml(self._xml[name]) if name in self._xml else self._data[name]
                target = zipfile.ZipInfo(name, date_time=info.date_time)
                target.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(target, data)
        return buffer.getvalue()

    # --- content types and relationships ------------------------------------------------------
    def content_type(self, name: str) -> str | None:
        types = self.xml(CONTENT_TYPES)
        for override in types.findall(f"{{{CT_NS}}}Override"):
            if override.get("PartName", "").lstrip("/") == name:
                return override.get("ContentType")
        extension = posixpath.splitext(name)[1].lstrip(".").lower()
        for default in types.findall(f"{{{CT_NS}}}Default"):
            if default.get("Extension", "").lower() == extension:
                return default.get("ContentType")
        return None

    def set_content_type(self, name: str, content_type: str) -> None:
        types = self.xml(CONTENT_TYPES)
        for override in types.findall(f"{{{CT_NS}}}Override"):
            if override.get("PartName", "").lstrip("/") == name:
                override.set("ContentType", content_type)
                return
        override = etree.SubElement(types, f"{{{CT_NS}}}Override")
        override.set("PartName", f"/{name}")
        override.set("ContentType", content_type)

    def relationships(self, source: str) -> list[Relationship]:
        """Relationships of a part ("" for the package itself), targets resolved to part names."""
        name = PACKAGE_RELS if not source else rels_name(source)
        if name not in self._data:
            return []
        folder = posixpath.dirname(source)
        result = []
        for rel in self.xml(name).findall(f"{{{REL_NS}}}Relationship"):
            target = rel.get("Target", "")
            external = rel.get("TargetMode") == "External"
            if not external:
                joined = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                target = posixpath.normpath(joined)
            result.append(Relationship(rel.get("Id", ""), rel.get("Type", ""), target, external))
        return result

    def related(self, source: str, reltype: str) -> list[str]:
        """Part names that `source` relates to with `reltype`, sorted, existing parts only."""
        return sorted(
            {rel.target for rel in self.relationships(source) if rel.type == reltype and not rel.external}
            & set(self._data)
        )

    def add_relationship(self, source: str, reltype: str, target: str) -> str:
        """Relate `source` to the part `target` (a name relative to the package); return the id."""
        name = rels_name(source)
        if name not in self._data:
            self.set_xml(
                name,
                etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS}),
                "application/vnd.openxmlformats-package.relationships+xml",
            )
        root = self.xml(name)
        taken = {rel.get("Id") for rel in root}
        number = len(taken) + 1
        while f"rId{number}" in taken:
            number += 1
        rel = etree.SubElement(root, f"{{{REL_NS}}}Relationship")
        rel.set("Id", f"rId{number}")
        rel.set("Type", reltype)
        rel.set("Target", posixpath.relpath(target, posixpath.dirname(source) or "."))
        return f"rId{number}"

    def remove_relationships(self, source: str, reltypes: frozenset[str]) -> list[str]:
        """Drop relationships of these types from `source`; return the part names they pointed at."""
        name = PACKAGE_RELS if not source else rels_name(source)
        if name not in self._data:
            return []
        targets = [
            rel.target for rel in self.relationships(source) if rel.type in reltypes and not rel.external
        ]
        root = self.xml(name)
        for rel in list(root):
            if rel.get("Type") in reltypes:
                root.remove(rel)
        return targets

    @property
    def main_part(self) -> str:
        """The name of the main document part (word/document.xml in almost every file)."""
        for rel in self.relationships(""):
            if rel.type == OFFICE_DOCUMENT and not rel.external:
                return rel.target
        raise KeyError("officeDocument")

    # --- templates and macros -----------------------------------------------------------------
    def has_macros(self) -> bool:
        main = self.main_part
        return any(rel.type in MACRO_RELATIONSHIPS for rel in self.relationships(main))

    def make_plain_document(self) -> None:
        """Turn a template or macro-enabled document into a plain document without macros."""
        main = self.main_part
        for target in self.remove_relationships(main, MACRO_RELATIONSHIPS):
            for name in (target, rels_name(target)):
                if self.has(name):
                    self.remove(name)
        if self.content_type(main) != DOCUMENT_MAIN:
            self.set_content_type(main, DOCUMENT_MAIN)


def as_plain_document(data: bytes) -> bytes:
    """The bytes of a .docx/.docm/.dotx/.dotm as a plain, macro-free .docx (unchanged if it is one)."""
    package = WordPackage(data)
    if package.content_type(package.main_part) == DOCUMENT_MAIN and not package.has_macros():
        return data
    package.make_plain_document()
    return package.to_bytes()
