"""Where the pattern words can be realised in one sentence: a few lookups per token, one automaton pass.

The matcher tries a pattern word only at the tokens where it can be realised. Those come from the
lexicon's word index (`lexicon/compiled.py`, `WordIndex`): the folded token (and two or three
joined tokens) looked up among the words' forms, the particle of 'op te leggen', and one
Aho-Corasick pass over the sentence's folded words for the keys of nouns and adjectives (a
compound holds one). Each position found is a superset: `matching/words.py` decides there, so
the matches are exactly those of trying every position.
"""

from __future__ import annotations

from bisect import bisect_right

from taalcheck.language.text import Token
from taalcheck.lexicon.compiled import WordIndex


class WordPositions:
    """For each word number of the index: the token positions where that word may be realised."""

    __slots__ = ("_found",)

    def __init__(self, index: WordIndex, tokens: list[Token]) -> None:
        found: dict[int, set[int]] = {}
        self._found = found
        words = [(position, token.norm) for position, token in enumerate(tokens) if token.is_word]
        if not words:
            return
        exact, joined, particles = index.exact, index.joined, index.particles
        count = len(words)
        for number, (position, norm) in enumerate(words):
            hits = exact.get(norm)
            if hits:
                for word in hits:
                    if word in found:
                        found[word].add(position)
                    else:
                        found[word] = {position}
            if number + 1 < count:
                # Joined tokens are consecutive words ("risico - gestuurde", "escalatie\nbeheersing").
                pair = norm + words[number + 1][1]
                hits = joined.get(pair)
                if number + 2 < count:
                    triple = joined.get(pair + words[number + 2][1])
                    hits = hits + triple if hits and triple else hits or triple
                if hits:
                    for word in hits:
                        if word in found:
                            found[word].add(position)
                        else:
                            found[word] = {position}
            hits = particles.get(norm)
            if hits and position + 2 < len(tokens) and tokens[position + 1].norm == "te":
                for word in hits:  # 'op te leggen'
                    found.setdefault(word, set()).add(position)
        automaton = index.compounds
        if automaton is None:
            return
        starts = []
        offset = 0
        for _, norm in words:
            starts.append(offset)
            offset += len(norm) + 1
        for end, hits in automaton.iter(" ".join(norm for _, norm in words)):
            position = words[bisect_right(starts, end) - 1][0]
            for word in hits:
                if word in found:
                    found[word].add(position)
                else:
                    found[word] = {position}

    def get(self, word: int) -> set[int] | None:
        """The positions where word number `word` may be realised, or None where it cannot be."""
        return self._found.get(word)
