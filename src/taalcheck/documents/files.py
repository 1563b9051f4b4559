"""Finding and reading documents: dispatch on the file suffix, folder walking, size limits.

Only regular files are read (a FIFO, device or socket would hang or never end), and every read
stops at the input limit, whatever the file system says about the size.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from .base import Document
from .limits import DEFAULT_LIMITS, InputLimits, LimitError, size_label
from .text import decode_text, read_text

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".docx", ".docm", ".dotx", ".dotm", ".odt", ".pdf")
#: Word documents and templates (macros in .docm and .dotm are never run and never kept).
WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")
_SUPPORTED_LIST = ", ".join(SUPPORTED_SUFFIXES)
NOT_FOUND_PROBLEM = "bestand niet gevonden"
NO_FILES_PROBLEM = f"geen leesbare tekstbestanden gevonden ({_SUPPORTED_LIST})"
NOT_REGULAR_PROBLEM = (
    "geen gewoon bestand (maar een apparaat, pipe of socket); taalcheck leest alleen gewone bestanden"
)
#: Old formats found in a folder: reported as not checked, with what to do.
_OLD_SUFFIXES = (".doc",)
_CHUNK = 1 << 20
#: Lock files that Word (~$naam.docx) and LibreOffice (.~lock.naam#) leave next to open files.
_LOCK_PATTERNS = ("~$*", ".~lock.*")


def _too_large(name: str, size: str, limit: int) -> LimitError:
    return LimitError(
        name,
        f"bestand is te groot ({size}; de grens is {size_label(limit)}, in te stellen met "
        "max_file_mb onder [limits] in taalcheck.toml)",
    )


def read_limited(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    """All bytes of `stream`, or `LimitError` as soon as there are more than `max_bytes`."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(name, f"meer dan {size_label(max_bytes)}", max_bytes)
        chunks.append(chunk)


def read_file_bytes(path: Path, name: str, max_bytes: int) -> bytes:
    """The bytes of a regular file, read within `max_bytes` (InputError naming the problem).

    The file is opened without waiting (a FIFO swapped in after listing cannot block) and
    checked again once open, so a file replaced between listing and reading is refused too.
    """
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(name, "is een map, geen bestand")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(name, NOT_REGULAR_PROBLEM)
        if info.st_size > max_bytes:
            raise _too_large(name, size_label(info.st_size), max_bytes)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        descriptor = os.open(path, flags)
        with os.fdopen(descriptor, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                raise InputError(name, NOT_REGULAR_PROBLEM)
            return read_limited(stream, name, max_bytes)
    except FileNotFoundError:
        raise InputError(name, NOT_FOUND_PROBLEM) from None
    except PermissionError:
        raise InputError(name, "geen leesrechten voor dit bestand") from None
    except OSError as error:
        raise InputError(name, f"kan het bestand niet lezen ({error.strerror or error})") from None


def _limits(limits: InputLimits | None, max_bytes: int | None) -> InputLimits:
    limits = limits or DEFAULT_LIMITS
    return replace(limits, max_file_bytes=max_bytes) if max_bytes is not None else limits


def read_document(
    path: Path,
    display_path: str | None = None,
    max_bytes: int | None = None,
    limits: InputLimits | None = None,
) -> Document:
    """Read a .txt, .md, .docx, .odt or .pdf file; `Document.path` is `display_path` or `path`.

    Raises `InputError` (a Dutch problem naming the file) when the file is missing, a folder,
    not a regular file, of an unsupported type, past a limit, binary, undecodable, damaged or
    password-protected. `limits` defaults to `DEFAULT_LIMITS`; `max_bytes` overrides its file
    size limit. The file itself is only read, never changed.
    """
    name = display_path if display_path is not None else str(path)
    path = Path(path)
    limits = _limits(limits, max_bytes)
    if path.is_dir():
        raise InputError(name, "is een map, geen bestand")
    if not path.exists() and not path.is_symlink():
        raise InputError(name, NOT_FOUND_PROBLEM)
    if _special(path):
        raise InputError(name, NOT_REGULAR_PROBLEM)
    _check_suffix(path.suffix.lower(), name)
    data = read_file_bytes(path, name, limits.max_file_bytes)
    return document_from_bytes(data, name, suffix=path.suffix, limits=limits)


def _check_suffix(suffix: str, name: str) -> None:
    if suffix == ".doc":
        from .word import OLD_FORMAT_PROBLEM

        raise InputError(name, OLD_FORMAT_PROBLEM)
    if suffix not in SUPPORTED_SUFFIXES:
        kind = f"bestandstype {suffix}" if suffix else "bestand zonder extensie"
        raise InputError(name, f"{kind} wordt niet ondersteund; wel: {_SUPPORTED_LIST}")


def document_from_bytes(
    data: bytes,
    name: str,
    *,
    suffix: str | None = None,
    max_bytes: int | None = None,
    limits: InputLimits | None = None,
) -> Document:
    """Read a document from its bytes (an upload, standard input); the type comes from `suffix`
    or the suffix of `name`. Raises `InputError` like `read_document`; nothing is written to disk."""
    limits = _limits(limits, max_bytes)
    suffix = (suffix if suffix is not None else Path(name).suffix).lower()
    _check_suffix(suffix, name)
    if len(data) > limits.max_file_bytes:
        raise _too_large(name, size_label(len(data)), limits.max_file_bytes)
    # Readers are imported on first use: each pulls in a sizeable library.
    if suffix == ".txt":
        return read_text(data, name, limits.max_text_chars)
    if suffix == ".md":
        from .markdown import markdown_document

        return markdown_document(decode_text(data, name, limits.max_text_chars), name)
    if suffix in WORD_SUFFIXES:
        from .word import word_document

        return word_document(data, name, limits)
    if suffix == ".odt":
        from .opendocument import odt_document

        return odt_document(data, name, limits)
    from .pdf import pdf_document

    return pdf_document(data, name, limits)


def _matches(patterns: Iterable[str], *candidates: str) -> bool:
    return any(fnmatch.fnmatch(candidate, pattern) for pattern in patterns for candidate in candidates)


UNREADABLE_FOLDER_PROBLEM = "map overgeslagen: geen leesrechten voor deze map"


def _folder_problem(name: str, error: OSError) -> InputError:
    if isinstance(error, PermissionError):
        return InputError(name, UNREADABLE_FOLDER_PROBLEM)
    return InputError(name, f"map overgeslagen: kan de map niet lezen ({error.strerror or error})")


def _walk(folder: Path, exclude: list[str], skipped: list[InputError]) -> list[Path]:
    """Supported files under `folder`, hidden and excluded files and folders skipped, sorted.

    A subfolder that cannot be read is added to `skipped` (one problem naming it); the
    walk goes on. When `folder` itself cannot be read, that problem is raised.
    """
    found: list[tuple[str, Path]] = []
    problems: list[tuple[str, InputError]] = []

    def unreadable(error: OSError) -> None:
        where = Path(error.filename) if error.filename else folder
        if where == folder:
            raise _folder_problem(str(folder), error)
        problems.append((where.relative_to(folder).as_posix(), _folder_problem(str(where), error)))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
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
            suffix = Path(name).suffix.lower()
            if (
                name.startswith(".")
                or (suffix not in SUPPORTED_SUFFIXES and suffix not in _OLD_SUFFIXES)
                or _matches(_LOCK_PATTERNS, name)
                or _matches(exclude, relative, name)
                or _special(root_path / name)
            ):
                continue
            found.append((relative, root_path / name))
    skipped.extend(problem for _relative, problem in sorted(problems, key=lambda item: item[0]))
    return [path for _relative, path in sorted(found)]


def _special(path: Path) -> bool:
    """A FIFO, device or socket: never a document, skipped in folders (a broken link is kept)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def iter_document_paths(
    paths: list[Path], exclude: Iterable[str] = (), skipped: list[InputError] | None = None
) -> list[Path]:
    """The files to check: files as given, folders searched recursively for supported files.

    Hidden files and folders, lock files and special files (FIFOs, devices, sockets) are
    skipped inside folders; old .doc files are kept so reading can say what to do. `exclude` holds glob patterns matched
    against the path relative to the given folder and against the bare name (also for files
    given directly). Files given directly are kept even when missing or of an unsupported
    type, so `read_document` can explain the problem. Order: as given, folders sorted; each
    file once. A folder without any supported file, or one that cannot be read, raises
    `InputError`; an unreadable subfolder is appended to `skipped` (when given) and passed over.
    """
    patterns = list(exclude)
    skipped = skipped if skipped is not None else []
    result: list[Path] = []
    seen: set[Path] = set()
    for given in paths:
        given = Path(given)
        if given.is_dir():
            before = len(skipped)
            found = _walk(given, patterns, skipped)
            if not found and len(skipped) == before:
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
