"""An output never overwrites an input: not by name, not through a hard link, not through a symlink."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from taalcheck.cli import main
from taalcheck.errors import TaalcheckError
from taalcheck.output_guard import refuse_overwriting_inputs

TEXT = "Wij werken risicogestuurd.\n"


def run_cli(monkeypatch, capsys, *args: str) -> tuple[int, str]:
    """`taalcheck ARGS` in this process (the user's entry point); exit code and stderr."""
    monkeypatch.setenv("TAALCHECK_NO_CACHE", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr(sys, "argv", ["taalcheck", *args])
    with pytest.raises(SystemExit) as done:
        main()
    return int(done.value.code or 0), capsys.readouterr().err


def linked(tmp_path: Path, source: Path, how: str) -> Path:
    """Another name for `source`: a hard link or a symbolic link in another folder."""
    folder = tmp_path / "elders"
    folder.mkdir(exist_ok=True)
    link = folder / f"kopie{source.suffix}"
    if how == "hard":
        os.link(source, link)
    else:
        link.symlink_to(source)
    return link


@pytest.mark.parametrize("how", ["hard", "symbolic"])
@pytest.mark.parametrize("fmt", ["text", "json", "html", "sarif", "concise", "github"])
def test_check_output_through_a_link_is_refused(tmp_path, monkeypatch, capsys, how, fmt):
    source = tmp_path / "rapport.txt"
    source.write_text(TEXT, encoding="utf-8")
    link = linked(tmp_path, source, how)
    code, err = run_cli(
        monkeypatch, capsys, "check", "--model", "blank", "--format", fmt, str(source), "-o", str(link)
    )
    assert code == 2
    assert err.strip() == (
        f"taalcheck: fout: {link}: uitvoer zou een invoerbestand overschrijven; kies een andere naam met -o"
    )
    assert source.read_text(encoding="utf-8") == TEXT


@pytest.mark.parametrize("how", ["hard", "symbolic"])
def test_check_output_linked_to_a_document_in_an_input_folder_is_refused(tmp_path, monkeypatch, capsys, how):
    folder = tmp_path / "verslagen" / "2024"
    folder.mkdir(parents=True)
    source = folder / "verslag.md"
    source.write_text("# Verslag\n\n" + TEXT, encoding="utf-8")
    link = linked(tmp_path, source, how)
    code, err = run_cli(
        monkeypatch, capsys, "check", "--model", "blank", "--format", "json", str(tmp_path / "verslagen"),
        "-o", str(link),
    )  # fmt: skip
    assert code == 2 and "overschrijven" in err
    assert source.read_text(encoding="utf-8") == "# Verslag\n\n" + TEXT


def test_a_new_output_file_is_written(tmp_path, monkeypatch, capsys):
    source = tmp_path / "rapport.txt"
    source.write_text(TEXT, encoding="utf-8")
    output = tmp_path / "elders.json"
    code, _ = run_cli(
        monkeypatch, capsys, "check", "--model", "blank", "--format", "json", str(source), "-o", str(output)
    )
    assert code == 1 and '"risicogestuurd-werken"' in output.read_text(encoding="utf-8")
    assert source.read_text(encoding="utf-8") == TEXT


@pytest.mark.parametrize("how", ["hard", "symbolic"])
def test_annotate_output_through_a_link_is_refused(tmp_path, monkeypatch, capsys, how):
    from docx import Document

    source = tmp_path / "rapport.docx"
    document = Document()
    document.add_paragraph("Moeder is een zorgmijder.")
    document.save(source)
    before = source.read_bytes()
    link = linked(tmp_path, source, how)
    code, err = run_cli(monkeypatch, capsys, "annotate", "--model", "blank", str(source), "-o", str(link))
    assert code == 2 and "overschrijven" in err, err
    assert source.read_bytes() == before


@pytest.mark.parametrize("how", ["hard", "symbolic"])
@pytest.mark.parametrize("which", ["old", "new"])
@pytest.mark.parametrize("fmt", ["text", "json", "html"])
def test_vergelijk_output_through_a_link_is_refused(tmp_path, monkeypatch, capsys, how, which, fmt):
    old = tmp_path / "oud.txt"
    old.write_text(TEXT, encoding="utf-8")
    new = tmp_path / "nieuw.txt"
    new.write_text("Wij werken samen met het gezin.\n", encoding="utf-8")
    before = {path: path.read_bytes() for path in (old, new)}
    link = linked(tmp_path, old if which == "old" else new, how)
    code, err = run_cli(
        monkeypatch,
        capsys,
        "vergelijk",
        "--model",
        "blank",
        "--format",
        fmt,
        str(old),
        str(new),
        "-o",
        str(link),
    )
    assert code == 2
    assert err.strip() == (
        f"taalcheck: fout: {link}: uitvoer zou een invoerbestand overschrijven; kies een andere naam met -o"
    )
    assert {path: path.read_bytes() for path in (old, new)} == before


def test_guard_compares_files_not_names(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    other = tmp_path / "b.txt"
    other.write_text(TEXT, encoding="utf-8")  # same content, another file: allowed
    refuse_overwriting_inputs(other, [source])
    refuse_overwriting_inputs(tmp_path / "nieuw.txt", [source, Path("-")])
    for target in (source, tmp_path / "." / "a.txt", linked(tmp_path, source, "hard")):
        with pytest.raises(TaalcheckError, match="overschrijven"):
            refuse_overwriting_inputs(target, [other, source])
