"""One guarded way to open zip containers (.docx, .docm, .dotx, .odt) and parse their XML.

Before any part is unpacked, the entry count, the declared size of every part and the declared
total are checked against `InputLimits`. Parts are then unpacked through a stream that stops at
the limit whatever the header claims, so a forged size or a zip bomb in any part (document,
header, notes, comments, image, manifest) costs at most the limit. XML parts are refused when
they contain a DTD (no entities, no network, ever) or more tags than the limit; trees are built
with a parser that neither resolves entities nor loads anything, and that refuses deep nesting.

Only XML parts are kept in memory; other parts (images, fonts, embedded files) are checked
against their declared size but not unpacked, since no reader needs their content.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any

from lxml import etree

from ..errors import InputError
from .limits import InputLimits, LimitError, count_label, size_label

_CHUNK = 1 << 20
#: How deeply XML elements may nest (libxml2's limit without its "huge" option).
MAX_XML_DEPTH = 256
_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_EOCD = b"PK\x06\x06"
#: Bytes a central-directory record may take on average (46 fixed plus name and extras).
_DIRECTORY_BYTES_PER_ENTRY = 1_024
_XML_SUFFIXES = (".xml", ".rels")
_DOCTYPES = (b"<!DOCTYPE", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))


def xml_parser() -> etree.XMLParser:
    """An lxml parser that resolves no entities, loads no DTD, uses no network, limits depth."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,  # libxml2 then refuses nesting deeper than 256 and huge text nodes
        remove_comments=True,
        remove_pis=True,
    )


def check_xml(data: bytes, path: str, part: str, limits: InputLimits) -> None:
    """Refuse an XML part with a DTD, too many tags or (for our depth limit) too deep nesting."""
    if any(marker in data for marker in _DOCTYPES):
        raise InputError(path, f"onderdeel {part} bevat een DTD; dat komt in gewone documenten niet voor")
    tags = data.count(b"<")
    # Every element has one or two tags ("<a/>" or "<a>...</a>"); comments and instructions one.
    if tags > 2 * limits.max_xml_elements:
        raise LimitError(
            path,
            f"onderdeel {part} heeft meer dan {count_label(limits.max_xml_elements)} XML-elementen "
            "(de grens voor één onderdeel)",
        )


def too_deep(error: Exception, path: str, part: str = "") -> LimitError | None:
    """The limit error for libxml2's nesting limit, or None for other errors."""
    if isinstance(error, etree.XMLSyntaxError) and "depth" in str(error).lower():
        where = f"onderdeel {part}" if part else "een onderdeel"
        return LimitError(path, f"{where} is dieper genest dan {MAX_XML_DEPTH} niveaus")
    return None


def parse_xml(data: bytes, path: str, part: str, limits: InputLimits, corrupt_problem: str) -> Any:
    """The root element of a checked XML part (InputError when refused or malformed)."""
    check_xml(data, path, part, limits)
    try:
        root = etree.fromstring(data, xml_parser())
    except etree.XMLSyntaxError as error:
        if "depth" in str(error).lower():
            raise LimitError(path, f"onderdeel {part} is dieper genest dan {MAX_XML_DEPTH} niveaus") from None
        raise InputError(path, corrupt_problem) from error
    if root is None:
        raise InputError(path, corrupt_problem)
    return root


def _declared_entries(data: bytes) -> tuple[int, int] | None:
    """(entry count, central directory size) from the end-of-directory record, before unpacking."""
    tail_start = max(0, len(data) - 65_557)
    index = data.rfind(_EOCD, tail_start)
    if index < 0 or index + 22 > len(data):
        return None
    entries, directory_size = struct.unpack_from("<HI", data, index + 10)
    locator = index - 20
    zip64 = entries == 0xFFFF or directory_size == 0xFFFFFFFF
    if zip64 and locator >= 0 and data[locator : locator + 4] == _ZIP64_LOCATOR:
        (record,) = struct.unpack_from("<Q", data, locator + 8)
        if record + 56 <= len(data) and data[record : record + 4] == _ZIP64_EOCD:
            entries, directory_size = struct.unpack_from("<QQ", data, record + 32)
    return entries, directory_size


@dataclass
class Container:
    """The checked parts of a zip container: XML parts unpacked, others only listed (or all
    unpacked with `open_container(..., all_parts=True)`, for writing a copy)."""

    path: str
    names: list[str]
    parts: dict[str, bytes]
    limits: InputLimits
    corrupt_problem: str

    def __contains__(self, name: str) -> bool:
        return name in self.parts

    def read(self, name: str) -> bytes:
        """The bytes of an XML part (KeyError when absent)."""
        return self.parts[name]

    def parse(self, name: str) -> Any:
        """The root element of an XML part, parsed with the hardened parser."""
        return parse_xml(self.read(name), self.path, name, self.limits, self.corrupt_problem)

    def package_bytes(self) -> bytes:
        """An uncompressed zip of the checked parts, for libraries that open packages themselves.

        Parts that were not unpacked (images, fonts, embedded files) are present but empty.
        """
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
            for name in self.names:
                archive.writestr(name, self.parts.get(name, b""))
        return buffer.getvalue()


def _is_xml(name: str) -> bool:
    lower = name.lower()
    return lower.endswith(_XML_SUFFIXES) or lower == "mimetype"


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: str, limits: InputLimits) -> bytes:
    """The bytes of one entry, read through a stream that stops at the part limit."""
    chunks: list[bytes] = []
    size = 0
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > limits.max_part_bytes:
                raise LimitError(
                    path,
                    f"onderdeel {info.filename} is uitgepakt groter dan {size_label(limits.max_part_bytes)} "
                    "(de grens per onderdeel)",
                )
            chunks.append(chunk)
    return b"".join(chunks)


def open_container(
    data: bytes, path: str, limits: InputLimits, corrupt_problem: str, all_parts: bool = False
) -> Container:
    """Check and unpack a zip container within `limits`; raises `InputError` naming file and limit.

    Only XML parts are unpacked, unless `all_parts` (for a copy that keeps images and the rest).
    """
    declared = _declared_entries(data)
    if declared is None:
        raise InputError(path, corrupt_problem)
    entries, directory_size = declared
    if entries > limits.max_entries or directory_size > limits.max_entries * _DIRECTORY_BYTES_PER_ENTRY:
        raise LimitError(
            path, f"meer dan {count_label(limits.max_entries)} onderdelen (de grens per bestand)"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as error:
        raise InputError(path, corrupt_problem) from error
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.max_entries:
            raise LimitError(
                path, f"meer dan {count_label(limits.max_entries)} onderdelen (de grens per bestand)"
            )
        total = 0
        for info in infos:
            if info.file_size > limits.max_part_bytes:
                raise LimitError(
                    path,
                    f"onderdeel {info.filename} is uitgepakt {size_label(info.file_size)}; "
                    f"de grens per onderdeel is {size_label(limits.max_part_bytes)}",
                )
            total += info.file_size
        if total > limits.max_unpacked_bytes:
            raise LimitError(
                path,
                f"uitgepakt {size_label(total)}; de grens voor alle onderdelen samen is "
                f"{size_label(limits.max_unpacked_bytes)}",
            )
        names: list[str] = []
        parts: dict[str, bytes] = {}
        unpacked = 0
        for info in infos:
            if info.is_dir() or info.filename in parts:
                continue
            names.append(info.filename)
            xml = _is_xml(info.filename)
            if not xml and not all_parts:
                continue
            try:
                content = _unpack(archive, info, path, limits)
            except InputError:
                raise
            except (
                zipfile.BadZipFile,
                zlib.error,
                NotImplementedError,
                RuntimeError,
                ValueError,
                OSError,
                EOFError,
            ) as error:
                # Bad CRC (a forged size), unknown compression, zip encryption, truncated data.
                raise InputError(path, corrupt_problem) from error
            unpacked += len(content)
            if unpacked > limits.max_unpacked_bytes:
                raise LimitError(
                    path,
                    f"uitgepakt meer dan {size_label(limits.max_unpacked_bytes)} (de grens voor alle "
                    "onderdelen samen)",
                )
            if xml and info.filename != "mimetype":
                check_xml(content, path, info.filename, limits)
            parts[info.filename] = content
    return Container(path, names, parts, limits, corrupt_problem)
