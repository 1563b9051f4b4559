"""The trainer pages: oefenmodus (also in a real browser) and voor en na."""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from taalcheck import web
from taalcheck.settings import Settings
from taalcheck.web.practice import PASSAGES

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    app = web.create_app(Settings(model="blank"), names=("testserver",), warm_up=False)
    with TestClient(app) as test_client:
        yield test_client


def test_practice_page_uses_only_its_own_files(client: TestClient) -> None:
    response = client.get("/oefenen")
    assert response.status_code == 200
    page = response.text
    assert '<script src="/static/oefenen.js" defer></script>' in page
    assert not re.search(r"<script>|\son\w+=", page)  # nothing inline for the policy to allow
    assert "http://" not in page and "https://" not in page  # works offline
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    script = client.get("/static/oefenen.js")
    assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")
    assert "fetch(" in script.text and "localStorage" not in script.text
    assert client.get("/static/rapport.css").status_code == 200
    assert client.get("/static/geheim.py").status_code == 404
    # The other pages keep the policy without scripts.
    assert "script-src" not in client.get("/").headers["content-security-policy"]


def test_practice_check_reports_resolved_and_balance(client: TestClient) -> None:
    original = "Wij werken risicogestuurd. De gezinsvoogd zal vader sancties opleggen."
    rewrite = "Wij werken vanuit wat dit gezin nodig heeft. De gezinsvoogd zal vader sancties opleggen."
    data = client.post("/oefenen/controleren", json={"origineel": original, "herschrijving": rewrite}).json()
    assert [item["rule"] for item in data["resolved"]] == ["risicogestuurd-werken"]
    assert [item["rule"] for item in data["kept"]] == ["sancties-opleggen"]
    assert data["added"] == []
    assert data["balance"]["old"]["control"] == 2 and data["balance"]["new"]["control"] == 1
    assert "sancties opleggen" in data["html"] and "<script" not in data["html"]
    bad = client.post("/oefenen/controleren", content=b"geen json")
    assert bad.status_code == 400 and "fout" in bad.json()


def test_compare_page(client: TestClient) -> None:
    assert "Oude versie" in client.get("/vergelijken").text
    response = client.post(
        "/vergelijken",
        data={
            "oud": "Wij werken risicogestuurd.\nHet is een vechtscheiding.",
            "nieuw": "Het is een vechtscheiding.",
        },
    )
    assert response.status_code == 200
    assert response.text.count("status status-resolved") == 1
    assert response.text.count("status status-kept") == 2
    missing = client.post("/vergelijken", data={"oud": "Alleen oud."})
    assert missing.status_code == 400 and "zowel een oude als een nieuwe" in missing.text


def test_compare_page_takes_two_files(client: TestClient) -> None:
    files = {
        "oud-bestand": ("oud.txt", b"Wij werken risicogestuurd.\n", "text/plain"),
        "nieuw-bestand": (
            "nieuw.md",
            b"Wij werken vanuit wat het gezin nodig heeft.\n",
            "text/markdown",
        ),
    }
    response = client.post("/vergelijken", files=files)
    assert response.status_code == 200, response.text
    assert response.text.count("status status-resolved") == 1 and "nieuw.md" in response.text


NAMED_OLD = "Anna Jansen (geboren 3 april 2015) woont bij moeder. Moeder is een zorgmijder.\n"
NAMED_NEW = "Anna Jansen (geboren 3 april 2015) woont bij moeder. Moeder zegt dat zij rust nodig heeft.\n"


def test_compare_page_with_names_out(client: TestClient) -> None:
    assert 'name="anonimiseer"' in client.get("/vergelijken").text
    form = {"oud": NAMED_OLD, "nieuw": NAMED_NEW}
    plain = client.post("/vergelijken", data=form)
    anonymous = client.post("/vergelijken", data={**form, "anonimiseer": "ja"})
    assert anonymous.status_code == 200
    assert "Jansen" in plain.text
    assert "Anna" not in anonymous.text and "Jansen" not in anonymous.text and "3 april" not in anonymous.text
    # One set of labels for both versions, and the same findings as without the switch.
    assert anonymous.text.count("[PERSOON-1]") >= 2 and "[PERSOON-2]" not in anonymous.text
    for status in ("status-resolved", "status-kept", "status-added"):
        assert anonymous.text.count(status) == plain.text.count(status), status
    assert anonymous.text.count("status status-resolved") == 1  # the label 'zorgmijder'


def test_practice_names_out_endpoint(client: TestClient) -> None:
    response = client.post("/oefenen/anonimiseren", json={"tekst": NAMED_OLD})
    assert response.status_code == 200
    text = response.json()["tekst"]
    assert "Jansen" not in text and "3 april" not in text
    assert text.startswith("[PERSOON-1]") and "zorgmijder" in text
    bad = client.post("/oefenen/anonimiseren", json={"text": NAMED_OLD})
    assert bad.status_code == 400 and "fout" in bad.json()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    import uvicorn

    port = _free_port()
    app = web.create_app(Settings(model="blank"), warm_up=False)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, access_log=False, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert instance.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=30)


def test_practice_in_a_browser(server: str) -> None:
    """Type a rewrite: a finding goes away and the balance changes (Debian's chromium, never a download)."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright (Python) is niet geïnstalleerd")
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium ontbreekt: {CHROMIUM} (apt-get install chromium)")
    shots = os.environ.get("TAALCHECK_SCREENSHOTS")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 1000})
            errors: list[str] = []
            page.on(
                "console", lambda message: errors.append(message.text) if message.type == "error" else None
            )
            page.goto(server + "/oefenen")
            page.select_option("#voorbeeld", "0")
            assert page.input_value("#origineel") == PASSAGES[0][1]
            page.click("#start")
            page.wait_for_selector("#balans")
            before = page.text_content("#balans")
            assert "0 opgelost" in page.text_content(".tally")
            rewrite = PASSAGES[0][1].replace(
                "Wij werken risicogestuurd en houden", "Wij kijken samen met vader"
            )
            page.fill("#herschrijving", "")
            page.type("#herschrijving", rewrite[:40])  # as a person types: debounced checks
            page.fill("#herschrijving", rewrite)
            # (no wait_for_function: the page's policy forbids evaluating strings, as it should)
            page.wait_for_selector(".group.resolved li:not(.none)")
            after = page.text_content("#balans")
            assert after != before
            resolved = page.text_content(".group.resolved")
            assert "risicogestuurd" in resolved
            page.check("#groot")
            assert "groot" in (page.get_attribute("body", "class") or "")
            if shots:
                page.screenshot(path=str(Path(shots) / "oefenmodus.png"), full_page=True)
                page.set_viewport_size({"width": 390, "height": 844})
                page.uncheck("#groot")
                page.screenshot(path=str(Path(shots) / "oefenmodus-telefoon.png"), full_page=True)
            assert not errors, errors  # the policy blocked nothing the page needs
        finally:
            browser.close()


def test_practice_with_names_out_in_a_browser(server: str) -> None:
    """With 'Namen eruit' on, the passage the group sees and rewrites carries labels, not names."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright (Python) is niet geïnstalleerd")
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium ontbreekt: {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 1000})
            page.goto(server + "/oefenen")
            page.fill("#origineel", NAMED_OLD)
            page.check("#anonimiseer")
            page.click("#start")
            page.wait_for_selector("#balans", timeout=120_000)  # the lists load once in the server
            shown = [page.input_value("#origineel"), page.input_value("#herschrijving")]
            shown.append(page.text_content("#uitkomst") or "")
            for text in shown:
                assert "Jansen" not in text and "Anna" not in text and "3 april" not in text
            assert "[PERSOON-1]" in shown[1] and "zorgmijder" in (page.text_content(".group.kept") or "")
            assert "labels" in (page.text_content("#start-status") or "")
        finally:
            browser.close()


def test_handout_print_keeps_the_references(tmp_path: Path) -> None:
    """Printed, the report is a handout: the cards follow the text, and each marked passage keeps
    its reference (V1 ...) so a reader finds its card; the on-screen switches are left out."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright (Python) is niet geïnstalleerd")
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium ontbreekt: {CHROMIUM} (apt-get install chromium)")
    from taalcheck.api import check_text_result
    from taalcheck.model import CheckResult
    from taalcheck.report.html import render_html

    report = tmp_path / "handout.html"
    text = "Vader en moeder werken goed samen. Wij werken risicogestuurd."
    result = CheckResult([check_text_result(text, settings=Settings(model="blank"))])
    report.write_text(render_html(result), encoding="utf-8")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.goto(report.as_uri())
            page.emulate_media(media="print")
            assert page.locator(".text .ref").first.is_visible()
            assert page.locator(".note").first.is_visible()
            assert not page.locator(".trust-switch").first.is_visible()
        finally:
            browser.close()


def test_names_switch_on_the_check_page(client: TestClient) -> None:
    assert 'name="anonimiseer"' in client.get("/").text
    text = "Gesprek met Jan de Vries op 3 april 2024. Jan de Vries werkt risicogestuurd."
    response = client.post("/controleren", data={"tekst": text, "anonimiseer": "ja"})
    assert response.status_code == 200
    assert "Vries" not in response.text and "3 april" not in response.text
    assert "[PERSOON-1]" in response.text and "risicogestuurd" in response.text
    plain = client.post("/controleren", data={"tekst": text})
    assert "Jan de Vries" in plain.text
