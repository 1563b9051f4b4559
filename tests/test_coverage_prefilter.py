"""The checklist's shortcuts skip only work that cannot find anything (same items, same passages)."""

from __future__ import annotations

import re

import yaml

from conftest import FIXTURES, shared_file
from taalcheck.language.normalize import fold
from taalcheck.matching import coverage
from taalcheck.matching.coverage import find_coverage, load_coverage_rules

REPORTS = yaml.safe_load((FIXTURES / "coverage-reports.yaml").read_text(encoding="utf-8"))["reports"]


def _sentences_of(text: str) -> list[tuple[int, int]]:
    return coverage._sentences(text, [(0, len(text))])


def _texts() -> list[str]:
    texts = [report["text"] for report in REPORTS]
    folder = shared_file("domain", "real-dev")
    texts.extend(path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt")))
    return texts


def test_a_cue_without_its_literals_in_a_sentence_never_matches_there():
    cues = [cue for parts in coverage._compiled(load_coverage_rules()).values() for cue in parts[0]]
    assert sum(cue.literal_gate is not None for cue in cues) >= len(cues) - 2
    skipped = 0
    for text in _texts():
        for start, end in _sentences_of(text):
            if not text[start:end].isascii():
                continue
            for cue in cues:
                if coverage._lacks_literals(cue, text[start:end].lower()):
                    skipped += 1
                    assert cue.pattern.compiled.search(text, start, end) is None, text[start:end]
    assert skipped > 1000  # the shortcut is taken, not just harmless


def test_parents_named_in_the_text_are_found_as_the_folded_words_are():
    text = "MOEDER en vader-zijn; Mevrouw zegt: pleegmóeder, moeders, de heer. Kees en Zoë."
    wanted = frozenset(
        {"moeder", "vader", "mevrouw", "pleegmoeder", "kees", "zoe", "heer", "meneer", "de heer"}
    )
    expected = {fold(word) for word in re.findall(r"\w+", text)} & wanted
    assert coverage._words_present(text, wanted) == expected
    assert expected == {"moeder", "vader", "mevrouw", "pleegmoeder", "kees", "zoe", "heer"}


def test_the_checklist_is_the_same_without_the_literal_shortcut(monkeypatch):
    rules = load_coverage_rules()
    texts = _texts()
    fast = [find_coverage(rules, text, [(0, len(text))], _sentences_of(text)) for text in texts]
    monkeypatch.setattr(coverage, "_lacks_literals", lambda *args: False)
    assert [find_coverage(rules, text, [(0, len(text))]) for text in texts] == fast
    assert any(item.present for items in fast for item in items)
