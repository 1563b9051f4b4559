"""The public API: check text or files and get typed findings back."""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from taalcheck.lexicon import Lexicon, load_lexicon
from taalcheck.matching.engine import Checker
from taalcheck.model import CheckResult, FileResult, Finding
from taalcheck.settings import Settings


@lru_cache(maxsize=8)
def _lexicon(extra: tuple[Path, ...]) -> Lexicon:
    return load_lexicon(extra)


def make_checker(settings: Settings | None = None, exhaustive: bool = False) -> Checker:
    """A checker with the bundled lexicon plus the settings' extra lexicon files."""
    settings = settings or Settings()
    return Checker(_lexicon(tuple(settings.extend_lexicon)), settings, exhaustive=exhaustive)


def check_text(
    text: str, *, path: str = "-", settings: Settings | None = None, model: str | None = None
) -> list[Finding]:
    """Findings in a text (as a professional would paste it)."""
    return check_text_result(text, path=path, settings=_with_model(settings, model)).findings


def check_file(
    path: str | os.PathLike[str], *, settings: Settings | None = None, model: str | None = None
) -> list[Finding]:
    """Findings in one document (.txt, .md, .docx, .odt, .pdf)."""
    return check_file_result(Path(path), settings=_with_model(settings, model)).findings


def check_text_result(
    text: str, *, path: str = "-", settings: Settings | None = None, checker: Checker | None = None
) -> FileResult:
    """Findings, balance and context for a text."""
    from taalcheck.documents import document_from_text

    checker = checker or make_checker(settings)
    return checker.check_document(document_from_text(text, path))


def check_file_result(
    path: Path,
    *,
    display: str | None = None,
    settings: Settings | None = None,
    checker: Checker | None = None,
) -> FileResult:
    """Findings, balance and context for one file; raises `InputError` when it cannot be read."""
    from taalcheck.documents import read_document

    checker = checker or make_checker(settings)
    return checker.check_document(read_document(path, display or str(path)))


def check_paths(paths: Iterable[Path], *, settings: Settings | None = None) -> CheckResult:
    """Check files and folders (recursively) in a stable order."""
    from taalcheck.documents import iter_document_paths

    checker = make_checker(settings)
    files = iter_document_paths(list(paths))
    return CheckResult([check_file_result(path, checker=checker) for path in files])


def _with_model(settings: Settings | None, model: str | None) -> Settings | None:
    if model is None:
        return settings
    from dataclasses import replace

    return replace(settings or Settings(), model=model)
