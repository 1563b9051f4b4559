"""Matching one pattern word against tokens: inflections, spelling variants and compounds."""

from __future__ import annotations

from typing import NamedTuple

from taalcheck.datacache import compile_regex
from taalcheck.language.lookalikes import IGNORABLE
from taalcheck.language.text import Token
from taalcheck.language.wordlists import dutch_words
from taalcheck.lexicon.patterns import NOMINAL, Word

MIN_COMPOUND_PART = 3
_VERBAL_PREFIXES = frozenset(dutch_words().inseparable_prefixes)
# Derivations that are not compounds: strijd|baar, controle|ren, beheers|baar.
_DERIVATION_ENDINGS = dutch_words().derivation_endings
_LINKS = ("s", "e", "en", "")
_JOIN_GAP = compile_regex(rf"^[ \t\r\n\-‐‑{IGNORABLE}]*$")
MAX_JOIN = 3


class WordMatch(NamedTuple):
    """Tokens `first`..`last` (inclusive) realise one pattern word (a tuple: made very often)."""

    first: int
    last: int


def _is_excluded(norm: str, exclude: frozenset[str]) -> bool:
    return any(word in norm for word in exclude)


def token_matches(word: Word, norm: str, head_ok: bool, first_ok: bool, exclude: frozenset[str]) -> bool:
    """Does one (folded) token realise `word`, directly or inside a compound?"""
    if norm in word.forms:
        return not _is_excluded(norm, exclude)
    if word.kind not in NOMINAL or len(norm) <= len(word.base):
        return False
    if _is_excluded(norm, exclude):
        return False
    if head_ok:
        for cut in range(MIN_COMPOUND_PART, len(norm) - 2):
            if norm[cut:] in word.forms and norm[:cut] not in _VERBAL_PREFIXES:
                return True
    if first_ok:
        # The term as first part (escalatiebeheersing|s|plan), or in the middle when it may also be a head
        # (kinder|beschermingsmaatregel|en|beleid). Derivations (uit|nodig|ing, strijd|baar) are not compounds.
        position = norm.find(word.base)
        while position != -1:
            if position == 0 or (head_ok and position >= MIN_COMPOUND_PART):
                rest = norm[position + len(word.base) :]
                minimum = MIN_COMPOUND_PART if position == 0 else MIN_COMPOUND_PART + 1
                for link in _LINKS:
                    if rest.startswith(link) and len(rest) - len(link) >= minimum:
                        if not rest.endswith(_DERIVATION_ENDINGS) or len(rest) > 8:
                            return True
                        break
            position = norm.find(word.base, position + 1)
    return False


def word_matches(
    word: Word,
    text: str,
    tokens: list[Token],
    index: int,
    head_ok: bool,
    first_ok: bool,
    exclude: frozenset[str],
) -> list[WordMatch]:
    """Every way `word` can be realised starting at token `index` (not split verbs)."""
    token = tokens[index]
    if not token.is_word:
        return []
    results = []
    if token_matches(word, token.norm, head_ok, first_ok, exclude):
        results.append(WordMatch(index, index))
    if word.kind in NOMINAL or word.kind == "x":
        joined, previous, position, words_seen = token.norm, index, index, 1
        while words_seen < MAX_JOIN and position + 1 < len(tokens):
            position += 1
            following = tokens[position]
            if not following.is_word:
                if following.text in "-‐‑":
                    continue
                break
            gap = text[tokens[previous].end : following.start]
            if not _JOIN_GAP.match(gap) or gap.count("\n") > 1:
                break
            joined += following.norm
            previous, words_seen = position, words_seen + 1
            if joined in word.forms and not _is_excluded(joined, exclude):
                results.append(WordMatch(index, position))
    if word.particle and index + 2 < len(tokens):
        # "op te leggen", "af te dwingen"
        second, third = tokens[index + 1], tokens[index + 2]
        if token.norm == word.particle and second.norm == "te" and third.norm == word.infinitive:
            results.append(WordMatch(index, index + 2))
    return results
