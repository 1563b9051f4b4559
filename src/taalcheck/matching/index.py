"""Where the pattern words can be realised in one sentence, worked out per word when the matcher asks.

The matcher tries a pattern word only at the tokens where it can be realised. For one sentence,
`WordPositions.get(word)` finds them from the lexicon's word index (`lexicon/compiled.py`,
`WordIndex`): the folded tokens (and two or three joined tokens) that are one of the word's forms,
the particle of 'op te leggen', and the tokens holding a compound key of a noun or adjective. The
tests that decide run in C (set intersections, substring tests); only a word that occurs is
located token by token. Each position found is a superset: `matching/words.py` decides there, so
the matches are exactly those of trying every position.
"""

from __future__ import annotations

from functools import cache

from taalcheck.language.text import Token
from taalcheck.lexicon.compiled import WordIndex
from taalcheck.lexicon.patterns import Word


@cache
def _join_heads(word: Word) -> frozenset[str]:
    """What the first of two or three joined tokens can be: a proper beginning of a form ('' too).

    Worked out on first use, per process (not kept in the lexicon cache: it is large and most
    words never need it).
    """
    return frozenset(form[:cut] for form in word.forms for cut in range(len(form)))


class WordPositions:
    """For one sentence: the token positions where each word of the index may be realised."""

    __slots__ = ("_at", "_found", "_index", "_line", "_norms", "_tokens", "_where")

    def __init__(self, index: WordIndex, tokens: list[Token]) -> None:
        self._index = index
        self._tokens = tokens
        self._where = [position for position, token in enumerate(tokens) if token.is_word]
        self._norms = norms = [tokens[position].norm for position in self._where]
        #: Each folded word of the sentence with its numbers (places in `_norms`).
        self._at: dict[str, list[int]] = {}
        at = self._at
        for number, norm in enumerate(norms):
            if norm in at:
                at[norm].append(number)
            else:
                at[norm] = [number]
        self._found: dict[int, set[int] | None] = {}
        self._line: str | None = None

    def get(self, word: int) -> set[int] | None:
        """The positions where word number `word` may be realised, or None where it cannot be."""
        if word in self._found:
            return self._found[word]
        index, norms, where, at = self._index, self._norms, self._where, self._at
        found: set[int] = set()
        for form in index.exact[word].intersection(at):
            found.update(where[number] for number in at[form])
        if index.joinable[word] and len(norms) > 1:
            # Two or three consecutive words written as one ("risico - gestuurde"): only from a
            # word that begins a form.
            forms = index.words[word].forms
            count = len(norms)
            for head in _join_heads(index.words[word]).intersection(at):
                for number in at[head]:
                    if number + 1 < count:
                        joined = head + norms[number + 1]
                        if joined in forms:
                            found.add(where[number])
                        if number + 2 < count and joined + norms[number + 2] in forms:
                            found.add(where[number])
        particle = index.words[word].particle
        if particle and particle in at:
            tokens = self._tokens
            for number in at[particle]:  # 'op te leggen'
                position = where[number]
                if position + 2 < len(tokens) and tokens[position + 1].norm == "te":
                    found.add(position)
        keys = index.compound_keys[word]
        if keys:
            if self._line is None:
                self._line = " ".join(norms)
            for key in keys:
                if key in self._line:  # keys hold no space: in the line means in a word
                    found.update(where[number] for number, norm in enumerate(norms) if key in norm)
        result = found or None
        self._found[word] = result
        return result
