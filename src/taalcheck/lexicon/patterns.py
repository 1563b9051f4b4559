"""The pattern language of lexicon entries, parsed into words with their generated forms.

`sanctie op|leggen:v` -> two groups: the noun 'sanctie' (any inflection) and the separable verb
'opleggen' (closed, split or 'op te leggen'). See lexicon/README.md for the notation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from taalcheck.datacache import compile_regex
from taalcheck.language.normalize import fold
from taalcheck.language.wordlists import dutch_words
from taalcheck.lexicon.morphology import (
    adjective_forms,
    finite_forms,
    noun_forms,
    separable_forms,
    verb_forms,
    word_class,
)

#: Words that are matched exactly even without `:x` (function words).
FUNCTION_WORDS = dutch_words().function_words
R_PRONOUNS = dutch_words().r_pronouns
#: Kinds of nominal words: inflected, and allowed inside compounds (kinder|beschermingsmaatregel|en).
NOMINAL = ("n", "a")
_WORD = compile_regex(r"^(?:([a-zà-ÿ]+)\|)?([\w'’-]+)(?::([naxvr]))?$", re.IGNORECASE)


class PatternError(ValueError):
    """A pattern string does not follow the notation."""


@dataclass(frozen=True, eq=False)
class Word:
    """One word of a pattern with every form it may take (folded)."""

    text: str
    #: "n" noun, "a" adjective, "x" exact, "v" verb, "r" preposition or er/hier/daar/waar + preposition
    kind: str
    forms: frozenset[str]
    base: str
    particle: str | None = None
    infinitive: str | None = None
    #: Finite forms that may stand apart from the particle (separable verbs only).
    split_forms: frozenset[str] = frozenset()

    @property
    def is_anchor(self) -> bool:
        """Content words must be present for the pattern to match (used by the prefilter)."""
        return (
            self.kind in NOMINAL
            or self.kind == "v"
            or (self.kind == "x" and len(self.base) >= 2 and self.base not in FUNCTION_WORDS)
        )

    @cached_property
    def keys(self) -> frozenset[str]:
        """Minimal substrings: every form this word can take contains one of them."""
        return minimal_keys(self.forms | self.split_forms)


@dataclass(frozen=True)
class Pattern:
    """Groups of adjacent words; free order within a clause when the pattern holds a verb."""

    source: str
    groups: tuple[tuple[Word, ...], ...]
    free_order: bool

    @property
    def anchor_keys(self) -> tuple[frozenset[str], ...]:
        """Key sets that must all occur (squeezed) where the pattern matches.

        One per content word, plus the particle of a separable verb (every form of 'opleggen',
        closed, split or 'op te leggen', contains 'op'; particles under three letters are left out
        because they occur nearly everywhere).
        """
        words = [word for group in self.groups for word in group]
        required = [word.keys for word in words if word.is_anchor]
        required += [
            frozenset({word.particle}) for word in words if word.particle and len(word.particle) >= 3
        ]
        return tuple(required or [word.keys for word in words])


def minimal_keys(forms: frozenset[str]) -> frozenset[str]:
    kept: list[str] = []
    for form in sorted(forms, key=len):
        if not any(key in form for key in kept):
            kept.append(form)
    return frozenset(kept)


def _word(token: str) -> Word:
    match = _WORD.match(token)
    if not match:
        raise PatternError(f"'{token}' is geen geldig woord")
    particle, text, kind = match.group(1), match.group(2), (match.group(3) or "").lower()
    base = fold(text)
    if not base:
        raise PatternError(f"'{token}' bevat geen letters")
    if particle and kind != "v":
        raise PatternError(f"'{token}': een partikel met '|' kan alleen bij een werkwoord (:v)")
    if not kind:
        kind = "x" if len(base) <= 3 or base in FUNCTION_WORDS else word_class(base)
    if kind == "v":
        if not base.endswith("n"):
            raise PatternError(f"'{token}': schrijf een werkwoord als hele infinitief (op -en of -n)")
        if particle:
            prefix = fold(particle)
            return Word(
                text=token,
                kind=kind,
                forms=separable_forms(prefix, base),
                base=prefix + base,
                particle=prefix,
                infinitive=base,
                split_forms=finite_forms(base),
            )
        return Word(text=token, kind=kind, forms=verb_forms(base), base=base, infinitive=base)
    if kind == "n":
        return Word(text=token, kind=kind, forms=noun_forms(base), base=base)
    if kind == "a":
        return Word(text=token, kind=kind, forms=adjective_forms(base), base=base)
    if kind == "r":
        return Word(
            text=token, kind=kind, forms=frozenset({base, *(r + base for r in R_PRONOUNS)}), base=base
        )
    return Word(text=token, kind=kind, forms=frozenset({base}), base=base)


@lru_cache(maxsize=2048)
def parse_pattern(source: str) -> Pattern:
    """Parse a pattern string; raises `PatternError` with a Dutch explanation."""
    parts = source.split()
    if not parts:
        raise PatternError("leeg patroon")
    groups = tuple(tuple(_word(token) for token in part.split("_") if token) for part in parts)
    if any(not group for group in groups):
        raise PatternError("losse '_' zonder woord")
    free_order = any(word.kind == "v" for group in groups for word in group)
    if not free_order:
        groups = (tuple(word for group in groups for word in group),)
    return Pattern(source=source, groups=groups, free_order=free_order)
