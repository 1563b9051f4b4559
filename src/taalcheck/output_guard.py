"""One guard for every file taalcheck writes: an output never replaces an input.

Paths are compared as files, not as names: a hard link, a symbolic link or another spelling of an
input's path is the same file (same device and inode), and writing there would destroy the input.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from taalcheck.errors import TaalcheckError

OVERWRITE_PROBLEM = "uitvoer zou een invoerbestand overschrijven; kies een andere naam met -o"


def _identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file `path` leads to (through links), or None when there is none."""
    try:
        info = path.stat()
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def _input_files(inputs: Iterable[Path]) -> Iterable[Path]:
    from taalcheck.documents import iter_document_paths

    for source in inputs:
        if source.is_dir():
            try:
                yield from iter_document_paths([source])
            except TaalcheckError:  # a folder without documents holds nothing to protect
                continue
        else:
            yield source


def refuse_overwriting_inputs(output: Path, inputs: Iterable[Path]) -> None:
    """Raise `TaalcheckError` when writing `output` would replace an input.

    Refused: `output` is the same file as an input file or as a document inside an input folder
    (also through hard and symbolic links), or an existing file with a document suffix inside an
    input folder (also one the folder walk skips). `-` (standard input) is no file.
    """
    from taalcheck.documents import SUPPORTED_SUFFIXES

    sources = [Path(source) for source in inputs if str(source) != "-"]
    target = _identity(output)
    if target is not None:
        for source in _input_files(sources):
            if _identity(source) == target:
                raise TaalcheckError(f"{output}: {OVERWRITE_PROBLEM}")
    resolved = Path(os.path.realpath(output))
    if target is None or resolved.suffix.lower() not in SUPPORTED_SUFFIXES:
        return
    for source in sources:
        if source.is_dir() and Path(os.path.realpath(source)) in resolved.parents:
            raise TaalcheckError(f"{output}: {OVERWRITE_PROBLEM}")
