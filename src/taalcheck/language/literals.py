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
    text of an ASCII passage, where that test is exact.

    Read from the parsed pattern: runs of literal characters and alternations of them (across
    zero-width assertions such as `\\b`), a group, a repeat of at least once. Case-sensitive parts
    and non-ASCII literals count as unknown (they say nothing exact about lowered ASCII text).
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
    if test is None or not passage.isascii():
        return True
    return test.found_in(passage.lower())


def possible(patterns: tuple[re.Pattern[str], ...], passage: str) -> tuple[re.Pattern[str], ...]:
    """The `patterns` that may match in `passage`: those whose literals it holds, or with none known."""
    if not patterns or not passage.isascii():
        return patterns
    return possible_lowered(patterns, passage.lower())


def lowered_ascii(passage: str) -> str | None:
    """The lowered passage the literal tests read, or None when it is not ASCII (no test is exact)."""
    return passage.lower() if passage.isascii() else None


def possible_lowered(
    patterns: tuple[re.Pattern[str], ...], lowered: str | None
) -> tuple[re.Pattern[str], ...]:
    """`possible` on a passage lowered once by `lowered_ascii` (None: not ASCII, every pattern may match)."""
    if not patterns or lowered is None:
        return patterns
    union = gate(patterns)
    if union is not None and not union.found_in(lowered):
        return ()
    if len(patterns) == 1:
        return patterns
    return still_possible(patterns, lowered)


def still_possible(patterns: tuple[re.Pattern[str], ...], lowered: str | None) -> tuple[re.Pattern[str], ...]:
    """Of `patterns`, those whose own literals the lowered passage holds (None: not ASCII, all of them).

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
