"""PDF: the text layer, page by page, with line-end hyphenation joined and ligatures repaired.

`text` is the extracted text with ligature characters spelled out ("ﬁ" → "fi") and words that
were split over two lines joined again ("risico-\\ngestuurd" → "risicogestuurd"); offsets refer
to it. `analysis_text` also repairs ligatures that extraction damaged ("con� ict").
"""

from __future__ import annotations

import io
import logging
import re

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from ..errors import InputError
from .base import Document, Segment
from .ligatures import expand_ligatures, repair_ligatures
from .placeholders import mask_placeholders

CORRUPT_PROBLEM = "beschadigd bestand of geen geldige PDF"
ENCRYPTED_PROBLEM = "met een wachtwoord beveiligd: sla een kopie zonder wachtwoord op en probeer opnieuw"
NO_TEXT_PROBLEM = "geen tekstlaag gevonden (gescand document?): gebruik eerst tekstherkenning (OCR)"

_LOWER = "a-zßà-öø-ÿ"
#: A hyphen at a line end between two lower-case letters splits one word over two lines.
_HYPHENATION_RE = re.compile(rf"(?<=[{_LOWER}])-[ \t]*\r?\n[ \t]*(?=[{_LOWER}])")
_SOFT_HYPHEN_RE = re.compile(r"\u00ad[ \t]*\r?\n[ \t]*|\u00ad")


def join_hyphenation(text: str) -> str:
    """`text` with words split at a line end joined ("risico-\\ngestuurd" → "risicogestuurd")."""
    return _HYPHENATION_RE.sub("", _SOFT_HYPHEN_RE.sub("", text))


def _open(data: bytes, path: str) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
    except Exception as error:  # pypdf raises many types for damaged files
        raise InputError(path, CORRUPT_PROBLEM) from error
    if reader.is_encrypted:
        # Files with only an owner password (copy protection) open with an empty user password.
        try:
            if reader.decrypt("") == PasswordType.NOT_DECRYPTED:
                raise InputError(path, ENCRYPTED_PROBLEM)
        except (DependencyError, NotImplementedError, FileNotDecryptedError) as error:
            raise InputError(path, ENCRYPTED_PROBLEM) from error
    return reader


def page_texts(data: bytes, path: str) -> list[str]:
    """The cleaned text of each page (InputError when damaged, encrypted or without text layer)."""
    reader = _open(data, path)
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)  # pypdf warns about harmless irregularities
    try:
        pages = [page.extract_text() or "" for page in reader.pages]
    except FileNotDecryptedError as error:
        raise InputError(path, ENCRYPTED_PROBLEM) from error
    except Exception as error:
        raise InputError(path, CORRUPT_PROBLEM) from error
    finally:
        logger.setLevel(level)
    if not any(page.strip() for page in pages):
        raise InputError(path, NO_TEXT_PROBLEM)
    return [join_hyphenation(expand_ligatures(page)).strip("\n") for page in pages]


def pdf_document(data: bytes, path: str) -> Document:
    """A PDF as a document: one segment per page with text, location "pagina P"."""
    texts: list[str] = []
    segments: list[Segment] = []
    offset = 0
    for number, page in enumerate(page_texts(data, path), start=1):
        if not page.strip():
            continue
        if texts:
            offset += 1
        segments.append(Segment(offset, offset + len(page), f"pagina {number}", ("page", number)))
        texts.append(page)
        offset += len(page)
    text = "\n".join(texts)
    analysis = mask_placeholders(repair_ligatures(text))
    return Document(path=path, text=text, segments=segments, kind="pdf", analysis_text=analysis)
