"""A small local web page for professionals who do not use a command line.

Paste a report or upload a file and read the usual HTML result page. The app is a thin layer over
the public API: one `Checker` is created and warmed up when the server starts, every request
reuses it. Privacy: the server binds to 127.0.0.1 by default, logs no requests, keeps uploads in
memory and writes only one private temporary file per upload (the document readers take a path),
which is deleted right after reading. Pages are sent with `Cache-Control: no-store` and a strict
Content-Security-Policy.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import threading
from collections.abc import AsyncGenerator, AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, Headers, UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import FormParser, MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from taalcheck.api import make_checker
from taalcheck.checker import Checker
from taalcheck.config import validate_ids
from taalcheck.documents import SUPPORTED_SUFFIXES, Document, document_from_text, read_document
from taalcheck.errors import InputError, TaalcheckError
from taalcheck.lexicon.model import Entry
from taalcheck.model import CheckResult
from taalcheck.report.html import esc, render_html
from taalcheck.settings import Settings

#: Largest accepted request (pasted text plus upload).
MAX_UPLOAD_BYTES = 20_000_000
MAX_UPLOAD_LABEL = "20 MB"
#: How the pasted text is named on the result page.
PASTED_NAME = "geplakte tekst"
TEXT_FIELD = "tekst"
FILE_FIELD = "bestand"

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"cache-control", b"no-store"),
    (
        b"content-security-policy",
        b"default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; "
        b"frame-ancestors 'none'; base-uri 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)

_WARM_UP_TEXT = (
    "Wij werken risicogestuurd. Moeder zet de afspraken niet door. Vader neemt zijn verantwoordelijkheid."
)
_SUFFIX = re.compile(r"\.[a-z0-9]{1,8}")


class SecurityHeaders:
    """ASGI middleware: the privacy and security headers on every response, errors included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in SECURITY_HEADERS}
                kept = [
                    (name, value) for name, value in message.get("headers", []) if name.lower() not in names
                ]
                message["headers"] = kept + list(SECURITY_HEADERS)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class RequestTooLarge(Exception):
    """The request body is larger than `MAX_UPLOAD_BYTES`."""


class FormError(TaalcheckError):
    """The form itself is unusable (empty, unreadable); `str(error)` is a Dutch sentence."""


class _InMemoryMultiPartParser(MultiPartParser):
    """Keeps uploaded files in memory (the body is already limited), so nothing spills to disk."""

    spool_max_size = MAX_UPLOAD_BYTES + 1


class Engine:
    """The one checker of the app, created and warmed up once; checks run one at a time."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._checker: Checker | None = None
        self._lock = threading.Lock()

    @property
    def checker(self) -> Checker:
        with self._lock:
            return self._ensure_checker()

    def _ensure_checker(self) -> Checker:
        if self._checker is None:
            checker = make_checker(self.settings)
            validate_ids(self.settings, set(checker.lexicon.entries))
            self._checker = checker
        return self._checker

    def warm_up(self) -> None:
        """Load the Dutch pipeline and the document readers; check and render one short text."""
        import taalcheck.documents.markdown
        import taalcheck.documents.opendocument
        import taalcheck.documents.pdf
        import taalcheck.documents.word  # noqa: F401

        with self._lock:
            checker = self._ensure_checker()
            checker.pipeline  # noqa: B018 - loads the pipeline now, not on the first page
            result = CheckResult([checker.check_document(document_from_text(_WARM_UP_TEXT))])
            result_page(result, checker.lexicon.entries)

    def check(self, documents: list[Document]) -> tuple[CheckResult, Mapping[str, Entry]]:
        with self._lock:
            checker = self._ensure_checker()
            result = CheckResult([checker.check_document(document) for document in documents])
            return result, checker.lexicon.entries


# -- pages ------------------------------------------------------------------------------------

PAGE_CSS = """
*{box-sizing:border-box}
html{font-size:18px}
body{margin:0;padding:1.5rem 2rem;font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;
 line-height:1.5;color:#1a1a1a;background:#fafafa}
main{max-width:52rem;margin:0 auto}
h1{font-size:2rem;margin:0 0 .5rem}
label{display:block;font-weight:600;margin:1.25rem 0 .35rem}
textarea{width:100%;min-height:18rem;font:inherit;font-size:1.05rem;padding:.6rem;border:2px solid #888;
 border-radius:.4rem;background:#fff;color:inherit}
input[type=file]{font:inherit}
textarea:focus,input:focus,button:focus,a:focus{outline:3px solid #2A8FCB;outline-offset:2px}
button{margin-top:1.5rem;font:inherit;font-size:1.1rem;font-weight:700;padding:.55rem 1.6rem;border:0;
 border-radius:.4rem;background:#1a1a1a;color:#fff;cursor:pointer}
button:hover{background:#333}
.hint{color:#555;font-size:.9rem;margin:.2rem 0}
.privacy{border-left:.4rem solid #007A5A;background:#fff;padding:.5rem .8rem;margin:1rem 0}
.error{border:2px solid #B0578A;border-radius:.4rem;background:#fff;padding:.6rem 1rem;margin:1rem 0}
"""


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{PAGE_CSS}</style>\n</head>\n<body>\n<main>\n"
        f"{body}\n</main>\n</body>\n</html>\n"
    )


def form_page() -> str:
    """The start page: a text field, a file field and one button."""
    accept = ",".join(SUPPORTED_SUFFIXES)
    types = ", ".join(SUPPORTED_SUFFIXES)
    return _page(
        "taalcheck – taaladvies",
        "<h1>taalcheck – taaladvies</h1>\n"
        "<p>Controleer een rapport op formuleringen die uitgaan van controle en beheersing, "
        "en lees suggesties voor taal vanuit visie, vertrouwen en verantwoordelijkheid.</p>\n"
        '<p class="privacy">Alles blijft op deze computer: de tekst wordt nergens heen gestuurd '
        "en niet bewaard.</p>\n"
        '<form method="post" action="/controleren" enctype="multipart/form-data">\n'
        f'<label for="{TEXT_FIELD}">Plak hier de tekst van je rapport</label>\n'
        f'<textarea id="{TEXT_FIELD}" name="{TEXT_FIELD}" rows="16" spellcheck="false"></textarea>\n'
        f'<label for="{FILE_FIELD}">Of kies een bestand</label>\n'
        f'<input type="file" id="{FILE_FIELD}" name="{FILE_FIELD}" accept="{esc(accept)}" '
        f'aria-describedby="{FILE_FIELD}-uitleg">\n'
        f'<p class="hint" id="{FILE_FIELD}-uitleg">Bestandstypen: {esc(types)}; '
        f"hoogstens {MAX_UPLOAD_LABEL}.</p>\n"
        '<button type="submit">Controleren</button>\n'
        "</form>",
    )


def error_page(message: str) -> str:
    """A friendly Dutch page with one message and a way back."""
    return _page(
        "taalcheck – er ging iets mis",
        "<h1>Dat lukte niet</h1>\n"
        f'<p class="error" role="alert">{esc(message)}</p>\n'
        '<p><a href="/">Terug naar het formulier</a></p>',
    )


BACK_LINK = '<nav class="back"><p><a href="/">← Nog een tekst controleren</a></p></nav>\n'


def result_page(result: CheckResult, entries: Mapping[str, Entry]) -> str:
    """The standard HTML report with a link back to the form."""
    page = render_html(result, entries)
    marker = "<main>\n"
    if marker in page:
        return page.replace(marker, marker + BACK_LINK, 1)
    return page.replace("<body>", "<body>\n" + BACK_LINK, 1)


# -- reading the request ----------------------------------------------------------------------


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


async def _parse_form(request: Request, limit: int) -> FormData:
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


# -- routes -----------------------------------------------------------------------------------


async def home(request: Request) -> Response:
    return HTMLResponse(form_page())


async def health(request: Request) -> Response:
    return PlainTextResponse("ok")


async def check(request: Request) -> Response:
    engine: Engine = request.app.state.engine
    try:
        form = await _parse_form(request, MAX_UPLOAD_BYTES)
        documents = await documents_from_form(form)
        result, entries = await run_in_threadpool(engine.check, documents)
    except RequestTooLarge:
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


def serve(
    host: str = "127.0.0.1", port: int = 8765, settings: Settings | None = None, open_browser: bool = False
) -> None:
    """Run the web app with uvicorn until Ctrl+C; no access log, request bodies are never logged."""
    import uvicorn

    if host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"taalcheck: let op, de pagina is ook bereikbaar voor andere computers via {host}.",
            file=sys.stderr,
        )
    config = uvicorn.Config(
        create_app(settings),
        host=host,
        port=port,
        access_log=False,
        log_level="warning",
        server_header=False,
    )
    server = uvicorn.Server(config)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"

    def announce() -> None:
        while not server.started and not server.should_exit:
            threading.Event().wait(0.1)
        if server.started:
            print(f"taalcheck draait op {url} (stoppen met Ctrl+C)", file=sys.stderr)
            if open_browser:
                import webbrowser

                webbrowser.open(url)

    threading.Thread(target=announce, daemon=True).start()
    server.run()
