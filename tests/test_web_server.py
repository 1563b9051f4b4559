"""`taalcheck web` as a real server (subprocess, loopback only): load, limits, slow checks, logs.

Each server is started by the test and stopped at the end; every wait is bounded.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

SECRET = "Zuiderveldtgeheim"
SMALL_TEXT = f"Wij werken risicogestuurd met de familie {SECRET}."
START_TIMEOUT = 240.0


def free_port(host: str) -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    url: str
    host: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path
    temp: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def start_server(tmp: Path, host: str, *options: str) -> Server:
    port = free_port(host)
    temp = tmp / "tmp"
    temp.mkdir()
    log = tmp / "server.log"
    env = {**os.environ, "TMPDIR": str(temp), "TAALCHECK_NO_CACHE": "1", "PYTHONUNBUFFERED": "1"}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "taalcheck",
                "web",
                "--host",
                host,
                "--poort",
                str(port),
                "--model",
                "blank",
                *options,
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
    server = Server(f"http://{host}:{port}", host, port, process, log, temp)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"server stopped: {server.output()}")
        try:
            if httpx.get(server.url + "/gezondheid", timeout=2).text == "ok":
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    stop_server(server)
    pytest.fail("server did not start in time")


def stop_server(server: Server) -> None:
    if server.process.poll() is None:
        os.killpg(server.process.pid, signal.SIGINT)
        try:
            server.process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(server.process.pid, signal.SIGKILL)
            server.process.wait(10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(
        tmp_path_factory.mktemp("server"), "127.0.0.1", "--tijdslimiet", "2", "--max-mb", "5"
    )
    yield running
    stop_server(running)
    assert SECRET not in running.output()  # nothing of a posted text in the server's output


def check(client: httpx.Client, server: Server, text: str = SMALL_TEXT) -> httpx.Response:
    return client.post(server.url + "/controleren", data={"tekst": text}, timeout=60)


def test_200_requests_16_in_parallel(server: Server) -> None:
    with httpx.Client(limits=httpx.Limits(max_connections=16)) as client:

        def one(number: int) -> int:
            if number % 4 == 0:
                return client.get(server.url + "/", timeout=60).status_code
            response = check(client, server)
            assert "risicogestuurd" in response.text
            return response.status_code

        with ThreadPoolExecutor(16) as executor:
            statuses = list(executor.map(one, range(200)))
    assert statuses == [200] * 200
    assert list(server.temp.iterdir()) == []  # nothing written to the temporary folder
    assert SECRET not in server.output()


def test_upload_never_written_to_disk(server: Server) -> None:
    from test_web import word_bytes

    files = {"bestand": ("verslag.docx", word_bytes(SMALL_TEXT), "application/octet-stream")}
    response = httpx.post(server.url + "/opmerkingen", files=files, timeout=60)
    assert response.status_code == 200
    assert list(server.temp.iterdir()) == []
    assert SECRET not in server.output()


def _response_status(sock: socket.socket) -> int:
    sock.settimeout(30)
    data = b""
    while b"\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    return int(data.split(b" ", 2)[1])


def test_oversized_body_refused_before_it_is_read_whole(server: Server) -> None:
    head = (
        f"POST /controleren HTTP/1.1\r\nHost: {server.host}:{server.port}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
    )
    # a declared length above the limit: refused without sending a byte of the body
    with socket.create_connection((server.host, server.port), timeout=30) as sock:
        sock.sendall((head + "Content-Length: 60000000\r\n\r\n").encode())
        assert _response_status(sock) == 413
    # no declared length (chunked): refused at the limit while the body streams in
    sent = 0
    with socket.create_connection((server.host, server.port), timeout=30) as sock:
        sock.sendall((head + "Transfer-Encoding: chunked\r\n\r\n").encode())
        chunk = b"tekst=" + b"a" * 65_530
        try:
            while sent < 60_000_000:
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
        except OSError:
            pass  # the server closed the connection after refusing
        assert _response_status(sock) == 413
    assert sent < 20_000_000


def test_foreign_host_and_origin_refused(server: Server) -> None:
    response = httpx.get(server.url + "/", headers={"host": "aanvaller.example"}, timeout=30)
    assert response.status_code == 400
    response = httpx.post(
        server.url + "/controleren",
        data={"tekst": SMALL_TEXT},
        headers={"origin": "http://aanvaller.example"},
        timeout=30,
    )
    assert response.status_code == 403
    response = httpx.post(
        server.url + "/controleren", data={"tekst": SMALL_TEXT}, headers={"origin": server.url}, timeout=30
    )
    assert response.status_code == 200


def test_slow_check_never_blocks_health_or_a_small_check(server: Server) -> None:
    slow_text = "Wij werken risicogestuurd. " * 150_000  # 4 MB, far beyond a 2 s budget
    outcome: dict[str, httpx.Response] = {}

    def slow() -> None:
        outcome["slow"] = check(httpx.Client(), server, slow_text)

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(1.0)  # the slow check is running now
    with httpx.Client() as client:
        started = time.monotonic()
        assert client.get(server.url + "/gezondheid", timeout=5).text == "ok"
        health_seconds = time.monotonic() - started
        started = time.monotonic()
        small = check(client, server)
        small_seconds = time.monotonic() - started
    thread.join(120)
    assert small.status_code == 200 and "risicogestuurd" in small.text
    assert health_seconds < 1.0
    assert small_seconds < 1.0
    assert outcome["slow"].status_code == 503
    assert "duurde langer dan 2 seconden" in outcome["slow"].text


def test_unterminated_suppression_comment_never_freezes_the_server(server: Server) -> None:
    text = (
        "<!-- taalcheck: negeer risicogestuurd-werken\n"
        + "Het gezin komt op gesprek en wij praten. " * 20_000
    )
    outcome: dict[str, httpx.Response] = {}
    thread = threading.Thread(target=lambda: outcome.setdefault("page", check(httpx.Client(), server, text)))
    thread.start()
    time.sleep(0.5)
    started = time.monotonic()
    assert httpx.get(server.url + "/gezondheid", timeout=5).text == "ok"
    assert time.monotonic() - started < 1.0
    thread.join(120)
    assert outcome["page"].status_code in (200, 503)  # a result, or stopped within the budget


def test_several_workers_on_another_loopback_address(tmp_path: Path) -> None:
    if sys.platform != "linux":
        pytest.skip("127.0.0.2 is a loopback address on Linux only")
    running = start_server(tmp_path, "127.0.0.2", "--workers", "2", "--max-controles", "1")
    try:
        with httpx.Client() as client, ThreadPoolExecutor(8) as executor:
            responses = list(executor.map(lambda _n: check(client, running), range(24)))
        assert [r.status_code for r in responses] == [200] * 24
        assert all("risicogestuurd" in r.text for r in responses)
        assert (
            httpx.get(running.url + "/", headers={"host": "aanvaller.example"}, timeout=30).status_code == 400
        )
        children = subprocess.run(
            ["pgrep", "-P", str(running.process.pid)], capture_output=True, text=True, check=False
        ).stdout.split()
        assert len(children) >= 2  # uvicorn's server processes
    finally:
        stop_server(running)
    assert SECRET not in running.output()
    assert "let op" not in running.output()  # loopback: no warning about other computers


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def test_browser_uploads_a_word_file_and_downloads_the_copy_with_comments(
    server: Server, tmp_path: Path
) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright niet geïnstalleerd")
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium ontbreekt ({CHROMIUM}): installeer het pakket 'chromium'")
    import docx

    from test_web import word_bytes

    data = word_bytes(
        "Wij werken risicogestuurd met het gezin.",
        f"De familie {SECRET} krijgt een sanctie opgelegd.",
    )
    upload = tmp_path / "verslag.docx"
    upload.write_bytes(data)
    problems: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(accept_downloads=True)
            page.on("console", lambda message: problems.append(message.text))
            page.goto(server.url + "/")
            page.set_input_files("#bestand", str(upload))
            with page.expect_download(timeout=60_000) as info:
                page.get_by_role("button", name="Word-kopie met opmerkingen").click()
            download = info.value
            assert download.suggested_filename == "verslag-taalcheck.docx"
            copy = docx.Document(download.path())
            # and the marked text on the page itself
            page.goto(server.url + "/")
            page.fill("#tekst", "Wij werken risicogestuurd met het gezin.")
            page.get_by_role("button", name="Controleren").click()
            page.wait_for_selector("a.hl", timeout=60_000)
            marked = page.locator("a.hl").first.inner_text()
            background = page.locator("a.hl").first.evaluate("e => getComputedStyle(e).backgroundColor")
        finally:
            browser.close()
    comments = list(copy.comments)
    assert len(comments) >= 2
    assert all(comment.author == "taalcheck" for comment in comments)
    assert any("sanctie" in comment.text.lower() or "Overweeg" in comment.text for comment in comments)
    assert "risicogestuurd" in marked
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")  # the stylesheet applied under the CSP
    assert not [text for text in problems if "Content Security Policy" in text]
    assert SECRET not in server.output()
