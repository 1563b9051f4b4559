"""What the report holds: the 'In dit verslag' checklist in every format, and `require` in CI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, shared_file
from taalcheck.api import make_checker
from taalcheck.documents import document_from_text, read_document
from taalcheck.matching.coverage import find_coverage, introduced_names, load_coverage_rules
from taalcheck.model import CheckResult
from taalcheck.report import renderer
from taalcheck.settings import Settings

REPORTS = yaml.safe_load((FIXTURES / "coverage-reports.yaml").read_text(encoding="utf-8"))["reports"]


@pytest.fixture(scope="module")
def checker():
    return make_checker(Settings(model="blank"))


def holds(text: str) -> dict[str, object]:
    items = find_coverage(load_coverage_rules(), text, [(0, len(text))])
    return {item.key: item for item in items}


def test_right_on_at_least_nine_of_ten_annotated_reports():
    assert len(REPORTS) >= 10
    wrong = []
    for report in REPORTS:
        items = holds(report["text"])
        present = {key for key, item in items.items() if item.present}
        right = present == set(report["holds"])
        if "partial" in report:
            heard = "moeder" if report["partial"] == "vader" else "vader"
            right = right and items["verhaal-ouders"].note == f"alleen {heard}"
        if not right:
            wrong.append(f"{report['id']}: gevonden {sorted(present)}, verwacht {sorted(report['holds'])}")
    assert len(REPORTS) - len(wrong) >= 0.9 * len(REPORTS), wrong


def test_each_item_shows_its_passages():
    text = "Noa (8 jaar) vertelt dat zij graag bij oma logeert. Oma helpt bij het brengen naar school."
    items = holds(text)
    (passage,) = items["kind-zelf"].passages
    assert text[passage[0] : passage[1]].startswith("Noa (8 jaar) vertelt")
    assert [text[s:e] for s, e in items["sterke-kanten"].passages] == [
        "Oma helpt bij het brengen naar school."
    ]


def test_the_question_names_the_children_of_the_report():
    items = holds("Betreft: Sem (11 jaar) en Lotte (7 jaar). De ondertoezichtstelling loopt af.")
    assert items["kind-zelf"].question.startswith("Wat laten Sem en Lotte zelf zien")
    assert holds("Het advies is verlenging.")["kind-zelf"].question.startswith("Wat laat het kind zelf zien")
    assert (
        items["verhaal-ouders"].question
        and not holds("Moeder vertelt dat het goed gaat.")["verhaal-ouders"].question
    )


def test_adults_named_with_their_age_count_as_parents():
    text = "Lars (36) en Yvette (34) hebben twee kinderen, Stanley (6) en Lieve (8). Lars vertelt dat hij zich zorgen maakt."
    assert introduced_names(load_coverage_rules(), text) == (["Stanley", "Lieve"], ["Lars", "Yvette"])
    parents = holds(text)["verhaal-ouders"]
    assert parents.note == "alleen Lars"
    assert parents.question and "Yvette" in parents.question


def test_a_child_as_object_is_not_the_childs_voice():
    items = holds("Moeder vertelt de kinderen weinig. Vader wil de kinderen vaker zien.")
    assert not items["kind-zelf"].present
    assert not items["verhaal-ouders"].present


def _result(checker, text: str, path: str = "verslag.txt") -> CheckResult:
    return CheckResult([checker.check_document(document_from_text(text, path))])


def test_checklist_in_json_html_and_text(checker):
    from io import StringIO

    from rich.console import Console

    from taalcheck.report.text import render_text

    text = "Noa (8 jaar) vertelt dat zij oma mist.\nHet advies is verlenging van de maatregel.\n"
    result = _result(checker, text)
    coverage = json.loads(renderer("json")(result))["files"][0]["coverage"]
    by_key = {item["key"]: item for item in coverage}
    assert list(by_key) == ["kind-zelf", "sterke-kanten", "verhaal-ouders", "voorgeschiedenis"]
    assert by_key["kind-zelf"]["present"] and by_key["kind-zelf"]["passages"][0]["line"] == 1
    assert by_key["kind-zelf"]["passages"][0]["text"] == "Noa (8 jaar) vertelt dat zij oma mist."
    assert not by_key["sterke-kanten"]["present"] and by_key["sterke-kanten"]["question"]
    page = renderer("html")(result)
    assert "In dit verslag" in page and "het kind zelf</strong>: 1 passage (regel 1)" in page
    assert "Wat gaat er goed" in page
    stream = StringIO()
    render_text(result, Console(file=stream, no_color=True, width=200))
    output = stream.getvalue()
    assert "In dit verslag:" in output
    assert "  het kind zelf: 1 passage (regel 1)" in output
    assert "sterke kanten: niet gevonden. Vraag: Wat gaat er goed" in output


def test_the_user_trial_reports(checker):
    report = read_document(shared_file("domain", "user-trial", "raadsrapport-omgang.md"))
    items = {i.key: i for i in checker.check_document(report).coverage}
    assert all(item.present for item in items.values())
    verslag = read_document(shared_file("domain", "user-trial", "verslag-ots-noa.docx"))
    items = {i.key: i for i in checker.check_document(verslag).coverage}
    assert items["kind-zelf"].present and items["verhaal-ouders"].present
    assert not items["voorgeschiedenis"].present
    assert items["voorgeschiedenis"].question
    # In a Word document a passage is named by its paragraph, as findings are.
    from taalcheck.report.coverage import status

    file = checker.check_document(verslag)
    kind = next(item for item in file.coverage if item.key == "kind-zelf")
    assert status(file, kind).startswith("1 passage (alinea ")


def test_a_passage_in_a_pdf_is_named_by_page_and_line_as_findings_are(checker):
    from fpdf import FPDF

    from taalcheck.documents.pdf import pdf_document
    from taalcheck.report.coverage import status

    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    pdf.add_page()
    pdf.multi_cell(0, 8, "Verslag van het gesprek.")
    pdf.add_page()
    pdf.multi_cell(0, 8, "Op school gaat het goed.\nNoa (8 jaar) vertelt dat zij oma mist.")
    file = checker.check_document(pdf_document(bytes(pdf.output()), "verslag.pdf"))
    kind = next(item for item in file.coverage if item.key == "kind-zelf")
    assert status(file, kind) == "1 passage (pagina 2, regel 2)"


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "NO_COLOR": "1",
        "TAALCHECK_NO_CACHE": "1",
        "XDG_CACHE_HOME": str(cwd / "cache"),
        "PYTHONPATH": os.pathsep.join(
            [str(Path(__file__).resolve().parents[1] / "src"), os.environ.get("PYTHONPATH", "")]
        ),
    }
    return subprocess.run(
        [sys.executable, "-m", "taalcheck", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def test_the_checklist_changes_the_exit_code_only_when_required(tmp_path):
    (tmp_path / "zonder.txt").write_text("Wij spreken volgende week weer af.\n", encoding="utf-8")
    (tmp_path / "met.txt").write_text("Noa (8 jaar) vertelt dat zij oma mist.\n", encoding="utf-8")
    plain = _cli("check", "zonder.txt", "--model", "blank", cwd=tmp_path)
    assert plain.returncode == 0, plain.stdout + plain.stderr
    assert "het kind zelf: niet gevonden" in plain.stdout
    (tmp_path / "taalcheck.toml").write_text('require = ["kind-zelf"]\n', encoding="utf-8")
    required = _cli("check", "zonder.txt", "--model", "blank", cwd=tmp_path)
    assert required.returncode == 1
    assert "zonder.txt: niet gevonden, vereist in de configuratie: het kind zelf" in required.stderr
    assert _cli("check", "met.txt", "--model", "blank", cwd=tmp_path).returncode == 0
    (tmp_path / "taalcheck.toml").write_text('require = ["kind"]\n', encoding="utf-8")
    wrong = _cli("check", "met.txt", "--model", "blank", cwd=tmp_path)
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    assert "onbekend onderdeel 'kind'" in wrong.stderr


def test_the_web_page_shows_the_checklist():
    from starlette.testclient import TestClient

    from taalcheck import web

    app = web.create_app(Settings(model="blank"), names=("testserver",), warm_up=False)
    with TestClient(app) as client:
        response = client.post("/controleren", data={"tekst": "Noa (8 jaar) vertelt dat zij oma mist."})
    assert response.status_code == 200
    assert "In dit verslag" in response.text
    assert "het kind zelf</strong>: 1 passage (regel 1)" in response.text
    assert "Hoe kijken de ouders zelf naar de situatie" in response.text
