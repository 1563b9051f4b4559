"""Cheap, deterministic text units: blocks, sentences, word tokens and clauses.

These run on every document, so they use compiled regular expressions only. The spaCy pipeline
is applied later, and only to sentences that contain a candidate match.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import NamedTuple

from taalcheck.language.lookalikes import IGNORABLE
from taalcheck.language.normalize import fold
from taalcheck.language.wordlists import dutch_words

# A word: letters/digits with internal apostrophes or hyphens (risico's, niet-meewerkende, MDA++ is 'MDA').
# Invisible characters (soft hyphen, zero-width space, bidi controls ...) inside a word are part of it,
# and outside words they are no token at all: they never split or hide a word.
_TOKEN = re.compile(
    rf"[^\W_]+(?:[{IGNORABLE}]+[^\W_]+|['’‘`][^\W\d_]+|[-‐‑–][^\W_]+)*|[^\w\s{IGNORABLE}]", re.UNICODE
)
_BLOCK_BREAK = re.compile(r"\n[ \t\r]*\n\s*|\n(?=[ \t]*(?:[•●▪◦*+\-–]\s|\d{1,2}[.)]\s|#))")
# A match only starts at the beginning of a run of end marks, so a long run is scanned once, not
# once per position (linear time on "!!!!..." and "......").
_SENTENCE_END = re.compile(
    r"(?<![.!?…])[.!?…]+[\"'”’»)]*(?=\s+[\"'“‘„«(]?[A-Z0-9ÀÁÂÄÈÉÊËÌÍÎÏÒÓÔÖÙÚÛÜ•])|(?<![!?…])[!?…]+(?=\s)"
)

#: Longest block handled as one unit: longer blocks (a whole document on one line) are cut at
#: sentence ends into pieces of at most this length, so work per block stays bounded.
MAX_BLOCK_CHARS = 3_000
#: Longest sentence handled as one unit: longer runs without a sentence end are cut at a space.
MAX_SENTENCE_CHARS = 1_500
#: Longest token that is matched as a word; longer letter runs (no Dutch word is this long) are kept
#: as tokens, so offsets and clauses stay right, but never matched.
MAX_WORD_CHARS = 64
#: Abbreviations are short: how far back a full stop looks for one.
_MAX_ABBREVIATION_CHARS = 16

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = dutch_words().abbreviations


class Token(NamedTuple):
    """A word or punctuation mark. Offsets index the document text (a tuple: cheap to make)."""

    start: int
    end: int
    text: str
    norm: str
    is_word: bool


def iter_blocks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Paragraph-like blocks of `text[start:end]` (blank lines and list items separate them).

    A block longer than `MAX_BLOCK_CHARS` is given as consecutive pieces that end at sentence ends.
    """
    position = start
    for match in _BLOCK_BREAK.finditer(text, start, end):
        if match.start() > position:
            yield from _bounded_blocks(text, position, match.start())
        position = match.end()
    if position < end:
        yield from _bounded_blocks(text, position, end)


def _bounded_blocks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    if end - start <= MAX_BLOCK_CHARS:
        yield start, end
        return
    piece_start = piece_end = start
    for sentence_start, sentence_end in iter_sentences(text, start, end):
        if sentence_end - piece_start > MAX_BLOCK_CHARS and piece_end > piece_start:
            yield piece_start, piece_end
            piece_start = sentence_start
        piece_end = sentence_end
    if piece_end > piece_start:
        yield piece_start, piece_end


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    limit = max(0, dot - _MAX_ABBREVIATION_CHARS - 1)
    while word_start > limit and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    if word_start == limit and limit > 0 and (text[limit - 1].isalpha() or text[limit - 1] == "."):
        return False  # a long run of letters is no abbreviation
    word = text[word_start:dot].lower()
    if not word:
        return False
    if word in _ABBREVIATIONS or word.rstrip(".") in _ABBREVIATIONS:
        return True
    # Initials: "J. de Vries"
    return len(word) == 1 and text[word_start].isupper()


def iter_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentences in a block, as (start, end) offsets with surrounding whitespace trimmed.

    A heading on a line of its own ends where its line ends (`heading_ends`). A sentence longer
    than `MAX_SENTENCE_CHARS` is given as pieces cut at a space.
    """
    pieces = heading_ends(text, start, end) if "\n" in text[start:end] else []
    for piece_start, piece_end in itertools.pairwise([start, *pieces, end]):
        yield from _sentences_in(text, piece_start, piece_end)


def _sentences_in(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    position = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if text[match.start()] == "." and _ends_with_abbreviation(text, match.start()):
            continue
        yield from _trimmed(text, position, match.end())
        position = match.end()
    yield from _trimmed(text, position, end)


#: A heading has at most this many words.
MAX_HEADING_WORDS = 8
_FUNCTION_WORDS = frozenset(dutch_words().function_words)
_HEADING_LINE_END = re.compile(r"[^\s.!?:;,\"”’)\-–]")


def heading_ends(text: str, start: int, end: int) -> list[int]:
    """Where a heading line without a full stop ends, within `text[start:end]`.

    A heading ('Hulpverlening of dwang', 'Samenvatting') is a short line that starts with a capital
    or a number, ends without a punctuation mark, stands after the start of the block or after a
    line that ends a sentence, does not end in a function word ('samen met de' goes on), and is
    followed by a line that starts with a capital. Without a
    break there, the heading runs into the next sentence, and its words are read as part of that
    sentence (a negation there, a court named there). A hard-wrapped paragraph does not have such
    lines: its lines are long, or end in the middle of a sentence that goes on in lower case.
    """
    ends: list[int] = []
    line_start = start
    previous_ends_sentence = True
    while line_start < end:
        newline = text.find("\n", line_start, end)
        if newline == -1:
            break
        line = text[line_start:newline].strip()
        following = text[newline + 1 : min(end, newline + 80)].lstrip()
        if line:
            if (
                previous_ends_sentence
                and (line[0].isupper() or line[0].isdigit())
                and _HEADING_LINE_END.fullmatch(line[-1])
                and len(words := line.split()) <= MAX_HEADING_WORDS
                and words[-1].lower() not in _FUNCTION_WORDS
                and following[:1].isupper()
            ):
                ends.append(newline)
                previous_ends_sentence = True
            else:
                previous_ends_sentence = line[-1] in ".!?:…" or (line[-1] in '"”’»)' and line[-2:-1] in ".!?")
        line_start = newline + 1
    return ends


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = _last_space(text, start, start + MAX_SENTENCE_CHARS)
        yield from _trimmed(text, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end


def _last_space(text: str, start: int, limit: int) -> int:
    """The offset of the last whitespace in `text[start:limit]` (past the first character), else `limit`."""
    cut = max(text.rfind(space, start + 1, limit) for space in " \n\t\u00a0")
    return cut if cut > start else limit


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Word and punctuation tokens of `text[start:end]`."""
    tokens: list[Token] = []
    append = tokens.append
    make = tuple.__new__  # Token(...) without the named tuple's Python-level constructor
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        first, last = match.span()
        if word[0].isalnum():
            if last - first > MAX_WORD_CHARS:
                append(make(Token, (first, last, word, "", False)))
            else:
                append(make(Token, (first, last, word, fold(word), True)))
        else:
            append(make(Token, (first, last, word, word, False)))
    return tokens


#: ASCII bytes: lower-case letters and digits kept, every other byte a space.
_ASCII_WORD_BYTES = bytes(
    code if 0x61 <= code <= 0x7A or 0x30 <= code <= 0x39 else 0x20 for code in range(256)
)
#: A word token of ASCII text (`_TOKEN` above, for ASCII only): letters and digits, with an apostrophe or
#: backtick before letters or a hyphen before letters or digits inside it (risico's, ex-partner).
_ASCII_WORD = re.compile(r"[a-z0-9]+(?:['`][a-z]+|-[a-z0-9]+)*")
_ASCII_JOINERS = str.maketrans("", "", "'`-")


def ascii_words(passage: str) -> list[str] | None:
    """The folded words of an ASCII passage in order, as `tokenize` cuts and folds them; None if not ASCII.

    Cheaper than tokenizing: the candidate test reads a sentence's words before it is known to
    need tokens. A run too long to be matched as a word (`MAX_WORD_CHARS`) is given as well.
    """
    if not passage.isascii():
        return None
    lowered = passage.lower()
    if "-" in lowered or "'" in lowered or "`" in lowered:
        return [word.translate(_ASCII_JOINERS) for word in _ASCII_WORD.findall(lowered)]
    return lowered.encode("ascii").translate(_ASCII_WORD_BYTES).decode("ascii").split()


_WORD = re.compile(rf"[^\W\d_]+(?:['’-][^\W\d_]+|[{IGNORABLE}]+[^\W\d_]+)*")


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """Number of words in `text[start:end]`, as used for the per-1000-words balance (no copy made)."""
    return len(_WORD.findall(text, start, len(text) if end is None else end))


# Clause boundaries for free-order patterns: punctuation, subordinating words and 'om' (om ... te).
# 'als' is left out: it is as often 'as' (als middel) as 'if'.
_CLAUSE_PUNCT = frozenset(',;:()[]–—"“”„«»')
_SUBORDINATORS = dutch_words().subordinators


_SUBJECT_PRONOUNS = dutch_words().subject_pronouns
#: Subordinating phrases ('voor het geval dat') by their first word.
_PHRASES_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {}
for _phrase in dutch_words().subordinating_phrases:
    _PHRASES_BY_FIRST[_phrase[0]] = (*_PHRASES_BY_FIRST.get(_phrase[0], ()), _phrase)


def _short_parentheticals(tokens: list[Token]) -> set[int]:
    """Positions of brackets around a short insertion ('Lotte (13)'), which does not end a clause."""
    skip: set[int] = set()
    for index, token in enumerate(tokens):
        if token.text == "(":
            for close in range(index + 1, min(len(tokens), index + 5)):
                if tokens[close].text == ")":
                    skip.update((index, close))
                    break
    return skip


def _phrase_at(tokens: list[Token], index: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Does one of `phrases` (all starting with this token's word) start at `index`?"""
    return any(
        tuple(token.norm for token in tokens[index : index + len(phrase)]) == phrase for phrase in phrases
    )


def clause_ids(tokens: list[Token]) -> list[int]:
    """A clause number for each token; words of one clause share it.

    Boundaries: clause punctuation, subordinating words, and 'en'/'of' followed by a subject
    pronoun ('... en wij leggen uit'); brackets around a short insertion are not a boundary.
    """
    ids = []
    current = 0
    skip = _short_parentheticals(tokens) if any(token.text == "(" for token in tokens) else set()
    for index, token in enumerate(tokens):
        if not token.is_word:
            if (token.text in _CLAUSE_PUNCT or token.text in ".!?") and index not in skip:
                current += 1
        elif index > 0 and (
            token.norm in _SUBORDINATORS
            or (token.norm in _PHRASES_BY_FIRST and _phrase_at(tokens, index, _PHRASES_BY_FIRST[token.norm]))
            or (
                token.norm in ("en", "of")
                and index + 1 < len(tokens)
                and tokens[index + 1].norm in _SUBJECT_PRONOUNS
            )
        ):
            current += 1
        ids.append(current)
    return ids
