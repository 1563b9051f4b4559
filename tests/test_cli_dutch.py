"""Every text of the command line is Dutch, Click's and Typer's own included; severity names in both languages."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from taalcheck.cli import app
from taalcheck.config import load_config
from taalcheck.errors import ConfigError
from taalcheck.model import Severity

COMMANDS = (
    [],
    ["check"],
    ["explain"],
    ["info"],
    ["annotate"],
    ["eval"],
    ["web"],
    ["snelkoppeling"],
    ["lexicon"],
    ["lexicon", "test"],
)
ENGLISH = re.compile(
    r"Usage:|Options:|Arguments:|Commands:|Show this message|\[default|required\]|\[OPTIONS\]|"
    r"COMMAND \[ARGS\]|<str>|<path>|<int|<float|Missing|Invalid|No such|Got unexpected|Did you mean"
)
INFORMAL = re.compile(r"\b(je|jij|jouw|jou|jullie)\b", re.IGNORECASE)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "taalcheck", *args], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "taalcheck")
def test_help_is_dutch(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Gebruik: ")
    assert "Opties:" in result.output and "Toon deze hulptekst en stop." in result.output
    assert not ENGLISH.findall(result.output)
    assert not INFORMAL.findall(result.output)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check"], "taalcheck: fout: argument PADEN... ontbreekt"),
        (["check", "x.txt", "--bla"], "taalcheck: fout: onbekende optie --bla"),
        (["chek"], "taalcheck: fout: onbekend commando 'chek'. Bedoelt u 'check'?"),
        (["check", "x.txt", "--jobs", "nul"], "'nul' is geen geldig geheel getal"),
        (["check", "x.txt", "--format", "xml"], "'xml' is niet een van 'text', 'concise'"),
        (
            ["check", "x.txt", "--min-severity", "erg"],
            "'erg' is geen niveau; kies hint, suggestie of waarschuwing",
        ),
        (["annotate", "x.docx"], "optie '--output' / '-o' ontbreekt"),
    ],
)
def test_usage_errors_are_one_dutch_line(args: list[str], expected: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not ENGLISH.findall(result.stderr)


def test_dutch_and_english_severity_names_on_the_command_line(tmp_path: Path) -> None:
    report = tmp_path / "rapport.txt"
    report.write_text("Wij werken risicogestuurd. Moeder is een zorgmijder.\n", encoding="utf-8")
    outputs = {
        name: run(
            "check", str(report), "--format", "concise", "--min-severity", name, "--model", "blank"
        ).stdout
        for name in ("waarschuwing", "warning", "Waarschuwing", "suggestie", "suggestion", "hint")
    }
    assert outputs["waarschuwing"] == outputs["warning"] == outputs["Waarschuwing"]
    assert outputs["suggestie"] == outputs["suggestion"]
    assert outputs["waarschuwing"].strip()
    assert len(outputs["hint"]) >= len(outputs["suggestie"]) >= len(outputs["waarschuwing"])


@pytest.mark.parametrize(
    ("name", "severity"),
    [
        ("hint", Severity.HINT),
        ("suggestie", Severity.SUGGESTION),
        ("suggestion", Severity.SUGGESTION),
        ("waarschuwing", Severity.WARNING),
        (" Warning ", Severity.WARNING),
    ],
)
def test_dutch_and_english_severity_names_in_configuration(
    tmp_path: Path, name: str, severity: Severity
) -> None:
    config = tmp_path / "taalcheck.toml"
    config.write_text(f'min_severity = "{name}"\n[severity]\nzorgmijder = "{name}"\n', encoding="utf-8")
    settings = load_config(config)
    assert settings.min_severity == severity
    assert settings.severity == {"zorgmijder": severity}


def test_unknown_severity_in_configuration_names_both_languages(tmp_path: Path) -> None:
    config = tmp_path / "taalcheck.toml"
    config.write_text('min_severity = "streng"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="kies uit: hint, suggestie, waarschuwing; of suggestion, warning"):
        load_config(config)
