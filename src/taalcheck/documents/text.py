"""Plain text: encoding detection and the one-segment document."""

from __future__ import annotations

import codecs

from ..errors import InputError
from .base import Document, Segment
from .ligatures import repair_ligatures
from .limits import too_much_text
from .placeholders import mask_placeholders

#: Control characters that never occur in text files (tab, line feed, form feed, CR excluded).
_CONTROL = frozenset(chr(code) for code in range(32) if chr(code) not in "\t\n\x0b\x0c\r") | {"\x7f"}
_BINARY_SIGNATURES = (b"%PDF-", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")

BINARY_PROBLEM = "binair bestand, geen tekst"
ENCODING_PROBLEM = "tekstcodering niet herkend; sla het bestand op als UTF-8"


def decode_text(data: bytes, path: str, max_chars: int | None = None) -> str:
    """Decode the bytes of a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    A byte-order mark is removed, so offsets count from the first real character. Raises
    `InputError` for binary data, for bytes that no encoding explains and (`LimitError`) for
    more than `max_chars` characters.
    """

    def _checked(text: str) -> str:
        if max_chars is not None and len(text) > max_chars:
            raise too_much_text(path, max_chars)
        return _not_binary(text, path)

    if max_chars is not None and len(data) > 4 * (max_chars + 1):  # no encoding packs more
        raise too_much_text(path, max_chars)
    if data.startswith(codecs.BOM_UTF8):
        return _checked(_decode(data[len(codecs.BOM_UTF8) :], "utf-8", path))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(_decode(data, "utf-16", path))
    if b"\x00" in data or data.startswith(_BINARY_SIGNATURES):
        raise InputError(path, BINARY_PROBLEM)
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for text that is not UTF-8
    from charset_normalizer.utils import is_multi_byte_encoding

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(path, ENCODING_PROBLEM)
    encoding = best.encoding
    if not is_multi_byte_encoding(encoding):
        # Single-byte guesses for short Dutch text are often exotic (cp1250, cp1006); Windows-1252
        # is what Dutch Windows software writes, so it wins whenever it decodes the bytes.
        try:
            return _checked(data.decode("cp1252"))
        except UnicodeDecodeError:
            pass
    return _checked(_decode(data, encoding, path))


def _decode(data: bytes, encoding: str, path: str) -> str:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(path, ENCODING_PROBLEM) from None
    return text.removeprefix("\ufeff")


def _not_binary(text: str, path: str) -> str:
    """`text`, unless control characters show it is binary data after all."""
    if text:
        controls = sum(1 for char in text if char in _CONTROL)
        if controls and controls > max(2, len(text) // 200):
            raise InputError(path, BINARY_PROBLEM)
    return text


def plain_analysis_text(text: str) -> str:
    """Analysable text for plain text: placeholders blanked, damaged ligatures repaired."""
    return mask_placeholders(repair_ligatures(text))


def document_from_text(text: str, path: str = "-") -> Document:
    """A plain-text document from a string (standard input, API): one segment, no location."""
    text = text.removeprefix("\ufeff")
    segments = [Segment(0, len(text))] if text.strip() else []
    analysis = plain_analysis_text(text)
    return Document(path=path, text=text, segments=segments, kind="txt", analysis_text=analysis)


def read_text(data: bytes, path: str, max_chars: int | None = None) -> Document:
    """A .txt file as a document (`LimitError` past `max_chars` characters)."""
    return document_from_text(decode_text(data, path, max_chars), path)
