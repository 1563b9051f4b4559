"""`taalcheck vergelijk`, trust phrases in JSON and HTML, and `--redact`."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli

OLD = (
    "Verslag van het gesprek.\n"
    "De gezinsvoogd zal vader sancties opleggen als hij te laat is.\n"
    "Het gezin is een multiprobleemgezin.\n"
    "Wij werken risicogestuurd.\n"
)
# Resolved: the sanctions; kept: multiprobleemgezin and risicogestuurd (shifted by a new first
# paragraph); new: escalatiebeheersing.
NEW = (
    "Eerst een nieuwe inleiding, zodat alle posities verschuiven.\n"
    "Verslag van het gesprek.\n"
    "De gezinsvoogd maakt samen met vader afspraken over de terugbrengtijd.\n"
    "Het gezin is een multiprobleemgezin.\n"
    "Wij werken risicogestuurd en zetten in op escalatiebeheersing.\n"
)


@pytest.fixture
def versions(tmp_path):
    old, new = tmp_path / "oud.txt", tmp_path / "nieuw.md"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return old, new


def test_compare_sorts_findings_into_resolved_added_and_kept(capsys, versions):
    old, new = versions
    code, out, _ = run_cli(capsys, "vergelijk", str(old), str(new), "--format", "json", "--model", "blank")
    comparison = json.loads(out)["comparison"]
    assert [item["rule"] for item in comparison["resolved"]] == ["sancties-opleggen"]
    assert [item["rule"] for item in comparison["added"]] == ["escalatiebeheersing"]
    kept = {(pair["old"]["rule"], pair["old"]["line"], pair["new"]["line"]) for pair in comparison["kept"]}
    assert kept == {("multiprobleemgezin", 3, 4), ("risicogestuurd-werken", 4, 5)}
    assert comparison["balance"]["old"]["control"] == 3
    assert comparison["balance"]["new"]["control"] == 3
    assert code == 1  # a new finding appeared


def test_compare_text_and_html(capsys, versions, tmp_path):
    old, new = versions
    _, out, _ = run_cli(capsys, "vergelijk", str(old), str(new), "--model", "blank")
    assert "Opgelost (1):" in out and "sancties opleggen" in out
    assert "Nieuw (1):" in out and "Gebleven (2):" in out
    assert "Balans oud:" in out and "Balans nieuw:" in out
    page = tmp_path / "vergelijking.html"
    run_cli(capsys, "vergelijk", str(old), str(new), "--format", "html", "-o", str(page), "--model", "blank")
    html = page.read_text(encoding="utf-8")
    assert html.count('class="status status-resolved"') == 1
    assert html.count('class="status status-added"') == 1
    assert html.count('class="status status-kept"') == 4  # each kept finding in both columns
    assert '<mark class="changed">' in html and "terugbrengtijd" in html


def test_compare_of_identical_versions_resolves_nothing(capsys, versions):
    old, _ = versions
    code, out, _ = run_cli(capsys, "vergelijk", str(old), str(old), "--format", "json", "--model", "blank")
    comparison = json.loads(out)["comparison"]
    assert comparison["resolved"] == [] and comparison["added"] == []
    assert len(comparison["kept"]) == 3 and code == 0


def test_compare_missing_file_is_one_dutch_line(capsys, versions, tmp_path):
    old, _ = versions
    code, _, err = run_cli(capsys, "vergelijk", str(old), str(tmp_path / "weg.txt"))
    assert code == 2 and err.strip().endswith("weg.txt: bestand niet gevonden")


def test_trust_phrases_are_listed_with_whether_they_count(capsys, tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(
        'Vader en moeder werken goed samen. Moeder zegt: "wij werken goed samen met school."\n',
        encoding="utf-8",
    )
    _, out, _ = run_cli(capsys, "check", str(report), "--format", "json", "--model", "blank")
    file = json.loads(out)["files"][0]
    phrases = file["trust_phrases"]
    assert phrases, "trust wording must be listed"
    text = report.read_text(encoding="utf-8")
    for phrase in phrases:
        assert text[phrase["start"] : phrase["end"]] == phrase["text"]
    assert file["summary"]["trust"] == sum(phrase["counted"] for phrase in phrases)
    assert any(not phrase["counted"] for phrase in phrases)  # the quoted one


def test_html_marks_trust_phrases_with_a_switch(capsys, tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Vader en moeder werken goed samen. Wij werken risicogestuurd.\n", encoding="utf-8")
    page = tmp_path / "r.html"
    run_cli(capsys, "check", str(report), "--format", "html", "-o", str(page), "--model", "blank")
    html = page.read_text(encoding="utf-8")
    assert 'class="show-trust"' in html and '<span class="trust"' in html
    assert "Vertrouwensformuleringen markeren" in html


def test_redact_leaves_passages_out_of_machine_output(capsys, tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Piet werkt risicogestuurd met de familie Klaassen.\n", encoding="utf-8")
    for fmt in ("json", "sarif"):
        _, out, _ = run_cli(capsys, "check", str(report), "--format", fmt, "--redact", "--model", "blank")
        assert "risicogestuurd met" not in out and "Klaassen" not in out and "werkt risicogestuurd" not in out
        assert "risicogestuurd-werken" in out  # the rule is still named
    data = json.loads(run_cli(capsys, "check", str(report), "--format", "json", "--redact")[1])
    finding = data["files"][0]["findings"][0]
    assert "text" not in finding and finding["line"] == 1
    code, _, err = run_cli(capsys, "check", str(report), "--redact")
    assert code == 2 and "--redact" in err
