"""A plainly written `taalcheck check` runs without Typer, and gives what the full command line gives."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli
from taalcheck import cli, fastcli
from taalcheck.fastcli import read_check_arguments

REPORT = (
    "Verslag gezin De Vries\n\n"
    "De gezinsvoogd heeft een sanctie opgelegd. Vader is een zorgmijder.\n"
    "Noa (8 jaar) vertelt dat ze graag tekent. Wij bespreken samen met beide ouders wat Noa nodig heeft.\n"
)


def test_plain_arguments_are_read():
    options = read_check_arguments(
        ["a.txt", "--format", "json", "-o", "uit.json", "--jobs=2", "map", "--exclude", "x*", "--exclude=y"]
    )
    assert options == {
        "paths": ["a.txt", "map"],
        "output_format": "json",
        "output": Path("uit.json"),
        "jobs": 2,
        "exclude": ["x*", "y"],
    }
    assert read_check_arguments(["-", "--no-color", "--statistics", "--min-severity", "suggestie"]) == {
        "paths": ["-"],
        "no_color": True,
        "statistics": True,
        "min_severity": "suggestie",
    }


@pytest.mark.parametrize(
    "arguments",
    [
        [],  # no paths: the full command line names what is missing
        ["--format", "json"],
        ["a.txt", "--help"],
        ["a.txt", "--formaat", "json"],  # misspelt option
        ["a.txt", "-fjson"],  # joined short option
        ["a.txt", "--format", "xml"],
        ["a.txt", "--format"],  # no value
        ["a.txt", "--output", "--format"],
        ["a.txt", "--jobs", "0"],
        ["a.txt", "--jobs", "twee"],
        ["a.txt", "--jobs", "²"],
        ["a.txt", "--min-severity", "ernstig"],
        ["a.txt", "--format", "json", "--format", "text"],  # repeated
        ["a.txt", "--no-color", "--no-color"],
        ["a.txt", "--no-color=ja"],
        ["--", "-rapport.txt"],
        ["", "a.txt"],
        ["a.txt", "-j="],
    ],
)
def test_anything_not_plain_goes_to_the_full_command_line(arguments):
    assert read_check_arguments(arguments) is None


def _run_fast(capsys, monkeypatch, *arguments: str) -> tuple[int, str, str]:
    """`fastcli.main` in this process; reaching the Typer command line fails the test."""

    def no_typer(*_: object, **__: object) -> None:
        raise AssertionError("the plain path reached the full command line")

    with monkeypatch.context() as patched:
        patched.setattr(cli, "main", no_typer)
        patched.setattr(sys, "argv", ["taalcheck", *arguments])
        with pytest.raises(SystemExit) as done:
            fastcli.main()
    captured = capsys.readouterr()
    return done.value.code, captured.out, captured.err


@pytest.mark.parametrize(
    "options",
    [
        [],
        ["--format", "json"],
        ["--format", "concise", "--statistics"],
        ["-f", "sarif", "--redact"],
        ["--format=github", "--min-severity", "waarschuwing"],
        ["--no-color", "--model", "blank"],
        ["--format", "json", "--jobs", "2"],
    ],
)
def test_the_plain_path_gives_what_typer_gives(tmp_path, capsys, monkeypatch, options):
    folder = tmp_path / "rapporten"
    folder.mkdir()
    for index in range(9):  # above the threshold for worker processes
        (folder / f"verslag-{index}.txt").write_text(REPORT, encoding="utf-8")
    (folder / "kapot.docx").write_bytes(b"geen zip")
    monkeypatch.chdir(tmp_path)
    arguments = ["check", "rapporten", *options, *([] if "--model" in options else ["--model", "blank"])]
    fast = _run_fast(capsys, monkeypatch, *arguments)
    full = run_cli(capsys, *arguments)
    assert fast == full
    assert fast[0] == 2 and "kapot.docx" in fast[2]  # the unreadable file is named, the others checked
    assert "sanctie" in fast[1] or "--redact" in options


def test_an_error_is_one_dutch_line(tmp_path, capsys, monkeypatch):
    code, out, err = _run_fast(capsys, monkeypatch, "check", str(tmp_path / "weg.txt"), "--model", "blank")
    assert code == 2 and out == ""
    assert err.startswith("taalcheck: fout: ") and "weg.txt" in err and err.count("\n") == 1
    assert (code, out, err) == run_cli(capsys, "check", str(tmp_path / "weg.txt"), "--model", "blank")


def test_a_page_is_checked_without_typer_rich_or_yaml(tmp_path):
    """With the caches filled (as after the first run), a page needs none of the big libraries."""
    page = tmp_path / "rapport.txt"
    page.write_text(REPORT, encoding="utf-8")
    code = (
        "import sys\nfrom taalcheck.fastcli import main\n"
        f"sys.argv = ['taalcheck', 'check', {str(page)!r}, '--model', 'blank']\n"
        "try:\n    main()\nexcept SystemExit as done:\n    code = done.code\n"
        "loaded = sorted(m for m in ('typer', 'click', 'rich', 'yaml', 'spacy') if m in sys.modules)\n"
        "print(code, loaded, file=sys.stderr)"
    )
    env = {key: value for key, value in os.environ.items() if key != "TAALCHECK_NO_CACHE"}
    env["TAALCHECK_CACHE_DIR"] = str(tmp_path / "cache")
    for _ in range(2):  # the first run fills the caches
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env
        )
    assert "sanctie" in result.stdout
    assert result.stderr.strip().splitlines()[-1] == "1 []"


def test_help_and_other_commands_still_go_through_typer():
    result = subprocess.run(
        [sys.executable, "-m", "taalcheck", "check", "--help"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0 and "--format" in result.stdout and "Gebruik:" in result.stdout
