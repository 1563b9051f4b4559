"""The checklist equals a plain reference: every cue tried in every tagged sentence, no literal gates.

The reference keeps the checklist's rules (a sentence is read for an item only when it holds one of
the item's trigger words; a cue needs its entities and words; an anchored cue is tried at its
entity's places) but none of its shortcuts: no literal gate, the entity places of every sentence,
and a plain scan for the tags. Texts: the real domain texts, the user-trial reports, generated
text, and that text with accents and curly quotes (the gate reads such sentences lowered too).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from functools import lru_cache

import pytest

from conftest import REPO, shared_file
from taalcheck.matching import coverage
from taalcheck.matching.coverage import find_coverage, load_coverage_rules
from taalcheck.model import CoverageItem


def _reference_tags(automaton, text: str, sentences: Sequence[tuple[int, int]]):
    tags: dict[int, set[str]] = {}
    places: dict[int, dict[str, list[int]]] = {}
    starts = [start for start, _ in sentences]
    ends = [end for _, end in sentences]
    import bisect

    for offset, lowered in coverage.scan_pieces(text, automaton):
        for end, (length, found, *_) in automaton.iter(lowered):
            start = end - length + 1
            if start > 0 and lowered[start - 1].isalpha():
                continue
            start += offset
            index = bisect.bisect_right(ends, start)
            if index == len(sentences) or start < starts[index]:
                continue
            tags.setdefault(index, set()).update(found)
            for tag in sorted(found):
                if tag[0] == "{":
                    places.setdefault(index, {}).setdefault(tag, []).append(start)
    return tags, places


def reference_coverage(rules, text: str, sentences: Sequence[tuple[int, int]]) -> list[CoverageItem]:
    names, adults = coverage.introduced_names(rules, text)
    known, grown = frozenset(names), frozenset(adults)
    patterns = coverage._compiled(rules)
    tags, places = _reference_tags(coverage._automaton(rules, tuple(names), tuple(adults)), text, sentences)
    items = []
    for item in rules.items:
        cues, *groups = patterns[item.key]
        matched: dict[int, re.Match[str] | None] = {}
        for index in sorted(tags):
            found = tags[index]
            if item.key not in found:
                continue
            start, end = sentences[index]
            for cue in cues:
                if not cue.entities <= found or (cue.words and not cue.words & found):
                    continue
                match = coverage._cue_match(cue, text, start, end, places.get(index, {}), known, grown)
                if match:
                    matched[index] = match
                    break
            else:
                if groups and all(group.search(text, start, end) for group in groups):
                    matched[index] = None
        passages = tuple(sentences[index] for index in sorted(matched))
        question = note = None
        if not passages:
            question = coverage._question(item.question, names)
        elif item.key == "verhaal-ouders":
            voiced = [match for match in matched.values() if match is not None]
            note, question = coverage._parents_note(rules, item, text, voiced, names, adults)
        items.append(CoverageItem(item.key, item.label, item.principle, passages, question, note))
    return items


_CURLY = str.maketrans({'"': "\u201d", "'": "\u2019"})
_ACCENTS = str.maketrans({"e": "\u00e9", "a": "\u00e1", "o": "\u00f6"})


def _non_ascii(text: str) -> str:
    """Curly quotes everywhere; in every third sentence-ish line also accents."""
    parts = re.split(r"(?<=[.!?])\s+", text.translate(_CURLY))
    return " ".join(
        part.translate(_ACCENTS) if number % 3 == 0 else part for number, part in enumerate(parts)
    )


@lru_cache(maxsize=1)
def _generated() -> str:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from diverse import generate
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    from taalcheck.api import make_checker

    return generate(40_000, make_checker(), seed=3)


def _texts() -> list[tuple[str, str]]:
    texts = []
    real = shared_file("domain", "real-dev")
    texts.extend((path.name, path.read_text(encoding="utf-8")) for path in sorted(real.glob("*.txt")))
    trial = shared_file("domain", "user-trial")
    texts.append(("raadsrapport-omgang.md", (trial / "raadsrapport-omgang.md").read_text(encoding="utf-8")))
    docx = trial / "verslag-ots-noa.docx"
    if docx.exists():
        from taalcheck.api import read_bytes

        texts.append((docx.name, read_bytes(docx.read_bytes(), docx.name).text))
    return texts


def _all_texts() -> list[tuple[str, str]]:
    texts = _texts()
    generated = _generated()
    texts.append(("generated", generated))
    texts.append(("generated, non-ASCII", _non_ascii(generated)))
    texts.extend((name + ", non-ASCII", _non_ascii(text)) for name, text in _texts())
    return texts


def _both(text: str) -> tuple[list[CoverageItem], list[CoverageItem]]:
    rules = load_coverage_rules()
    sentences = coverage._sentences(text, [(0, len(text))])
    return find_coverage(rules, text, [(0, len(text))], sentences), reference_coverage(rules, text, sentences)


def test_the_checklist_equals_the_plain_reference_on_real_and_generated_text():
    texts = _all_texts()
    assert any(not text.isascii() for _, text in texts)
    shown = 0
    for name, text in texts:
        found, expected = _both(text)
        assert found == expected, name
        shown += sum(len(item.passages) for item in found)
    assert shown > 100  # the texts do show the items: the comparison is not between empty lists


def test_the_reference_catches_a_gate_that_skips_a_sentence(monkeypatch):
    """A gate that wrongly says 'no literals here' changes the checklist, and the test above would see it."""
    masks = coverage._literal_masks(load_coverage_rules())

    class Blind(coverage._LiteralMasks):
        def present(self, lowered: str) -> int:
            return 0  # as if no ASCII sentence held any cue literal

    broken = Blind(masks.automaton, masks.masks, masks.groups)
    monkeypatch.setattr(coverage, "_literal_masks", lambda rules: broken)
    assert any(_both(text)[0] != _both(text)[1] for _, text in _all_texts())


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Geen zin.",
        "Sem (11 jaar) zegt dat hij wil \u201cvoetballen\u201d.",
        "Sem (11 jaar) ZEGT dat hij wil voetballen. Moeder vertelt dat zij zich zorgen maakt.",
        # Letters that match an ASCII letter case-insensitively without lowering to it.
        "Sem (11 jaar) zegt: \u0130k wil voetballen. Sem vertelt dat hij het ſpannend vindt.",
        "Moeder vertelt dat zij het \u212aind mist. Vader zegt dat hij het niet weet.",
    ],
)
def test_small_texts_equal_the_reference(text):
    found, expected = _both(text)
    assert found == expected
