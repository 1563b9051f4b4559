"""Finding and reading documents: dispatch on the file suffix, folder walking, size limits."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
from .base import Document
from .text import decode_text, read_text

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".docx", ".docm", ".dotx", ".dotm", ".odt", ".pdf")
#: Word documents and templates (macros in .docm and .dotm are never run and never kept).
WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")
_SUPPORTED_LIST = ", ".join(SUPPORTED_SUFFIXES)
NOT_FOUND_PROBLEM = "bestand niet gevonden"
NO_FILES_PROBLEM = f"geen leesbare tekstbestanden gevonden ({_SUPPORTED_LIST})"
#: Lock files that Word (~$naam.docx) and LibreOffice (.~lock.naam#) leave next to open files.
_LOCK_PATTERNS = ("~$*", ".~lock.*")


def _size_label(size: int) -> str:
    megabytes = size / 1_000_000
    return f"{megabytes:.1f} MB".replace(".", ",") if megabytes < 10 else f"{megabytes:.0f} MB"


def read_document(path: Path, display_path: str | None = None, max_bytes: int = 50_000_000) -> Document:
    """Read a .txt, .md, .docx, .odt or .pdf file; `Document.path` is `display_path` or `path`.

    Raises `InputError` (a Dutch problem naming the file) when the file is missing, a folder,
    of an unsupported type, too large, binary, undecodable, damaged or password-protected.
    The file itself is only read, never changed.
    """
    name = display_path if display_path is not None else str(path)
    path = Path(path)
    if path.is_dir():
        raise InputError(name, "is een map, geen bestand")
    if not path.exists():
        raise InputError(name, NOT_FOUND_PROBLEM)
    _check_suffix(path.suffix.lower(), name)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            limit = _size_label(max_bytes)
            raise InputError(name, f"bestand is te groot ({_size_label(size)}; de grens is {limit})")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(name, "geen leesrechten voor dit bestand") from None
    except OSError as error:
        raise InputError(name, f"kan het bestand niet lezen ({error.strerror or error})") from None
    return document_from_bytes(data, name, suffix=path.suffix, max_bytes=max_bytes)


def _check_suffix(suffix: str, name: str) -> None:
    if suffix == ".doc":
        from .word import OLD_FORMAT_PROBLEM

        raise InputError(name, OLD_FORMAT_PROBLEM)
    if suffix not in SUPPORTED_SUFFIXES:
        kind = f"bestandstype {suffix}" if suffix else "bestand zonder extensie"
        raise InputError(name, f"{kind} wordt niet ondersteund; wel: {_SUPPORTED_LIST}")


def document_from_bytes(
    data: bytes, name: str, *, suffix: str | None = None, max_bytes: int = 50_000_000
) -> Document:
    """Read a document from its bytes (an upload, standard input); the type comes from `suffix`
    or the suffix of `name`. Raises `InputError` like `read_document`; nothing is written to disk."""
    suffix = (suffix if suffix is not None else Path(name).suffix).lower()
    _check_suffix(suffix, name)
    if len(data) > max_bytes:
        limit = _size_label(max_bytes)
        raise InputError(name, f"bestand is te groot ({_size_label(len(data))}; de grens is {limit})")
    # Readers are imported on first use: each pulls in a sizeable library.
    if suffix == ".txt":
        return read_text(data, name)
    if suffix == ".md":
        from .markdown import markdown_document

        return markdown_document(decode_text(data, name), name)
    if suffix in WORD_SUFFIXES:
        from .word import word_document

        return word_document(data, name)
    if suffix == ".odt":
        from .opendocument import odt_document

        return odt_document(data, name)
    from .pdf import pdf_document

    return pdf_document(data, name)


def _matches(patterns: Iterable[str], *candidates: str) -> bool:
    return any(fnmatch.fnmatch(candidate, pattern) for pattern in patterns for candidate in candidates)


def _walk(folder: Path, exclude: list[str]) -> list[Path]:
    """Supported files under `folder`, hidden and excluded files and folders skipped, sorted."""
    found: list[tuple[str, Path]] = []
    for root, dirs, files in os.walk(folder):
        root_path = Path(root)
        relative_root = root_path.relative_to(folder)
        kept = []
        for name in dirs:
            relative = (relative_root / name).as_posix()
            if not name.startswith(".") and not _matches(exclude, relative, name):
                kept.append(name)
        dirs[:] = sorted(kept)
        for name in files:
            relative = (relative_root / name).as_posix()
            if (
                name.startswith(".")
                or Path(name).suffix.lower() not in SUPPORTED_SUFFIXES
                or _matches(_LOCK_PATTERNS, name)
                or _matches(exclude, relative, name)
            ):
                continue
            found.append((relative, root_path / name))
    return [path for _relative, path in sorted(found)]


def iter_document_paths(paths: list[Path], exclude: Iterable[str] = ()) -> list[Path]:
    """The files to check: files as given, folders searched recursively for supported files.

    Hidden files and folders are skipped inside folders; `exclude` holds glob patterns matched
    against the path relative to the given folder and against the bare name (also for files
    given directly). Files given directly are kept even when missing or of an unsupported
    type, so `read_document` can explain the problem. Order: as given, folders sorted; each
    file once. A folder without any supported file raises `InputError`.
    """
    patterns = list(exclude)
    result: list[Path] = []
    seen: set[Path] = set()
    for given in paths:
        given = Path(given)
        if given.is_dir():
            found = _walk(given, patterns)
            if not found:
                raise InputError(str(given), NO_FILES_PROBLEM)
        elif _matches(patterns, given.as_posix(), given.name):
            found = []
        else:
            found = [given]
        for path in found:
            key = path.resolve() if path.exists() else path.absolute()
            if key not in seen:
                seen.add(key)
                result.append(path)
    return result
