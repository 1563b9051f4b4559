"""Where the lexicon's keys occur in one sentence: one Aho-Corasick pass over its folded words.

The matcher tries a group of pattern words only at token positions near a key of the group's
first content word. Testing every key of that word against every window of five tokens costs
(keys x windows) substring tests per pattern; one automaton pass over the sentence's folded words
gives the same windows for all patterns at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from taalcheck.language.text import Token

#: Tokens one window spans (a word realised by joined tokens spans at most this many positions).
WINDOW = 5


class KeyWindows:
    """For each key found in a sentence: the windows (start positions) whose letters contain it.

    Window `w` is the concatenated folded text of word tokens `w` .. `w + WINDOW - 1`, exactly
    the strings the matcher used to test with `key in window`.
    """

    def __init__(self, automaton: Any, keys: list[str], tokens: list[Token]) -> None:
        self.size = len(tokens)
        owner: list[int] = []
        parts: list[str] = []
        for index, token in enumerate(tokens):
            if token.is_word and token.norm:
                parts.append(token.norm)
                owner.extend([index] * len(token.norm))
        self._windows: dict[str, set[int]] = {}
        if not parts:
            return
        for end, number in automaton.iter("".join(parts)):
            key = keys[number]
            first, last = owner[end - len(key) + 1], owner[end]
            if last - first >= WINDOW:
                continue
            self._windows.setdefault(key, set()).update(range(max(0, last - WINDOW + 1), first + 1))

    def __len__(self) -> int:
        """The number of windows: one per token, as with the list of window strings."""
        return self.size

    def windows_with(self, keys: Iterable[str]) -> list[int]:
        """Sorted start positions of the windows that contain any of `keys`."""
        found: set[int] = set()
        for key in keys:
            windows = self._windows.get(key)
            if windows:
                found |= windows
        return sorted(found)
