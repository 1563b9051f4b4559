"""Matching compiled patterns in one sentence: adjacent groups, free order, split verbs."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from taalcheck.language.text import Token, clause_ids
from taalcheck.language.wordlists import dutch_words
from taalcheck.lexicon.compiled import CompiledPattern, WordIndex
from taalcheck.lexicon.patterns import Word
from taalcheck.matching.index import WordPositions
from taalcheck.matching.words import word_matches

#: Largest distance (in tokens) between the first and last part of a free-order match.
MAX_SPAN = 15
_PARTICLE_FOLLOWERS = dutch_words().particle_followers


@dataclass(frozen=True)
class Occurrence:
    """Tokens realising one group of a pattern, plus split-verb pairs to verify."""

    tokens: tuple[int, ...]
    checks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class RawMatch:
    """A pattern found in a sentence, before context rules."""

    compiled: CompiledPattern
    tokens: tuple[int, ...]
    spans: tuple[tuple[int, int], ...]
    #: (verb token, particle token) pairs whose particle reading needs confirming.
    checks: tuple[tuple[int, int], ...] = ()


class _LazyClauses:
    """The clause ids of a sentence, computed when a split verb or a free-order pattern needs them."""

    __slots__ = ("_ids", "_source", "_tokens")

    def __init__(self, tokens: list[Token], source: Callable[[], list[int]] | None = None) -> None:
        self._tokens = tokens
        self._source = source
        self._ids: list[int] | None = None

    def __call__(self) -> list[int]:
        if self._ids is None:
            self._ids = self._source() if self._source is not None else clause_ids(self._tokens)
        return self._ids


def _group_occurrences(
    group: tuple[Word, ...],
    compiled: CompiledPattern,
    text: str,
    tokens: list[Token],
    clauses: _LazyClauses,
    allowed: list[set[int]] | None,
) -> list[Occurrence]:
    """Every realisation of `group`, in order of its first token.

    `allowed[k]`: the positions where word `k` may be realised (from the word index); a position
    outside it gives no match there, so it is not tried. None: try every position (the reference).
    """
    found: list[Occurrence] = []
    last = len(group) - 1
    compound = compiled.entry.compound
    head_allowed = compound in ("both", "head")
    first_allowed = compound in ("both", "first")
    size = len(tokens)
    starts = range(size) if allowed is None else sorted(allowed[0])
    exclude = compiled.exclude
    steps = [
        (
            word,
            head_allowed and position == 0,
            first_allowed and position == last,
            None if allowed is None else allowed[position],
        )
        for position, word in enumerate(group)
    ]
    for start in starts:
        partial: list[tuple[int, tuple[int, ...]]] = [(start, ())]
        for word, head_ok, first_ok, where in steps:
            extended = []
            for index, used in partial:
                if index >= size or (where is not None and index not in where):
                    continue
                for match in word_matches(word, text, tokens, index, head_ok, first_ok, exclude):
                    extended.append((match.last + 1, used + tuple(range(match.first, match.last + 1))))
            partial = extended
            if not partial:
                break
        found.extend(Occurrence(tuple(i for i in used if tokens[i].is_word)) for _, used in partial)
        if last == 0 and group[0].particle:
            found.extend(_split_verbs(group[0], tokens, clauses, start))
    return found


def _split_verbs(word: Word, tokens: list[Token], lazy: _LazyClauses, index: int) -> list[Occurrence]:
    """'legt ... op': a finite form with its particle later in the same clause."""
    if not tokens[index].is_word or tokens[index].norm not in word.split_forms:
        return []
    clauses = lazy()
    return [
        Occurrence((index, particle), ((index, particle),))
        for particle in range(index + 1, min(len(tokens), index + MAX_SPAN))
        if clauses[particle] == clauses[index] and tokens[particle].norm == word.particle
    ]


def particle_looks_separated(tokens: list[Token], clauses: list[int], particle: int) -> bool:
    """Without a parser: a separated particle ends its clause or precedes a verb, conjunction or preposition."""
    following = particle + 1
    if following >= len(tokens) or not tokens[following].is_word:
        return True
    if clauses[following] != clauses[particle]:
        return True
    return tokens[following].norm in _PARTICLE_FOLLOWERS


def _spans(tokens: list[Token], indices: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
    spans: list[list[int]] = []
    previous = None
    for index in sorted(indices):
        if (previous is not None and index == previous + 1) or (
            previous is not None
            and all(not tokens[i].is_word for i in range(previous + 1, index))
            and (index - previous <= 2)
        ):
            spans[-1][1] = tokens[index].end
        else:
            spans.append([tokens[index].start, tokens[index].end])
        previous = index
    return tuple((start, end) for start, end in spans)


def match_sentence(
    patterns: list[CompiledPattern],
    text: str,
    tokens: list[Token],
    everywhere: bool = False,
    word_index: WordIndex | None = None,
    clauses: Callable[[], list[int]] | None = None,
) -> list[RawMatch]:
    """All raw matches of `patterns` among `tokens` (one sentence of `text`).

    `everywhere` tries every word at every token position (the reference path). Otherwise the
    lexicon's `word_index` gives where each word may be realised in this sentence; a pattern is
    only tried from there, and not at all when one of its words occurs nowhere.
    Without a word index every position is tried. `clauses` gives the sentence's clause ids
    (the caller's, computed once); it is only called when a split verb or free-order pattern needs them.
    """
    if not tokens or not patterns:
        return []
    lazy = _LazyClauses(tokens, clauses)
    positions = None if everywhere or word_index is None else WordPositions(word_index, tokens)
    matches: list[RawMatch] = []
    for compiled in patterns:
        allowed = None
        if positions is not None:
            allowed = _allowed(positions, word_index.groups[compiled.index])  # type: ignore[union-attr]
            if allowed is None:
                continue
        per_group = []
        for number, group in enumerate(compiled.pattern.groups):
            where = None if allowed is None else allowed[number]
            occurrences = _group_occurrences(group, compiled, text, tokens, lazy, where)
            if not occurrences:
                break
            per_group.append(occurrences)
        else:
            matches.extend(_combined(compiled, per_group, tokens, lazy))
    return matches


def _allowed(positions: WordPositions, groups: tuple[tuple[int, ...], ...]) -> list[list[set[int]]] | None:
    """For each group, where each of its words may be realised; None when a word occurs nowhere."""
    allowed = []
    for numbers in groups:
        group = []
        for word in numbers:
            where = positions.get(word)
            if where is None:
                return None
            group.append(where)
        allowed.append(group)
    return allowed


def _combined(
    compiled: CompiledPattern, per_group: list[list[Occurrence]], tokens: list[Token], lazy: _LazyClauses
) -> list[RawMatch]:
    """Non-overlapping matches from one occurrence per group, tightest first."""
    if len(per_group) == 1 and len(per_group[0]) == 1:  # the common case: one occurrence
        (occurrence,) = per_group[0]
        used = tuple(sorted(occurrence.tokens))
        return [RawMatch(compiled, used, _spans(tokens, used), occurrence.checks)]
    if len(per_group) == 1:
        combos = [(occurrence,) for occurrence in per_group[0]]
        combos.sort(key=lambda combo: (_width(combo), min(combo[0].tokens)))
    else:
        clauses = lazy()
        ranked = sorted(
            (combo for combo in _nearby_combinations(per_group) if _compatible(combo[1], clauses)),
            key=lambda combo: (_width(combo[1]), min(min(o.tokens) for o in combo[1]), combo[0]),
        )
        combos = [combo for _, combo in ranked]
    matches: list[RawMatch] = []
    taken: set[int] = set()
    for combo in combos:
        used = tuple(sorted(i for occurrence in combo for i in occurrence.tokens))
        if taken.intersection(used):
            continue
        taken.update(used)
        checks = tuple(check for occurrence in combo for check in occurrence.checks)
        matches.append(RawMatch(compiled, used, _spans(tokens, used), checks))
    return matches


def _nearby_combinations(
    per_group: list[list[Occurrence]],
) -> Iterator[tuple[tuple[int, ...], tuple[Occurrence, ...]]]:
    """One occurrence per group, all within `MAX_SPAN` tokens of each other, with their list positions.

    Only occurrences that start near the ones already chosen are tried, so a sentence with many
    occurrences costs time in proportion to them, not to the product of their numbers. The
    positions give the order `itertools.product` would have (used to break ties the same way).
    """
    groups = [sorted(enumerate(group), key=lambda item: min(item[1].tokens)) for group in per_group]
    starts = [[min(occurrence.tokens) for _, occurrence in group] for group in groups]

    def extend(
        depth: int, chosen: list[tuple[int, Occurrence]], low: int, high: int
    ) -> Iterator[tuple[tuple[int, ...], tuple[Occurrence, ...]]]:
        if depth == len(groups):
            yield tuple(i for i, _ in chosen), tuple(o for _, o in chosen)
            return
        group, group_starts = groups[depth], starts[depth]
        for position in range(bisect_left(group_starts, high - MAX_SPAN), len(group)):
            start = group_starts[position]
            if start > low + MAX_SPAN:
                break
            item = group[position]
            new_low, new_high = min(low, start), max(high, max(item[1].tokens))
            if new_high - new_low <= MAX_SPAN:
                chosen.append(item)
                yield from extend(depth + 1, chosen, new_low, new_high)
                chosen.pop()

    for item in groups[0]:
        yield from extend(1, [item], min(item[1].tokens), max(item[1].tokens))


def _width(combo: tuple[Occurrence, ...]) -> int:
    indices = [i for occurrence in combo for i in occurrence.tokens]
    return max(indices) - min(indices)


def _compatible(combo: tuple[Occurrence, ...], clauses: list[int]) -> bool:
    indices = [i for occurrence in combo for i in occurrence.tokens]
    if len(set(indices)) != len(indices) or max(indices) - min(indices) > MAX_SPAN:
        return False
    return len({clauses[i] for i in indices}) == 1
