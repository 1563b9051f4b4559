"""The de-identification library `deduce`, with only the lookup lists taalcheck needs.

deduce builds its lookup structures from its word lists once per installation. With all lists that
takes minutes: almost all of it goes to the street list, which deduce first grows from 153,000 to
770,000 names with abbreviations and spelling variants ('Burg.', 'str', 'y'/'ij'), and to the
244,000 names of care institutions. taalcheck labels people, dates, addresses and places, phone
numbers, BSN and e-mail addresses, so it points deduce (through its `lookup_data_path` option) at
a copy of the lists with the institution names left empty and the street names as listed, without
the variants. deduce's own street pattern ('...straat', '...ln', '...str') and house-number rules
still find abbreviated addresses. Preparing the structures then takes seconds instead of minutes.

The copy and deduce's cache of it live next to deduce's own lists when that folder is writable
(prepared once per installation, shared by every process), else in taalcheck's cache folder.
Nothing of a document is ever written there.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import logging
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from taalcheck.errors import TaalcheckError

#: Changes whenever the selection below changes, so an older prepared copy is not reused.
SELECTION_VERSION = "1"
#: deduce lists that stay empty: institution names are no personal detail and cost the most.
EMPTY_LISTS = ("institutions/lst_healthcare_institution",)
#: deduce lists used as listed, without the variants its transform.json adds.
WITHOUT_VARIANTS = ("locations/lst_street",)
_CACHE_FILE = Path("cache") / "lookup_structs.pickle"

_lock = threading.Lock()
_deidentifier: Any = None


def _deduce() -> Any:
    """The deduce module. On import it sends all logging to standard output (`basicConfig`, level
    DEBUG), which would mix its messages into taalcheck's JSON or SARIF: that setting is undone."""
    if "deduce" in sys.modules:
        return sys.modules["deduce"]
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        import deduce
    except ImportError:  # pragma: no cover - a dependency of taalcheck
        raise TaalcheckError("anonimiseren vraagt het pakket 'deduce'; installeer het opnieuw") from None
    finally:
        for handler in [handler for handler in root.handlers if handler not in handlers]:
            root.removeHandler(handler)
        root.setLevel(level)
    return deduce


@functools.cache
def lists_dir() -> Path:
    """Where the selected lists and deduce's prepared structures of them are kept."""
    deduce = _deduce()
    name = f"taalcheck-{deduce.__version__}-{SELECTION_VERSION}"
    package_data = Path(deduce.__file__).parent / "data"
    if os.access(package_data, os.W_OK):
        return package_data / name
    if os.environ.get("TAALCHECK_NO_CACHE"):
        folder = tempfile.mkdtemp(prefix="taalcheck-deduce-")
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        return Path(folder) / name
    if os.environ.get("TAALCHECK_CACHE_DIR"):
        return Path(os.environ["TAALCHECK_CACHE_DIR"]) / name
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("taalcheck", appauthor=False)) / name


def needs_preparation() -> bool:
    """Whether the first use will take a while (deduce prepares its structures once)."""
    return not (lists_dir() / _CACHE_FILE).exists()


def _copy_selected_lists(source: Path, target: Path) -> None:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in EMPTY_LISTS:
        folder = target / name
        shutil.rmtree(folder)
        folder.mkdir()
        (folder / "items.txt").write_text("", encoding="utf-8")
    for name in WITHOUT_VARIANTS:
        (target / name / "transform.json").unlink(missing_ok=True)


def _prepared(target: Path) -> Any:
    """deduce on the selected lists, prepared in a staging folder that is then moved into place
    (a process starting meanwhile never reads a half-written cache)."""
    deduce = _deduce()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".taalcheck-deduce-", dir=target.parent))
    staging.chmod(0o755)  # readable like deduce's own lists (mkdtemp makes it private)
    try:
        _copy_selected_lists(Path(deduce.__file__).parent / "data" / "lookup" / "src", staging / "src")
        instance = deduce.Deduce(lookup_data_path=staging, cache_path=staging)
        if target.exists() and not (target / _CACHE_FILE).exists():
            shutil.rmtree(target, ignore_errors=True)  # left incomplete by hand: prepare it again
        with contextlib.suppress(OSError):  # another process may have prepared it first
            os.replace(staging, target)
        return instance
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def deidentifier() -> Any:
    """The deduce de-identifier (loading takes a few seconds; done once per process)."""
    global _deidentifier
    with _lock:
        if _deidentifier is None:
            deduce = _deduce()
            target = lists_dir()
            if (target / _CACHE_FILE).exists():
                _deidentifier = deduce.Deduce(lookup_data_path=target, cache_path=target)
            else:
                _deidentifier = _prepared(target)
        return _deidentifier
