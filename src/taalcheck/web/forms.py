"""Reading the form: the request body within its limit, pasted text and uploaded files."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import AsyncGenerator
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, Headers, UploadFile
from starlette.formparsers import FormParser, MultiPartException, MultiPartParser
from starlette.requests import Request

from taalcheck.documents import SUPPORTED_SUFFIXES, Document, document_from_text, read_document
from taalcheck.errors import InputError, TaalcheckError

from .pages import FILE_FIELD, TEXT_FIELD

#: Largest accepted request (pasted text plus upload).
MAX_UPLOAD_BYTES = 20_000_000
#: How the pasted text is named on the result page.
PASTED_NAME = "geplakte tekst"
_SUFFIX = re.compile(r"\.[a-z0-9]{1,8}")


class RequestTooLarge(Exception):
    """The request body is larger than `MAX_UPLOAD_BYTES`."""


class FormError(TaalcheckError):
    """The form itself is unusable (empty, unreadable); `str(error)` is a Dutch sentence."""


class _InMemoryMultiPartParser(MultiPartParser):
    """Keeps uploaded files in memory (the body is already limited), so nothing spills to disk."""

    spool_max_size = MAX_UPLOAD_BYTES + 1


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise RequestTooLarge
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise RequestTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


async def parse_form(request: Request, limit: int) -> FormData:
    body = await _read_body(request, limit)

    async def stream() -> AsyncGenerator[bytes, None]:
        yield body

    headers: Headers = request.headers
    content_type = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    try:
        if content_type == "multipart/form-data":
            return await _InMemoryMultiPartParser(
                headers, stream(), max_files=1, max_fields=10, max_part_size=limit
            ).parse()
        if content_type == "application/x-www-form-urlencoded":
            return await FormParser(headers, stream(), max_fields=10, max_part_size=limit).parse()
    except MultiPartException:
        raise FormError("Het formulier kon niet worden gelezen; probeer het opnieuw.") from None
    return FormData()


def upload_name(filename: str) -> str:
    """The bare file name as the browser sent it (some send a full Windows path)."""
    return re.split(r"[\\/]", filename)[-1].strip() or "bestand"


def upload_suffix(name: str) -> str:
    """A safe suffix for the temporary file: lower case letters and digits only."""
    suffix = Path(name).suffix.lower()
    return suffix if _SUFFIX.fullmatch(suffix) else ""


def read_upload(data: bytes, name: str) -> Document:
    """Read uploaded bytes through a private temporary file that is always deleted.

    Unsupported types are refused before anything is written.
    """
    suffix = upload_suffix(name)
    if suffix == ".doc":
        from taalcheck.documents.word import OLD_FORMAT_PROBLEM

        raise InputError(name, OLD_FORMAT_PROBLEM)
    if suffix not in SUPPORTED_SUFFIXES:
        kind = f"bestandstype {suffix}" if suffix else "een bestand zonder extensie"
        raise InputError(name, f"{kind} wordt niet ondersteund; wel: {', '.join(SUPPORTED_SUFFIXES)}")
    if not data:
        raise InputError(name, "het bestand is leeg")
    handle, temporary = tempfile.mkstemp(prefix="taalcheck-", suffix=suffix)  # mode 0600
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        return read_document(Path(temporary), display_path=name, max_bytes=MAX_UPLOAD_BYTES)
    finally:
        Path(temporary).unlink(missing_ok=True)


async def documents_from_form(form: FormData) -> list[Document]:
    """The pasted text and/or the uploaded file as documents; `InputError` when both are empty."""
    documents: list[Document] = []
    text = form.get(TEXT_FIELD)
    if isinstance(text, str) and text.strip():
        documents.append(document_from_text(text.replace("\r\n", "\n"), PASTED_NAME))
    upload = form.get(FILE_FIELD)
    if isinstance(upload, UploadFile) and upload.filename:
        data = await upload.read()
        await upload.close()
        documents.append(await run_in_threadpool(read_upload, data, upload_name(upload.filename)))
    if not documents:
        raise FormError("Er is niets te controleren: plak een tekst of kies een bestand.")
    return documents
