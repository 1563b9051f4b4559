"""The cache folder, and taalcheck's own data files kept there in parsed form.

Parsing the bundled YAML data (word lists, checklist cues) and importing the YAML library cost
more than checking a page, so `cached_parse` keeps what a parser made of a file's bytes as
`marshal` data, keyed by a hash of those bytes and the Python version: a changed file is parsed
again, and a run that finds everything cached never imports the YAML library. Only plain data
(dicts, lists, strings, numbers) is kept; anything else is parsed on every run. The cache never
holds document text; `TAALCHECK_NO_CACHE=1` bypasses it, `TAALCHECK_CACHE_DIR` moves it.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: Parsed data files kept at most (the least recently written go).
MAX_DATA_FILES = 32
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


def cached_parse(raw: bytes, parse: Callable[[], Any], kind: str) -> Any:
    """`parse()` of the file whose bytes are `raw`, from the cache when it was parsed before.

    `kind` names the parser and its options (part of the key). Errors of `parse` propagate.
    """
    folder = cache_folder()
    if folder is None:
        return parse()
    digest = hashlib.sha256(b"\0".join((_FORMAT, sys.version.encode(), kind.encode(), raw)))
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


def _write(path: Path, encoded: bytes) -> None:
    import tempfile  # only when writing: most runs read the cache

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as stream:
            stream.write(encoded)
        os.replace(stream.name, path)
    except OSError:
        return  # a read-only or full cache folder only costs speed
    with contextlib.suppress(OSError):
        files = sorted(path.parent.glob("data-*.marshal"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[MAX_DATA_FILES:]:
            old.unlink(missing_ok=True)
