"""A desktop shortcut that starts the web page with one double-click (`taalcheck snelkoppeling`).

The shortcut is a small script naming this Python by its full path, so it works whether taalcheck
was installed with pipx, in a venv or otherwise, without a `taalcheck` command on the PATH:

- Windows: `taalcheck.cmd` (a console window opens; closing it stops the page);
- macOS: `taalcheck.command` (opens in Terminal);
- Linux: `taalcheck.desktop` (a launcher that opens a terminal).
"""

from __future__ import annotations

import os
import shlex
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from taalcheck.errors import InputError

TITLE = "taalcheck"


@dataclass(frozen=True)
class Shortcut:
    path: Path
    replaced: bool


def desktop_folder() -> Path:
    """The user's desktop (also when Windows or the XDG settings move it elsewhere)."""
    from platformdirs import user_desktop_dir

    return Path(user_desktop_dir())


def _web_command(python: str, port: int) -> list[str]:
    return [python, "-m", "taalcheck", "web", "--open", "--poort", str(port)]


def windows_script(python: str, port: int) -> str:
    python_part, *rest = _web_command(python, port)
    command = " ".join([f'"{python_part}"', *rest])
    return (
        "@echo off\r\n"
        "title taalcheck\r\n"
        "echo taalcheck start de webpagina in uw browser. Sluit dit venster om te stoppen.\r\n"
        f"{command} %*\r\n"
        "if errorlevel 1 pause\r\n"
    )


def posix_script(python: str, port: int) -> str:
    command = " ".join(shlex.quote(part) for part in _web_command(python, port))
    return (
        "#!/bin/sh\n"
        "echo 'taalcheck start de webpagina in uw browser. Sluit dit venster om te stoppen.'\n"
        f'exec {command} "$@"\n'
    )


def _desktop_quote(part: str) -> str:
    # Desktop Entry Specification: quote arguments with reserved characters; escape " ` $ \ inside.
    if not any(char in part for char in " \t\n\"'\\><~|&;$*?#()`"):
        return part
    escaped = "".join("\\" + char if char in '"`$\\' else char for char in part)
    return f'"{escaped}"'


def desktop_entry(python: str, port: int) -> str:
    command = " ".join(_desktop_quote(part) for part in _web_command(python, port))
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=taalcheck\n"
        "Comment=Taaladvies voor rapportages: de webpagina op deze computer\n"
        f"Exec={command}\n"
        "Terminal=true\n"
        "Categories=Office;\n"
    )


def create_shortcut(
    folder: Path | None = None, port: int = 8765, platform: str = sys.platform, python: str = sys.executable
) -> Shortcut:
    """Write the shortcut for `platform` into `folder` (the desktop by default)."""
    folder = folder or desktop_folder()
    if not folder.is_dir():
        raise InputError(str(folder), "map niet gevonden; kies een map met --map")
    if platform.startswith("win"):
        path, content = folder / f"{TITLE}.cmd", windows_script(python, port)
    elif platform == "darwin":
        path, content = folder / f"{TITLE}.command", posix_script(python, port)
    else:
        path, content = folder / f"{TITLE}.desktop", desktop_entry(python, port)
    replaced = path.exists()
    try:
        path.write_text(content, encoding="utf-8", newline="")
        if not platform.startswith("win"):
            mode = path.stat().st_mode
            path.chmod(mode | stat.S_IXUSR | (stat.S_IXGRP if mode & stat.S_IRGRP else 0))
    except OSError as error:
        raise InputError(
            str(path), f"kan de snelkoppeling niet schrijven ({error.strerror or error})"
        ) from None
    if platform.startswith("linux") and os.environ.get("XDG_CURRENT_DESKTOP", "").upper().find("GNOME") >= 0:
        _trust_on_gnome(path)
    return Shortcut(path, replaced)


def _trust_on_gnome(path: Path) -> None:
    """GNOME starts desktop launchers only once they are marked trusted (best effort)."""
    import shutil
    import subprocess

    gio = shutil.which("gio")
    if gio:
        subprocess.run(
            [gio, "set", str(path), "metadata::trusted", "true"], check=False, capture_output=True, timeout=10
        )
