"""The local web front end: form, checking pasted text and uploads, errors, privacy headers."""

from __future__ import annotations

import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from starlette.testclient import TestClient

from taalcheck import web
from taalcheck.errors import ConfigError
from taalcheck.settings import Settings
from taalcheck.web import forms
from taalcheck.web.engine import Engine


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    # The blank pipeline keeps the tests fast; `with` runs the lifespan (the warm-up).
    with TestClient(web.create_app(Settings(model="blank"))) as test_client:
        yield test_client


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def word_file(tmp_path: Path, *paragraphs: str) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    path = tmp_path / "verslag.docx"
    document.save(str(path))
    return path.read_bytes()


def test_warm_up_at_start(client: TestClient) -> None:
    engine: Engine = client.app.state.engine  # type: ignore[attr-defined]
    assert engine.checker.pipeline_loaded


def test_form_page(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert '<html lang="nl">' in page
    assert '<label for="tekst">Plak hier de tekst van je rapport</label>' in page
    assert 'type="file"' in page and 'name="bestand"' in page
    assert 'action="/controleren"' in page and 'enctype="multipart/form-data"' in page
    assert ">Controleren</button>" in page
    assert "niet bewaard" in page
    assert "<script" not in page and "http://" not in page and "https://" not in page


def test_health(client: TestClient) -> None:
    response = client.get("/gezondheid")
    assert response.status_code == 200
    assert response.text == "ok"


def test_security_headers_on_every_response(client: TestClient) -> None:
    for response in (client.get("/"), client.get("/bestaat-niet"), client.post("/controleren", data={})):
        policy = response.headers["content-security-policy"]
        assert "default-src 'none'" in policy
        assert "style-src 'unsafe-inline'" in policy
        assert "img-src data:" in policy
        assert "form-action 'self'" in policy
        assert response.headers["cache-control"] == "no-store"


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


def test_docx_upload(
    client: TestClient, tmp_path: Path, temp_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[Path, int, str | None]] = []
    original = forms.read_document

    def spy(path: Path, display_path: str | None = None, max_bytes: int = 50_000_000):  # type: ignore[no-untyped-def]
        seen.append((path, stat.S_IMODE(path.stat().st_mode), display_path))
        return original(path, display_path, max_bytes)

    monkeypatch.setattr(forms, "read_document", spy)
    data = word_file(tmp_path, "Wij werken risicogestuurd met het gezin.")
    response = client.post(
        "/controleren",
        files={"bestand": ("C:\\Verslagen\\verslag <1>.docx", data, "application/octet-stream")},
    )
    assert response.status_code == 200
    assert "risicogestuurd" in response.text
    assert "verslag &lt;1&gt;.docx" in response.text and "Verslagen" not in response.text
    [(path, mode, display)] = seen
    assert path.parent == temp_dir and path.suffix == ".docx"
    assert mode == 0o600
    assert display == "verslag <1>.docx"
    assert list(temp_dir.iterdir()) == []


def test_text_and_file_together(client: TestClient, tmp_path: Path, temp_dir: Path) -> None:
    data = word_file(tmp_path, "Vader neemt zijn verantwoordelijkheid.")
    response = client.post(
        "/controleren",
        data={"tekst": "Wij werken risicogestuurd."},
        files={"bestand": ("verslag.docx", data, "application/octet-stream")},
    )
    assert response.status_code == 200
    assert "geplakte tekst" in response.text and "verslag.docx" in response.text
    assert list(temp_dir.iterdir()) == []


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


def test_unsupported_file(client: TestClient, temp_dir: Path) -> None:
    response = client.post(
        "/controleren", files={"bestand": ("setup.exe", b"MZ\x90\x00binary", "application/octet-stream")}
    )
    assert response.status_code == 400
    assert "setup.exe: bestandstype .exe wordt niet ondersteund" in response.text
    assert list(temp_dir.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("kapot.docx", b"dit is geen Word-bestand", "kapot.docx:"),
        ("leeg.pdf", b"", "het bestand is leeg"),
        ("oud.doc", b"\xd0\xcf\x11\xe0", "oud Word-formaat"),
    ],
)
def test_unreadable_file(client: TestClient, temp_dir: Path, name: str, content: bytes, problem: str) -> None:
    response = client.post("/controleren", files={"bestand": (name, content, "application/octet-stream")})
    assert response.status_code == 400
    assert problem in response.text
    assert "Traceback" not in response.text
    assert list(temp_dir.iterdir()) == []


def test_too_large(client: TestClient, temp_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forms, "MAX_UPLOAD_BYTES", 1_000)
    response = client.post("/controleren", files={"bestand": ("groot.txt", b"woord " * 1_000, "text/plain")})
    assert response.status_code == 400
    assert "te groot" in response.text
    assert list(temp_dir.iterdir()) == []


def test_unexpected_error_is_a_page(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("geheime inhoud van het verslag")

    monkeypatch.setattr(client.app.state.engine, "check", broken)  # type: ignore[attr-defined]
    response = client.post("/controleren", data={"tekst": "Wij werken risicogestuurd."})
    assert response.status_code == 500
    assert "Er ging iets mis" in response.text
    assert "geheime inhoud" not in response.text


def test_not_found_is_dutch(client: TestClient) -> None:
    response = client.get("/bestaat-niet")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet." in response.text
    assert client.get("/controleren").status_code == 405


def test_upload_name_and_suffix() -> None:
    assert forms.upload_name("C:\\map\\verslag.docx") == "verslag.docx"
    assert forms.upload_name("map/verslag.pdf") == "verslag.pdf"
    assert forms.upload_suffix("Verslag.DOCX") == ".docx"
    assert forms.upload_suffix("raar.d/../x") == ""
    assert forms.upload_suffix("zonder") == ""


def test_configuration_error_before_start() -> None:
    with pytest.raises(ConfigError, match="onbekend id"):
        web.create_app(Settings(model="blank", disable=frozenset({"bestaat-niet"})))
