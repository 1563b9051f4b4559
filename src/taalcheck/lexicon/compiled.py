"""A lexicon compiled for matching: parsed patterns, the candidate index over their keys, and the word index.

The candidate index works on a passage: which patterns could occur there. `candidates` reads the
squeezed passage only (letters, no word boundaries); `sentence_candidates` also reads a sentence's
folded words, for the pattern words that can only be realised as whole words or joined words.
The word index (`word_index`) works on a sentence's tokens: at which token each pattern word can be
realised (an exact form, joined tokens, a compound, a split verb), so the matcher only tries those.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
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


#: How a pattern word shows in a passage when the matcher realises it (see `word_conditions`).
WHOLE_WORD = "word"
WORD_OR_JOINED = "joined"


def word_conditions(compiled: CompiledPattern) -> list[tuple[str, frozenset[str]]]:
    """What the passage's folded words must hold for the matcher to be able to realise `compiled`.

    One condition per pattern word that cannot hide inside a longer word (as `matching/words.py`
    matches words), each a set of forms one of which must be there:

    * verbs and prepositions (`WHOLE_WORD`): a token is one of the forms or split finite forms;
      a separable verb also needs a closed form or its particle as a token ('legt ... op',
      'op te leggen': the particle, a finite form or the infinitive; 'opgelegd': a closed form);
    * exact words and nouns and adjectives that may not be part of a compound here
      (`WORD_OR_JOINED`): a token, or two or three consecutive words written together, is a form.
      A noun or adjective may be part of a compound as the first word of its group (the head:
      kinder|beschermingsmaatregel) or as the last (the first part: escalatiebeheersing|s|plan),
      when its entry allows it; then it has no condition here (its anchor keys cover it).
    """
    compound = compiled.entry.compound
    head_allowed = compound in ("both", "head")
    first_allowed = compound in ("both", "first")
    conditions: dict[tuple[str, frozenset[str]], None] = {}
    for group in compiled.pattern.groups:
        last = len(group) - 1
        for place, word in enumerate(group):
            if word.kind in NOMINAL:
                if not ((head_allowed and place == 0) or (first_allowed and place == last)):
                    conditions[(WORD_OR_JOINED, word.forms)] = None
            elif word.kind == "x":
                conditions[(WORD_OR_JOINED, word.forms)] = None
            else:
                conditions[(WHOLE_WORD, word.forms | word.split_forms)] = None
                if word.particle:
                    conditions[(WHOLE_WORD, word.forms | {word.particle})] = None
    return list(conditions)


class _CandidateIndex(NamedTuple):
    """The candidate index (see `CompiledLexicon._index`)."""

    automaton: ahocorasick.Automaton | None
    #: Per key number: the bits of the anchors that key belongs to.
    masks: list[int]
    #: The lowest bit of every pattern's run of bits.
    lows: int
    #: Every pattern's guard bit.
    guards: int
    #: Guard bit -> pattern index.
    owners: dict[int, int]
    #: The bits of every word condition (what `candidates` takes as present without the words).
    word_bits: int
    #: The guard bits of the patterns with a word condition.
    worded: int
    #: The bits of each set of word conditions that some word meets.
    word_masks: list[int]
    #: Folded word -> the number of the mask (in `word_masks`) of the conditions it meets as a token.
    word_numbers: dict[str, int]
    #: A form of a `WORD_OR_JOINED` condition -> its mask number (met by words written together).
    joined_numbers: dict[str, int]
    #: Every proper beginning of a form in `joined_numbers` (what words written together start with).
    join_heads: frozenset[str]


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
        """The automaton over every anchor key (value: key number), each key's bits, and the word conditions.

        Pattern `p` owns a run of bits, one per anchor and one per word condition
        (`word_conditions`), and a guard bit above them. A key's mask sets the bits of the anchors
        it belongs to, a word's mask those of the word conditions it meets. For a passage, the
        masks of the keys and words found are or-ed; adding one at the lowest bit of every run
        carries into a pattern's guard bit exactly when all its bits are set (a run of ones), and
        nowhere else.
        """
        targets_by_key: dict[str, set[int]] = {}
        bits_by_condition: dict[tuple[str, frozenset[str]], list[int]] = {}
        offsets = []
        guards: dict[int, int] = {}
        worded = 0
        position = 0
        for compiled in self.patterns:
            anchors = compiled.pattern.anchor_keys
            conditions = word_conditions(compiled)
            offsets.append(position)
            for anchor_index, anchor in enumerate(anchors):
                for key in anchor:
                    targets_by_key.setdefault(key, set()).add(position + anchor_index)
            position += len(anchors)
            for condition_index, condition in enumerate(conditions):
                bits_by_condition.setdefault(condition, []).append(position + condition_index)
            position += len(conditions)
            guards[position] = compiled.index
            if conditions:
                worded |= 1 << position
            position += 1
        if not targets_by_key:
            return _CandidateIndex(None, [], 0, 0, {}, 0, 0, [], {}, {}, frozenset())
        automaton = ahocorasick.Automaton()
        masks = []
        for number, (key, bits) in enumerate(sorted(targets_by_key.items())):
            automaton.add_word(key, number)
            masks.append(sum(1 << bit for bit in bits))
        automaton.make_automaton()
        # Folded word -> the conditions it meets (as a word; written together: WORD_OR_JOINED only).
        meets: dict[str, set[int]] = {}
        joins: dict[str, set[int]] = {}
        condition_masks = []
        for number, ((kind, forms), bits) in enumerate(bits_by_condition.items()):
            condition_masks.append(sum(1 << bit for bit in bits))
            for form in forms:
                meets.setdefault(form, set()).add(number)
                if kind == WORD_OR_JOINED and len(form) > 1:
                    joins.setdefault(form, set()).add(number)
        # One mask per distinct set of conditions, each form pointing to its mask by number: pickle
        # keeps no shared ints, so masks stored per form would be written (and read) once per form.
        numbers_by_set: dict[frozenset[int], int] = {}
        word_masks: list[int] = []

        def mask_number(conditions: set[int]) -> int:
            key = frozenset(conditions)
            if key not in numbers_by_set:
                numbers_by_set[key] = len(word_masks)
                word_masks.append(sum(condition_masks[condition] for condition in key))
            return numbers_by_set[key]

        word_numbers = {form: mask_number(conditions) for form, conditions in meets.items()}
        joined_numbers = {form: mask_number(conditions) for form, conditions in joins.items()}
        word_bits = sum(condition_masks)
        heads = frozenset(form[:cut] for form in joined_numbers for cut in range(1, len(form)))
        lows = sum(1 << offset for offset in offsets)
        return _CandidateIndex(
            automaton,
            masks,
            lows,
            sum(1 << guard for guard in guards),
            guards,
            word_bits,
            worded,
            word_masks,
            word_numbers,
            joined_numbers,
            heads,
        )

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
        """Patterns all of whose anchor words have a key in `squeezed`, in lexicon order.

        The word conditions are taken as met: `sentence_candidates` tests them too.
        """
        present = self._present(squeezed)
        return self._complete(present | self._index.word_bits) if present else []

    def sentence_candidates(self, squeezed: str, words: Callable[[], Sequence[str]]) -> list[CompiledPattern]:
        """The patterns that could match in a sentence, in lexicon order.

        `candidates(squeezed)`, less the patterns with a word condition (`word_conditions`) the
        sentence's words do not meet. `words()` gives the folded words of the sentence in order
        (the norms of its word tokens; a word too many only makes a candidate more); it is only
        called when a candidate has a word condition.
        """
        present = self._present(squeezed)
        if not present:
            return []
        index = self._index
        complete = ((present | index.word_bits) + index.lows) & index.guards
        if complete & index.worded:
            folded = words()
            masks, numbers = index.word_masks, index.word_numbers
            for word in numbers.keys() & folded:
                present |= masks[numbers[word]]
            count = len(folded)
            heads = index.join_heads
            if count > 1 and not heads.isdisjoint(folded):
                joined = index.joined_numbers
                for number in range(count - 1):  # words written together ("risico - gestuurde")
                    head = folded[number]
                    if head in heads:
                        pair = head + folded[number + 1]
                        if pair in joined:
                            present |= masks[joined[pair]]
                        if number + 2 < count and pair in heads:
                            triple = pair + folded[number + 2]
                            if triple in joined:
                                present |= masks[joined[triple]]
            complete = (present + index.lows) & index.guards
        return self._patterns(complete)

    def _present(self, squeezed: str) -> int:
        """The bits of the anchors with a key in `squeezed` (none without keys)."""
        index = self._index
        if index.automaton is None:
            return 0
        masks = index.masks
        present = 0
        for number in {number for _, number in index.automaton.iter(squeezed)}:
            present |= masks[number]
        return present

    def _complete(self, present: int) -> list[CompiledPattern]:
        index = self._index
        return self._patterns((present + index.lows) & index.guards)

    def _patterns(self, complete: int) -> list[CompiledPattern]:
        """The patterns whose guard bits are set in `complete`, in lexicon order."""
        patterns, owners = self.patterns, self._index.owners
        found = []
        while complete:
            lowest = complete & -complete
            found.append(patterns[owners[lowest.bit_length() - 1]])
            complete ^= lowest
        return found

    def control_ids(self) -> list[str]:
        return [entry.id for entry in self.entries.values() if entry.kind == "control"]
