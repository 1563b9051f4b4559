"""The lexicon: YAML entries, their validation, patterns and compiled index.

Compiling the lexicon (YAML, validation, generated word forms, the candidate index) costs more
than checking a page, so the compiled form is cached in the user's cache folder, keyed by a hash
of the lexicon files and the taalcheck version. The cache never holds document text; set
`TAALCHECK_NO_CACHE=1` to bypass it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from taalcheck.lexicon.compiled import CompiledLexicon
from taalcheck.lexicon.loader import bundled_lexicon_dir, bundled_lexicon_files, load_entries
from taalcheck.lexicon.model import Entry, Examples

__all__ = ["CompiledLexicon", "Entry", "Examples", "Lexicon", "load_lexicon"]
_CACHE_FORMAT = 1
_COMPILER_MODULES = ("compiled.py", "patterns.py", "morphology.py", "loader.py", "model.py")


@dataclass
class Lexicon:
    """Entries, compiled patterns and where the context rules are (the engine loads them)."""

    compiled: CompiledLexicon
    context_path: Path = field(default_factory=lambda: bundled_lexicon_dir() / "context.yaml")
    #: Rules of analyses beyond word lists (e.g. who decides), registered by the engine: they are
    #: explained, configured and reported like entries, but have no patterns.
    analysis_entries: dict[str, Entry] = field(default_factory=dict)

    @property
    def entries(self) -> dict[str, Entry]:
        if not self.analysis_entries:
            return self.compiled.entries
        return {**self.compiled.entries, **self.analysis_entries}


def _cache_path(files: list[Path]) -> Path | None:
    if os.environ.get("TAALCHECK_NO_CACHE"):
        return None
    from taalcheck import __version__

    digest = hashlib.sha256(f"{_CACHE_FORMAT}:{__version__}".encode())
    # The code that compiles entries is part of the key, so a changed generator never reuses old forms.
    here = Path(__file__).resolve().parent
    for path in [*(here / name for name in _COMPILER_MODULES), *files]:
        try:
            digest.update(str(path.resolve()).encode() + b"\0" + path.read_bytes() + b"\0")
        except OSError:
            return None  # let the loader report the problem
    try:
        from platformdirs import user_cache_dir

        folder = Path(user_cache_dir("taalcheck", appauthor=False))
    except Exception:
        return None
    return folder / f"lexicon-{digest.hexdigest()[:32]}.pickle"


def _read_cache(path: Path) -> CompiledLexicon | None:
    try:
        with path.open("rb") as stream:
            compiled = pickle.load(stream)
    except Exception:
        return None
    return compiled if isinstance(compiled, CompiledLexicon) else None


def _write_cache(path: Path, compiled: CompiledLexicon) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        compiled.prepare()
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as stream:
            pickle.dump(compiled, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(stream.name, path)
    except Exception:
        return  # a read-only or full cache folder only costs speed


def load_lexicon(extra_files: tuple[Path, ...] = (), include_bundled: bool = True) -> Lexicon:
    """The bundled lexicon plus an organisation's own files; raises `LexiconError` when malformed."""
    files = (bundled_lexicon_files() if include_bundled else []) + list(extra_files)
    cache = _cache_path(files)
    compiled = _read_cache(cache) if cache is not None and cache.is_file() else None
    if compiled is None:
        compiled = CompiledLexicon(load_entries(files))
        if cache is not None:
            _write_cache(cache, compiled)
    return Lexicon(compiled)
