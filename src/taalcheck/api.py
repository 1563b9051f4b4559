"""The public API: the one door the command line, the web page and Python callers go through.

Check text, bytes, files and folders (with exclude patterns, standard input, parallel jobs and a
progress callback); look up lexicon entries and test lexicon files. Every checker made here has
its configuration validated against the lexicon, so an unknown configured id is the same clear
Dutch error everywhere. Nothing here writes a report's text to disk.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from taalcheck.config import validate_ids
from taalcheck.documents import (
    Document,
    Segment,
    document_from_bytes,
    document_from_text,
    iter_document_paths,
    read_document,
)
from taalcheck.documents.files import read_limited
from taalcheck.documents.text import decode_text
from taalcheck.errors import InputError, TaalcheckError
from taalcheck.lexicon import Lexicon, load_lexicon
from taalcheck.lexicon.context_rules import load_context_rules
from taalcheck.lexicon.loader import bundled_lexicon_files, load_file
from taalcheck.lexicon.model import Entry
from taalcheck.matching.engine import Checker, register_analyses
from taalcheck.model import CheckResult, FileResult, Finding, SourceLines
from taalcheck.settings import Settings

if TYPE_CHECKING:
    from taalcheck.lexicon.examples import ExampleFailure

#: Below this many files, worker processes cost more than they save.
PARALLEL_THRESHOLD = 8
#: Called after each file with (files done, files in total).
Progress = Callable[[int, int], None]
STDIN = "-"


@lru_cache(maxsize=8)
def _lexicon(extra: tuple[Path, ...]) -> Lexicon:
    return register_analyses(load_lexicon(extra, context_loader=load_context_rules))


def make_checker(settings: Settings | None = None, exhaustive: bool = False) -> Checker:
    """A checker with the bundled lexicon plus the settings' extra lexicon files.

    Raises `ConfigError` when the settings name an id the lexicon does not have.
    """
    settings = settings or Settings()
    lexicon = _lexicon(tuple(settings.extend_lexicon))
    validate_ids(settings, set(lexicon.entries))
    return Checker(lexicon, settings, exhaustive=exhaustive)


# -- checking -------------------------------------------------------------------------------


def check_text(
    text: str, *, path: str = STDIN, settings: Settings | None = None, model: str | None = None
) -> list[Finding]:
    """Findings in a text (as a professional would paste it)."""
    return check_text_result(text, path=path, settings=_with_model(settings, model)).findings


def check_file(
    path: str | os.PathLike[str], *, settings: Settings | None = None, model: str | None = None
) -> list[Finding]:
    """Findings in one document (.txt, .md, .docx, .odt, .pdf)."""
    return check_file_result(Path(path), settings=_with_model(settings, model)).findings


def check_text_result(
    text: str, *, path: str = STDIN, settings: Settings | None = None, checker: Checker | None = None
) -> FileResult:
    """Findings, balance and context for a text; offsets count in `text` as given (a BOM included)."""
    return (checker or make_checker(settings)).check_document(_as_given(document_from_text(text, path), text))


def _as_given(document: Document, text: str) -> Document:
    """The document of `text` with a leading byte-order mark that the reader dropped put back.

    The caller's string is what offsets refer to; the mark itself is blank in the analysis text.
    """
    if not text.startswith("\ufeff") or document.text == text:
        return document
    segments = [
        replace(segment, start=segment.start + 1, end=segment.end + 1) for segment in document.segments
    ]
    return replace(document, text=text, segments=segments, analysis_text=" " + document.analysis_text)


def read_bytes(data: bytes, name: str, max_bytes: int = 50_000_000) -> Document:
    """A document from bytes (an upload); its type comes from the suffix of `name`."""
    return document_from_bytes(data, name, max_bytes=max_bytes)


def check_bytes_result(
    data: bytes, name: str, *, settings: Settings | None = None, checker: Checker | None = None
) -> FileResult:
    """Findings, balance and context for a document given as bytes; `InputError` when unreadable."""
    return (checker or make_checker(settings)).check_document(read_bytes(data, name))


def check_file_result(
    path: Path,
    *,
    display: str | None = None,
    settings: Settings | None = None,
    checker: Checker | None = None,
) -> FileResult:
    """Findings, balance and context for one file; raises `InputError` when it cannot be read."""
    checker = checker or make_checker(settings)
    limits = (settings or checker.settings).limits
    return checker.check_document(read_document(path, display or str(path), limits=limits))


def check_documents(documents: Iterable[Document], checker: Checker) -> CheckResult:
    """Documents that were already read (the web page reads uploads from bytes)."""
    return CheckResult([checker.check_document(document) for document in documents])


def check_paths(
    arguments: Sequence[str | os.PathLike[str]],
    *,
    settings: Settings | None = None,
    exclude: Sequence[str] = (),
    jobs: int = 1,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    checker: Checker | None = None,
    full_documents: bool = True,
) -> CheckResult:
    """Check files and folders (recursively, in a stable order) and '-' for standard input.

    A missing argument is an `InputError`; a file that cannot be read does not stop the others:
    its one-line problem is kept in `CheckResult.errors`. With `full_documents=False`, worker
    processes send back only what output quotes (`SourceLines`: the lines with findings, the
    passages of trust wording and of the checklist), not each document's text.
    """
    settings = settings or (checker.settings if checker else Settings())
    checker = checker or make_checker(settings)
    names = [str(argument) for argument in arguments]
    for name in names:
        if name != STDIN and not Path(name).exists():
            raise InputError(name, "bestand of map niet gevonden")
    paths = [Path(name) for name in names if name != STDIN]
    skipped: list[InputError] = []
    documents = iter_document_paths(paths, list(exclude), skipped) if paths else []
    files: list[FileResult] = []
    if STDIN in names:
        data = read_limited(stdin or sys.stdin.buffer, STDIN, settings.limits.max_file_bytes)
        files.append(
            checker.check_document(
                document_from_text(decode_text(data, STDIN, settings.limits.max_text_chars), STDIN)
            )
        )
    if jobs > 1 and len(documents) >= PARALLEL_THRESHOLD:
        outcomes = _check_in_parallel(documents, settings, checker, jobs, full_documents)
    else:
        outcomes = (_check_one(path, checker) for path in documents)
    errors = [str(problem) for problem in skipped]
    for done, outcome in enumerate(outcomes, start=1):
        if isinstance(outcome, FileResult):
            files.append(outcome)
        else:
            errors.append(outcome)
        if progress is not None:
            progress(done, len(documents))
    return CheckResult(files, errors)


def _check_one(path: Path, checker: Checker) -> FileResult | str:
    """The result for one file, or its one-line Dutch problem (the other files go on)."""
    try:
        return check_file_result(path, checker=checker)
    except InputError as error:
        return str(error)


_worker_checker: Checker | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_checker
    _worker_checker = make_checker(settings)


def _check_in_worker(path: Path) -> FileResult | str:
    assert _worker_checker is not None
    return _check_one(path, _worker_checker)


def _lines_in_worker(path: Path) -> FileResult | str:
    """As `_check_in_worker`, but only the lines with findings travel back, not the document."""
    outcome = _check_in_worker(path)
    if isinstance(outcome, FileResult) and isinstance(outcome.document, Document):
        passages = [(positive.start, positive.end) for positive in outcome.positives]
        passages += [passage for item in outcome.coverage for passage in item.passages]
        outcome.document = SourceLines.of(outcome.document, outcome.findings, passages)
    return outcome


def _check_in_parallel(
    documents: list[Path], settings: Settings, checker: Checker, jobs: int, full_documents: bool = True
) -> Iterator[FileResult | str]:
    from concurrent.futures import ProcessPoolExecutor  # only here: a page is checked in this process

    _ = checker.context_rules  # compiled once here; forked workers inherit them
    work = _check_in_worker if full_documents else _lines_in_worker
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(settings,)) as pool:
        chunk = max(1, len(documents) // (jobs * 32))  # small chunks: no idle worker at the end
        yield from pool.map(work, documents, chunksize=chunk)


# -- the lexicon ----------------------------------------------------------------------------


def lexicon_entries(settings: Settings | None = None) -> dict[str, Entry]:
    """Every entry of the bundled lexicon plus the settings' extra files, by id."""
    return _lexicon(tuple((settings or Settings()).extend_lexicon)).entries


def find_entry(name: str, settings: Settings | None = None) -> Entry:
    """The entry with this id (or term); a `TaalcheckError` with close ids when there is none."""
    entries = lexicon_entries(settings)
    entry = entries.get(name) or next((e for e in entries.values() if e.term.lower() == name.lower()), None)
    if entry is None:
        from difflib import get_close_matches

        close = get_close_matches(name, list(entries), n=3)
        hint = f" Bedoelt u: {', '.join(close)}?" if close else " Zie `taalcheck lexicon` voor alle items."
        raise TaalcheckError(f"onbekend lexicon-item '{name}'.{hint}")
    return entry


@dataclass(frozen=True)
class LexiconFileTest:
    """The outcome of validating one lexicon file and running its examples."""

    path: Path
    entries: int
    examples: int
    failures: tuple[ExampleFailure, ...]
    #: A file of context rules (like the bundled context.yaml) is validated, with no entries to test.
    context_rules: int = 0

    @property
    def passed(self) -> bool:
        return not self.failures


def test_lexicon_files(paths: Sequence[Path]) -> list[LexiconFileTest]:
    """Validate lexicon files (a `LexiconError` when malformed) and run their examples as tests,
    together with the bundled lexicon so overlaps between entries show up as they would in use."""
    from taalcheck.lexicon.examples import run_examples

    bundled = {path.resolve() for path in bundled_lexicon_files()}
    rule_files = {path for path in paths if _holds_context_rules(path)}
    extra = tuple(path for path in paths if path.resolve() not in bundled and path not in rule_files)
    found = rules_in(Checker(load_lexicon(extra)))
    outcomes = []
    for path in paths:
        if path in rule_files:
            outcomes.append(LexiconFileTest(path, 0, 0, (), context_rules=len(load_context_rules(path))))
            continue
        entries = load_file(path)
        count, failures = run_examples(entries, found)
        outcomes.append(LexiconFileTest(path, len(entries), count, tuple(failures)))
    return outcomes


def _holds_context_rules(path: Path) -> bool:
    """A file with `rules` and no `entries` at the top: context rules, not lexicon entries."""
    from taalcheck.yamlfile import YamlProblem, read_yaml

    try:
        data = read_yaml(path)
    except YamlProblem:
        return False  # the lexicon loader reports the problem with the file
    return isinstance(data, dict) and "rules" in data and "entries" not in data


test_lexicon_files.__test__ = False  # type: ignore[attr-defined]  # not a pytest test


def rules_in(checker: Checker) -> Callable[[str], set[str]]:
    """The ids `checker` reports in one sentence (findings and trust wording): examples as tests."""

    def found(sentence: str) -> set[str]:
        document = Document(path="<voorbeeld>", text=sentence, segments=[Segment(0, len(sentence))])
        result = checker.check_document(document)
        return {finding.rule for finding in result.findings} | {
            positive.rule for positive in result.positives
        }

    return found


def _with_model(settings: Settings | None, model: str | None) -> Settings | None:
    if model is None:
        return settings
    return replace(settings or Settings(), model=model)
