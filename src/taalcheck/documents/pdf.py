"""PDF: the text layer, page by page, with line-end hyphenation joined and ligatures repaired.

`text` is the extracted text with ligature characters spelled out ("ﬁ" → "fi") and words that
were split over two lines joined again ("risico-\\ngestuurd" → "risicogestuurd"); offsets refer
to it. `analysis_text` also repairs ligatures that extraction damaged ("con� ict").

Reading works within a budget (`InputLimits`): pypdf opens the file, checks encryption and
counts the pages and, per page, the content-stream operators and the characters in strings
before anything is laid out; PDFium (pypdfium2) then extracts the text, page by page, within a
time budget for the whole file. PDFium is linear and fast where pypdf's pure-Python extraction
can take minutes on a small crafted file.
"""

from __future__ import annotations

import io
import logging
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pypdfium2 as pdfium
from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from ..errors import InputError
from .base import Document, Segment
from .ligatures import expand_ligatures, repair_ligatures
from .limits import DEFAULT_LIMITS, InputLimits, LimitError, count_label
from .placeholders import mask_placeholders

CORRUPT_PROBLEM = "beschadigd bestand of geen geldige PDF"
ENCRYPTED_PROBLEM = "met een wachtwoord beveiligd: sla een kopie zonder wachtwoord op en probeer opnieuw"
NO_TEXT_PROBLEM = "geen tekstlaag gevonden (gescand document?): gebruik eerst tekstherkenning (OCR)"

_LOWER = "a-zßà-öø-ÿ"
#: A hyphen at a line end between two lower-case letters splits one word over two lines.
_HYPHENATION_RE = re.compile(rf"(?<=[{_LOWER}])-[ \t]*\r?\n[ \t]*(?=[{_LOWER}])")
_SOFT_HYPHEN_RE = re.compile(r"\u00ad[ \t]*\r?\n[ \t]*|\u00ad")
#: PDFium marks a hyphen at a line end that it joined to the next line with U+FFFE.
_PDFIUM_HYPHEN = "\ufffe"

#: A content-stream operator: a short word after white space or a delimiter (names start with /).
_OPERATOR_RE = re.compile(rb"(?<![^\s)\]>])(?:[A-Za-z]{1,3}\*?|['\"])(?![^\s(\[</])")
#: String operands: literal strings (one nesting level is enough for an estimate) and hex strings.
_STRING_RE = re.compile(rb"\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\)|<[0-9A-Fa-f\s]+>")
_MAX_FORM_DEPTH = 8
_SLICE = 1 << 20
#: PDFium is not thread-safe; the web page may read files from several threads.
_PDFIUM_LOCK = threading.Lock()


def join_hyphenation(text: str) -> str:
    """`text` with words split at a line end joined ("risico-\\ngestuurd" → "risicogestuurd")."""
    return _HYPHENATION_RE.sub("", _SOFT_HYPHEN_RE.sub("", text))


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs harmless irregularities of damaged files; the user gets one line from us instead."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


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


class _Budget:
    """Limits for one PDF: operators and characters per page, text and seconds for the file."""

    def __init__(self, path: str, limits: InputLimits) -> None:
        self.path = path
        self.limits = limits
        self.deadline = time.monotonic() + limits.max_pdf_seconds
        self.chars = 0

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise LimitError(
                self.path,
                f"het lezen duurt langer dan {self.limits.max_pdf_seconds:g} seconden "
                "(de tijdgrens per PDF, in te stellen met max_pdf_seconds onder [limits])",
            )

    def check_page(self, number: int, operators: int, chars: int) -> None:
        if operators > self.limits.max_pdf_operators:
            raise LimitError(
                self.path,
                f"pagina {number} heeft meer dan {count_label(self.limits.max_pdf_operators)} "
                "opdrachten (de grens per pagina, in te stellen met max_pdf_operators onder [limits])",
            )
        if chars > self.limits.max_pdf_page_chars:
            raise LimitError(
                self.path,
                f"pagina {number} heeft meer dan {count_label(self.limits.max_pdf_page_chars)} tekens "
                "(de grens per pagina)",
            )

    def add_text(self, count: int) -> None:
        self.chars += count
        if self.chars > self.limits.max_text_chars:
            raise LimitError(
                self.path,
                f"meer dan {count_label(self.limits.max_text_chars)} tekens tekst (de grens per document)",
            )


def _stream_data(obj: Any) -> bytes:
    """The decoded bytes of a content stream or an array of them (pypdf caps decompression)."""
    obj = obj.get_object() if hasattr(obj, "get_object") else obj
    if obj is None:
        return b""
    if isinstance(obj, list):
        return b"\n".join(_stream_data(item) for item in obj)
    get_data = getattr(obj, "get_data", None)
    return get_data() if get_data is not None else b""


def _count(pattern: re.Pattern[bytes], data: bytes, limit: int, weight: bool = False) -> int:
    """Matches of `pattern` in `data` (their length if `weight`), stopping once past `limit`.

    Counted a slice at a time in C (`findall`), so a huge stream costs neither a Python loop per
    match nor a list of millions of matches; a match cut at a slice border is counted twice at most.
    """
    total = 0
    for start in range(0, len(data), _SLICE):
        found = pattern.findall(data, start, start + _SLICE)
        total += sum(map(len, found)) if weight else len(found)
        if total > limit:
            break
    return total


def _content_cost(
    resources: Any, data: bytes, limits: InputLimits, depth: int = 0, seen: frozenset[int] = frozenset()
) -> tuple[int, int]:
    """(operators, string characters) a content stream makes PDFium parse, forms included."""
    operators = _count(_OPERATOR_RE, data, limits.max_pdf_operators)
    chars = _count(_STRING_RE, data, limits.max_pdf_page_chars, weight=True)
    if depth >= _MAX_FORM_DEPTH or b"Do" not in data:
        return operators, chars
    try:
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        xobjects = xobjects.get_object() if xobjects is not None else {}
    except (AttributeError, KeyError, TypeError, ValueError):
        return operators, chars
    for name, reference in xobjects.items():
        uses = len(re.findall(re.escape(str(name).encode("latin-1", "replace")) + rb"\s*Do\b", data))
        if not uses:
            continue
        identity = getattr(reference, "idnum", id(reference))
        form = reference.get_object()
        if identity in seen or form.get("/Subtype") != "/Form":
            continue
        inner_ops, inner_chars = _content_cost(
            form.get("/Resources", resources), form.get_data(), limits, depth + 1, seen | {identity}
        )
        operators += uses * inner_ops
        chars += uses * inner_chars
        if operators > limits.max_pdf_operators or chars > limits.max_pdf_page_chars:
            break
    return operators, chars


def _check_pages(reader: PdfReader, budget: _Budget) -> int:
    """The page count, after checking every page's content against the budget."""
    limits = budget.limits
    count = len(reader.pages)
    if count > limits.max_pdf_pages:
        raise LimitError(
            budget.path,
            f"meer dan {count_label(limits.max_pdf_pages)} pagina's (de grens per PDF, in te stellen "
            "met max_pdf_pages onder [limits])",
        )
    for number, page in enumerate(reader.pages, start=1):
        budget.check_time()
        data = _stream_data(page.get("/Contents"))
        operators, chars = _content_cost(page.get("/Resources"), data, limits)
        budget.check_page(number, operators, chars)
    return count


def page_texts(data: bytes, path: str, limits: InputLimits = DEFAULT_LIMITS) -> list[str]:
    """The cleaned text of each page (InputError when damaged, encrypted, past a limit or without text)."""
    budget = _Budget(path, limits)
    with _quiet_pypdf():
        reader = _open(data, path)
        try:
            count = _check_pages(reader, budget)
        except InputError:
            raise
        except FileNotDecryptedError as error:
            raise InputError(path, ENCRYPTED_PROBLEM) from error
        except Exception as error:  # pypdf raises many types for damaged files
            raise InputError(path, CORRUPT_PROBLEM) from error
    with _PDFIUM_LOCK:
        pages = _extract(data, path, count, budget)
    if not any(page.strip() for page in pages):
        raise InputError(path, NO_TEXT_PROBLEM)
    return [_clean(page) for page in pages]


def _extract(data: bytes, path: str, count: int, budget: _Budget) -> list[str]:
    """The raw text of each page, extracted by PDFium within the time and text budget."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        problem = ENCRYPTED_PROBLEM if "password" in str(error).lower() else CORRUPT_PROBLEM
        raise InputError(path, problem) from error
    pages: list[str] = []
    try:
        if len(document) != count:
            raise InputError(path, CORRUPT_PROBLEM)
        for index in range(count):
            budget.check_time()
            page = document[index]
            try:
                textpage = page.get_textpage()
                try:
                    text = textpage.get_text_range()
                finally:
                    textpage.close()
            finally:
                page.close()
            budget.add_text(len(text))
            pages.append(text)
    except pdfium.PdfiumError as error:
        raise InputError(path, CORRUPT_PROBLEM) from error
    finally:
        document.close()
    return pages


def _clean(text: str) -> str:
    """PDFium's text in our conventions: \\n line ends, split words joined, ligatures spelled out."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace(_PDFIUM_HYPHEN, "-\n")
    return join_hyphenation(expand_ligatures(text)).strip("\n")


def pdf_document(data: bytes, path: str, limits: InputLimits = DEFAULT_LIMITS) -> Document:
    """A PDF as a document: one segment per page with text, labels "pagina P, regel L"."""
    texts: list[str] = []
    segments: list[Segment] = []
    offset = 0
    for number, page in enumerate(page_texts(data, path, limits), start=1):
        if not page.strip():
            continue
        if texts:
            offset += 1
        segments.append(
            Segment(offset, offset + len(page), f"pagina {number}", ("page", number), numbered_lines=True)
        )
        texts.append(page)
        offset += len(page)
    text = "\n".join(texts)
    analysis = mask_placeholders(repair_ligatures(text))
    return Document(path=path, text=text, segments=segments, kind="pdf", analysis_text=analysis)
