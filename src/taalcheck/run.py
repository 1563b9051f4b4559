"""Checking many files for the command line: stdin, folders, parallel workers, progress."""

from __future__ import annotations

import sys
from pathlib import Path

from taalcheck.api import make_checker
from taalcheck.config import validate_ids
from taalcheck.errors import InputError, TaalcheckError
from taalcheck.lexicon.model import Entry
from taalcheck.matching.engine import Checker
from taalcheck.model import CheckResult, FileResult
from taalcheck.settings import Settings

#: Below this many files, workers cost more than they save.
PARALLEL_THRESHOLD = 8
_worker_checker: Checker | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_checker
    _worker_checker = make_checker(settings)


def _check_one(path: Path, checker: Checker) -> FileResult | str:
    """The result for one file, or its one-line Dutch problem (the other files go on)."""
    from taalcheck.api import check_file_result

    try:
        return check_file_result(path, checker=checker)
    except InputError as error:
        return str(error)


def _check_in_worker(path: Path) -> FileResult | str:
    assert _worker_checker is not None
    return _check_one(path, _worker_checker)


def _read_stdin() -> str:
    data = sys.stdin.buffer.read()
    from taalcheck.documents.text import decode_text

    return decode_text(data, "-")


def run_check(
    arguments: list[str], settings: Settings, exclude: list[str], jobs: int, progress: bool = True
) -> tuple[CheckResult, dict[str, Entry]]:
    """Check the given paths (or '-') and return results in argument order.

    A file that cannot be read does not stop the others: its problem is kept in `CheckResult.errors`.
    """
    from taalcheck.api import check_text_result
    from taalcheck.documents import iter_document_paths

    checker = make_checker(settings)
    validate_ids(settings, set(checker.lexicon.entries))
    files: list[FileResult] = []
    paths = [Path(argument) for argument in arguments if argument != "-"]
    for argument in arguments:
        if argument != "-" and not Path(argument).exists():
            raise InputError(argument, "bestand of map niet gevonden")
    documents = iter_document_paths(paths, exclude) if paths else []
    if "-" in arguments:
        files.append(check_text_result(_read_stdin(), path="-", checker=checker))
    outcomes: list[FileResult | str] = []
    if jobs > 1 and len(documents) >= PARALLEL_THRESHOLD:
        from concurrent.futures import ProcessPoolExecutor

        _ = checker.lexicon.context_rules  # compiled once here; forked workers inherit them

        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(settings,)) as pool:
            chunk = max(1, len(documents) // (jobs * 32))  # small chunks: no idle worker at the end
            iterator = pool.map(_check_in_worker, documents, chunksize=chunk)
            outcomes.extend(_with_progress(iterator, len(documents), progress))
    else:
        outcomes.extend(
            _with_progress((_check_one(path, checker) for path in documents), len(documents), progress)
        )
    files.extend(outcome for outcome in outcomes if isinstance(outcome, FileResult))
    errors = [outcome for outcome in outcomes if isinstance(outcome, str)]
    return CheckResult(files, errors), checker.lexicon.entries


def _with_progress(results, total: int, enabled: bool):  # type: ignore[no-untyped-def]
    if not enabled or total <= 5 or not sys.stderr.isatty():
        yield from results
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("Controleren", total=total)
        for result in results:
            bar.advance(task)
            yield result


__all__ = ["TaalcheckError", "run_check"]
