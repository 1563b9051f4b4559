"""The web app: routes, error pages and the app factory.

Paste a report or upload a file and read the usual HTML result page. The app is a thin layer over
the public API: one `Checker` is created and warmed up when the server starts, every request
reuses it. Privacy: the server binds to 127.0.0.1 by default, logs no requests, keeps uploads in
memory and writes only one private temporary file per upload (the document readers take a path),
which is deleted right after reading. Pages are sent with `Cache-Control: no-store` and a strict
Content-Security-Policy.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from taalcheck.errors import TaalcheckError
from taalcheck.settings import Settings

from . import forms
from .engine import Engine
from .pages import MAX_UPLOAD_LABEL, error_page, form_page, result_page
from .security import SecurityHeaders

# -- routes -----------------------------------------------------------------------------------


async def home(request: Request) -> Response:
    return HTMLResponse(form_page())


async def health(request: Request) -> Response:
    return PlainTextResponse("ok")


async def check(request: Request) -> Response:
    engine: Engine = request.app.state.engine
    try:
        form = await forms.parse_form(request, forms.MAX_UPLOAD_BYTES)
        documents = await forms.documents_from_form(form)
        result, entries = await run_in_threadpool(engine.check, documents)
    except forms.RequestTooLarge:
        message = f"Het bestand is te groot; de grens is {MAX_UPLOAD_LABEL}."
        return HTMLResponse(error_page(message), status_code=400)
    except TaalcheckError as error:
        return HTMLResponse(error_page(_sentence(str(error))), status_code=400)
    except Exception as error:  # a reader or check failed unexpectedly: a page, never a traceback
        return await server_error(request, error)
    return HTMLResponse(result_page(result, entries))


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


async def server_error(request: Request, exc: Exception) -> Response:
    # Only the kind of error goes to the console: never a message that might quote the document.
    # (Starlette re-raises after this handler; `check` therefore catches its own errors.)
    print(f"taalcheck: interne fout ({type(exc).__name__})", file=sys.stderr)
    return HTMLResponse(
        error_page("Er ging iets mis bij het controleren. Probeer het opnieuw of gebruik een ander bestand."),
        status_code=500,
    )


def create_app(settings: Settings | None = None) -> Starlette:
    """The web app. The checker is created here, so configuration errors (`TaalcheckError`) surface
    before the server starts; the Dutch pipeline is loaded in the lifespan (server start)."""
    engine = Engine(settings or Settings())
    engine.checker  # noqa: B018 - lexicon loaded and configuration validated now

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await run_in_threadpool(engine.warm_up)
        yield

    exception_handlers: dict[Any, Any] = {HTTPException: http_error, Exception: server_error}
    app = Starlette(
        routes=[
            Route("/", home, methods=["GET"]),
            Route("/controleren", check, methods=["POST"]),
            Route("/gezondheid", health, methods=["GET"]),
        ],
        exception_handlers=exception_handlers,
        lifespan=lifespan,
    )
    app.state.engine = engine
    app.add_middleware(SecurityHeaders)
    return app
