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

from taalcheck.language.text import Token
from taalcheck.lexicon.compiled import WordIndex


class WordPositions:
    """For one sentence: the token positions where each word of the index may be realised."""

    __slots__ = ("_distinct", "_found", "_index", "_joins", "_line", "_norms", "_tokens", "_where")

    def __init__(self, index: WordIndex, tokens: list[Token]) -> None:
        self._index = index
        self._tokens = tokens
        self._where = [position for position, token in enumerate(tokens) if token.is_word]
        self._norms = [tokens[position].norm for position in self._where]
        self._distinct = set(self._norms)
        self._found: dict[int, set[int] | None] = {}
        self._joins: tuple[list[str], list[str], set[str]] | None = None
        self._line: str | None = None

    def _joined(self) -> tuple[list[str], list[str], set[str]]:
        """Two and three consecutive words written as one ("risico - gestuurde"), from each word on."""
        if self._joins is None:
            norms = self._norms
            pairs = list(map(str.__add__, norms, norms[1:]))
            triples = list(map(str.__add__, pairs, norms[2:]))
            self._joins = (pairs, triples, {*pairs, *triples})
        return self._joins

    def get(self, word: int) -> set[int] | None:
        """The positions where word number `word` may be realised, or None where it cannot be."""
        if word in self._found:
            return self._found[word]
        index, norms, where = self._index, self._norms, self._where
        found: set[int] = set()
        forms = index.exact[word]
        if not forms.isdisjoint(self._distinct):
            found.update(where[number] for number, norm in enumerate(norms) if norm in forms)
        if index.joinable[word] and len(norms) > 1:
            pairs, triples, joined = self._joined()
            forms = index.words[word].forms
            if not forms.isdisjoint(joined):
                found.update(where[number] for number, pair in enumerate(pairs) if pair in forms)
                found.update(where[number] for number, triple in enumerate(triples) if triple in forms)
        particle = index.words[word].particle
        if particle and particle in self._distinct:
            tokens = self._tokens
            found.update(  # 'op te leggen'
                position
                for position in where
                if tokens[position].norm == particle
                and position + 2 < len(tokens)
                and tokens[position + 1].norm == "te"
            )
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
