"""Literal strings that every match of a regular expression must contain: a cheap test first.

A pattern such as `\\b(?:zegt|zei)\\s+vader\\b` cannot match a passage without 'vader'. Looking for
such strings (with one search, or `str.find`) before running the pattern skips most of the work
on passages where it cannot match, and never changes what the pattern finds.
"""

from __future__ import annotations

import re
from typing import Any

from taalcheck.datacache import Table, source_of

#: Largest set of literal strings followed through a pattern (alternations multiply them).
_MAX_LITERALS = 256

#: What a piece of pattern says about the text it matches: the exact strings it can match (or
#: None when not a few literal strings), and strings of which every match holds one (or None).
_Reading = tuple[frozenset[str] | None, frozenset[str] | None]


#: What `required_literals` found for the patterns of earlier runs: reading a pattern costs more
#: than matching a page, and the patterns are the lexicon's and the rules' own (never a document's).
_KNOWN = Table("literals", source_of(__file__))


def required_literals(source: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case strings of which every match of `source` contains one, or None when unknown.

    `source` is a pattern of the lexicon, the rules or the configuration, not text of a document:
    what is found is kept in the cache folder for the next run (`taalcheck.datacache.Table`).
    """
    return _KNOWN.get((source, int(flags)), lambda: _read_literals(source, flags))


def _read_literals(source: str, flags: int) -> frozenset[str] | None:
    """`required_literals`, worked out from the pattern.

    Only for case-insensitive patterns (`flags` or inline): the strings are tested on the lowered
    passage (`lowered_for_literals`), where that test is exact.

    Read from the parsed pattern: runs of literal characters and alternations of them (across
    zero-width assertions such as `\\b`), a group, a repeat of at least once. Case-sensitive parts
    and non-ASCII literals count as unknown (they say nothing exact about lowered text).
    """
    try:
        from re import _constants as constants
        from re import _parser as parser

        parsed = parser.parse(source, flags)
    except Exception:  # another Python's internals: no prefilter, the patterns still decide
        return None
    zero_width = (constants.AT, constants.ASSERT, constants.ASSERT_NOT)
    repeats = (constants.MAX_REPEAT, constants.MIN_REPEAT, constants.POSSESSIVE_REPEAT)

    def best(options: list[frozenset[str]]) -> frozenset[str] | None:
        usable = [option for option in options if option and "" not in option]
        return max(usable, key=lambda option: min(map(len, option)), default=None)

    def sequence(items: Any) -> _Reading:
        options: list[frozenset[str]] = []
        current: frozenset[str] | None = frozenset([""])
        all_exact = True
        for op, av in items:
            exact, required = item(op, av)
            if exact is not None and current is not None and len(current) * len(exact) <= _MAX_LITERALS:
                current = frozenset(a + b for a in current for b in exact)
                continue
            if current is not None:
                options.append(current)
            if required is not None:
                options.append(required)
            all_exact = False
            current = exact
        if current is not None:
            options.append(current)
        return (current if all_exact else None), best(options)

    def item(op: Any, av: Any) -> _Reading:
        if op is constants.LITERAL:
            if av >= 128:
                return None, None
            char = frozenset([chr(av).lower()])
            return char, char
        if op in zero_width:
            return frozenset([""]), None
        if op is constants.SUBPATTERN:
            _, _, del_flags, pattern = av
            return (None, None) if del_flags & re.IGNORECASE else sequence(pattern.data)
        if op is constants.BRANCH:
            readings = [sequence(branch.data) for branch in av[1]]
            exacts = [exact for exact, _ in readings]
            requireds = [required if required is not None else exact for exact, required in readings]
            exact = frozenset().union(*exacts) if None not in exacts else None  # type: ignore[arg-type]
            if exact is not None and len(exact) > _MAX_LITERALS:
                exact = None
            if any(required is None or "" in required for required in requireds):
                return exact, None
            return exact, frozenset().union(*requireds)  # type: ignore[arg-type]
        if op in repeats:
            low, high, pattern = av
            exact, required = sequence(pattern.data)
            if low == high == 1:
                return exact, required
            if low == 0 and high == 1 and exact is not None:
                return exact | {""}, None
            return None, (required if low >= 1 else None)
        return None, None

    if not parsed.state.flags & re.IGNORECASE:
        return None
    return sequence(parsed.data)[1]


class Gate:
    """A one-pass test (Aho-Corasick) for whether a lowered text holds any of some literals."""

    def __init__(self, literals: frozenset[str]) -> None:
        import ahocorasick

        self.literals = literals
        self._automaton = ahocorasick.Automaton()
        for literal in literals:
            self._automaton.add_word(literal, None)
        self._automaton.make_automaton()

    def found_in(self, lowered: str) -> bool:
        for _ in self._automaton.iter(lowered):
            return True
        return False


#: Gates by the identity of their pattern tuple (kept alive here, so an id is never reused).
_GATES: dict[int, tuple[tuple[re.Pattern[str], ...], Gate | None]] = {}


def gate(patterns: tuple[re.Pattern[str], ...]) -> Gate | None:
    """The test for the literals one of which any match of any of `patterns` holds, or None."""
    known = _GATES.get(id(patterns))
    if known is not None and known[0] is patterns:
        return known[1]
    found: set[str] | None = set()
    for pattern in patterns:
        literals = required_literals(pattern.pattern, pattern.flags)
        if literals is None:
            found = None
            break
        found |= literals
    result = Gate(frozenset(found)) if found else None
    if len(_GATES) > 4096:
        _GATES.clear()
    _GATES[id(patterns)] = (patterns, result)
    return result


def may_match(patterns: tuple[re.Pattern[str], ...], passage: str) -> bool:
    """False only when none of `patterns` can match in `passage` (its literals are all absent)."""
    test = gate(patterns)
    lowered = lowered_for_literals(passage)
    if test is None or lowered is None:
        return True
    return test.found_in(lowered)


def possible(patterns: tuple[re.Pattern[str], ...], passage: str) -> tuple[re.Pattern[str], ...]:
    """The `patterns` that may match in `passage`: those whose literals it holds, or with none known."""
    if not patterns:
        return patterns
    return possible_lowered(patterns, lowered_for_literals(passage))


#: The letters that match an ASCII letter case-insensitively ('i', 's') but do not lower to it.
_UNLOWERED = ("\u0130", "\u0131", "\u017f")  # İ, dotless ı, long ſ


def lowered_for_literals(passage: str) -> str | None:
    """The lowered passage the literal tests read, or None where a test would not be exact.

    An ASCII letter of a case-insensitive pattern matches a character only where that character
    lowers to the letter's own lower case ('K' and the Kelvin sign to 'k'), except for the three
    letters of `_UNLOWERED`: without them, a literal absent from the lowered passage cannot be
    matched in it. Lowering keeps the length (only 'İ' grows), so offsets hold.
    """
    if passage.isascii():
        return passage.lower()
    if any(letter in passage for letter in _UNLOWERED):
        return None
    return passage.lower()


def possible_lowered(
    patterns: tuple[re.Pattern[str], ...], lowered: str | None
) -> tuple[re.Pattern[str], ...]:
    """`possible` on a passage lowered once by `lowered_for_literals` (None: every pattern may match)."""
    if not patterns or lowered is None:
        return patterns
    union = gate(patterns)
    if union is not None and not union.found_in(lowered):
        return ()
    if len(patterns) == 1:
        return patterns
    return still_possible(patterns, lowered)


def still_possible(patterns: tuple[re.Pattern[str], ...], lowered: str | None) -> tuple[re.Pattern[str], ...]:
    """Of `patterns`, those whose own literals the lowered passage holds (None: all of them).

    For a part of a passage: `still_possible(possible(patterns, passage), part)` is
    `possible(patterns, part)`, since a literal absent from a passage is absent from its parts.
    It tests each pattern on its own and builds no gate for the (new) tuple it is given.
    """
    if not patterns or lowered is None:
        return patterns
    return tuple(
        pattern for pattern in patterns if (own := _single(pattern)) is None or own.found_in(lowered)
    )


def _single(pattern: re.Pattern[str]) -> Gate | None:
    known = _SINGLE.get(id(pattern))
    if known is not None and known[0] is pattern:
        return known[1]
    literals = required_literals(pattern.pattern, pattern.flags)
    result = Gate(literals) if literals else None
    if len(_SINGLE) > 4096:
        _SINGLE.clear()
    _SINGLE[id(pattern)] = (pattern, result)
    return result


_SINGLE: dict[int, tuple[re.Pattern[str], Gate | None]] = {}


class _LiteralIndex:
    """Every literal of the patterns asked about so far, in one automaton, each as one bit.

    The patterns are the rules' own (a fixed set), so the index stops growing after the first
    passages; it never holds text of a document.
    """

    def __init__(self) -> None:
        self.bits: dict[str, int] = {}
        #: By the identity of a pattern (kept alive here): its literals' bits, or None (may always match).
        self.masks: dict[int, tuple[re.Pattern[str], int | None]] = {}
        #: The same for a tuple of patterns (kept alive here), one mask per pattern.
        self.tuples: dict[int, tuple[tuple[re.Pattern[str], ...], tuple[int | None, ...]]] = {}
        self.version = 0
        self._automaton: Any = None

    def mask(self, pattern: re.Pattern[str]) -> int | None:
        known = self.masks.get(id(pattern))
        if known is not None and known[0] is pattern:
            return known[1]
        literals = required_literals(pattern.pattern, pattern.flags)
        mask: int | None = None
        if literals:
            mask = 0
            for literal in literals:
                if literal not in self.bits:
                    self.bits[literal] = 1 << len(self.bits)
                    self._automaton = None
                    self.version += 1
                mask |= self.bits[literal]
        self.masks[id(pattern)] = (pattern, mask)
        return mask

    def masks_of(self, patterns: tuple[re.Pattern[str], ...]) -> tuple[int | None, ...]:
        known = self.tuples.get(id(patterns))
        if known is not None and known[0] is patterns:
            return known[1]
        masks = tuple(self.mask(pattern) for pattern in patterns)
        if len(self.tuples) > 4096:
            self.tuples.clear()
        self.tuples[id(patterns)] = (patterns, masks)
        return masks

    def occurrences(self, lowered: str) -> list[tuple[int, int, int]]:
        """(start, end, bit) of every literal in the lowered text, overlapping ones included."""
        if self._automaton is None:
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for literal, bit in self.bits.items():
                automaton.add_word(literal, (len(literal), bit))
            automaton.make_automaton()
            self._automaton = automaton
        if not self.bits:
            return []
        return [(last + 1 - length, last + 1, bit) for last, (length, bit) in self._automaton.iter(lowered)]


_INDEX = _LiteralIndex()


class LiteralScan:
    """`possible` for one passage and its parts, with one pass over the passage for all patterns.

    `scan.possible(patterns, start, end)` is `possible(patterns, text[start:end])` (offsets into
    `text`): the literals of all patterns are found once, in one automaton, and a pattern may match
    in a part when one of its literals lies wholly inside it.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = lowered_for_literals(text)
        self._version = -1
        self._occurrences: list[tuple[int, int, int]] = []
        self._present: dict[tuple[int, int], int] = {}

    def possible(
        self, patterns: tuple[re.Pattern[str], ...], start: int = 0, end: int | None = None
    ) -> tuple[re.Pattern[str], ...]:
        end = len(self.text) if end is None else end
        if not patterns:
            return patterns
        if self.lowered is None:  # a part without the letters of `_UNLOWERED` is tested on its own
            return possible(patterns, self.text[start:end])
        masks = _INDEX.masks_of(patterns)
        present = self._present_in(start, end)
        return tuple(
            pattern for pattern, mask in zip(patterns, masks, strict=True) if mask is None or mask & present
        )

    def _present_in(self, start: int, end: int) -> int:
        if self._version != _INDEX.version:  # new literals since the last pass: pass again
            self._version = _INDEX.version
            self._occurrences = _INDEX.occurrences(self.lowered or "")
            self._present = {}
        key = (start, end)
        present = self._present.get(key)
        if present is None:
            present = 0
            for first, last, bit in self._occurrences:
                if start <= first and last <= end:
                    present |= bit
            self._present[key] = present
        return present
