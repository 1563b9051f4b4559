"""`taalcheck snelkoppeling`: a script on the desktop that starts the web page with a double-click."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from taalcheck.cli import app
from taalcheck.shortcut import create_shortcut

PYTHON = "/opt/Mijn Programma's/python"


def test_windows_script(tmp_path: Path) -> None:
    shortcut = create_shortcut(
        tmp_path, 8800, platform="win32", python="C:\\Program Files\\Python\\python.exe"
    )
    assert shortcut.path == tmp_path / "taalcheck.cmd" and not shortcut.replaced
    content = shortcut.path.read_bytes().decode()
    assert '"C:\\Program Files\\Python\\python.exe" -m taalcheck web --open --poort 8800 %*\r\n' in content
    assert content.count("\r\n") == content.count("\n")  # Windows line ends throughout
    assert "Sluit dit venster om te stoppen" in content


def test_desktop_entry_quotes_the_path(tmp_path: Path) -> None:
    shortcut = create_shortcut(tmp_path, platform="linux", python=PYTHON)
    content = shortcut.path.read_text(encoding="utf-8")
    assert shortcut.path.name == "taalcheck.desktop"
    assert f'Exec="{PYTHON}" -m taalcheck web --open --poort 8765\n' in content
    assert "Terminal=true" in content
    assert os.access(shortcut.path, os.X_OK)


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script")
def test_macos_script_starts_this_taalcheck(tmp_path: Path) -> None:
    shortcut = create_shortcut(tmp_path, platform="darwin")
    assert shortcut.path.name == "taalcheck.command"
    assert os.access(shortcut.path, os.X_OK)
    # the script hands extra arguments on: `--help` shows the web command's help instead of starting it
    result = subprocess.run(
        [str(shortcut.path), "--help"], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "--tijdslimiet" in result.stdout
    assert create_shortcut(tmp_path, platform="darwin").replaced


def test_command(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["snelkoppeling", "--map", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Snelkoppeling gemaakt" in result.output
    assert len(list(tmp_path.iterdir())) == 1


def test_missing_folder_is_one_dutch_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "taalcheck", "snelkoppeling", "--map", str(tmp_path / "bestaat-niet")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert result.returncode == 2
    assert result.stderr.strip().endswith("map niet gevonden; kies een map met --map")
    assert "Traceback" not in result.stderr
