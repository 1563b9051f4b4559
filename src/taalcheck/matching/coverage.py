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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from taalcheck.language.normalize import fold
from taalcheck.language.text import iter_blocks, iter_sentences
from taalcheck.model import CoverageItem

DATA = Path(__file__).resolve().parent / "data" / "coverage.yaml"
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
    cues: tuple[str, ...]
    all_of: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class CoverageRules:
    names: tuple[re.Pattern[str], ...]
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
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = tuple(
        CoverageSpec(
            key=raw["key"],
            label=raw["label"],
            principle=raw["principle"],
            question=raw["question"],
            question_one=raw.get("question_one"),
            cues=tuple(raw.get("cues", ())),
            all_of=tuple(tuple(group) for group in raw.get("all_of", ())),
        )
        for raw in data["items"]
    )
    return CoverageRules(
        names=tuple(re.compile(pattern) for pattern in data["names"]),
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
    for pattern in rules.names:
        for match in pattern.finditer(text):
            name = match.group(1)
            if fold(name) in excluded:
                continue
            adult = pattern.groups >= 2 and bool(match.group(2)) and int(match.group(2)) >= 18
            (adults if adult else children).append((match.start(), name))
    return _ordered(children), [name for name in _ordered(adults) if name not in _ordered(children)]


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
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered) + ")"


@lru_cache(maxsize=64)
def _compiled(
    rules: CoverageRules, names: tuple[str, ...], adults: tuple[str, ...]
) -> dict[str, tuple[tuple[re.Pattern[str], ...], ...]]:
    """Per item: its cue patterns, then one tuple per `all_of` group, with the names filled in."""
    age = r"(?:\s*\(\s*\d{1,2}(?:\s*jaar)?\s*\))?"  # 'Noa (8 jaar) vertelt'
    child = _alternation((*rules.children, *names)) + age
    named = r"(?:\s+(?-i:[A-Z][a-zà-ÿ]+))?"  # 'vader Boris erkent'
    parent = _alternation((*rules.parents, *adults)) + named + age
    person = _alternation((*rules.parents, *rules.network, *rules.children, *names, *adults)) + age
    adverb = _alternation(rules.adverbs)
    name = _alternation(names) if names else "(?!)"
    not_a_name = _alternation((*rules.parents, *rules.network, *_PRONOUNS))
    anyname = rf"(?-i:(?!(?i:{not_a_name})\b)[A-Z][a-zà-ÿ]+)"

    def fill(pattern: str) -> re.Pattern[str]:
        filled = (
            pattern.replace(" ", r"\s+")
            .replace("{child}", child)
            .replace("{parent}", parent)
            .replace("{person}", person)
        )
        filled = filled.replace("{adv}", adverb).replace("{name}", name).replace("{anyname}", anyname)
        return re.compile(filled, re.IGNORECASE)

    return {
        item.key: (tuple(fill(cue) for cue in item.cues), *(tuple(fill(c) for c in g) for g in item.all_of))
        for item in rules.items
    }


def _sentences(text: str, segments: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    return [
        sentence
        for start, end in segments
        for block in iter_blocks(text, start, end)
        for sentence in iter_sentences(text, *block)
    ]


def _question(template: str, names: list[str], parent: str | None = None) -> str:
    if names:
        kind = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
    else:
        kind = "het kind"
    laat = "laten" if len(names) > 1 else "laat"
    return template.replace("{kind}", kind).replace("{laat}", laat).replace("{ouder}", parent or "")


def find_coverage(rules: CoverageRules, text: str, segments: Iterable[tuple[int, int]]) -> list[CoverageItem]:
    """Which of the four items the text holds, with the sentences that show each."""
    segments = list(segments)
    sentences = _sentences(text, segments)
    starts = [start for start, _ in sentences]
    names, adults = introduced_names(rules, text)
    patterns = _compiled(rules, tuple(names), tuple(adults))

    def sentence_of(position: int) -> int | None:
        index = bisect.bisect_right(starts, position) - 1
        return index if index >= 0 and position < sentences[index][1] else None

    def hits(pattern: re.Pattern[str]) -> dict[int, re.Match[str]]:
        found: dict[int, re.Match[str]] = {}
        for start, end in segments:
            for match in pattern.finditer(text, start, end):
                index = sentence_of(match.start())
                if index is not None and index not in found:
                    found[index] = match
        return found

    items = []
    for item in rules.items:
        cues, *groups = patterns[item.key]
        matched: dict[int, re.Match[str]] = {}
        for cue in cues:
            for index, match in hits(cue).items():
                matched.setdefault(index, match)
        if groups:
            combined: set[int] | None = None
            for group in groups:
                indices = {index for pattern in group for index in hits(pattern)}
                combined = indices if combined is None else combined & indices
            for index in combined or ():
                matched.setdefault(index, None)  # type: ignore[arg-type]
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
    words = {fold(word) for word in re.findall(r"\w+", text)}
    heard = [label for label, group in groups.items() if voiced & group]
    silent = [label for label, group in groups.items() if not voiced & group and words & group]
    if len(heard) != 1 or len(silent) != 1:
        return None, None
    question = _question(item.question_one, names, silent[0]) if item.question_one else None
    return f"alleen {heard[0]}", question
