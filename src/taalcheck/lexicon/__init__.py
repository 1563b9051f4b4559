"""The lexicon: YAML entries, their validation, patterns and compiled index.

Compiling the lexicon (YAML, validation, generated word forms, the candidate index) costs more
than checking a page, so the compiled form is cached in the user's cache folder (or
`TAALCHECK_CACHE_DIR`), keyed by a hash of every input: the lexicon files, the code that
compiles and normalises them, the taalcheck and Python versions. At most `MAX_CACHE_FILES` are
kept (the least recently used go). The context rules (`context.yaml`, compiled by the matching
layer's loader that the caller hands in) are kept in the same cache, so a run reads no YAML. The
cache never holds document text; set `TAALCHECK_NO_CACHE=1` to bypass it.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from taalcheck.datacache import cache_folder, sha256
from taalcheck.errors import LexiconError
from taalcheck.lexicon.compiled import CompiledLexicon
from taalcheck.lexicon.loader import bundled_lexicon_dir, bundled_lexicon_files, load_entries
from taalcheck.lexicon.model import Entry, Examples

__all__ = ["CompiledLexicon", "Entry", "Examples", "Lexicon", "cache_folder", "load_lexicon"]
_CACHE_FORMAT = 3
#: Compiles the context rules file (the matching layer's loader; the lexicon does not import it).
ContextLoader = Callable[[Path], Any]
MAX_CACHE_FILES = 4
_PACKAGE = Path(__file__).resolve().parent.parent
#: The code whose output the cache holds: the lexicon compiler and the language layer it uses
#: (normaliser, word lists), so a changed generator never reuses old forms.
_COMPILER_CODE = ("lexicon", "language")
#: The classes the cache pickles (`Entry`, `Severity`) live in the result model: a changed class
#: never meets an old pickle.
_PICKLED_CLASSES = ("model.py",)


@dataclass
class Lexicon:
    """Entries, compiled patterns and where the context rules are (the engine loads them)."""

    compiled: CompiledLexicon
    context_path: Path = field(default_factory=lambda: bundled_lexicon_dir() / "context.yaml")
    #: Rules of analyses beyond word lists (e.g. who decides), registered by the engine: they are
    #: explained, configured and reported like entries, but have no patterns.
    analysis_entries: dict[str, Entry] = field(default_factory=dict)
    #: The context rules as compiled and cached by `load_lexicon(context_loader=...)`, pickled.
    context_pickle: bytes | None = field(default=None, repr=False)

    @property
    def entries(self) -> dict[str, Entry]:
        if not self.analysis_entries:
            return self.compiled.entries
        return {**self.compiled.entries, **self.analysis_entries}

    def cached_context(self) -> Any:
        """The cached compiled context rules, or None (then the engine loads `context_path`)."""
        if self.context_pickle is None or self.context_path != bundled_lexicon_dir() / "context.yaml":
            return None
        return pickle.loads(self.context_pickle)


def _compiler_inputs() -> list[Path]:
    files = [path for folder in _COMPILER_CODE for path in sorted((_PACKAGE / folder).rglob("*"))]
    files += [_PACKAGE / name for name in _PICKLED_CLASSES]
    return [path for path in files if path.suffix in (".py", ".yaml", ".txt", ".json") and path.is_file()]


def _cache_path(files: list[Path], context_loader: ContextLoader | None = None) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    from taalcheck.version import __version__

    python = ".".join(map(str, sys.version_info[:2]))
    digest = sha256(f"{_CACHE_FORMAT}:{__version__}:{python}".encode())
    paths = [*_compiler_inputs(), *files]
    if context_loader is not None:  # the rules file and the code that compiles it
        source = getattr(sys.modules.get(context_loader.__module__), "__file__", None)
        if source is None:
            return None
        paths += [bundled_lexicon_dir() / "context.yaml", Path(source)]
    for path in paths:
        try:
            if not path.is_file():  # a FIFO or device: never read here; the loader reports it
                return None
            digest.update(str(path.resolve()).encode() + b"\0" + path.read_bytes() + b"\0")
        except OSError:
            return None  # let the loader report the problem
    return folder / f"lexicon-{digest.hexdigest()[:32]}.pickle"


def _prune_cache(folder: Path, keep: Path) -> None:
    """Keep the `MAX_CACHE_FILES` most recently used compiled lexicons; remove the others."""
    try:
        files = sorted(folder.glob("lexicon-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for path in [p for p in files if p != keep][MAX_CACHE_FILES - 1 :]:
            path.unlink(missing_ok=True)
        hour_ago = time.time() - 3600  # an unfinished write of another process is younger
        for stale in folder.glob("*.tmp"):
            if stale.stat().st_mtime < hour_ago:
                stale.unlink(missing_ok=True)
    except OSError:
        return


def _read_cache(path: Path) -> CompiledLexicon | None:
    try:
        with path.open("rb") as stream:
            compiled = pickle.load(stream)
    except Exception:
        return None
    if not isinstance(compiled, CompiledLexicon):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept when the cache is pruned
    return compiled


def _write_cache(path: Path, compiled: CompiledLexicon) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        compiled.prepare()
        import tempfile  # only when writing: most runs read the cache

        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as stream:
            pickle.dump(compiled, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(stream.name, path)
    except Exception:
        return  # a read-only or full cache folder only costs speed
    _prune_cache(path.parent, path)


def _context_pickle(context_loader: ContextLoader, path: Path) -> bytes | None:
    try:
        return pickle.dumps(context_loader(path), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return None  # the engine loads the file itself (and reports a malformed one as before)


def load_lexicon(
    extra_files: tuple[Path, ...] = (),
    include_bundled: bool = True,
    context_loader: ContextLoader | None = None,
) -> Lexicon:
    """The bundled lexicon plus an organisation's own files; raises `LexiconError` when malformed.

    With `context_loader`, the bundled context rules are compiled and kept in the cache too.
    """
    files = (bundled_lexicon_files() if include_bundled else []) + list(extra_files)
    cache = _cache_path(files, context_loader)
    cached = _read_cache(cache) if cache is not None and cache.is_file() else None
    if cached is not None:
        return Lexicon(cached, context_pickle=getattr(cached, "context_pickle", None))
    entries = load_entries(files)
    if not entries:
        names = ", ".join(str(path) for path in files) or "geen bestanden"
        raise LexiconError(names, "het lexicon bevat geen items")
    compiled = CompiledLexicon(entries)
    context = None
    if cache is not None:
        if context_loader is not None:
            context = _context_pickle(context_loader, bundled_lexicon_dir() / "context.yaml")
            compiled.context_pickle = context  # travels in the cache file with the patterns
        _write_cache(cache, compiled)
    return Lexicon(compiled, context_pickle=context)
