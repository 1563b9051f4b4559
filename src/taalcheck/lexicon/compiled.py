"""A lexicon compiled for matching: parsed patterns and the candidate index over their keys."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

import ahocorasick

from taalcheck.language.normalize import fold
from taalcheck.lexicon.model import Entry
from taalcheck.lexicon.morphology import nominal_forms
from taalcheck.lexicon.patterns import Pattern, parse_pattern


@dataclass(frozen=True)
class CompiledPattern:
    index: int
    entry: Entry
    pattern: Pattern
    exclude: frozenset[str]


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
    def _index(
        self,
    ) -> tuple[ahocorasick.Automaton | None, list[tuple[tuple[int, int], ...]], list[int], list[str]]:
        """The automaton (value: key number), each key's (pattern, anchor bit) targets, full masks, keys."""
        targets_by_key: dict[str, set[tuple[int, int]]] = {}
        full_masks = []
        for compiled in self.patterns:
            anchors = compiled.pattern.anchor_keys
            full_masks.append((1 << len(anchors)) - 1)
            for anchor_index, anchor in enumerate(anchors):
                for key in anchor:
                    targets_by_key.setdefault(key, set()).add((compiled.index, 1 << anchor_index))
        if not targets_by_key:
            return None, [], full_masks, []
        automaton = ahocorasick.Automaton()
        targets = []
        for number, (key, key_targets) in enumerate(sorted(targets_by_key.items())):
            automaton.add_word(key, number)
            targets.append(tuple(sorted(key_targets)))
        automaton.make_automaton()
        return automaton, targets, full_masks, sorted(targets_by_key)

    def prepare(self) -> None:
        """Build the candidate index now (before caching the compiled lexicon)."""
        _ = self._index

    def has_candidates(self, squeezed: str) -> bool:
        """Cheap test: does any key occur at all?"""
        automaton = self._index[0]
        if automaton is None:
            return False
        for _ in automaton.iter(squeezed):
            return True
        return False

    def candidates(self, squeezed: str) -> list[CompiledPattern]:
        """Patterns all of whose anchor words have a key in `squeezed`."""
        automaton, targets, full_masks, _ = self._index
        if automaton is None:
            return []
        found: dict[int, int] = {}
        get = found.get
        for number in {number for _, number in automaton.iter(squeezed)}:
            for pattern_index, bit in targets[number]:
                found[pattern_index] = get(pattern_index, 0) | bit
        patterns = self.patterns
        return [patterns[index] for index in sorted(found) if found[index] == full_masks[index]]

    @property
    def key_automaton(self) -> tuple[ahocorasick.Automaton | None, list[str]]:
        """The automaton over every pattern key (value: the key's number) and the keys by number."""
        automaton, _, _, keys = self._index
        return automaton, keys

    def control_ids(self) -> list[str]:
        return [entry.id for entry in self.entries.values() if entry.kind == "control"]
