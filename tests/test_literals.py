"""Literal prefilters: read from the pattern, and never skip a passage where the pattern matches."""

from __future__ import annotations

import re

from conftest import shared_file
from taalcheck.api import make_checker
from taalcheck.language.literals import (
    LiteralScan,
    gate,
    lowered_for_literals,
    may_match,
    possible,
    required_literals,
)
from taalcheck.language.text import iter_blocks, iter_sentences
from taalcheck.lexicon.context_rules import LazyPattern
from taalcheck.settings import Settings


def test_literals_are_read_from_the_pattern():
    assert required_literals(r"\bkindgesprek\b", re.IGNORECASE) == {"kindgesprek"}
    assert required_literals(r"\b(?:zegt|zei)\s+vader\b", re.IGNORECASE) == {"vader"}
    assert required_literals(r"\b(?:zegt|zei)\s+(?:\w+\s+){0,3}", re.IGNORECASE) == {"zegt", "zei"}
    assert required_literals(r"\bgesprek met (?-i:[A-Z][a-z]+)", re.IGNORECASE) == {"gesprek met "}
    assert required_literals(r"\bkrachten?\b", re.IGNORECASE) == {"krachte", "krachten"}
    assert required_literals(r"(?i)\bLIRIK\b") == {"lirik"}


def test_nothing_is_promised_where_the_pattern_does_not_require_it():
    assert required_literals(r"(?:ab|\w+)", re.IGNORECASE) is None  # a branch without literals
    assert required_literals(r"(?:stem)?van", re.IGNORECASE) == {
        "stemvan",
        "van",
    }  # with and without the optional part
    assert required_literals(r"\bLIRIK\b") is None  # case-sensitive: lowered text says nothing
    assert required_literals(r"(?-i:Noa) zegt", re.IGNORECASE) == {" zegt"}
    assert gate((re.compile(r"\w+", re.IGNORECASE),)) is None
    assert may_match((re.compile("zegt", re.IGNORECASE),), "Vader ZEGT het")
    assert not may_match((re.compile("zegt", re.IGNORECASE),), "Vader zei het")
    assert not may_match((re.compile("zegt", re.IGNORECASE),), "Vader zeǥt het")  # 'ǥ' is not 'g'
    assert may_match((re.compile("zegt", re.IGNORECASE),), "Vader zégt het, ZEGT")
    # 'ſ' matches 's' case-insensitively but does not lower to it: no verdict there
    assert re.search("zes", "zeſ", re.IGNORECASE) and may_match((re.compile("zes", re.IGNORECASE),), "zeſ")


def test_a_literal_absent_from_the_lowered_text_cannot_match_it():
    """What makes the literal test exact on text that is not ASCII: an ASCII character of a
    case-insensitive pattern matches only characters that lower to its own lower case, apart from
    the letters `lowered_for_literals` refuses; and lowering keeps the length of the text."""
    characters = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for code in range(128):
        letter = chr(code)
        found = re.compile(re.escape(letter), re.IGNORECASE).findall(characters)
        odd = {c for c in found if c.lower() != letter.lower()}
        assert odd <= {"\u0130", "\u0131", "\u017f"}, (letter, odd)
        assert all(lowered_for_literals(c) is None for c in odd)
    plain = characters.replace("\u0130", "").replace("\u0131", "").replace("\u017f", "")
    assert len(lowered_for_literals(plain)) == len(plain)


def test_no_context_cue_is_skipped_in_a_sentence_or_paragraph_where_it_matches():
    rules = make_checker(Settings(model="blank")).context_rules
    cues = {
        cue
        for rule in rules
        for name in ("cues", "levers", "names", "after", "speech_cues")
        for cue in getattr(rule, name, ()) or ()
        if isinstance(cue, (re.Pattern, LazyPattern))
    }
    assert sum(gate((cue,)) is not None for cue in cues) >= 0.9 * len(cues)
    folder = shared_file("domain", "real-dev")
    skipped = 0
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for block in iter_blocks(text, 0, len(text)):
            passages = [block, *iter_sentences(text, *block)]
            for start, end in passages:
                piece = text[start:end]
                for cue in cues:
                    if not may_match((cue,), piece):
                        skipped += 1
                        assert cue.search(piece) is None, (cue.pattern, piece)
    assert skipped > 10_000


def test_one_scan_of_a_sentence_says_what_possible_says_for_it_and_its_parts():
    rules = make_checker(Settings(model="blank")).context_rules
    tuples = [
        patterns
        for rule in rules
        for name in ("cues", "levers", "after", "speech_cues")
        if (patterns := getattr(rule, name, None))
    ]
    sentences = [
        "Volgens vader weigert moeder de omgang; de rechter legt een ondertoezichtstelling op.",
        "De gezinsvoogd zegt: ‘wij dwingen niets af’, aldus de jeugdbeschermer van het GI.",
        "İk zeſ het niet, zei de moeder (artikel 1:255 BW) over de drang.",
        "",
    ]
    for sentence in sentences:
        scan = LiteralScan(sentence)
        cuts = sorted({0, len(sentence), *range(0, len(sentence), 7)})
        for patterns in tuples:
            assert scan.possible(patterns) == possible(patterns, sentence)
            for start in cuts:
                for end in cuts:
                    assert scan.possible(patterns, start, end) == possible(patterns, sentence[start:end])
