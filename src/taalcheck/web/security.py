"""The ASGI guard every request passes before the app sees it.

- **Host check** against the names the server is reachable under (DNS rebinding: a foreign site
  whose name resolves to this computer is refused).
- **Cross-site requests refused**: a POST whose `Origin` (or `Sec-Fetch-Site`) shows it comes from
  another site is refused, so no other page can submit a form here.
- **Body limit while streaming**: a declared `Content-Length` above the limit is refused before
  anything is read; otherwise the bytes are counted as they arrive and the request is refused at
  the first chunk past the limit.
- **Headers on every response**: a strict Content-Security-Policy (no scripts; only the page's own
  inline stylesheets, by hash), `frame-ancestors 'none'`, `nosniff`, no referrer, no caching.
"""

from __future__ import annotations

import base64
import hashlib
import ipaddress
import re
import sys
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .pages import error_page

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
_STYLE = re.compile(rb"<style>(.*?)</style>", re.DOTALL)
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CROSS_SITE_MESSAGE = "Dit formulier kan alleen vanaf de taalcheck-pagina zelf worden verstuurd."
INTERNAL_MESSAGE = "Er ging iets mis bij het controleren. Probeer het opnieuw of gebruik een ander bestand."

BASE_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"cache-control", b"no-store"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


#: A response header by which a page asks for its own script and stylesheet files (trainer pages).
OWN_FILES_MARK = b"x-taalcheck-own-files"


def content_security_policy(styles: Iterable[bytes] = (), own_files: bool = False) -> bytes:
    """No scripts, nothing from elsewhere; inline stylesheets only when their hash is listed.

    `own_files` (the trainer pages) also allows the app's own script and stylesheet files and
    requests back to the app itself; still nothing inline and nothing from elsewhere.
    """
    hashes = sorted(
        {"'sha256-" + base64.b64encode(hashlib.sha256(s).digest()).decode() + "'" for s in styles}
    )
    style = " ".join((["'self'"] if own_files else []) + hashes) or "'none'"
    scripts = "script-src 'self'; connect-src 'self'; " if own_files else ""
    return (
        f"default-src 'none'; {scripts}style-src {style}; img-src data:; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ).encode()


def is_loopback(host: str) -> bool:
    """Whether `host` (an address or "localhost") is only reachable from this computer."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_names(host: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The host names a request may name: the address itself, the loopback names when it is one,
    and the names given for a reverse proxy."""
    names = {host.strip("[]").lower(), *(name.strip().strip("[]").lower() for name in extra if name.strip())}
    if is_loopback(host):
        names |= LOOPBACK_NAMES
    return frozenset(names)


def host_name(value: str) -> str:
    """The host name of a `Host` header value or an origin's network location, without the port."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class Guard:
    """ASGI middleware: Host and Origin checks, the body limit, and the security headers."""

    def __init__(self, app: ASGIApp, names: frozenset[str], max_body_bytes: int, limit_label: str) -> None:
        self.app = app
        self.names = names
        self.max_body_bytes = max_body_bytes
        self.limit_label = limit_label

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {
            name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope["headers"]
        }
        problem = self._refusal(scope["method"], headers)
        if problem is not None:
            await _answer(send, *problem)
            return
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            await _answer(send, 413, self._too_large())
            return

        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise _BodyTooLarge
            return message

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                pending.append(message)
                return
            if message["type"] == "http.response.body" and pending:
                start = pending.pop()
                body = message.get("body", b"") if not message.get("more_body", False) else b""
                _secure(start, body)
                await send(start)
            await send(message)

        pending: list[Message] = []
        try:
            await self.app(scope, limited_receive, send_with_headers)
        except _BodyTooLarge:
            if started:
                raise
            await _answer(send, 413, self._too_large())
        except Exception as error:  # never a traceback, and only the kind of error in the log
            print(f"taalcheck: interne fout ({type(error).__name__})", file=sys.stderr)
            if started:
                raise
            await _answer(send, 500, INTERNAL_MESSAGE)

    def _too_large(self) -> str:
        return f"Het bestand is te groot; de grens is {self.limit_label}."

    def _refusal(self, method: str, headers: dict[str, str]) -> tuple[int, str] | None:
        host = headers.get("host", "")
        if host_name(host) not in self.names:
            return 400, "Dit adres hoort niet bij deze taalcheck-pagina."
        if method in _SAFE_METHODS:
            return None
        # Browsers mark every request with Sec-Fetch-Site; with "no-referrer" they send
        # "Origin: null" even for the page's own form, so the origin counts only when it is real.
        fetch_site = headers.get("sec-fetch-site")
        if fetch_site is not None and fetch_site not in ("same-origin", "none"):
            return 403, CROSS_SITE_MESSAGE
        origin = headers.get("origin")
        if origin is not None and not (origin == "null" and fetch_site is not None):
            parts = urlsplit(origin)
            same = parts.netloc.lower() == host.lower() or (
                parts.hostname is not None and parts.hostname in self.names - LOOPBACK_NAMES
            )
            if not same:
                return 403, CROSS_SITE_MESSAGE
        return None


class _BodyTooLarge(Exception):
    """Raised from `receive` at the first chunk past the body limit."""


def _secure(start: Message, body: bytes) -> None:
    """Add the security headers (replacing the app's own) to a response start."""
    replaced = {name for name, _ in BASE_HEADERS} | {b"content-security-policy", OWN_FILES_MARK}
    headers = start.get("headers", [])
    own_files = any(name.lower() == OWN_FILES_MARK for name, _ in headers)
    kept = [(name, value) for name, value in headers if name.lower() not in replaced]
    content_type = next((value for name, value in kept if name.lower() == b"content-type"), b"")
    styles = _STYLE.findall(body) if content_type.startswith(b"text/html") else []
    policy = content_security_policy(styles, own_files)
    start["headers"] = [*kept, *BASE_HEADERS, (b"content-security-policy", policy)]


async def _answer(send: Send, status: int, message: str) -> None:
    """A short Dutch error page, sent by the guard itself."""
    body = error_page(message).encode()
    start: Message = {
        "type": "http.response.start",
        "status": status,
        "headers": [
            (b"content-type", b"text/html; charset=utf-8"),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
        ],
    }
    _secure(start, body)
    await send(start)
    await send({"type": "http.response.body", "body": body})
