"""Errors that reach the user as one Dutch line (never a traceback)."""

from __future__ import annotations


class TaalcheckError(Exception):
    """Base class: `str(error)` is a complete Dutch sentence naming the file and the problem."""


class InputError(TaalcheckError):
    """A document cannot be read (missing, binary, undecodable, corrupt, too large)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class LexiconError(TaalcheckError):
    """A lexicon file is malformed; names file, entry and key."""

    def __init__(self, path: str, problem: str, entry: str | None = None, key: str | None = None) -> None:
        where = path
        if entry:
            where += f", item '{entry}'"
        if key:
            where += f", veld '{key}'"
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.entry = entry
        self.key = key


class ConfigError(TaalcheckError):
    """A configuration file is malformed; names file and key."""

    def __init__(self, path: str, problem: str, key: str | None = None) -> None:
        where = f"{path}, sleutel '{key}'" if key else path
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.key = key


class ModelError(TaalcheckError):
    """The requested Dutch pipeline cannot be loaded."""
