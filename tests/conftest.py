"""Shared fixtures: an engine lexicon independent of the bundled one, and paths to shared data."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Tests (and the commands they start) never write into the user's real cache: one temporary
# lexicon cache for the whole session, set before taalcheck is imported.
_CACHE = tempfile.TemporaryDirectory(prefix="taalcheck-test-cache-")
os.environ["TAALCHECK_CACHE_DIR"] = _CACHE.name
os.environ["XDG_CACHE_HOME"] = _CACHE.name

from taalcheck.documents import document_from_text  # noqa: E402 - after the cache folder is set
from taalcheck.lexicon import load_lexicon  # noqa: E402
from taalcheck.matching.engine import Checker  # noqa: E402
from taalcheck.model import FileResult, Finding, Severity  # noqa: E402
from taalcheck.settings import Settings  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_file(*parts: str) -> Path:
    """A file from ../shared/, or a visible skip when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"gedeelde data ontbreekt: {path}")
    return path


@pytest.fixture(scope="session")
def engine_lexicon():
    return load_lexicon(
        (FIXTURES / "engine-lexicon.yaml", FIXTURES / "trust-lexicon.yaml"), include_bundled=False
    )


@pytest.fixture(scope="session")
def engine(engine_lexicon) -> Checker:
    return Checker(engine_lexicon, Settings(model="blank"))


@pytest.fixture
def check(engine):
    def run(text: str) -> FileResult:
        return engine.check_document(document_from_text(text))

    return run


def make_finding(
    document,
    rule: str,
    *parts: str,
    severity: Severity = Severity.WARNING,
    principle: str = "vertrouwen",
    message: str | None = None,
    suggestions: tuple[str, ...] = ("samen afspraken maken",),
    **extra: object,
) -> Finding:
    """A finding whose spans are the first occurrences of `parts` in the document, in order."""
    spans = []
    position = 0
    for part in parts:
        start = document.text.index(part, position)
        spans.append((start, start + len(part)))
        position = start + len(part)
    start, end = spans[0][0], spans[-1][1]
    line, column = document.line_column(start)
    end_line, end_column = document.line_column(end)
    return Finding(
        rule=rule,
        severity=severity,
        principle=principle,
        start=start,
        end=end,
        spans=tuple(spans),
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        text=document.text[start:end],
        message=message if message is not None else f"'{document.text[start:end]}' kan anders.",
        suggestions=suggestions,
        **extra,  # type: ignore[arg-type]
    )


def run_cli(capsys, *arguments: str) -> tuple[int, str, str]:
    """Run the command line in this process (the Dutch pipeline and lists load once)."""
    import sys

    from taalcheck import cli

    old_argv = sys.argv
    sys.argv = ["taalcheck", *arguments]
    try:
        with pytest.raises(SystemExit) as done:
            cli.main()
    finally:
        sys.argv = old_argv
    captured = capsys.readouterr()
    return done.value.code, captured.out, captured.err


#: Tests that load the de-identification lists into this process (about 200 MB): they run last, so a
#: subprocess started by another test does not inherit this process's peak memory figure.
_LARGE_LAST = ("test_anonymise.py", "test_trainer_web.py")


def pytest_collection_modifyitems(items: list) -> None:
    items.sort(key=lambda item: item.path.name in _LARGE_LAST)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A private cache folder for this test, with caching switched on (it replaces pytest's own
    `cache` fixture, which these tests do not use)."""
    monkeypatch.delenv("TAALCHECK_NO_CACHE", raising=False)
    monkeypatch.setenv("TAALCHECK_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"
