"""Issue 16, every case in one table: special files, malformed configuration, hostile lexicon
extensions and unwritable output never hang and never end in "onverwachte fout".

Each case runs taalcheck in a subprocess (`run_measured`) and must end within 10 s of processor
time and under 500 MB, without a traceback, with exactly the expected Dutch lines on stderr
(file and problem named) and the right exit code.
"""

from __future__ import annotations

import os
import socket
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from hostile_files import run_measured

MAX_SECONDS = 10.0
MAX_MB = 500.0
FINDING = "De gezinsvoogd legt sancties op."
NOT_REGULAR = "geen gewoon bestand"

#: Lists the folder, then deletes the first file or swaps it for a FIFO before it is read.
CHANGE_DURING_RUN = """
import os, sys
from pathlib import Path
import taalcheck.documents as documents
from taalcheck.cli import main

listed = documents.iter_document_paths
change = sys.argv[1]

def list_then_change(paths, exclude=(), skipped=None):
    found = listed(paths, exclude, skipped)
    victim = Path("dossier/a.txt")
    victim.unlink()
    if change == "fifo":
        os.mkfifo(victim)
    return found

documents.iter_document_paths = list_then_change
sys.argv = ["taalcheck", "check", "--format", "concise", "dossier"]
main()
"""

ALIAS_BOMB = (
    "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(
        f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "entries: [*i]\n"
)
LIST_AS_PRINCIPLE = """entries:
  - id: eigen-term
    term: eigen term
    principle: [taal, conflict]
    severity: hint
    reason: Een reden.
    alternatives: [iets anders]
    examples: {flag: [Een eigen term.]}
"""


@dataclass(frozen=True)
class Case:
    """One hostile input: how to set it up, the command, and the stderr lines it must give."""

    args: tuple[str, ...]
    #: (name the line starts with, words in it) per expected error line; empty: no error at all.
    errors: tuple[tuple[str, tuple[str, ...]], ...]
    code: int = 2
    prepare: Callable[[Path], None] = lambda folder: None
    stdin: str | None = None  # a device read as standard input
    script: str | None = None
    finding_in: str | None = None  # a file that must still be checked


def _report(folder: Path, name: str = "verslag.txt") -> None:
    (folder / name).write_text(FINDING, encoding="utf-8")


def _fifo(name: str) -> Callable[[Path], None]:
    def prepare(folder: Path) -> None:
        _report(folder)
        os.mkfifo(folder / name)

    return prepare


def _folder_with_special_files(folder: Path) -> None:
    (folder / "dossier").mkdir()
    _report(folder / "dossier")
    os.mkfifo(folder / "dossier" / "pijp.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "dossier" / "sok.md"))  # the socket file stays after closing
    sock.close()


def _changing_folder(folder: Path) -> None:
    (folder / "dossier").mkdir()
    (folder / "dossier" / "a.txt").write_text("Een gewone zin.", encoding="utf-8")
    (folder / "dossier" / "b.txt").write_text(FINDING, encoding="utf-8")


def _single_line(folder: Path) -> None:
    # 49 MB of prose without a single line break (and a finding every few sentences).
    prose = "De moeder vertelt dat zij het kind graag elke week wil zien. " * 9 + FINDING + " "
    with open(folder / "eenregel.txt", "w", encoding="utf-8") as file:
        for _ in range(49_000_000 // len(prose) // 1000):
            file.write(prose * 1000)


def _config(name: str, content: str) -> Callable[[Path], None]:
    def prepare(folder: Path) -> None:
        _report(folder)
        (folder / name).write_text(content, encoding="utf-8")

    return prepare


def _extension(content: str) -> Callable[[Path], None]:
    def prepare(folder: Path) -> None:
        _report(folder)
        (folder / "eigen.yaml").write_text(content, encoding="utf-8")
        (folder / "taalcheck.toml").write_text("extend_lexicon = ['eigen.yaml']\n", encoding="utf-8")

    return prepare


DEEP_TOML = "allow = " + "[" * 5000 + "]" * 5000 + "\n"

CASES: dict[str, Case] = {
    "fifo-argument": Case(("check", "pijp.txt"), (("pijp.txt", (NOT_REGULAR,)),), prepare=_fifo("pijp.txt")),
    "fifo-in-folder": Case(
        ("check", "dossier"), (), code=1, prepare=_folder_with_special_files, finding_in="dossier/verslag.txt"
    ),
    "fifo-config": Case(
        ("check", "--config", "pijp.toml", "verslag.txt"),
        (("pijp.toml", (NOT_REGULAR,)),),
        prepare=_fifo("pijp.toml"),
    ),
    "dev-zero-input": Case(("check", "/dev/zero"), (("/dev/zero", (NOT_REGULAR,)),)),
    "dev-urandom-input": Case(("check", "/dev/urandom"), (("/dev/urandom", (NOT_REGULAR,)),)),
    "dev-zero-stdin": Case(("check", "-"), (("-", ("te groot", "50 MB")),), stdin="/dev/zero"),
    "dev-urandom-stdin": Case(("check", "-"), (("-", ("te groot", "50 MB")),), stdin="/dev/urandom"),
    "dev-zero-config": Case(
        ("check", "--config", "/dev/zero", "verslag.txt"), (("/dev/zero", (NOT_REGULAR,)),), prepare=_report
    ),
    "dev-urandom-config": Case(
        ("check", "--config", "/dev/urandom", "verslag.txt"),
        (("/dev/urandom", (NOT_REGULAR,)),),
        prepare=_report,
    ),
    "deleted-during-run": Case(
        ("delete",),
        (("dossier/a.txt", ("bestand niet gevonden",)),),
        prepare=_changing_folder,
        script=CHANGE_DURING_RUN,
        finding_in="dossier/b.txt",
    ),
    "fifo-during-run": Case(
        ("fifo",),
        (("dossier/a.txt", (NOT_REGULAR,)),),
        prepare=_changing_folder,
        script=CHANGE_DURING_RUN,
        finding_in="dossier/b.txt",
    ),
    "49-mb-single-line": Case(
        ("check", "eenregel.txt"),
        (("eenregel.txt", ("2.000.000 tekens", "max_text_chars")),),
        prepare=_single_line,
    ),
    "tool-taalcheck-integer": Case(
        ("check", "verslag.txt"),
        (("", ("pyproject.toml", "tool.taalcheck", "getal")),),
        prepare=_config("pyproject.toml", "[tool]\ntaalcheck = 3\n"),
    ),
    "tool-taalcheck-string": Case(
        ("check", "--config", "pyproject.toml", "verslag.txt"),
        (("", ("pyproject.toml", "tool.taalcheck", "tekst")),),
        prepare=_config("pyproject.toml", "[tool]\ntaalcheck = 'aan'\n"),
    ),
    "deeply-nested-toml": Case(
        ("check", "verslag.txt"),
        (("", ("taalcheck.toml", "te diep genest")),),
        prepare=_config("taalcheck.toml", DEEP_TOML),
    ),
    "deeply-nested-pyproject": Case(
        ("check", "--config", "pyproject.toml", "verslag.txt"),
        (("", ("pyproject.toml", "te diep genest")),),
        prepare=_config("pyproject.toml", "[tool.taalcheck]\n" + DEEP_TOML),
    ),
    "alias-bomb-extension": Case(
        ("check", "verslag.txt"), (("", ("eigen.yaml", "YAML-ankers")),), prepare=_extension(ALIAS_BOMB)
    ),
    "alias-bomb-lexicon-test": Case(
        ("lexicon", "test", "eigen.yaml"), (("eigen.yaml", ("YAML-ankers",)),), prepare=_extension(ALIAS_BOMB)
    ),
    "list-as-principle": Case(
        ("check", "verslag.txt"),
        (("", ("eigen.yaml", "'principle'", "verwacht een tekst")),),
        prepare=_extension(LIST_AS_PRINCIPLE),
    ),
    "list-as-principle-lexicon-test": Case(
        ("lexicon", "test", "eigen.yaml"),
        (("eigen.yaml", ("'principle'", "verwacht een tekst")),),
        prepare=_extension(LIST_AS_PRINCIPLE),
    ),
    "output-to-dev-full": Case(
        ("check", "--format", "json", "verslag.txt", "-o", "/dev/full"),
        (("/dev/full", ("kan de uitvoer niet schrijven",)),),
        prepare=_report,
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_every_case_ends_quickly_with_one_clear_line(tmp_path: Path, name: str) -> None:
    case = CASES[name]
    case.prepare(tmp_path)
    stdin = open(case.stdin, "rb") if case.stdin else None  # noqa: SIM115 - closed below
    try:
        run = run_measured(
            list(case.args), cwd=tmp_path, stdin=stdin or subprocess.DEVNULL, script=case.script
        )
    finally:
        if stdin:
            stdin.close()
    assert run.code != -999, "hung: did not end within 60 s"
    assert run.cpu_seconds < MAX_SECONDS, f"took {run.cpu_seconds:.1f} s of processor time"
    assert run.peak_mb < MAX_MB, f"peak memory {run.peak_mb:.0f} MB"
    assert "Traceback" not in run.stderr and "onverwachte fout" not in run.stderr, run.stderr
    assert run.code == case.code, (run.code, run.stdout, run.stderr)
    assert len(run.error_lines) == len(case.errors), run.stderr
    for line, (subject, words) in zip(run.error_lines, case.errors, strict=True):
        assert line.startswith(f"taalcheck: fout: {subject}"), line
        for word in words:
            assert word in line, line
    if case.finding_in:
        assert f"{case.finding_in}:" in run.stdout, run.stdout
