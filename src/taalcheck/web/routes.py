"""The web app: routes, error pages and the app factory.

Paste a report or upload a file and read the usual HTML result page, or upload a .docx and download
a copy with Word comments. Every check runs in a separate check process within a time budget
(`pool.py`); the server process only reads forms and sends pages, so it always answers, the
health endpoint included. Privacy: nothing of a text is stored, logged or written to disk; the
guard (`security.py`) checks Host and Origin, limits the body while it streams, and sends a strict
Content-Security-Policy on every response.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from taalcheck.errors import TaalcheckError
from taalcheck.settings import Settings

from . import forms, jobs, trainer
from .engine import validate_settings
from .pages import ANONYMISE_FIELD, error_page, form_page, size_label
from .pool import Busy, CheckPool, InternalError, JobFailed, Limits, OverTime
from .security import INTERNAL_MESSAGE, Guard, allowed_names, is_loopback

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
BUSY_MESSAGE = "taalcheck is op dit moment druk met andere controles. Probeer het over een minuut opnieuw."


def _pool(request: Request) -> CheckPool:
    return request.app.state.pool  # type: ignore[no-any-return]


async def home(request: Request) -> Response:
    local = request.app.state.local
    return HTMLResponse(form_page(size_label(_pool(request).limits.max_body_bytes), local))


async def health(request: Request) -> Response:
    """Answers at once, whatever the checks are doing (for a load balancer or monitoring)."""
    return PlainTextResponse("ok")


async def check(request: Request) -> Response:
    """The result page for the pasted text and/or the uploaded file."""
    form = await forms.parse_form(request)
    text, upload = forms.pasted_text(form), await forms.uploaded_file(form)
    if text is None and upload is None:
        raise forms.FormError(forms.NOTHING_TO_CHECK)
    if form.get(ANONYMISE_FIELD) == "ja":
        return HTMLResponse(await trainer.anonymous_page(_pool(request), text, upload))
    page = await _pool(request).run(jobs.check_page, text, upload)
    return HTMLResponse(page)


async def annotate(request: Request) -> Response:
    """The uploaded .docx back with a Word comment on each passage, as a download."""
    form = await forms.parse_form(request)
    upload = await forms.uploaded_file(form)
    if upload is None:
        raise forms.FormError("Kies een Word-bestand (.docx) om een kopie met opmerkingen te krijgen.")
    name, data = upload
    copy, placed = await _pool(request).run(jobs.annotated_copy, name, data)
    download = jobs.annotated_name(name)
    ascii_name = download.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    return Response(
        copy,
        media_type=DOCX_TYPE,
        headers={
            "content-disposition": f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(download)}",
            "x-taalcheck-opmerkingen": str(placed),
        },
    )


def _sentence(message: str) -> str:
    """The message ending in a full stop (it may start with a file name, so no capital)."""
    message = message.strip()
    return message if message.endswith((".", "!", "?")) else message + "."


async def http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    messages = {
        404: "Deze pagina bestaat niet.",
        405: "Gebruik het formulier om een tekst te controleren.",
    }
    message = messages.get(status, "Het verzoek kon niet worden verwerkt.")
    return HTMLResponse(error_page(message), status_code=status)


async def input_error(request: Request, exc: Exception) -> Response:
    return HTMLResponse(error_page(_sentence(str(exc))), status_code=400)


async def busy(request: Request, exc: Exception) -> Response:
    return HTMLResponse(error_page(BUSY_MESSAGE), status_code=503, headers={"retry-after": "30"})


async def over_time(request: Request, exc: Exception) -> Response:
    seconds = f"{_pool(request).limits.time_budget:g}".replace(".", ",")
    message = (
        f"De controle duurde langer dan {seconds} seconden en is gestopt. "
        "Probeer een kortere tekst, of controleer het bestand in delen."
    )
    return HTMLResponse(error_page(message), status_code=503)


async def server_error(request: Request, exc: Exception) -> Response:
    # Only the kind of error goes to the console: never a message that might quote the document.
    kind = str(exc) if isinstance(exc, InternalError) else type(exc).__name__
    print(f"taalcheck: interne fout ({kind})", file=sys.stderr)
    return HTMLResponse(error_page(INTERNAL_MESSAGE), status_code=500)


def create_app(
    settings: Settings | None = None,
    *,
    limits: Limits | None = None,
    host: str = "127.0.0.1",
    names: tuple[str, ...] = (),
    warm_up: bool = True,
) -> Starlette:
    """The web app.

    `host` is the address the server listens on and `names` the extra host names it is reached
    under (behind a reverse proxy); requests naming another host are refused. Configuration
    errors (`TaalcheckError`) surface here, before the server starts; the check processes start
    and load the Dutch pipeline in the lifespan (server start; `warm_up=False` leaves the pipeline
    to the first sentence that needs it).
    """
    settings = settings or Settings()
    limits = limits or Limits()
    validate_settings(settings)
    pool = CheckPool(settings, limits, warm_up)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await pool.start()
        try:
            yield
        finally:
            pool.close()

    exception_handlers: dict[Any, Any] = {
        HTTPException: http_error,
        TaalcheckError: input_error,
        Busy: busy,
        OverTime: over_time,
        InternalError: server_error,
    }
    app = Starlette(
        routes=[
            Route("/", home, methods=["GET"]),
            Route("/controleren", check, methods=["POST"]),
            Route("/opmerkingen", annotate, methods=["POST"]),
            Route("/gezondheid", health, methods=["GET"]),
            *trainer.ROUTES,
        ],
        exception_handlers=exception_handlers,
        lifespan=lifespan,
    )
    app.state.pool = pool
    app.state.local = is_loopback(host) and not names  # on this computer only, not for a team
    app.add_middleware(
        Guard,
        names=allowed_names(host, names),
        max_body_bytes=limits.max_body_bytes,
        limit_label=size_label(limits.max_body_bytes),
    )
    return app


__all__ = ["JobFailed", "create_app"]
