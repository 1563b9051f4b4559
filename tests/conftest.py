"""Shared fixtures: an engine lexicon independent of the bundled one, and paths to shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

from taalcheck.checker import Checker
from taalcheck.documents import document_from_text
from taalcheck.lexicon import load_lexicon
from taalcheck.model import FileResult
from taalcheck.settings import Settings

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
