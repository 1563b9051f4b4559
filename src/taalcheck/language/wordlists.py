"""Dutch word knowledge as data (`language/data/dutch.yaml`), loaded once and validated.

Function words, abbreviations, subordinators, particles, prefixes, derivation and adjective
endings, strong verbs: the grammar taalcheck relies on, in one file a linguist can read and
correct without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from taalcheck.errors import LexiconError
from taalcheck.yamlfile import YamlProblem, dutch_type, read_yaml

DATA = Path(__file__).resolve().parent / "data" / "dutch.yaml"

_LISTS = (
    "function_words",
    "r_pronouns",
    "abbreviations",
    "subordinators",
    "subordinating_phrases",
    "subject_pronouns",
    "particle_followers",
    "inseparable_prefixes",
    "separable_particles",
    "ambiguous_particles",
    "adjective_endings",
    "unstressed_endings",
    "derivation_endings",
)
_TABLES = ("strong_verbs", "irregular_present", "short_infinitives")


@dataclass(frozen=True)
class DutchWords:
    function_words: frozenset[str]
    r_pronouns: tuple[str, ...]
    abbreviations: frozenset[str]
    subordinators: frozenset[str]
    #: Several words that open a subordinate clause together ('voor het geval').
    subordinating_phrases: tuple[tuple[str, ...], ...]
    subject_pronouns: frozenset[str]
    particle_followers: frozenset[str]
    inseparable_prefixes: tuple[str, ...]
    separable_particles: frozenset[str]
    ambiguous_particles: frozenset[str]
    adjective_endings: tuple[str, ...]
    unstressed_endings: tuple[str, ...]
    derivation_endings: tuple[str, ...]
    #: infinitive -> (past singular, past plural, participle)
    strong_verbs: dict[str, tuple[str, str, str]]
    irregular_present: dict[str, tuple[str, ...]]
    short_infinitives: dict[str, str]


def _word(value: Any, path: str, key: str) -> str:
    if not isinstance(value, str) or not value or value != value.strip().lower():
        shown = repr(value) if isinstance(value, str) else dutch_type(value)
        raise LexiconError(path, f"verwacht een woord in kleine letters, niet {shown}", key=key)
    return value


def _words(value: Any, path: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise LexiconError(
            path, f"verwacht een (niet-lege) lijst met woorden, niet {dutch_type(value)}", key=key
        )
    words = tuple(_word(item, path, key) for item in value)
    doubles = sorted({word for word in words if words.count(word) > 1})
    if doubles:
        raise LexiconError(path, f"staat dubbel in de lijst: {', '.join(doubles)}", key=key)
    return words


def _table(value: Any, path: str, key: str) -> dict[str, Any]:
    if not isinstance(value, dict) or not value:
        raise LexiconError(path, f"verwacht een (niet-lege) tabel, niet {dutch_type(value)}", key=key)
    return {_word(name, path, key): item for name, item in value.items()}


def parse_words(data: Any, path: str) -> DutchWords:
    """Validate the data of a word-list file; a `LexiconError` names file, key and problem."""
    if not isinstance(data, dict):
        raise LexiconError(path, f"verwacht een tabel met woordlijsten, niet {dutch_type(data)}")
    unknown = sorted(str(key) for key in set(data) - set(_LISTS) - set(_TABLES))
    if unknown:
        raise LexiconError(path, "onbekende sleutel", key=unknown[0])
    for key in (*_LISTS, *_TABLES):
        if key not in data:
            raise LexiconError(path, "ontbreekt", key=key)
    lists = {key: _words(data[key], path, key) for key in _LISTS}
    strong: dict[str, tuple[str, str, str]] = {}
    for verb, forms in _table(data["strong_verbs"], path, "strong_verbs").items():
        where = f"strong_verbs.{verb}"
        if not isinstance(forms, list) or len(forms) != 3:
            raise LexiconError(
                path, "verwacht [verleden tijd enkelvoud, meervoud, voltooid deelwoord]", key=where
            )
        past_singular, past_plural, participle = (_word(form, path, where) for form in forms)
        strong[verb] = (past_singular, past_plural, participle)
    present = {
        verb: _words(forms, path, f"irregular_present.{verb}")
        for verb, forms in _table(data["irregular_present"], path, "irregular_present").items()
    }
    short = {
        verb: _word(stem, path, f"short_infinitives.{verb}")
        for verb, stem in _table(data["short_infinitives"], path, "short_infinitives").items()
    }
    return DutchWords(
        function_words=frozenset(lists["function_words"]),
        r_pronouns=lists["r_pronouns"],
        abbreviations=frozenset(lists["abbreviations"]),
        subordinators=frozenset(lists["subordinators"]),
        subordinating_phrases=tuple(tuple(phrase.split()) for phrase in lists["subordinating_phrases"]),
        subject_pronouns=frozenset(lists["subject_pronouns"]),
        particle_followers=frozenset(lists["particle_followers"]),
        inseparable_prefixes=lists["inseparable_prefixes"],
        separable_particles=frozenset(lists["separable_particles"]),
        ambiguous_particles=frozenset(lists["ambiguous_particles"]),
        adjective_endings=lists["adjective_endings"],
        unstressed_endings=lists["unstressed_endings"],
        derivation_endings=lists["derivation_endings"],
        strong_verbs=strong,
        irregular_present=present,
        short_infinitives=short,
    )


@cache
def dutch_words(path: Path = DATA) -> DutchWords:
    """The word lists, read and validated once per process."""
    try:
        data = read_yaml(path, cache=True)
    except YamlProblem as problem:
        raise LexiconError(str(path), str(problem)) from None
    return parse_words(data, str(path))
