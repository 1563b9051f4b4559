"""The web app in process: form, pasted text and uploads, the Word download, errors, the guard."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import io
import re
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import docx
import pytest
from starlette.testclient import TestClient

from taalcheck import web
from taalcheck.errors import ConfigError
from taalcheck.settings import Settings
from taalcheck.web import jobs
from taalcheck.web.pool import CheckPool, InternalError, Limits, OverTime
from taalcheck.web.security import Guard, allowed_names, host_name

SECRET = "Zuiderveldtgeheim"


def sleeping_job(engine: object, seconds: float) -> None:
    """A job that outlasts any budget (runs in a check process, which imports this module)."""
    time.sleep(seconds)


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    # The blank pipeline, loaded on first need, keeps the tests fast; `with` runs the lifespan.
    app = web.create_app(Settings(model="blank"), names=("testserver",), warm_up=False)
    with TestClient(app) as test_client:
        yield test_client


def word_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def style_hashes(page: str) -> set[str]:
    return {
        "'sha256-" + base64.b64encode(hashlib.sha256(style.encode()).digest()).decode() + "'"
        for style in re.findall(r"<style>(.*?)</style>", page, re.DOTALL)
    }


def test_form_page(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert '<html lang="nl">' in page
    assert 'type="file"' in page and 'name="bestand"' in page
    assert 'action="/controleren"' in page and 'enctype="multipart/form-data"' in page
    assert ">Controleren</button>" in page
    assert 'formaction="/opmerkingen"' in page  # the Word copy with comments
    assert "hoogstens 20 MB" in page
    assert "niet bewaard" in page
    assert "taalcheck-server van uw organisatie" in page  # reached under a name (for a team)
    assert "<script" not in page and "http://" not in page and "https://" not in page
    assert " je " not in page and " jouw " not in page  # the reader is addressed as "u"


def test_health(client: TestClient) -> None:
    response = client.get("/gezondheid")
    assert response.status_code == 200
    assert response.text == "ok"


def test_strict_security_headers_on_every_response(client: TestClient) -> None:
    responses = (
        client.get("/"),
        client.get("/bestaat-niet"),
        client.post("/controleren", data={}),
        client.post("/controleren", data={"tekst": "Wij werken risicogestuurd."}),
        client.get("/", headers={"host": "elders.example"}),
    )
    for response in responses:
        policy = response.headers["content-security-policy"]
        assert "default-src 'none'" in policy
        assert "frame-ancestors 'none'" in policy and "base-uri 'none'" in policy
        assert "form-action 'self'" in policy
        assert "unsafe-inline" not in policy and "script-src" not in policy
        styles = re.search(r"style-src ([^;]*)", policy)
        assert styles is not None
        assert set(styles.group(1).split()) == style_hashes(response.text)  # only the page's own CSS
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"


def test_pasted_text(client: TestClient) -> None:
    response = client.post("/controleren", data={"tekst": "Wij werken risicogestuurd."})
    assert response.status_code == 200
    assert "risicogestuurd" in response.text
    assert 'class="hl' in response.text  # highlighted as a finding
    assert "geplakte tekst" in response.text
    assert '<a href="/">' in response.text  # back to the form


def test_pasted_text_as_multipart(client: TestClient) -> None:
    response = client.post(
        "/controleren",
        data={"tekst": "Wij werken risicogestuurd."},
        files={"bestand": ("", b"", "application/octet-stream")},  # no file chosen
    )
    assert response.status_code == 200
    assert "risicogestuurd" in response.text


def test_text_is_escaped(client: TestClient) -> None:
    response = client.post(
        "/controleren", data={"tekst": "<script>alert(1)</script> Wij werken risicogestuurd."}
    )
    assert response.status_code == 200
    assert "<script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


def test_docx_upload(client: TestClient) -> None:
    data = word_bytes("Wij werken risicogestuurd met het gezin.")
    response = client.post(
        "/controleren",
        files={"bestand": ("C:\\Verslagen\\verslag <1>.docx", data, "application/octet-stream")},
    )
    assert response.status_code == 200
    assert "risicogestuurd" in response.text
    assert "verslag &lt;1&gt;.docx" in response.text and "Verslagen" not in response.text


def test_text_and_file_together(client: TestClient) -> None:
    response = client.post(
        "/controleren",
        data={"tekst": "Wij werken risicogestuurd."},
        files={"bestand": ("verslag.docx", word_bytes("Vader neemt zijn verantwoordelijkheid."), "x/y")},
    )
    assert response.status_code == 200
    assert "geplakte tekst" in response.text and "verslag.docx" in response.text


def test_annotated_copy_download(client: TestClient) -> None:
    data = word_bytes("Wij werken risicogestuurd met het gezin.", "Vader krijgt een sanctie opgelegd.")
    response = client.post("/opmerkingen", files={"bestand": ("Verslag juni.docx", data, "x/y")})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    disposition = response.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="Verslag juni-taalcheck.docx"')
    copy = docx.Document(io.BytesIO(response.content))
    comments = list(copy.comments)
    assert response.headers["x-taalcheck-opmerkingen"] == str(len(comments))
    assert len(comments) >= 2
    assert all(comment.author == "taalcheck" for comment in comments)
    assert any("Overweeg" in comment.text for comment in comments)
    assert [p.text for p in copy.paragraphs] == [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def test_annotated_copy_needs_a_word_file(client: TestClient) -> None:
    response = client.post(
        "/opmerkingen", files={"bestand": ("verslag.txt", b"Wij werken risicogestuurd.", "x/y")}
    )
    assert response.status_code == 400
    assert "alleen in een Word-bestand worden geplaatst (.docx, .docm, .dotx, .dotm)" in response.text
    response = client.post("/opmerkingen", data={"tekst": "Wij werken risicogestuurd."})
    assert response.status_code == 400
    assert "Kies een Word-bestand" in response.text


def test_empty_input(client: TestClient) -> None:
    for response in (
        client.post("/controleren", data={"tekst": "  \n "}),
        client.post("/controleren", data={}),
        client.post("/controleren", files={"bestand": ("", b"", "application/octet-stream")}),
    ):
        assert response.status_code == 400
        assert "plak een tekst of kies een bestand" in response.text
        assert "Traceback" not in response.text
        assert '<a href="/">' in response.text


def test_unsupported_file(client: TestClient) -> None:
    response = client.post(
        "/controleren", files={"bestand": ("setup.exe", b"MZ\x90\x00binary", "application/octet-stream")}
    )
    assert response.status_code == 400
    assert "setup.exe: bestandstype .exe wordt niet ondersteund" in response.text


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("kapot.docx", b"dit is geen Word-bestand", "kapot.docx:"),
        ("leeg.pdf", b"", "het bestand is leeg"),
        ("oud.doc", b"\xd0\xcf\x11\xe0", "oud Word-formaat"),
    ],
)
def test_unreadable_file(client: TestClient, name: str, content: bytes, problem: str) -> None:
    response = client.post("/controleren", files={"bestand": (name, content, "application/octet-stream")})
    assert response.status_code == 400
    assert problem in response.text
    assert "Traceback" not in response.text


def test_foreign_host_refused(client: TestClient) -> None:
    # DNS rebinding: a foreign name that resolves to this computer
    response = client.get("/", headers={"host": "aanvaller.example:8765"})
    assert response.status_code == 400
    assert "hoort niet bij deze taalcheck-pagina" in response.text


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://aanvaller.example"},
        {"origin": "null"},
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site", "origin": "http://andere.testserver"},
        {"sec-fetch-site": "same-origin", "origin": "http://aanvaller.example"},
    ],
)
def test_cross_site_post_refused(client: TestClient, headers: dict[str, str]) -> None:
    response = client.post("/controleren", data={"tekst": "Wij werken risicogestuurd."}, headers=headers)
    assert response.status_code == 403
    assert "vanaf de taalcheck-pagina zelf" in response.text
    assert "risicogestuurd" not in response.text


def test_same_site_post_accepted(client: TestClient) -> None:
    for headers in (
        {"origin": "http://testserver", "sec-fetch-site": "same-origin"},
        {"origin": "null", "sec-fetch-site": "same-origin"},  # what browsers send under "no-referrer"
        {},  # not a browser
    ):
        response = client.post("/controleren", data={"tekst": "Wij werken risicogestuurd."}, headers=headers)
        assert response.status_code == 200


def test_not_found_is_dutch(client: TestClient) -> None:
    response = client.get("/bestaat-niet")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet." in response.text
    assert client.get("/controleren").status_code == 405


def test_upload_name_and_suffix() -> None:
    assert jobs.upload_name("C:\\map\\verslag.docx") == "verslag.docx"
    assert jobs.upload_name("map/verslag.pdf") == "verslag.pdf"
    assert jobs.upload_suffix("Verslag.DOCX") == ".docx"
    assert jobs.upload_suffix("raar.d/../x") == ""
    assert jobs.upload_suffix("zonder") == ""
    assert jobs.annotated_name("verslag.docx") == "verslag-taalcheck.docx"


def test_configuration_error_before_start() -> None:
    with pytest.raises(ConfigError, match="onbekend id"):
        web.create_app(Settings(model="blank", disable=frozenset({"bestaat-niet"})))


def test_allowed_names() -> None:
    assert allowed_names("127.0.0.1") >= {"127.0.0.1", "localhost", "::1"}
    assert allowed_names("192.168.1.5", ("taalcheck.intern",)) == {"192.168.1.5", "taalcheck.intern"}
    assert host_name("[::1]:8765") == "::1"
    assert host_name("Localhost:80") == "localhost"


# -- the guard on its own: the body limit while streaming --------------------------------------


async def _echo_app(scope: dict, receive, send) -> None:  # type: ignore[no-untyped-def]
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": str(len(body)).encode()})


def _run_guard(headers: list[tuple[bytes, bytes]], chunks: int) -> tuple[int, int]:
    """(status, chunks read) for a POST of `chunks` chunks of 1000 bytes through a 5000-byte guard."""
    guard = Guard(_echo_app, frozenset({"127.0.0.1"}), 5_000, "5 kB")
    read = 0
    sent: list[dict] = []

    async def receive() -> dict:
        nonlocal read
        read += 1
        return {"type": "http.request", "body": b"x" * 1000, "more_body": read < chunks}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/controleren", "headers": headers}
    asyncio.run(guard(scope, receive, send))  # type: ignore[arg-type]
    return sent[0]["status"], read


def test_body_limit_refused_while_streaming() -> None:
    host = [(b"host", b"127.0.0.1:8765")]
    assert _run_guard(host, 3) == (200, 3)
    status, read = _run_guard(host, 1_000)  # 1 MB without a declared length
    assert status == 413
    assert read == 6  # refused at the first chunk past the limit, not after reading it all
    status, read = _run_guard([*host, (b"content-length", b"1000000")], 1_000)
    assert (status, read) == (413, 0)  # a declared length above the limit: nothing is read


# -- the check processes ----------------------------------------------------------------------


def test_pool_reports_only_the_kind_of_an_unexpected_error(client: TestClient) -> None:
    pool: CheckPool = client.app.state.pool  # type: ignore[attr-defined]

    async def failing() -> None:
        await pool.run(getattr, f"{SECRET} uit het verslag")

    with pytest.raises(InternalError) as caught:
        client.portal.call(failing)  # type: ignore[union-attr]
    assert str(caught.value) == "AttributeError"
    assert SECRET not in str(caught.value)
    # the process still answers afterwards
    assert client.post("/controleren", data={"tekst": "Wij werken risicogestuurd."}).status_code == 200


def _wait_for(condition: Callable[[], bool], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the pool did not reach the expected state in time"
        time.sleep(0.05)


def test_over_time_stops_the_check_and_the_page_keeps_answering() -> None:
    # Two check processes: one runs past its budget while the other serves the page. The budget
    # is far above what a small check needs even on a busy machine; the slow job sleeps beyond it.
    app = web.create_app(
        Settings(model="blank"),
        limits=Limits(max_checks=2, time_budget=8, wait_seconds=300),  # a new process may start slowly
        names=("testserver",),
    )
    with TestClient(app) as client:
        pool: CheckPool = client.app.state.pool  # type: ignore[attr-defined]

        async def slow() -> None:
            await pool.run(sleeping_job, 120.0)

        running = client.portal.start_task_soon(slow)  # type: ignore[union-attr]
        _wait_for(lambda: pool.free == 1, 30)  # the slow job holds one process now
        started = time.monotonic()
        assert client.get("/gezondheid").text == "ok"
        health_seconds = time.monotonic() - started
        started = time.monotonic()
        response = client.post("/controleren", data={"tekst": "Wij werken risicogestuurd."})
        small_seconds = time.monotonic() - started
        assert response.status_code == 200 and "risicogestuurd" in response.text
        assert not running.done(), "the slow job should still be running"
        assert health_seconds < 1.0, f"health took {health_seconds:.2f} s"
        assert small_seconds < 1.0, f"a small check took {small_seconds:.2f} s"
        with pytest.raises(OverTime):
            running.result(timeout=120)
        # a fresh check process takes the stopped one's place, and both answer
        _wait_for(lambda: pool.free == 2, 240)
        with ThreadPoolExecutor(2) as executor:
            pages = list(
                executor.map(
                    lambda _n: client.post("/controleren", data={"tekst": "Wij werken risicogestuurd."}),
                    range(2),
                )
            )
        assert [page.status_code for page in pages] == [200, 200]


def test_asgi_app_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from starlette.applications import Starlette

    from taalcheck.web.environment import app_from_environment

    monkeypatch.setenv("TAALCHECK_MODEL", "blank")
    monkeypatch.setenv("TAALCHECK_MAX_MB", "1,5")
    monkeypatch.setenv("TAALCHECK_NAMES", "taalcheck.intern, testserver")
    monkeypatch.delattr(web, "app", raising=False)
    app = web.app  # what `uvicorn taalcheck.web:app` imports
    monkeypatch.delattr(web, "app")
    assert isinstance(app, Starlette)
    limits = app.state.pool.limits
    assert limits.max_body_bytes == 1_500_000 and limits.max_checks == 2 and limits.time_budget == 60
    with pytest.raises(ConfigError, match="TAALCHECK_MAX_CHECKS: moet een getal van minstens 1 zijn"):
        app_from_environment({"TAALCHECK_MODEL": "blank", "TAALCHECK_MAX_CHECKS": "geen"})


def test_warning_for_an_address_other_computers_reach() -> None:
    from taalcheck.web.security import is_loopback
    from taalcheck.web.server import open_warning

    assert all(is_loopback(host) for host in ("127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"))
    assert not any(is_loopback(host) for host in ("0.0.0.0", "192.168.1.5", "::", "taalcheck.intern"))
    warning = open_warning("0.0.0.0")
    assert "ook bereikbaar voor andere computers" in warning
    assert "geen eigen inlog en geen versleuteling (https)" in warning
    assert "reverse proxy" in warning and "docs/webserver.md" in warning
