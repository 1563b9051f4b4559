"""Scans of a long text piece by piece find what a scan of the whole lower-case text finds."""

from __future__ import annotations

import itertools

import ahocorasick
import pytest
import yaml

from conftest import FIXTURES, shared_file
from taalcheck.language import pieces
from taalcheck.language.normalize import lower_keeping_offsets
from taalcheck.language.pieces import lowered_pieces, piece_bounds, scan_pieces
from taalcheck.matching import coverage
from taalcheck.matching.agency import decision_words, load_agency_rules
from taalcheck.matching.coverage import find_coverage, introduced_names, load_coverage_rules

REPORTS = yaml.safe_load((FIXTURES / "coverage-reports.yaml").read_text(encoding="utf-8"))["reports"]


def _texts() -> list[str]:
    texts = [report["text"] for report in REPORTS]
    folder = shared_file("domain", "real-dev")
    texts.extend(path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt")))
    return texts


@pytest.mark.parametrize(
    "text",
    [
        "De moeder zegt:\nwij besloten samen.  " * 30,
        "x" * 100 + " kort\n" + "y" * 50,  # a stretch longer than a piece without a space
        "eenwoord" * 40,
        "",
        " \n \n",
    ],
)
def test_pieces_cover_the_text_and_end_after_a_space_or_line_break(monkeypatch, text):
    monkeypatch.setattr(pieces, "PIECE", 16)
    bounds = list(piece_bounds(text))
    assert "".join(text[start:end] for start, end in bounds) == text
    assert all(end > start for start, end in bounds)
    assert all(before[1] == after[0] for before, after in itertools.pairwise(bounds))
    for _, end in bounds[:-1]:
        assert text[end - 1] in " \n"
    lowered = list(lowered_pieces(text))
    assert [offset for offset, _ in lowered] == [start for start, _ in bounds]
    assert "".join(piece for _, piece in lowered) == lower_keeping_offsets(text)


def test_a_key_with_a_space_scans_the_whole_text_at_once(monkeypatch):
    monkeypatch.setattr(pieces, "PIECE", 8)
    text = "Het kind zegt dat het kind slaapt. " * 10
    automaton = ahocorasick.Automaton()
    automaton.add_word("kind", 1)
    automaton.make_automaton()
    assert len(list(scan_pieces(text, automaton))) > 10
    automaton.add_word("het kind", 2)
    automaton.make_automaton()
    assert list(scan_pieces(text, automaton)) == [(0, text.lower())]


@pytest.fixture
def small_pieces(monkeypatch):
    """Pieces of a few characters, so every text here is scanned in many pieces."""

    def use(size: int) -> None:
        monkeypatch.setattr(pieces, "PIECE", size)

    return use


def test_decisions_and_the_checklist_are_the_same_in_small_pieces(small_pieces):
    agency, rules = load_agency_rules(), load_coverage_rules()
    texts = _texts()

    def outcome(text: str) -> tuple[object, ...]:
        segments = [(0, len(text))]
        return (
            decision_words(agency, text),
            introduced_names(rules, text),
            coverage._words_present(text, frozenset(["moeder", "vader", "kees", "zoe"])),
            find_coverage(rules, text, segments),
        )

    small_pieces(1 << 30)
    whole = [outcome(text) for text in texts]
    assert any(found[0] for found in whole) and any(found[1][0] for found in whole)
    assert any(item.present for found in whole for item in found[3])
    for size in (5, 37, 200):
        small_pieces(size)
        assert [outcome(text) for text in texts] == whole, size
