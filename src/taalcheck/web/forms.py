"""Reading the form in memory: pasted text and at most one uploaded file (never spooled to disk)."""

from __future__ import annotations

from collections.abc import AsyncGenerator

from starlette.datastructures import FormData, UploadFile
from starlette.formparsers import FormParser, MultiPartException, MultiPartParser
from starlette.requests import Request

from taalcheck.errors import TaalcheckError

from .jobs import upload_name
from .pages import FILE_FIELD, TEXT_FIELD


class FormError(TaalcheckError):
    """The form itself is unusable (empty, unreadable); `str(error)` is a Dutch sentence."""


NOTHING_TO_CHECK = "Er is niets te controleren: plak een tekst of kies een bestand."


class _InMemoryMultiPartParser(MultiPartParser):
    """Keeps uploaded files in memory (the body is already limited), so nothing spills to disk."""

    spool_max_size = 2**62


async def parse_form(request: Request, max_files: int = 1) -> FormData:
    """The form fields; the body is already limited by the guard while it streams in."""
    body = await request.body()

    async def stream() -> AsyncGenerator[bytes, None]:
        yield body

    content_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    limit = max(len(body), 1)
    try:
        if content_type == "multipart/form-data":
            return await _InMemoryMultiPartParser(
                request.headers, stream(), max_files=max_files, max_fields=10, max_part_size=limit
            ).parse()
        if content_type == "application/x-www-form-urlencoded":
            return await FormParser(request.headers, stream(), max_fields=10, max_part_size=limit).parse()
    except MultiPartException:
        raise FormError("Het formulier kon niet worden gelezen; probeer het opnieuw.") from None
    return FormData()


def pasted_text(form: FormData) -> str | None:
    """The pasted text with Windows line ends made plain, or None when the field is empty."""
    text = form.get(TEXT_FIELD)
    if isinstance(text, str) and text.strip():
        return text.replace("\r\n", "\n")
    return None


async def uploaded_file(form: FormData) -> tuple[str, bytes] | None:
    """(bare file name, bytes) of the chosen file, or None when no file was chosen."""
    upload = form.get(FILE_FIELD)
    if not (isinstance(upload, UploadFile) and upload.filename):
        return None
    data = await upload.read()
    await upload.close()
    return upload_name(upload.filename), data
