"""What reaches the terminal: no control sequences from documents or file names, marks under the passage."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from taalcheck.documents import document_from_text
from taalcheck.model import CheckResult
from taalcheck.report.concise import render_concise
from taalcheck.report.terminal import safe_name, safe_text, source_window
from taalcheck.report.text import render_text

SRC = Path(__file__).resolve().parents[1] / "src"


def rendered(check, text: str, path: str = "rapport.txt", width: int = 100) -> str:
    result = check(text)
    result.path = path
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, no_color=True, highlight=False, soft_wrap=True)
    render_text(CheckResult([result]), console)
    return buffer.getvalue()


def marked(output: str) -> list[tuple[str, str]]:
    """(source line, marks line) pairs of the text output."""
    lines = output.splitlines()
    return [
        (lines[i].split(" | ", 1)[1], lines[i + 1].split("| ", 1)[1])
        for i in range(len(lines) - 1)
        if " | " in lines[i] and lines[i + 1].lstrip().startswith("|") and "^" in lines[i + 1]
    ]


def under_marks(source: str, marks: str) -> str:
    return "".join(char for char, mark in zip(source, marks, strict=False) if mark == "^")


def test_esc_in_the_text_appears_escaped(check):
    output = rendered(check, "Wij kiezen \x1b[2J\x1b]0;titel\x07voor escalatiebeheersing.\n")
    assert "\x1b" not in output and "\x07" not in output
    assert "\\x1b[2J\\x1b]0;titel\\x07voor" in output
    [(source, marks)] = marked(output)
    assert under_marks(source, marks) == "escalatiebeheersing"


def test_bare_carriage_return_and_bidi_controls_appear_escaped(check):
    output = rendered(check, "Nep\rWij kiezen \u202eescalatiebeheersing.\n")
    assert "\r" not in output and "\u202e" not in output
    assert "Nep\\x0dWij" in output and "\\u202e" in output


def test_esc_in_a_file_name_appears_escaped(check):
    output = rendered(check, "Wij kiezen voor escalatiebeheersing.\n", path="rap\x1b[31mport\n.txt")
    assert "\x1b" not in output
    assert "rap\\x1b[31mport\\x0a.txt:1:17:" in output
    result = check("Wij kiezen voor escalatiebeheersing.\n")
    result.path = "a\x1bb.txt"
    assert render_concise(CheckResult([result])).startswith("a\\x1bb.txt:1:17: ")


def test_cli_escapes_names_and_text(tmp_path):
    name = "rap\x1b[2Jport.txt"
    (tmp_path / name).write_text("Wij kiezen \x1b[5m voor escalatiebeheersing.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(SRC), "TAALCHECK_NO_CACHE": "1", "NO_COLOR": "1"}

    def taalcheck(*args: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "taalcheck", "check", "--model", "blank", *args]
        return subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)

    done = taalcheck(name)
    assert "\x1b" not in done.stdout and "\x1b" not in done.stderr
    assert "rap\\x1b[2Jport.txt:1:" in done.stdout and "\\x1b[5m" in done.stdout
    done = taalcheck("nergens\x1b]0;titel\x07.txt")
    assert done.stderr == "taalcheck: fout: nergens\\x1b]0;titel\\x07.txt: bestand of map niet gevonden\n"
    # Machine formats keep the text as it is (JSON escapes it itself).
    done = taalcheck("--format", "json", name)
    assert json.loads(done.stdout)["files"][0]["path"] == name


@pytest.mark.parametrize("width", [60, 100, 160])
def test_long_paragraph_shows_a_window_with_marks_under_the_passage(check, width):
    before = "De moeder vertelt uitgebreid over de week en over school. " * 8
    after = " Daarna gaat het gesprek over de vakantie en de opa van het kind. " * 8
    output = rendered(check, before + "Wij kiezen voor escalatiebeheersing." + after + "\n", width=width)
    [(source, marks)] = marked(output)
    assert source.startswith("... ") and source.endswith(" ...")
    assert len("   1 | " + source) <= width
    assert under_marks(source, marks) == "escalatiebeheersing"


def test_short_line_is_shown_whole(check):
    output = rendered(check, "Wij kiezen voor escalatiebeheersing.\n")
    [(source, marks)] = marked(output)
    assert source == "Wij kiezen voor escalatiebeheersing."
    assert marks == " " * 16 + "^" * 19


def test_window_at_the_start_and_end_of_a_line():
    text = "escalatiebeheersing " + "x" * 500 + " beheersing"
    shown, marks = source_window(text, 0, len(text), [(0, 19)], 60)
    assert not shown.startswith("...") and shown.endswith(" ...") and marks == "^" * 19
    shown, marks = source_window(text, 0, len(text), [(len(text) - 10, len(text))], 60)
    assert shown.startswith("... ") and not shown.endswith("...")
    assert under_marks(shown, marks) == "beheersing"


def test_safe_text_keeps_ordinary_text():
    assert safe_text("Één regel\tmet tab\nen 'quotes' — ok") == "Één regel\tmet tab\nen 'quotes' — ok"
    assert safe_name("a\tb\nc") == "a\\x09b\\x0ac"


def test_text_output_of_a_long_single_line_with_many_findings(tmp_path):
    # Every finding used to copy (and mark) its whole line: quadratic on a document on one line.
    code = """
import io
from rich.console import Console
from taalcheck.api import check_text_result
from taalcheck.model import CheckResult
from taalcheck.settings import Settings
from taalcheck.report.text import render_text
text = "De instelling kiest voor escalatiebeheersing. " * 3000
result = check_text_result(text, settings=Settings(model="blank"))
buffer = io.StringIO()
render_text(CheckResult([result]), Console(file=buffer, width=120, no_color=True))
print(len(result.findings), max(len(line) for line in buffer.getvalue().splitlines() if " | " in line))
"""
    env = {**os.environ, "PYTHONPATH": str(SRC), "TAALCHECK_NO_CACHE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    count, longest = map(int, done.stdout.split())
    assert count == 3000 and longest <= 120


def test_document_from_text_keeps_offsets_on_the_given_text():
    document = document_from_text("Wij kiezen voor escalatiebeheersing.")
    assert document.text[16:35] == "escalatiebeheersing"


def test_plain_text_drops_what_rich_drops_from_unescaped_pieces():
    """Lexicon text reaches the output unescaped: bell, backspace, VT, FF and CR go, as rich drops them."""
    from dataclasses import replace

    from taalcheck.api import make_checker
    from taalcheck.report.text import render_plain
    from taalcheck.settings import Settings

    checker = make_checker(Settings(model="blank"))
    file = checker.check_document(document_from_text("Vader is een zorgmijder.\n", "v.txt"))
    finding = replace(file.findings[0], message="Een\x07 re\rden\x0b met\x0c tekens\x08.")
    shown = render_plain(CheckResult([replace(file, findings=[finding])]))
    assert "Waarom: Een reden met tekens." in shown
    assert not any(char in shown for char in "\x07\x08\x0b\x0c\r")
