"""The cache folder, taalcheck's own data files kept there in parsed form, and derived tables.

Parsing the bundled YAML data (word lists, checklist cues) and importing the YAML library cost
more than checking a page, so `cached_parse` keeps what a parser made of a file's bytes as
`marshal` data, keyed by a hash of those bytes and the Python version: a changed file is parsed
again, and a run that finds everything cached never imports the YAML library. Only plain data
(dicts, lists, strings, numbers) is kept; anything else is parsed on every run. The cache never
holds document text; `TAALCHECK_NO_CACHE=1` bypasses it, `TAALCHECK_CACHE_DIR` moves it.

`Table` keeps what a pure function made of the lexicon's and the rules' own strings (the literals
a regular expression requires, say) from one run to the next: keyed by the function's code and the
Python version, read once per process, written once at exit when it learned something new.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: Parsed data files kept at most (the least recently written go).
MAX_DATA_FILES = 32
#: Tables of one name kept at most (other code versions; the least recently written go).
MAX_TABLE_FILES = 4
#: Entries a table keeps at most; past that, a run keeps only what it used itself (its data
#: changed often: old versions of patterns and classes go).
MAX_TABLE_ENTRIES = 4_000
_FORMAT = b"taalcheck-data:1"


def cache_folder() -> Path | None:
    """Where compiled data is kept, or None when caching is off or there is no cache folder."""
    if os.environ.get("TAALCHECK_NO_CACHE"):
        return None
    if os.environ.get("TAALCHECK_CACHE_DIR"):
        return Path(os.environ["TAALCHECK_CACHE_DIR"])
    try:
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("taalcheck", appauthor=False))
    except Exception:
        return None


def sha256(data: bytes = b"") -> Any:
    """`hashlib.sha256(data)`, from CPython's own module where there is one: `hashlib` first loads
    OpenSSL, which costs more than the few small digests a check takes."""
    try:
        from _sha256 import sha256 as own  # CPython 3.11
    except ImportError:
        try:
            from _sha2 import sha256 as own  # type: ignore[no-redef]  # CPython 3.12 and later
        except ImportError:
            from hashlib import sha256 as own  # type: ignore[assignment]
    return own(data)


def cached_parse(raw: bytes, parse: Callable[[], Any], kind: str) -> Any:
    """`parse()` of the file whose bytes are `raw`, from the cache when it was parsed before.

    `kind` names the parser and its options (part of the key). Errors of `parse` propagate.
    """
    folder = cache_folder()
    if folder is None:
        return parse()
    digest = sha256(b"\0".join((_FORMAT, sys.version.encode(), kind.encode(), raw)))
    path = folder / f"data-{digest.hexdigest()[:32]}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    data = parse()
    try:
        encoded = marshal.dumps(data)
    except ValueError:  # not plain data (a date, say): parsed again next time
        return data
    _write(path, encoded)
    return data


def _write(path: Path, encoded: bytes, family: str = "data-*.marshal", keep: int = MAX_DATA_FILES) -> None:
    import tempfile  # only when writing: most runs read the cache

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as stream:
            stream.write(encoded)
        os.replace(stream.name, path)
    except OSError:
        return  # a read-only or full cache folder only costs speed
    with contextlib.suppress(OSError):
        files = sorted(path.parent.glob(family), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[keep:]:
            old.unlink(missing_ok=True)


def source_of(module_file: str) -> bytes | None:
    """The source of a module (what a `Table` of its results is keyed by), or None when unreadable."""
    try:
        return Path(module_file).read_bytes()
    except OSError:
        return None


class Table:
    """Results of a pure function of taalcheck's own strings, kept in the cache between runs.

    `name` names the table, `code` is what the results depend on besides the key (the function's
    source): another code or Python version is another file. Keys and values are plain data
    (strings, numbers, tuples, frozensets, None). Callers put in only what derives from the lexicon,
    the rules and the configuration, never from a document: a document's text is not cache data.
    """

    def __init__(self, name: str, code: bytes | None) -> None:
        self.name = name
        #: None: the code cannot be read, so nothing is kept between runs (only in this process).
        self.code = code
        self._entries: dict[Any, Any] | None = None
        self._path: Path | None = None
        self._new = False
        self._used: set[Any] = set()

    def _load(self) -> dict[Any, Any]:
        self._entries = {}
        folder = cache_folder()
        if folder is None or self.code is None:
            return self._entries
        digest = sha256(b"\0".join((_FORMAT, sys.version.encode(), self.name.encode(), self.code)))
        self._path = folder / f"{self.name}-{digest.hexdigest()[:32]}.marshal"
        try:
            stored = marshal.loads(self._path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            stored = None
        if isinstance(stored, dict):
            self._entries = stored
        return self._entries

    def get(self, key: Any, compute: Callable[[], Any]) -> Any:
        """The stored result for `key`, or `compute()` (kept for this process, and in the cache
        folder at exit)."""
        entries = self._entries if self._entries is not None else self._load()
        try:
            value = entries[key]
        except KeyError:
            pass
        else:
            self._used.add(key)
            return value
        value = compute()
        self.remember(key, value)
        return value

    @property
    def kept(self) -> bool:
        """Whether what the table learns is kept for the next run (there is a cache folder)."""
        if self._entries is None:
            self._load()
        return self._path is not None

    def lookup(self, key: Any, default: Any = None) -> Any:
        """The stored result for `key`, or `default`."""
        entries = self._entries if self._entries is not None else self._load()
        if key not in entries:
            return default
        self._used.add(key)
        return entries[key]

    def remember(self, key: Any, value: Any) -> None:
        """Keep `value` for `key` (for this process, and in the cache folder at exit)."""
        entries = self._entries if self._entries is not None else self._load()
        entries[key] = value
        self._used.add(key)
        if self._path is not None and not self._new:
            self._new = True
            import atexit

            atexit.register(self.save)

    def save(self) -> None:
        """Write the table when it learned something new (at exit; harmless to call earlier)."""
        if not self._new or self._path is None or self._entries is None:
            return
        self._new = False
        entries = self._entries
        if len(entries) > MAX_TABLE_ENTRIES:
            entries = {key: entries[key] for key in self._used if key in entries}
        try:
            encoded = marshal.dumps(entries)
        except ValueError:  # not plain data: nothing kept
            return
        _write(self._path, encoded, f"{self.name}-*.marshal", MAX_TABLE_FILES)


# -- regular expressions ------------------------------------------------------------------------

_REGEX_CODE = Table("regex", b"")


def compile_regex(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, without parsing the pattern again when an earlier run did.

    Python's parser and compiler of regular expressions are written in Python: a long pattern of
    the rules costs a millisecond. What they produce for `_sre` (plain numbers) is kept in a
    `Table` for this Python version, and used only when it gave a pattern equal to `re.compile`'s
    (same flags, groups and code): anything else compiles as usual. For the lexicon's and the
    rules' own patterns (the table keeps the source), never for one made from a document.
    """
    flags = int(flags)
    if flags & re.DEBUG or not _REGEX_CODE.kept:  # nothing to gain without a cache folder
        return re.compile(source, flags)
    parts = _REGEX_CODE.get((source, flags), lambda: _regex_parts(source, flags))
    if parts is None:
        return re.compile(source, flags)
    try:
        return _sre_compile(source, *parts)
    except Exception:  # another Python's internals behind the same version string: compile
        return re.compile(source, flags)


def _sre_compile(source: str, *parts: Any) -> re.Pattern[str]:
    import _sre

    final_flags, code, groups, groupindex, indexgroup = parts
    return _sre.compile(source, final_flags, list(code), groups, dict(groupindex), tuple(indexgroup))


def _regex_parts(source: str, flags: int) -> tuple[Any, ...] | None:
    """What `re` hands `_sre.compile` for this pattern, or None when it cannot be reproduced."""
    expected = re.compile(source, flags)  # errors in the pattern propagate as from re.compile
    try:
        from re import _compiler, _parser

        parsed = _parser.parse(source, flags)
        code = _compiler._code(parsed, flags)
        state = parsed.state
        indexgroup: list[str | None] = [None] * state.groups
        for name, index in state.groupdict.items():
            indexgroup[index] = name
        parts = (
            int(flags | state.flags),
            tuple(map(int, code)),  # plain numbers (the named opcodes are int subclasses)
            int(state.groups - 1),
            dict(state.groupdict),
            tuple(indexgroup),
        )
        if _sre_compile(source, *parts) != expected:  # compares flags, pattern and code
            return None
    except Exception:
        return None
    return parts


# -- dataclasses ----------------------------------------------------------------------------------

_DATACLASS_CODE = Table("dataclass-code", b"")


def cache_dataclass_code() -> None:
    """Keep the compiled methods (`__init__`, `__eq__`, ...) of taalcheck's dataclasses between runs.

    `dataclasses` writes each method as source text and compiles it when the class is defined; for
    the fifty classes a check imports, compiling is most of the import time. The text is all the
    compiler sees, so the code object compiled from it is kept by that text (for this Python
    version) and run instead: the same functions, without compiling. Only for taalcheck's own
    modules; other libraries' dataclasses compile as usual.
    """
    import builtins
    import dataclasses

    if getattr(dataclasses, "exec", None) is not None or cache_folder() is None:
        return  # installed already, or nowhere to keep the code

    def cached_exec(source: Any, globals: Any = None, locals: Any = None) -> None:
        if isinstance(source, str) and isinstance(globals, dict):
            module = globals.get("__name__")
            if isinstance(module, str) and module.partition(".")[0] == "taalcheck":
                source = _DATACLASS_CODE.get(
                    source, lambda text=source: compile(text, "<string>", "exec", dont_inherit=True)
                )
        builtins.exec(source, globals, locals)

    dataclasses.exec = cached_exec  # type: ignore[attr-defined]  # the module's only `exec` call
