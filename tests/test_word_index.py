"""The word index (where each pattern word can be realised) never hides a match the matcher would find.

The fast matcher only tries a pattern word at the tokens the lexicon's word index points to. These
tests realise every pattern word of the bundled lexicon in every form it can take (inflections,
split finite forms, compounds, words written in two or three pieces, 'op te leggen', split verbs)
and compare the fast matcher with the matcher that tries every token position, on the same
candidate patterns. A form, compound, joined word or split verb that the index missed would make
the two differ.
"""

from __future__ import annotations

import random
from functools import cache

import pytest

from taalcheck.language.normalize import squeeze
from taalcheck.language.text import ascii_words, tokenize
from taalcheck.lexicon import load_lexicon
from taalcheck.lexicon.compiled import (
    WORD_OR_JOINED,
    CompiledLexicon,
    CompiledPattern,
    word_conditions,
)
from taalcheck.lexicon.patterns import NOMINAL, Word
from taalcheck.matching.index import WordPositions
from taalcheck.matching.matcher import match_sentence


@cache
def compiled() -> CompiledLexicon:
    return load_lexicon().compiled


def raw(text: str, everywhere: bool) -> list[tuple]:
    """The raw matches in `text` (one sentence): fast, or at every position.

    Fast: the sentence's candidates (its letters and its words) with the word index. The reference
    tries every position of every pattern whose anchor keys the letters hold (`candidates`, which
    leaves out the word conditions), so a word condition that hides a match makes the two differ.
    """
    lexicon = compiled()
    tokens = tokenize(text, 0, len(text))
    if everywhere:
        patterns, index = lexicon.candidates(squeeze(text)), None
    else:
        patterns, index = (
            lexicon.sentence_candidates(squeeze(text), lambda: words(tokens)),
            lexicon.word_index,
        )
    found = match_sentence(patterns, text, tokens, everywhere, index)
    return sorted((m.compiled.index, m.tokens, m.spans, m.checks) for m in found)


def words(tokens: list) -> list[str]:
    """The folded words of a sentence, as the engine gives them to `sentence_candidates`."""
    return [token.norm for token in tokens if token.is_word]


def assert_same(texts: list[str]) -> int:
    """Fast and exhaustive matching agree on every text; returns how many texts had a match."""
    assert texts
    matched = 0
    for text in texts:
        reference = raw(text, everywhere=True)
        assert raw(text, everywhere=False) == reference, text
        matched += bool(reference)
    return matched


def plain(word: Word) -> str:
    return word.base if word.base in word.forms else min(word.forms)


def words_with_patterns() -> list[tuple[Word, CompiledPattern, int, int]]:
    """Each distinct pattern word once: (word, a pattern holding it, its group, its place there)."""
    seen: dict[str, tuple[Word, CompiledPattern, int, int]] = {}
    for pattern in compiled().patterns:
        for number, group in enumerate(pattern.pattern.groups):
            for place, word in enumerate(group):
                seen.setdefault(word.text, (word, pattern, number, place))
    return list(seen.values())


def realise(pattern: CompiledPattern, replace: dict[tuple[int, int], str]) -> str:
    """A sentence with the pattern's groups next to each other, its words plain unless replaced."""
    groups = pattern.pattern.groups
    parts = [
        " ".join(replace.get((number, place), plain(word)) for place, word in enumerate(group))
        for number, group in enumerate(groups)
    ]
    return f"Gisteren zagen wij {' '.join(parts)} bij het gezin."


def test_every_form_of_every_pattern_word():
    texts = [
        realise(pattern, {(number, place): form})
        for word, pattern, number, place in words_with_patterns()
        for form in sorted(word.forms | word.split_forms)
    ]
    # Nearly every sentence realises its pattern (some forms need a context the sentence lacks).
    assert assert_same(texts) > 0.9 * len(texts)


def test_every_pattern_in_its_plain_form():
    patterns = compiled().patterns
    assert assert_same([realise(pattern, {}) for pattern in patterns]) > 0.95 * len(patterns)


def test_compounds_with_the_term_first_last_and_in_the_middle():
    texts = []
    for word, pattern, number, place in words_with_patterns():
        if word.kind not in NOMINAL:
            continue
        for form in sorted(word.forms)[:3]:
            for compound in (f"kinder{form}", f"{form}splan", f"{word.base}enbeleid", f"gezins{form}s"):
                texts.append(realise(pattern, {(number, place): compound}))
    assert assert_same(texts) > 0.5 * len(texts)


@pytest.mark.parametrize("gap", [" - ", " ", "-\n", "\u00ad \u2011 "])
def test_words_written_in_pieces(gap):
    texts = []
    for word, pattern, number, place in words_with_patterns():
        if (word.kind not in NOMINAL and word.kind != "x") or len(word.base) < 4:
            continue
        for form in sorted(word.forms)[:3]:
            middle = len(form) // 2
            texts.append(realise(pattern, {(number, place): form[:middle] + gap + form[middle:]}))
            if len(form) >= 6:  # three pieces
                third = len(form) // 3
                pieces = gap.join((form[:third], form[third : 2 * third], form[2 * third :]))
                texts.append(realise(pattern, {(number, place): pieces}))
    assert assert_same(texts) > 0.5 * len(texts)


def test_split_verbs_and_particle_with_te():
    texts = []
    for word, pattern, number, _place in words_with_patterns():
        if not word.particle:
            continue
        others = [
            " ".join(plain(other) for other in group)
            for group_number, group in enumerate(pattern.pattern.groups)
            if group_number != number
        ]
        for finite in sorted(word.split_forms):
            texts.append(f"Daarna {finite} de gezinsvoogd {' '.join(others)} {word.particle}.")
            texts.append(f"Daarna {finite} {' '.join(others)} {word.particle} en gaat weg.")
        texts.append(f"Zij besloot {' '.join(others)} {word.particle} te {word.infinitive}.")
    assert assert_same(texts) > 0.5 * len(texts)


def test_examples_of_every_entry_sentence_by_sentence():
    texts = [
        sentence
        for entry in compiled().entries.values()
        for sentence in (*entry.examples.flag, *entry.examples.ok)
    ]
    assert assert_same(texts) > 0.5 * len(texts)


@pytest.mark.parametrize(
    ("text", "word", "position"),
    [
        ("Wij werken risico - gestuurde zaken af.", "risicogestuurd:a", 2),
        ("Wij werken risico gestuurd.", "risicogestuurd:a", 2),
        ("Er lopen kinderbeschermingsmaatregelen.", "beschermingsmaatregel", 2),
        ("Daarna legt de gezinsvoogd een sanctie op.", "op|leggen:v", 1),
        ("Zij besloot sancties op te leggen.", "op|leggen:v", 3),
    ],
)
def test_positions_of_a_word(text, word, position):
    index = compiled().word_index
    numbers = {candidate.text: number for number, candidate in enumerate(index.words)}
    assert word in numbers
    positions = WordPositions(index, tokenize(text, 0, len(text))).get(numbers[word])
    assert positions is not None and position in positions


def test_a_word_that_occurs_nowhere_has_no_positions():
    index = compiled().word_index
    number = next(n for n, word in enumerate(index.words) if word.text == "vechtscheiding")
    text = "De ouders spraken rustig met de school."
    assert WordPositions(index, tokenize(text, 0, len(text))).get(number) is None


def test_the_word_index_travels_in_the_lexicon_cache(tmp_path, monkeypatch):
    from taalcheck import lexicon as lexicon_module

    monkeypatch.delenv("TAALCHECK_NO_CACHE", raising=False)
    monkeypatch.setenv("TAALCHECK_CACHE_DIR", str(tmp_path / "cache"))
    # The cache key covers the code that compiles the index, so a changed index is compiled anew.
    assert any(path.name == "compiled.py" for path in lexicon_module._compiler_inputs())
    load_lexicon()  # compiles and writes the cache
    cached = load_lexicon()
    assert list((tmp_path / "cache").rglob("*.pickle"))
    assert "word_index" in vars(cached.compiled)  # built before pickling, not on first use
    assert cached.compiled.word_index.groups == compiled().word_index.groups
    assert "_index" in vars(cached.compiled)  # the candidate index and its word conditions too
    assert cached.compiled._index.word_masks == compiled()._index.word_masks
    assert cached.compiled._index.word_numbers == compiled()._index.word_numbers
    assert cached.compiled._index.join_heads == compiled()._index.join_heads


def _candidates_by_definition(squeezed: str) -> list[int]:
    return [
        pattern.index
        for pattern in compiled().patterns
        if all(any(key in squeezed for key in anchor) for anchor in pattern.pattern.anchor_keys)
    ]


def test_candidates_are_the_patterns_with_every_anchor_present():
    lexicon = compiled()
    sentences = [s for e in lexicon.entries.values() for s in (*e.examples.flag, *e.examples.ok)]
    rng = random.Random(12)
    mixes = [" ".join(rng.sample(sentences, 3)) for _ in range(300)]
    texts = [*sentences, *mixes, *(realise(pattern, {}) for pattern in lexicon.patterns), "", "xyz"]
    for text in texts:
        squeezed = squeeze(text)
        assert [p.index for p in lexicon.candidates(squeezed)] == _candidates_by_definition(squeezed), text


def test_a_word_that_folds_to_nothing_starts_a_joined_word():
    # 'ʼ' (a letter apostrophe) is a word that folds to nothing, and 'ʼ kind' joins to 'kind':
    # the group 'in het belang van het kind' goes on from the 'ʼ'.
    text = "Wij handelen in het belang van het \u02bc kind."
    reference = raw(text, everywhere=True)
    assert reference and raw(text, everywhere=False) == reference


def _sentence_candidates_by_definition(text: str) -> list[int]:
    squeezed, folded = squeeze(text), words(tokenize(text, 0, len(text)))
    present = set(folded)
    for size in (2, 3):
        present.update("".join(folded[at : at + size]) for at in range(len(folded) - size + 1))
    found = []
    for pattern in compiled().patterns:
        anchors = all(any(key in squeezed for key in anchor) for anchor in pattern.pattern.anchor_keys)
        conditions = all(
            forms & (present if kind == WORD_OR_JOINED else set(folded))
            for kind, forms in word_conditions(pattern)
        )
        if anchors and conditions:
            found.append(pattern.index)
    return found


def test_sentence_candidates_are_the_patterns_with_every_anchor_and_word_condition_met():
    lexicon = compiled()
    sentences = [s for e in lexicon.entries.values() for s in (*e.examples.flag, *e.examples.ok)]
    rng = random.Random(13)
    mixes = [" ".join(rng.sample(sentences, 3)) for _ in range(300)]
    texts = [*sentences, *mixes, *(realise(pattern, {}) for pattern in lexicon.patterns), "", "xyz"]
    for text in texts:
        tokens = tokenize(text, 0, len(text))
        found = [
            p.index for p in lexicon.sentence_candidates(squeeze(text), lambda tokens=tokens: words(tokens))
        ]
        assert found == _sentence_candidates_by_definition(text), text


def _is_candidate(text: str, source: str) -> tuple[bool, bool]:
    """(by the letters only, by the letters and the words) for the pattern written `source`."""
    lexicon = compiled()
    (index,) = [p.index for p in lexicon.patterns if p.pattern.source == source]
    by_letters = index in [p.index for p in lexicon.candidates(squeeze(text))]
    tokens = tokenize(text, 0, len(text))
    by_words = index in [
        p.index for p in lexicon.sentence_candidates(squeeze(text), lambda tokens=tokens: words(tokens))
    ]
    return by_letters, by_words


@pytest.mark.parametrize(
    ("text", "source", "candidate"),
    [
        # A verb form inside a longer word is no verb: no candidate.
        ("Wij waren samen sprakeloos.", "samen af|spreken:v", False),
        ("Wij maakten samen een afsprakenlijst.", "samen af|spreken:v", False),
        ("Wij spraken samen af met de school.", "samen af|spreken:v", True),
        ("Wij hebben samen afgesproken.", "samen af|spreken:v", True),
        ("Zij besloten samen af te spreken.", "samen af|spreken:v", True),
        # A split finite form needs its particle as a word ('af' inside 'afval' is none).
        ("Wij spreken samen over het afval.", "samen af|spreken:v", False),
        # An exact word inside longer words ('complexe', 'examen') is not that word.
        ("Zij gaf zijn complexe examen een uitleg.", "zijn_ex", False),
        ("Zij sprak met zijn ex.", "zijn_ex", True),
        ("Zij sprak met zijn e - x.", "zijn_ex", True),  # written in pieces
        ("Zij ge ven aan dat het goed gaat.", "geven:x aan dat", True),
        # A noun in the middle of a group cannot be part of a compound there ...
        ("Wij handelen in het kinderbelang van het gezin.", "in_het_belang_van_het_kind", False),
        ("Wij handelen in het belang van het kind.", "in_het_belang_van_het_kind", True),
        # ... as the first word or the last it can.
        ("Wij horen de kinderstem van het kind.", "stem_van_het_kind", True),
        ("Wij horen de stem van het kindje.", "stem_van_het_kind", True),
        ("Wij horen de stem van het kinderkoor.", "stem_van_het_kind", True),
    ],
)
def test_word_conditions_of_a_candidate(text, source, candidate):
    by_letters, by_words = _is_candidate(text, source)
    assert by_letters  # the letters alone always let these through
    assert by_words == candidate


def _word_norms(text: str) -> list[str]:
    return [token.norm for token in tokenize(text, 0, len(text)) if token.is_word]


@pytest.mark.parametrize(
    "text",
    [
        "Wij spraken samen af.",
        "risico's, niet-meewerkende ex--vriend ex-19 jaren'90 a'b1 MDA++ a_b `x`ab -ex ex- 'ex ex'",
        "Covid19 12ex\tex12\n3E-4 (13) x-y-z x--y o'neill ''a",
        "",
        "...",
    ],
)
def test_the_words_of_an_ascii_sentence_are_its_folded_word_tokens(text):
    assert ascii_words(text) == _word_norms(text)


def test_the_words_of_any_ascii_text_are_its_folded_word_tokens():
    rng = random.Random(14)
    alphabet = "aBz09 -'`_.,;!?()\"\n\t" + "ex" * 4
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert ascii_words(text) == _word_norms(text), repr(text)


def test_a_sentence_that_is_not_ascii_is_left_to_the_tokenizer():
    assert ascii_words("Geëscaleerd") is None
    assert ascii_words("risico’s") is None
