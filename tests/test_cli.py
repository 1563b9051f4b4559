"""The `taalcheck` command as a user runs it: exit codes, output, errors without tracebacks."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def run(
    *args: str, stdin: str | None = None, cwd: Path | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    environment = {**os.environ, "NO_COLOR": "1", "TAALCHECK_DEBUG": "", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "taalcheck", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd or REPO,
        env=environment,
        timeout=120,
    )


def assert_clean_error(result: subprocess.CompletedProcess, *fragments: str) -> None:
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def test_stdin_finding_and_exit_code():
    result = run("check", "-", stdin="Wij werken risicogestuurd.\n")
    assert result.returncode == 1
    assert "-:1:12: waarschuwing [risicogestuurd-werken]" in result.stdout
    assert "^^^^^^^^^^^^^^" in result.stdout
    assert "Overweeg: " in result.stdout
    assert "1 bevinding in 1 bestand: 1 waarschuwing" in result.stdout


def test_clean_text_exits_zero():
    result = run("check", "-", stdin="De ouders maken samen afspraken over de vakantie.\n")
    assert result.returncode == 0
    assert "Geen bevindingen in 1 bestand." in result.stdout


def test_min_severity_filters_and_sets_exit_code():
    text = "In eerdere rapporten stond 'vechtscheiding'.\n"  # a mention: at most a hint
    assert run("check", "-", stdin=text).returncode == 1
    result = run("check", "-", "--min-severity", "suggestion", stdin=text)
    assert result.returncode == 0


def test_json_contract_on_a_folder(tmp_path):
    (tmp_path / "a.txt").write_text("Wij werken risicogestuurd.\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# Titel\n\nGeen bijzonderheden.\n", encoding="utf-8")
    (tmp_path / ".verborgen").mkdir()
    (tmp_path / ".verborgen" / "c.txt").write_text("Wij werken risicogestuurd.\n", encoding="utf-8")
    result = run("check", str(tmp_path), "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["version"] == 1
    assert [Path(f["path"]).name for f in data["files"]] == ["a.txt", "b.md"]
    (finding,) = data["files"][0]["findings"]
    assert finding["rule"] == "risicogestuurd-werken"
    assert finding["severity"] == "warning"
    assert (finding["start"], finding["end"], finding["spans"]) == (11, 25, [[11, 25]])
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (1, 12, 1, 26)
    assert finding["text"] == "risicogestuurd"
    assert finding["mention"] is False and finding["suggestions"]
    assert data["summary"]["files"] == 2 and data["summary"]["findings"] == 1
    assert data["summary"]["by_severity"] == {"hint": 0, "suggestion": 0, "warning": 1}


def test_split_match_in_json_has_spans():
    result = run("check", "-", "--format", "json", stdin="De gezinsvoogd legt vader een sanctie op.")
    findings = json.loads(result.stdout)["files"][0]["findings"]
    (finding,) = [f for f in findings if len(f["spans"]) > 1]
    assert finding["start"] == finding["spans"][0][0] and finding["end"] == finding["spans"][-1][1]


def test_missing_file_is_one_dutch_line():
    assert_clean_error(run("check", "bestaat-niet.txt"), "bestaat-niet.txt", "niet gevonden")


def test_binary_file(tmp_path):
    binary = tmp_path / "rapport.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 100)
    assert_clean_error(run("check", str(binary)), "rapport.txt")


def test_folder_without_documents(tmp_path):
    (tmp_path / "foto.png").write_bytes(b"\x89PNG")
    assert_clean_error(run("check", str(tmp_path)), "geen leesbare tekstbestanden")


def test_malformed_configuration(tmp_path):
    (tmp_path / "taalcheck.toml").write_text("disable = 'oeps'\n", encoding="utf-8")
    assert_clean_error(run("check", "-", stdin="tekst", cwd=tmp_path), "taalcheck.toml", "'disable'")


def test_malformed_extra_lexicon(tmp_path):
    (tmp_path / "extra.yaml").write_text("entries:\n  - id: x\n    term: x\n", encoding="utf-8")
    (tmp_path / "taalcheck.toml").write_text("extend_lexicon = ['extra.yaml']\n", encoding="utf-8")
    assert_clean_error(run("check", "-", stdin="tekst", cwd=tmp_path), "extra.yaml", "item 'x'")


def test_usage_error_is_one_line():
    assert_clean_error(run("check", "-", "--format", "xml"), "--format")


def test_output_never_overwrites_input(tmp_path):
    source = tmp_path / "rapport.txt"
    source.write_text("Wij werken risicogestuurd.\n", encoding="utf-8")
    before = source.read_bytes()
    assert_clean_error(run("check", str(source), "--format", "json", "-o", str(source)), "overschrijven")
    assert source.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.txt"]


def test_nothing_is_written_next_to_the_input(tmp_path):
    source = tmp_path / "rapport.txt"
    source.write_text("Wij werken risicogestuurd.\n", encoding="utf-8")
    run("check", str(source))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.txt"]


def test_explain_shows_a_rule_page():
    result = run("explain", "escalatiebeheersing")
    assert result.returncode == 0
    for heading in ("Wat het aanwijst", "Waarom", "Voorbeeld", "Overweeg in plaats daarvan"):
        assert heading in result.stdout
    assert_clean_error(run("explain", "escalatiebeheersin"), "Bedoelt u: escalatiebeheersing")


def test_lexicon_table_lists_every_entry():
    result = run("lexicon")
    assert result.returncode == 0
    assert "risicogestuurd-werken" in result.stdout and "waarschuwing" in result.stdout


def test_version_names_the_pipeline_without_importing_spacy():
    code = "import sys; from taalcheck.cli import main; sys.argv=['taalcheck','--version']\ntry:\n main()\nexcept SystemExit: pass\nprint('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "Nederlandse pipeline:" in result.stdout
    assert result.stdout.strip().endswith("False")


@pytest.mark.parametrize("colour_off", [{"NO_COLOR": "1"}, {}])
def test_no_colour_when_piped(colour_off):
    result = run("check", "-", stdin="Wij werken risicogestuurd.\n", env=colour_off)
    assert "\x1b[" not in result.stdout


ORGANISATION_LEXICON = """
entries:
  - id: dossier-sluiten
    term: dossier sluiten
    principle: vertrouwen
    severity: hint
    reason: Een gezin is geen dossier.
    alternatives: [de hulp afronden]
    patterns: ['dossier sluiten:v']
    examples:
      flag: [We sluiten het dossier in mei.]
      ok: [{ok}]
"""


def test_lexicon_test_runs_an_organisations_examples(tmp_path):
    lexicon = tmp_path / "eigen.yaml"
    lexicon.write_text(ORGANISATION_LEXICON.format(ok="Het dossier wordt gesloten."), encoding="utf-8")
    failing = run("lexicon", "test", str(lexicon))
    assert failing.returncode == 1
    assert (
        "[dossier-sluiten] geeft ten onrechte een melding bij: Het dossier wordt gesloten." in failing.stdout
    )
    lexicon.write_text(ORGANISATION_LEXICON.format(ok="De kast met dossiers is vol."), encoding="utf-8")
    passing = run("lexicon", "test", str(lexicon))
    assert passing.returncode == 0
    assert "1 item, 2 voorbeelden: in orde" in passing.stdout
    lexicon.write_text("entries:\n  - id: x\n", encoding="utf-8")
    assert_clean_error(run("lexicon", "test", str(lexicon)), "eigen.yaml", "item 'x'")


def test_lexicon_test_over_the_whole_lexicon_folder_validates_the_context_rules_too(tmp_path):
    from taalcheck.lexicon.loader import bundled_lexicon_dir

    # The installed lexicon folder: a checkout's own lexicon/ next to a regular install holds the same ids twice.
    files = sorted(str(path) for path in bundled_lexicon_dir().glob("*.yaml"))
    done = run("lexicon", "test", *files)
    assert done.returncode == 0, done.stderr
    assert re.search(r"context\.yaml: \d+ contextregels: in orde", done.stdout)
    broken = tmp_path / "regels.yaml"
    broken.write_text("rules:\n  - id: x\n    kind: bogus\n", encoding="utf-8")
    assert_clean_error(run("lexicon", "test", str(broken)), "regels.yaml", "onbekende soort")


def test_one_unreadable_file_does_not_stop_the_others(tmp_path):
    (tmp_path / "goed.txt").write_text("Wij werken risicogestuurd.\n", encoding="utf-8")
    (tmp_path / "kapot.docx").write_bytes(b"geen zip")
    result = run("check", str(tmp_path), "--format", "json")
    assert result.returncode == 2
    data = json.loads(result.stdout)
    assert [Path(f["path"]).name for f in data["files"]] == ["goed.txt"]
    assert data["files"][0]["findings"][0]["rule"] == "risicogestuurd-werken"
    assert len(data["errors"]) == 1 and "kapot.docx" in data["errors"][0]
    assert "kapot.docx" in result.stderr and "Traceback" not in result.stderr


def test_output_never_replaces_a_document_in_an_input_folder(tmp_path):
    report = tmp_path / "verslag.md"
    report.write_text("# Verslag\n\nWij werken risicogestuurd.\n", encoding="utf-8")
    before = report.read_bytes()
    assert_clean_error(run("check", str(tmp_path), "--format", "json", "-o", str(report)), "overschrijven")
    assert report.read_bytes() == before
    fresh = tmp_path / "overzicht.html"
    assert run("check", str(report), "--format", "html", "-o", str(fresh)).returncode == 1
    assert fresh.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
