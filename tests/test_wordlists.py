"""The Dutch word lists are data: loaded once, validated, and used by the stages."""

from __future__ import annotations

import pytest

from taalcheck.errors import LexiconError
from taalcheck.language.wordlists import DATA, dutch_words, parse_words
from taalcheck.yamlfile import read_yaml


def test_the_bundled_lists_load_once_and_hold_what_the_stages_need():
    words = dutch_words()
    assert words is dutch_words()
    assert {"de", "het", "een"} <= words.function_words
    assert {"dhr", "bijv", "o.a"} <= words.abbreviations
    assert {"omdat", "terwijl"} <= words.subordinators
    assert words.strong_verbs["dwingen"] == ("dwong", "dwongen", "gedwongen")
    assert {"op", "toe", "af"} <= words.separable_particles
    assert not words.separable_particles & words.ambiguous_particles
    assert set(words.inseparable_prefixes) == {"be", "ge", "her", "er", "ont", "ver"}


def test_the_stages_use_the_same_prefix_set():
    from taalcheck.lexicon import morphology
    from taalcheck.matching import words

    assert set(morphology._UNSTRESSED_PREFIXES) == set(words._VERBAL_PREFIXES)


def test_abbreviations_from_the_data_keep_sentences_together():
    from taalcheck.language.text import iter_sentences

    text = "Dhr. Jansen komt bijv. morgen. Hij belt."
    assert len(list(iter_sentences(text, 0, len(text)))) == 2


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.pop("subordinators"), "veld 'subordinators': ontbreekt"),
        (lambda d: d.update(extra=["x"]), "veld 'extra': onbekende sleutel"),
        (lambda d: d.update(function_words="de"), "veld 'function_words': verwacht een (niet-lege) lijst"),
        (lambda d: d["function_words"].append("De"), "verwacht een woord in kleine letters, niet 'De'"),
        (lambda d: d["function_words"].append("de"), "staat dubbel in de lijst: de"),
        (lambda d: d["strong_verbs"].update(lopen=["liep"]), "veld 'strong_verbs.lopen': verwacht [verleden"),
        (lambda d: d["abbreviations"].append(3), "niet een getal"),
    ],
)
def test_mistakes_in_the_lists_are_named(change, expected):
    data = read_yaml(DATA)
    change(data)
    with pytest.raises(LexiconError) as caught:
        parse_words(data, "dutch.yaml")
    assert str(caught.value).startswith("dutch.yaml") and expected in str(caught.value)
