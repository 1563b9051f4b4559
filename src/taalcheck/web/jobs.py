"""The work of one request, done inside a check process: read, check, render; all in memory.

Each job is a module-level function `job(engine, ...)` so that `CheckPool.run` can send it to a
check process. Uploads are read from their bytes: nothing is written to disk.
"""

from __future__ import annotations

import re
from pathlib import Path

from taalcheck.api import read_bytes
from taalcheck.documents import SUPPORTED_SUFFIXES, Document, document_from_text
from taalcheck.documents.files import WORD_SUFFIXES
from taalcheck.errors import InputError
from taalcheck.model import CheckResult, FileResult

from .engine import Engine
from .pages import result_page

#: How the pasted text is named on the result page.
PASTED_NAME = "geplakte tekst"
DOCX_SUFFIX = ".docx"
_SUFFIX = re.compile(r"\.[a-z0-9]{1,8}")


def upload_name(filename: str) -> str:
    """The bare file name as the browser sent it (some send a full Windows path)."""
    return re.split(r"[\\/]", filename)[-1].strip() or "bestand"


def upload_suffix(name: str) -> str:
    """The suffix in lower case, or "" when it is not a plain one (letters and digits)."""
    suffix = Path(name).suffix.lower()
    return suffix if _SUFFIX.fullmatch(suffix) else ""


def read_upload(data: bytes, name: str) -> Document:
    """A document from the uploaded bytes; `InputError` (Dutch) for unsupported or unreadable files."""
    suffix = upload_suffix(name)
    if suffix == ".doc":
        from taalcheck.documents.word import OLD_FORMAT_PROBLEM

        raise InputError(name, OLD_FORMAT_PROBLEM)
    if suffix not in SUPPORTED_SUFFIXES:
        kind = f"bestandstype {suffix}" if suffix else "een bestand zonder extensie"
        raise InputError(name, f"{kind} wordt niet ondersteund; wel: {', '.join(SUPPORTED_SUFFIXES)}")
    if not data:
        raise InputError(name, "het bestand is leeg")
    return read_bytes(data, name)


def check_page(engine: Engine, text: str | None, upload: tuple[str, bytes] | None) -> str:
    """The result page for the pasted text and/or the uploaded file."""
    return result_page(check_result(engine, text, upload))


def check_result(engine: Engine, text: str | None, upload: tuple[str, bytes] | None) -> CheckResult:
    """The result for the pasted text and/or the uploaded file (to anonymise before rendering)."""
    documents: list[Document] = []
    if text:
        documents.append(document_from_text(text, PASTED_NAME))
    if upload:
        documents.append(read_upload(upload[1], upload[0]))
    return engine.check(documents)


def annotated_name(name: str) -> str:
    """The download's file name: `verslag.docx` -> `verslag-taalcheck.docx`."""
    stem = Path(name).stem or "verslag"
    return f"{stem}-taalcheck{DOCX_SUFFIX}"


def annotated_copy(engine: Engine, name: str, data: bytes) -> tuple[bytes, int]:
    """The uploaded Word file as a .docx with a comment on each passage (macros never kept), and how
    many comments it holds."""
    if upload_suffix(name) not in WORD_SUFFIXES:
        raise InputError(
            name,
            f"Word-opmerkingen kunnen alleen in een Word-bestand worden geplaatst ({', '.join(WORD_SUFFIXES)})",
        )
    document = read_upload(data, name)
    return annotate_bytes(data, name, engine.check([document]).files[0])


def annotate_bytes(data: bytes, name: str, file: FileResult) -> tuple[bytes, int]:
    """Word comments on the findings of `file` (checked from `data`), in memory.

    The same placement as `taalcheck annotate` (report/annotate.py), from bytes to bytes.
    """
    from taalcheck.report.annotate import annotate_bytes as annotate_word

    annotation = annotate_word(data, file, name)
    # one comment per passage, plus the overview comment for headers and footers
    return annotation.data, len(annotation.commented) + (1 if annotation.listed else 0)
