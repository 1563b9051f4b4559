"""What the report holds: the child's own voice, strengths, the parents' story, the history.

A report that follows the principles contains these; their absence is worth a question, not a
verdict. Each item has cues (regular expressions in `data/coverage.yaml`) that are run once over
each text segment; a match marks the sentence it starts in as a passage that shows the item. The
children's names come from the report itself ("Sem (11 jaar)", "Noa de Vries, geboren ..."), so
"Sem zegt" counts as the child's voice and the question can name the child.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from taalcheck.datacache import compile_regex
from taalcheck.language.literals import Gate, lowered_for_literals, required_literals
from taalcheck.language.normalize import fold
from taalcheck.language.pieces import lowered_pieces, scan_pieces
from taalcheck.language.text import iter_blocks, iter_sentences
from taalcheck.model import CoverageItem

DATA = Path(__file__).resolve().parent / "data" / "coverage.yaml"
#: How far from its `near` word a name pattern is tried (characters either side).
_NEAR = 80
_PRONOUNS = (
    "ik",
    "jij",
    "je",
    "u",
    "hij",
    "zij",
    "ze",
    "wij",
    "we",
    "jullie",
    "het",
    "de",
    "een",
    "dit",
    "dat",
)


@dataclass(frozen=True)
class CoverageSpec:
    """One item of `data/coverage.yaml`, its cues not yet filled with the document's names."""

    key: str
    label: str
    principle: str
    question: str
    question_one: str | None
    triggers: tuple[str, ...]
    #: (pattern, words): a cue with words is only tried in sentences that hold one of them.
    cues: tuple[tuple[str, tuple[str, ...]], ...]
    all_of: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class NamePattern:
    """Where a report names a child: `pattern`, tried only around the literal `near`."""

    near: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class CoverageRules:
    names: tuple[NamePattern, ...]
    children: tuple[str, ...]
    parents: tuple[str, ...]
    mother: frozenset[str]
    father: frozenset[str]
    network: tuple[str, ...]
    adverbs: tuple[str, ...]
    items: tuple[CoverageSpec, ...]


@lru_cache(maxsize=2)
def load_coverage_rules(path: Path = DATA) -> CoverageRules:
    """Read the cues (once per process)."""
    from taalcheck.yamlfile import read_yaml

    data = read_yaml(path, cache=True)  # parsed once per installation, not once per run
    items = tuple(
        CoverageSpec(
            key=raw["key"],
            label=raw["label"],
            principle=raw["principle"],
            question=raw["question"],
            question_one=raw.get("question_one"),
            triggers=tuple(raw["triggers"]),
            cues=tuple(
                (cue, ()) if isinstance(cue, str) else (cue["pattern"], tuple(cue["words"]))
                for cue in raw.get("cues", ())
            ),
            all_of=tuple(tuple(group) for group in raw.get("all_of", ())),
        )
        for raw in data["items"]
    )
    return CoverageRules(
        names=tuple(NamePattern(raw["near"], compile_regex(raw["pattern"])) for raw in data["names"]),
        children=tuple(data["children"]),
        parents=tuple(data["parents"]),
        mother=frozenset(data["mother"]),
        father=frozenset(data["father"]),
        network=tuple(data["network"]),
        adverbs=tuple(data["adverbs"]),
        items=items,
    )


def introduced_names(rules: CoverageRules, text: str) -> tuple[list[str], list[str]]:
    """The children's and the adults' first names as the report introduces them, in order.

    A name with an age under 18 ("Sem (11 jaar)"), or introduced as a child ("dochter Noa"), is a
    child's; a name with an age of 18 or more ("Lars (36)") is an adult's, read as a parent.
    """
    excluded = {fold(word) for word in (*rules.parents, *rules.network, *rules.children)}
    children: list[tuple[int, str]] = []
    adults: list[tuple[int, str]] = []
    for name_pattern, matches in zip(rules.names, _name_matches(rules, text), strict=True):
        pattern = name_pattern.pattern
        for match in matches.values():
            name = match.group(1)
            if fold(name) in excluded:
                continue
            adult = pattern.groups >= 2 and bool(match.group(2)) and int(match.group(2)) >= 18
            (adults if adult else children).append((match.start(), name))
    return _ordered(children), [name for name in _ordered(adults) if name not in _ordered(children)]


def _name_matches(rules: CoverageRules, text: str) -> list[dict[int, re.Match[str]]]:
    """Per name pattern, its matches (by start) near each place of its `near` word (case ignored).

    From the first place of the word, then the first place at least `_NEAR` further on, and so on.
    The text is read in lower case piece by piece (`lowered_pieces`): a `near` word without spaces
    never runs from one piece into the next, so the places are those in the whole text.
    """
    patterns = rules.names
    whole = any(" " in name_pattern.near or "\n" in name_pattern.near for name_pattern in patterns)
    found: list[dict[int, re.Match[str]]] = [{} for _ in patterns]
    allowed = [0] * len(patterns)  # where the next place may start
    for offset, lowered in lowered_pieces(text, whole):
        for number, name_pattern in enumerate(patterns):
            near, pattern, matches = name_pattern.near, name_pattern.pattern, found[number]
            place = lowered.find(near, max(0, allowed[number] - offset))
            while place >= 0:
                position = offset + place
                for match in pattern.finditer(text, max(0, position - _NEAR), position + _NEAR):
                    matches.setdefault(match.start(), match)
                allowed[number] = position + _NEAR
                place = lowered.find(near, place + _NEAR)
    return found


def _ordered(found: list[tuple[int, str]]) -> list[str]:
    names: list[str] = []
    for _, name in sorted(found):
        if name not in names:
            names.append(name)
    return names


def child_names(rules: CoverageRules, text: str) -> list[str]:
    """The children's first names as the report introduces them."""
    return introduced_names(rules, text)[0]


def _alternation(words: Iterable[str]) -> str:
    # Longest first; words of one length alphabetically, so each run writes the same pattern (the
    # literals read from it are kept by its text). Two words of one length never match at one place.
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    return "(?:" + "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered) + ")"


#: A capitalised word standing for a name the report introduces; matches are checked afterwards.
_CAPITALISED = r"(?-i:[A-Z][a-zà-ÿ]+)"


@lru_cache(maxsize=4)
def _compiled(rules: CoverageRules) -> dict[str, tuple[Any, ...]]:
    """Per item: its cue patterns, then one tuple per `all_of` group.

    Compiled once: the children's and adults' names of a document are not written into the patterns
    (that would compile them anew for every report); a capitalised word stands in, as a named group
    (`c1` a child's name, `a1` an adult's, `p1` either), which `_names_fit` checks after a match.
    """
    age = r"(?:\s*\(\s*\d{1,2}(?:\s*jaar)?\s*\))?"  # 'Noa (8 jaar) vertelt'
    named = r"(?:\s+(?-i:[A-Z][a-zà-ÿ]+))?"  # 'vader Boris erkent'
    adverb = _alternation(rules.adverbs)
    not_a_name = _alternation((*rules.parents, *rules.network, *_PRONOUNS))
    anyname = rf"(?-i:(?!(?i:{not_a_name})\b)[A-Z][a-zà-ÿ]+)"
    counter = iter(range(1, 10_000))

    def slot(kind: str) -> str:
        return f"(?P<{kind}{next(counter)}>{_CAPITALISED})"

    def fill(pattern: str) -> _Lazy:
        filled = pattern.replace(" ", r"\s+").replace("{adv}", adverb).replace("{anyname}", anyname)
        for placeholder, make in (
            ("{child}", lambda: f"(?:{_alternation(rules.children)}|{slot('c')}){age}"),
            ("{parent}", lambda: f"(?:{_alternation(rules.parents)}|{slot('a')}){named}{age}"),
            (
                "{person}",
                lambda: (
                    f"(?:{_alternation((*rules.parents, *rules.network, *rules.children))}|{slot('p')}){age}"
                ),
            ),
            ("{name}", lambda: slot("c")),
        ):
            while placeholder in filled:
                filled = filled.replace(placeholder, make(), 1)
        return _Lazy(filled)

    return {
        item.key: (
            tuple(_cue(fill(cue), cue, words) for cue, words in item.cues),
            # One search per group: a match of any of its patterns is a match of their alternation.
            *(_Lazy("|".join(f"(?:{fill(c).source})" for c in g)) for g in item.all_of),
        )
        for item in rules.items
    }


@dataclass(frozen=True)
class _LiteralMasks:
    """Every cue literal as one bit of one automaton, and per item one mask per cue (None: no gate).

    One scan of a sentence in lower case gives the bits of the literals it holds; a cue whose mask
    shares no bit with them has none of its literals there (the same test as its `literal_gate`).
    """

    automaton: Any
    masks: dict[str, tuple[int | None, ...]]
    #: The same for the item's `all_of` groups.
    groups: dict[str, tuple[int | None, ...]]

    def present(self, lowered: str) -> int:
        found = 0
        for _, bit in self.automaton.iter(lowered):
            found |= bit
        return found


@lru_cache(maxsize=4)
def _literal_masks(rules: CoverageRules) -> _LiteralMasks:
    import ahocorasick

    bits: dict[str, int] = {}
    masks: dict[str, tuple[int | None, ...]] = {}
    groups: dict[str, tuple[int | None, ...]] = {}

    def mask_of(literals: frozenset[str] | None) -> int | None:
        if not literals:
            return None
        mask = 0
        for literal in literals:
            mask |= bits.setdefault(literal, 1 << len(bits))
        return mask

    for key, (cues, *alls) in _compiled(rules).items():
        masks[key] = tuple(mask_of(cue.literal_gate.literals if cue.literal_gate else None) for cue in cues)
        groups[key] = tuple(mask_of(required_literals(group.source, re.IGNORECASE)) for group in alls)
    automaton = ahocorasick.Automaton()
    for literal, bit in bits.items():
        automaton.add_word(literal, bit)
    if bits:
        automaton.make_automaton()
    return _LiteralMasks(automaton, masks, groups)


def _cue(pattern: _Lazy, cue: str, words: tuple[str, ...]) -> _Cue:
    literals = required_literals(pattern.source, re.IGNORECASE)
    return _Cue(pattern, *_needs(cue, words), literal_gate=Gate(literals) if literals else None)


def _names_fit(match: re.Match[str], names: frozenset[str], adults: frozenset[str]) -> bool:
    """Does every capitalised word the match took as a name belong to the report's names?"""
    for group, value in match.groupdict().items():
        if value is None:
            continue
        allowed = names if group[0] == "c" else adults if group[0] == "a" else names | adults
        if value not in allowed:
            return False
    return True


class _Lazy:
    """A pattern compiled on first use: a short report tries only a few of the cues."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = compile_regex(self.source, re.IGNORECASE)
        return self._compiled

    def search(self, text: str, start: int, end: int) -> re.Match[str] | None:
        return self.compiled.search(text, start, end)


@dataclass(frozen=True)
class _Cue:
    pattern: _Lazy
    #: Entities ('{child}' ...) the cue cannot match without: sentences without them are skipped.
    entities: frozenset[str]
    #: Words of which the sentence needs one (tags '+word'), or none.
    words: frozenset[str]
    #: The entity the pattern starts with: it is only tried where that entity's words start.
    anchor: str | None
    #: A test for the lower-case literals of which every match holds one (`required_literals`), or None.
    literal_gate: Gate | None = None


_ENTITIES = ("{child}", "{parent}", "{person}", "{name}")
_ANCHORED = compile_regex(r"^(?:\(\?<!(?:[^()]|\([^()]*\))*\))*\\b(\{(?:child|parent|person)\})")


def _lacks_literals(cue: _Cue, lowered: str) -> bool:
    """Cheap and exact: the cue cannot match an ASCII sentence that holds none of its literals.

    `lowered` is the sentence in lower case; the caller only asks for sentences that are ASCII.
    """
    if cue.literal_gate is None:
        return False
    return not cue.literal_gate.found_in(lowered)


def _needs(cue: str, words: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str], str | None]:
    anchored = _ANCHORED.match(cue)
    return (
        frozenset(group for group in _ENTITIES if group in cue),
        frozenset("+" + word.lower() for word in words),
        anchored.group(1) if anchored else None,
    )


def _sentences(text: str, segments: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    return [
        sentence
        for start, end in segments
        for block in iter_blocks(text, start, end)
        for sentence in iter_sentences(text, *block)
    ]


@lru_cache(maxsize=64)
def _automaton(rules: CoverageRules, names: tuple[str, ...], adults: tuple[str, ...]) -> Any:
    """One Aho-Corasick automaton for every trigger and every word for a child, parent or person.

    Values are the tags a hit gives its sentence: an item key, or "{child}", "{parent}", "{person}",
    "{name}" for the entities the cues ask for.
    """
    import ahocorasick

    tags: dict[str, set[str]] = {}

    def add(word: str, tag: str) -> None:
        tags.setdefault(word.lower(), set()).add(tag)

    for item in rules.items:
        for trigger in item.triggers:
            add(trigger.split()[0], item.key)
    for item in rules.items:
        for _, cue_words in item.cues:
            for word in cue_words:
                add(word, "+" + word.lower())
    for group, words in (
        ("{child}", (*rules.children, *names)),
        ("{parent}", (*rules.parents, *adults)),
        ("{person}", (*rules.parents, *rules.network, *rules.children, *names, *adults)),
        ("{name}", names),
    ):
        for word in words:
            add(word.split()[-1], group)
    automaton = ahocorasick.Automaton()
    for word, found in tags.items():
        entities = tuple(sorted(tag for tag in found if tag[0] == "{"))
        automaton.add_word(word, (len(word), frozenset(found), entities))
    automaton.make_automaton()
    return automaton


class _Places:
    """Where the entity words ('{child}' ...) of each sentence start: flat arrays, in text order.

    A dict of lists for each sentence of a long text would take more memory than the text itself.
    """

    def __init__(self) -> None:
        self.sentences = array("l")  # the sentence of each place (never decreasing)
        self.starts = array("l")
        self.tags: list[str] = []

    def add(self, sentence: int, start: int, tag: str) -> None:
        self.sentences.append(sentence)
        self.starts.append(start)
        self.tags.append(tag)

    def of(self, sentence: int) -> dict[str, list[int]]:
        """Per entity, where its words start in the sentence (in text order)."""
        places: dict[str, list[int]] = {}
        first = bisect.bisect_left(self.sentences, sentence)
        last = bisect.bisect_right(self.sentences, sentence, first)
        for place in range(first, last):
            places.setdefault(self.tags[place], []).append(self.starts[place])
        return places


def _tags(
    automaton: Any, text: str, sentences: Sequence[tuple[int, int]], starts: list[int]
) -> tuple[dict[int, frozenset[str]], _Places]:
    """Per sentence, the tags of the trigger and entity words that start a word in it, and where.

    Keyed by sentence index, in text order, and only for the sentences with such a word; sentences
    with the same tags share one frozenset (a set for each sentence of a long text would take
    more memory than the text). The text is scanned in lower case piece by piece (`scan_pieces`:
    a piece starts after a space or line break), so the scan never holds a copy of the whole text.
    """
    tags: dict[int, frozenset[str]] = {}
    shared: dict[frozenset[str], frozenset[str]] = {}
    places = _Places()
    index, count = 0, len(sentences)
    current, found_here = -1, set()

    def keep() -> None:
        if found_here:
            frozen = frozenset(found_here)
            tags[current] = shared.setdefault(frozen, frozen)

    # The places' arrays are filled directly (not through `_Places.add`): this loop runs per hit.
    place_sentences, place_starts, place_tags = places.sentences, places.starts, places.tags
    limit = sentences[0][1] if count else 0  # the end of sentence `index`
    for offset, lowered in scan_pieces(text, automaton):
        for end, (length, found, entities) in automaton.iter(lowered):  # hits come in text order
            start = end - length + 1
            if start > 0 and lowered[start - 1].isalpha():
                continue  # inside a word; a trigger is a word start ('vertel' in 'vertelt')
            start += offset
            if limit <= start:
                while index < count and sentences[index][1] <= start:
                    index += 1
                if index == count:
                    keep()
                    return tags, places
                limit = sentences[index][1]
            if start < starts[index]:
                continue  # between sentences
            if index != current:
                keep()
                current, found_here = index, set()
            found_here.update(found)
            for tag in entities:
                place_sentences.append(index)
                place_starts.append(start)
                place_tags.append(tag)
    keep()
    return tags, places


def _cue_match(
    cue: _Cue,
    text: str,
    start: int,
    end: int,
    places: dict[str, list[int]],
    names: frozenset[str],
    adults: frozenset[str],
) -> re.Match[str] | None:
    """The cue's first match in the sentence: at its anchor's words, or anywhere when it has none."""
    if cue.anchor is None:
        return next(
            (m for m in cue.pattern.compiled.finditer(text, start, end) if _names_fit(m, names, adults)), None
        )
    for position in places.get(cue.anchor, ()):
        match = cue.pattern.compiled.match(text, position, end)
        if match and _names_fit(match, names, adults):
            return match
    return None


def _question(template: str, names: list[str], parent: str | None = None) -> str:
    if names:
        kind = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
    else:
        kind = "het kind"
    laat = "laten" if len(names) > 1 else "laat"
    return template.replace("{kind}", kind).replace("{laat}", laat).replace("{ouder}", parent or "")


def find_coverage(
    rules: CoverageRules,
    text: str,
    segments: Iterable[tuple[int, int]],
    sentences: Sequence[tuple[int, int]] | None = None,
) -> list[CoverageItem]:
    """Which of the four items the text holds, with the sentences that show each.

    `sentences` are the sentences of the segments in order, when the caller has them already.
    """
    segments = list(segments)
    if sentences is None:
        sentences = _sentences(text, segments)
    starts = [start for start, _ in sentences]
    names, adults = introduced_names(rules, text)
    patterns = _compiled(rules)
    known, grown = frozenset(names), frozenset(adults)
    tags, places = _tags(_automaton(rules, tuple(names), tuple(adults)), text, sentences, starts)
    literals = _literal_masks(rules)
    #: Per tagged sentence: the bits of the cue literals it holds, or -1 where the test is not
    #: exact (`lowered_for_literals`: a sentence with 'İ', 'ı' or 'ſ'; every cue is tried there).
    present: dict[int, int] = {}
    items = []
    for item in rules.items:
        cues, *groups = patterns[item.key]
        masks, group_masks = literals.masks[item.key], literals.groups[item.key]
        matched: dict[int, re.Match[str] | None] = {}
        for index, found in tags.items():
            if item.key not in found:
                continue
            start, end = sentences[index]
            held = present.get(index)
            if held is None:
                lowered = lowered_for_literals(text[start:end])
                held = present[index] = -1 if lowered is None else literals.present(lowered)
            here = None  # where the sentence's entity words start, found on first need
            for cue, mask in zip(cues, masks, strict=True):
                if not cue.entities <= found or (cue.words and not cue.words & found):
                    continue
                if mask is not None and held >= 0 and not held & mask:
                    continue  # none of the cue's literals in this sentence
                if cue.anchor is not None and here is None:
                    here = places.of(index)
                match = _cue_match(cue, text, start, end, here or {}, known, grown)
                if match:
                    matched[index] = match
                    break
            else:
                if groups and all(
                    (mask is None or held < 0 or held & mask) and group.search(text, start, end)
                    for group, mask in zip(groups, group_masks, strict=True)
                ):
                    matched[index] = None
        passages = tuple(sentences[index] for index in sorted(matched))
        question = note = None
        if not passages:
            question = _question(item.question, names)
        elif item.key == "verhaal-ouders":
            voiced = [match for match in matched.values() if match is not None]
            note, question = _parents_note(rules, item, text, voiced, names, adults)
        items.append(CoverageItem(item.key, item.label, item.principle, passages, question, note))
    return items


def _parents_note(
    rules: CoverageRules,
    item: CoverageSpec,
    text: str,
    matches: list[re.Match[str]],
    names: list[str],
    adults: list[str],
) -> tuple[str | None, str | None]:
    """'alleen moeder' and a question about vader, when only one parent's own view is there.

    The parents are 'moeder' and 'vader', or the two adults the report names ("Lars (36) en Yvette (34)").
    """
    voiced = {fold(word) for match in matches for word in re.findall(r"\w+", match.group())}
    if voiced & {"ouders"}:
        return None, None
    if len(adults) == 2:
        groups = {adult: frozenset([fold(adult)]) for adult in adults}
    else:
        groups = {"moeder": rules.mother, "vader": rules.father}
    heard = [label for label, group in groups.items() if voiced & group]
    if len(heard) != 1:
        return None, None  # both parents heard, or neither: no need to look for the other in the text
    words = _words_present(text, frozenset().union(*groups.values()))
    silent = [label for label, group in groups.items() if not voiced & group and words & group]
    if len(silent) != 1:
        return None, None
    question = _question(item.question_one, names, silent[0]) if item.question_one else None
    return f"alleen {heard[0]}", question


_WORD = compile_regex(r"\w+")
_NON_ASCII_WORD_CHAR = compile_regex(r"[^\W\x00-\x7f]")


def _words_present(text: str, wanted: frozenset[str]) -> set[str]:
    """Which of `wanted` (folded words) are the folded form of a word (`\\w+`) of `text`.

    Without folding every word: a search for the wanted words in the text in lower case (piece
    by piece, `lowered_pieces`: a piece starts after a space or line break, so a word never runs
    from one into the next), and a look at the few words with a letter outside ASCII.
    """
    present: set[str] = set()
    words = sorted((word for word in wanted if _WORD.fullmatch(word)), key=len, reverse=True)
    if not words:
        return present
    # In the lowered text (same offsets) every ASCII word is found as its folded form.
    # `re.compile`, never `compile_regex`: the adults' names come from the report (not cache data).
    search = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")
    for offset, lowered in lowered_pieces(text):
        present.update(
            fold(text[offset + found.start() : offset + found.end()]) for found in search.finditer(lowered)
        )
    last = 0
    for found in _NON_ASCII_WORD_CHAR.finditer(text):
        if found.start() < last:
            continue
        start = found.start()
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        word = _WORD.match(text, start)
        if word is None:  # pragma: no cover - a word character always starts a word
            continue
        last = word.end()
        present.add(fold(word.group()))
    return present & wanted
