"""Input limits: how much of a file, a container part or a PDF taalcheck reads before it refuses.

Every reader works within these limits, so a small hostile file (a zip bomb, a forged size, a
PDF with millions of operators) ends in one clear Dutch line instead of gigabytes or minutes.
Organisations can raise or lower them in the configuration (`[limits]` in taalcheck.toml).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from ..errors import InputError

MB = 1_000_000


class LimitError(InputError):
    """A file goes past one of the input limits (the message names the file and the limit)."""


@dataclass(frozen=True)
class InputLimits:
    """The limits one check works within (sizes in bytes)."""

    #: A file as read from disk or standard input.
    max_file_bytes: int = 50 * MB
    #: One part of a Word or OpenDocument file after unpacking (document, header, image ...).
    max_part_bytes: int = 50 * MB
    #: All parts of a Word or OpenDocument file together after unpacking.
    max_unpacked_bytes: int = 200 * MB
    #: Entries in a Word or OpenDocument file.
    max_entries: int = 10_000
    #: XML elements in one part (nesting deeper than 256 levels is always refused).
    max_xml_elements: int = 2_000_000
    #: Spaces, tabs or repeated cells one expansion construct (`text:s text:c=`) may stand for.
    max_repeat: int = 1_000
    #: Characters of text checked in one document (any format, standard input included): about
    #: a thousand pages, far beyond any report, and what checking gets through in seconds.
    max_text_chars: int = 2_000_000
    #: PDF pages, content-stream operators per page, and seconds for the whole file.
    max_pdf_pages: int = 5_000
    max_pdf_operators: int = 200_000
    #: Characters in the strings of one PDF page (PDFium keeps a record per character).
    max_pdf_page_chars: int = 500_000
    max_pdf_seconds: float = 20.0

    def describe(self) -> list[tuple[str, str]]:
        """(label, value) pairs for `taalcheck info` and messages."""
        return [
            ("bestand", size_label(self.max_file_bytes)),
            ("onderdeel van .docx/.odt (uitgepakt)", size_label(self.max_part_bytes)),
            ("alle onderdelen samen (uitgepakt)", size_label(self.max_unpacked_bytes)),
            ("tekst per document", f"{count_label(self.max_text_chars)} tekens"),
            (
                "PDF",
                f"{count_label(self.max_pdf_pages)} pagina's, {count_label(self.max_pdf_operators)} "
                f"opdrachten per pagina, {self.max_pdf_seconds:g} seconden",
            ),
        ]


DEFAULT_LIMITS = InputLimits()

#: Configuration keys (`[limits]`) and the field each sets; sizes are given in MB.
CONFIG_KEYS: dict[str, str] = {
    "max_file_mb": "max_file_bytes",
    "max_part_mb": "max_part_bytes",
    "max_unpacked_mb": "max_unpacked_bytes",
    "max_text_chars": "max_text_chars",
    "max_pdf_pages": "max_pdf_pages",
    "max_pdf_operators": "max_pdf_operators",
    "max_pdf_seconds": "max_pdf_seconds",
}


def limits_from_config(table: Any) -> InputLimits:
    """`InputLimits` from a `[limits]` configuration table; raises `ValueError` (Dutch) naming the key."""
    if not isinstance(table, dict):
        raise ValueError("moet een tabel zijn, bijvoorbeeld [limits] met max_file_mb = 50")
    known = {field.name for field in fields(InputLimits)}
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in CONFIG_KEYS:
            raise ValueError(f"onbekende grens '{key}' (toegestaan: {', '.join(CONFIG_KEYS)})")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise ValueError(f"grens '{key}' moet een positief getal zijn")
        name = CONFIG_KEYS[key]
        assert name in known
        if key.endswith("_mb"):
            values[name] = int(value * MB)
        elif name == "max_pdf_seconds":
            values[name] = float(value)
        else:
            values[name] = int(value)
    return InputLimits(**values)


def too_much_text(name: str, max_chars: int) -> LimitError:
    """The problem for a document with more than `max_chars` characters of text."""
    return LimitError(
        name,
        f"meer dan {count_label(max_chars)} tekens tekst (de grens per document, in te stellen met "
        "max_text_chars onder [limits] in taalcheck.toml)",
    )


def size_label(size: int) -> str:
    """A size in Dutch notation: "1,5 MB", "50 MB", "800 bytes"."""
    if size < 10_000:
        return f"{size} bytes"
    megabytes = size / MB
    return f"{megabytes:.1f} MB".replace(".", ",") if megabytes < 10 else f"{megabytes:.0f} MB"


def count_label(count: int) -> str:
    """A count with Dutch thousands separators: 2.000.000."""
    return f"{count:,}".replace(",", ".")
