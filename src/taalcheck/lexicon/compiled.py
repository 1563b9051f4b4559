"""A lexicon compiled for matching: parsed patterns, the candidate index over their keys, and the word index.

The candidate index (`candidates`) works on a squeezed passage: which patterns could occur there.
The word index (`word_index`) works on a sentence's tokens: at which token each pattern word can be
realised (an exact form, joined tokens, a compound, a split verb), so the matcher only tries those.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

import ahocorasick

from taalcheck.language.normalize import fold
from taalcheck.lexicon.model import Entry
from taalcheck.lexicon.morphology import nominal_forms
from taalcheck.lexicon.patterns import NOMINAL, Pattern, Word, minimal_keys, parse_pattern


@dataclass(frozen=True)
class CompiledPattern:
    index: int
    entry: Entry
    pattern: Pattern
    exclude: frozenset[str]


@dataclass(frozen=True)
class WordIndex:
    """What the matcher needs to find where each pattern word can be realised in a sentence.

    Words are numbered once per distinct pattern word (the same text always gives the same
    word). A token can only realise word `w` (as `matching/words.py` matches it) if

    * its folded form is one of `exact[w]` (the word's forms and split finite forms),
    * it starts two or three joined tokens whose letters are a form (when `joinable[w]`: nouns,
      adjectives and exact words, "risico - gestuurde"),
    * it is the particle of 'op te leggen' (the word's `particle`, followed by 'te'), or
    * it contains one of `compound_keys[w]` (nouns and adjectives: every form and the base of
      the word contain one), as a compound does (kinderbeschermingsmaatregel).

    `groups[pattern index]` gives the word numbers of each group of that pattern.
    """

    words: tuple[Word, ...]
    exact: tuple[frozenset[str], ...]
    joinable: tuple[bool, ...]
    compound_keys: tuple[tuple[str, ...], ...]
    groups: tuple[tuple[tuple[int, ...], ...], ...]


def _word_index(patterns: list[CompiledPattern]) -> WordIndex:
    numbers: dict[str, int] = {}
    words: list[Word] = []
    groups = []
    for compiled in patterns:
        pattern_groups = []
        for group in compiled.pattern.groups:
            group_numbers = []
            for word in group:
                if word.text not in numbers:
                    numbers[word.text] = len(words)
                    words.append(word)
                group_numbers.append(numbers[word.text])
            pattern_groups.append(tuple(group_numbers))
        groups.append(tuple(pattern_groups))
    return WordIndex(
        words=tuple(words),
        exact=tuple(word.forms | word.split_forms for word in words),
        joinable=tuple(word.kind in NOMINAL or word.kind == "x" for word in words),
        compound_keys=tuple(
            tuple(sorted(minimal_keys(word.forms | {word.base}))) if word.kind in NOMINAL else ()
            for word in words
        ),
        groups=tuple(groups),
    )


class _CandidateIndex(NamedTuple):
    """The candidate index (see `CompiledLexicon._index`)."""

    automaton: ahocorasick.Automaton | None
    #: Per key number: the bits of the anchors that key belongs to.
    masks: list[int]
    #: The lowest bit of every pattern's run of anchor bits.
    lows: int
    #: Every pattern's guard bit.
    guards: int
    #: Guard bit -> pattern index.
    owners: dict[int, int]


class CompiledLexicon:
    """All entries (control and trust) with an Aho-Corasick index of pattern keys.

    `candidates(squeezed)` returns the patterns whose every anchor word has a key in the
    squeezed passage: a superset of the patterns that can match there.
    """

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: dict[str, Entry] = {}
        #: The compiled context rules, pickled, when `load_lexicon` keeps them in the cache.
        self.context_pickle: bytes | None = None
        self.patterns: list[CompiledPattern] = []
        for entry in entries:
            self.entries[entry.id] = entry
            exclude = frozenset(form for word in entry.exclude for form in nominal_forms(fold(word)) if form)
            for source in entry.patterns:
                self.patterns.append(
                    CompiledPattern(len(self.patterns), entry, parse_pattern(source), exclude)
                )

    @cached_property
    def _index(self) -> _CandidateIndex:
        """The automaton over every anchor key (value: key number) and each key's anchor bits.

        Pattern `p` owns a run of bits, one per anchor, and a guard bit above them. A key's mask
        sets the bits of the anchors it belongs to. For a passage, the masks of the keys found
        are or-ed; adding one at the lowest bit of every run carries into a pattern's guard bit
        exactly when all its anchors are present (a run of ones), and nowhere else.
        """
        targets_by_key: dict[str, set[tuple[int, int]]] = {}
        offsets = []
        guards: dict[int, int] = {}
        position = 0
        for compiled in self.patterns:
            anchors = compiled.pattern.anchor_keys
            offsets.append(position)
            for anchor_index, anchor in enumerate(anchors):
                for key in anchor:
                    targets_by_key.setdefault(key, set()).add((compiled.index, position + anchor_index))
            position += len(anchors)
            guards[position] = compiled.index
            position += 1
        if not targets_by_key:
            return _CandidateIndex(None, [], 0, 0, {})
        automaton = ahocorasick.Automaton()
        masks = []
        for number, (key, key_targets) in enumerate(sorted(targets_by_key.items())):
            automaton.add_word(key, number)
            masks.append(sum(1 << bit for bit in {bit for _, bit in key_targets}))
        automaton.make_automaton()
        lows = sum(1 << offset for offset in offsets)
        return _CandidateIndex(automaton, masks, lows, sum(1 << guard for guard in guards), guards)

    @cached_property
    def word_index(self) -> WordIndex:
        """Where each pattern word can be realised among a sentence's tokens (see `WordIndex`)."""
        return _word_index(self.patterns)

    def prepare(self) -> None:
        """Build the candidate and word indexes now (before caching the compiled lexicon)."""
        _ = self._index
        _ = self.word_index

    def has_candidates(self, squeezed: str) -> bool:
        """Cheap test: does any key occur at all?"""
        automaton = self._index.automaton
        if automaton is None:
            return False
        for _ in automaton.iter(squeezed):
            return True
        return False

    def candidates(self, squeezed: str) -> list[CompiledPattern]:
        """Patterns all of whose anchor words have a key in `squeezed`, in lexicon order."""
        index = self._index
        if index.automaton is None:
            return []
        masks = index.masks
        present = 0
        for number in {number for _, number in index.automaton.iter(squeezed)}:
            present |= masks[number]
        if not present:
            return []
        complete = (present + index.lows) & index.guards
        patterns, owners = self.patterns, index.owners
        found = []
        while complete:
            lowest = complete & -complete
            found.append(patterns[owners[lowest.bit_length() - 1]])
            complete ^= lowest
        return found

    def control_ids(self) -> list[str]:
        return [entry.id for entry in self.entries.values() if entry.kind == "control"]
