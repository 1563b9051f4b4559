"""The command line's front door: a plainly written `taalcheck check` runs without Typer.

Importing Typer (and the Click it builds every command with) costs more than checking a page. So
`main` reads the arguments of `taalcheck check PATHS [options]` itself when they are written
plainly (known options, valid values) and runs `run_check`, the same code the Typer command runs;
anything else (help, another command, an unknown option, a bad value) goes to the full command
line in `taalcheck.cli`, which gives its usual help or one Dutch line. The helpers the commands
share (console, settings, output, errors) live here too, so this path never imports Typer.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from taalcheck.datacache import cache_dataclass_code

cache_dataclass_code()  # before the modules with dataclasses below are imported

from taalcheck.errors import TaalcheckError  # noqa: E402
from taalcheck.report import FORMATS as RENDERERS  # noqa: E402

if TYPE_CHECKING:
    from rich.console import Console

    from taalcheck.matching.engine import Checker
    from taalcheck.model import CheckResult
    from taalcheck.settings import Settings

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
#: The formats of `check --format` (statistics is `--statistics`).
FORMATS = tuple(name for name in RENDERERS if name != "statistics")
#: Options of `check` that take a value: long and short names -> keyword of `run_check`.
_VALUE_OPTIONS = {
    "--format": "output_format",
    "-f": "output_format",
    "--output": "output",
    "-o": "output",
    "--min-severity": "min_severity",
    "--model": "model",
    "--config": "config",
    "--exclude": "exclude",
    "--jobs": "jobs",
    "-j": "jobs",
}
_FLAGS = {
    "--statistics": "statistics",
    "--no-color": "no_color",
    "--anonimiseer": "anonymise",
    "--redact": "redact",
}


def main() -> None:
    """Entry point: a plain `check` runs here, everything else through `taalcheck.cli`."""
    arguments = sys.argv[1:]
    options = read_check_arguments(arguments[1:]) if arguments[:1] == ["check"] else None
    if options is None:
        from taalcheck.cli import main as full_command_line

        full_command_line()
        return
    _no_collection_at_exit()
    finish(lambda: run_check(**options))


def _no_collection_at_exit() -> None:
    """At exit, the interpreter looks for reference cycles among every object still alive (the
    lexicon, the modules): a fifth of a page's check. The output is written and flushed by then,
    so the objects alive at exit are frozen instead (`gc.freeze`), after the other exit handlers."""
    import atexit
    import gc

    atexit.register(gc.freeze)


def read_check_arguments(arguments: list[str]) -> dict[str, Any] | None:
    """The keywords of `run_check` for plainly written arguments of `check`, else None.

    None whenever the full command line could answer differently: help, '--', an unknown or
    repeated option, a missing or invalid value, no paths. Values are checked as Typer checks them.
    """
    from taalcheck.model import Severity

    options: dict[str, Any] = {"paths": []}
    index = 0
    while index < len(arguments):
        argument = arguments[index]
        index += 1
        if argument == "-" or (argument and not argument.startswith("-")):
            options["paths"].append(argument)
            continue
        name, equals, value = argument.partition("=")
        if name in _FLAGS and not equals:
            key = _FLAGS[name]
            if key in options:
                return None
            options[key] = True
            continue
        if name not in _VALUE_OPTIONS or (equals and not name.startswith("--")):
            return None
        if not equals:
            if index >= len(arguments):
                return None
            value = arguments[index]
            index += 1
        if not value or value.startswith("-"):
            return None
        key = _VALUE_OPTIONS[name]
        if key == "exclude":
            options.setdefault("exclude", []).append(value)
            continue
        if key in options:
            return None
        if key == "output_format" and value not in FORMATS:
            return None
        if key == "jobs":
            if not value.isascii() or not value.isdigit() or int(value) < 1:
                return None
            options[key] = int(value)
            continue
        if key == "min_severity":
            try:
                Severity.parse(value)
            except ValueError:
                return None
        options[key] = Path(value) if key in ("output", "config") else value
    return options if options["paths"] else None


def finish(work: Callable[[], int]) -> NoReturn:
    """Run a command and exit with its code; a problem is one Dutch line and exit code 2."""
    try:
        code = work()
    except TaalcheckError as error:
        _fail(str(error))
    except KeyboardInterrupt:
        _fail("afgebroken")
    except Exception as error:
        if isinstance(error, OSError) and error.filename is None:
            _stdout_failed(error)  # writing the report failed (disk full): not a bug in taalcheck
        if os.environ.get("TAALCHECK_DEBUG"):
            raise
        _fail(f"onverwachte fout ({type(error).__name__}: {error}); zet TAALCHECK_DEBUG=1 voor details")
    _flush_stdout()
    sys.exit(code)


def run_check(
    paths: list[str],
    output_format: str = "text",
    output: Path | None = None,
    min_severity: str | None = None,
    model: str | None = None,
    config: Path | None = None,
    exclude: list[str] | None = None,
    jobs: int = 1,
    statistics: bool = False,
    no_color: bool = False,
    anonymise: bool = False,
    redact: bool = False,
) -> int:
    """`taalcheck check`: check, write the output, and return the exit code."""
    from taalcheck.api import check_paths

    _check_redact(redact, output_format)
    settings = _settings(config, model, min_severity, Path.cwd())
    with _progress_bar(output_format == "text") as progress:
        result = check_paths(
            paths,
            settings=settings,
            checker=_checker(settings),
            exclude=exclude or [],
            jobs=jobs,
            progress=progress,
            # formats that read whole texts say so; anonymising needs them to map every passage
            full_documents=RENDERERS[output_format].whole_documents or anonymise,
        )
    if anonymise:
        result = _anonymiser().result(result)
    inputs = [Path(p) for p in paths if p != "-"]
    if result.files or output_format in ("json", "sarif"):
        _emit(result, output_format, output, statistics, no_color, inputs, redact)
    for error in result.errors:
        sys.stderr.write(f"taalcheck: fout: {_safe(error)}\n")
    if result.errors:
        return EXIT_ERROR
    threshold = settings.min_severity
    missing = _missing_required(result, settings)
    found = any(f.severity >= threshold for f in result.findings)
    return EXIT_FINDINGS if found or missing else EXIT_CLEAN


def _checker(settings: Settings) -> Checker:
    """The checker for `settings`, made without the cyclic garbage collector: loading the lexicon
    makes tens of thousands of objects that all stay, and looking through them as they come costs
    a third of the loading."""
    import gc

    from taalcheck.api import make_checker

    enabled = gc.isenabled()
    gc.disable()
    try:
        return make_checker(settings)
    finally:
        if enabled:
            gc.enable()


def _console(no_color: bool = False, stderr: bool = False) -> Console:
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    return Console(
        stderr=stderr,
        width=None if stream.isatty() else 160,
        no_color=no_color or bool(os.environ.get("NO_COLOR")),
        highlight=False,
        soft_wrap=True,
        emoji=False,
    )


def _styled(no_color: bool) -> bool:
    """Does text output get colours (a terminal, or FORCE_COLOR / TTY_COMPATIBLE as rich reads them)?"""
    if no_color or os.environ.get("NO_COLOR"):
        return False
    return (
        sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR")) or os.environ.get("TTY_COMPATIBLE") == "1"
    )


def _settings(config: Path | None, model: str | None, min_severity: str | None, start: Path) -> Settings:
    from dataclasses import replace

    from taalcheck.config import find_config, load_config
    from taalcheck.model import Severity
    from taalcheck.settings import Settings

    path = config or find_config(start)
    settings = load_config(path) if path else Settings()
    if model:
        settings = replace(settings, model=model)
    if min_severity:
        settings = replace(settings, min_severity=Severity.parse(min_severity))
    return settings


def _missing_required(result: CheckResult, settings: Settings) -> bool:
    """Report documents that lack an item the configuration requires (`require`); True if any."""
    from taalcheck.report.coverage import missing_required

    labels = {item.key: item.label for file in result.files for item in file.coverage}
    missing = False
    for file in result.files:
        lacking = missing_required(file, settings.require)
        if lacking:
            missing = True
            names = ", ".join(labels.get(key, key) for key in lacking)
            sys.stderr.write(f"taalcheck: {file.path}: niet gevonden, vereist in de configuratie: {names}\n")
    return missing


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A transient progress bar on a terminal, for more than a handful of files."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("Controleren", total=None)

        def advance(done: int, total: int) -> None:
            if total > 5:
                bar.update(task, completed=done, total=total)

        yield advance


def _emit(
    result: CheckResult,
    fmt: str,
    output: Path | None,
    statistics: bool,
    no_color: bool,
    inputs: list[Path],
    redact: bool = False,
) -> None:
    from taalcheck.report import renderer

    if output is not None:
        _refuse_overwrite(output, inputs)
    if fmt == "text" and output is None and _styled(no_color):
        from taalcheck.report.text import render_text

        console = _console(no_color)
        render_text(result, console)
        if statistics:
            from taalcheck.report.statistics import render_statistics

            console.print("\nAantallen per item:", markup=False)
            console.print(render_statistics(result), markup=False, end="")
        return
    writer = RENDERERS[fmt].load_writer() if not redact else None
    if writer is not None:  # written piece by piece: a long report is never one string in memory
        if output is None:
            writer(result, sys.stdout)
            return
        try:
            with output.open("w", encoding="utf-8") as stream:
                writer(result, stream)
        except OSError as error:
            raise TaalcheckError(f"{output}: kan de uitvoer niet schrijven ({error.strerror})") from None
        _console(no_color, stderr=True).print(f"Uitvoer geschreven naar {output}", markup=False)
        return
    if fmt == "text":  # a pipe, a file or --no-color: the same text, written without rich
        from taalcheck.report.text import render_plain

        rendered = render_plain(result, width=_plain_width(output))
    else:
        rendered = renderer(fmt)(result)
    if redact:
        from taalcheck.report.redact import redact_output

        rendered = redact_output(fmt, rendered)
    if statistics and fmt in ("text", "concise"):
        from taalcheck.report.statistics import render_statistics

        rendered += "\nAantallen per item:\n" + render_statistics(result)
    if output is None:
        sys.stdout.write(rendered)
    else:
        try:
            output.write_text(rendered, encoding="utf-8")
        except OSError as error:
            raise TaalcheckError(f"{output}: kan de uitvoer niet schrijven ({error.strerror})") from None
        _console(no_color, stderr=True).print(f"Uitvoer geschreven naar {output}", markup=False)


def _check_redact(redact: bool, fmt: str) -> None:
    if not redact:
        return
    from taalcheck.report.redact import REDACTABLE

    if fmt not in REDACTABLE:
        raise TaalcheckError("--redact geldt voor --format json, sarif en github; gebruik --anonimiseer")


def _anonymiser():  # type: ignore[no-untyped-def]
    """One anonymiser for this command (labels agree across its documents); says so when slow."""
    from taalcheck.anonymise import Anonymiser
    from taalcheck.deidentify import needs_preparation

    if needs_preparation():
        _console(stderr=True).print(
            "Anonimiseren: de namen- en adreslijsten worden eenmalig voorbereid (dat duurt even)...",
            markup=False,
        )
    return Anonymiser()


def _write_output(output: Path, data: str) -> None:
    try:
        output.write_text(data, encoding="utf-8")
    except OSError as error:
        raise TaalcheckError(f"{output}: kan de uitvoer niet schrijven ({error.strerror})") from None
    _console(stderr=True).print(f"Uitvoer geschreven naar {output}", markup=False)


def _refuse_overwrite(output: Path, inputs: list[Path]) -> None:
    """Output never replaces an input (also through hard and symbolic links): see `output_guard`."""
    from taalcheck.output_guard import refuse_overwriting_inputs

    refuse_overwriting_inputs(output, inputs)


def _flush_stdout() -> None:
    """Write what is buffered for standard output; a write error (disk full) is one Dutch line."""
    try:
        sys.stdout.flush()
    except OSError as error:
        _stdout_failed(error)


def _stdout_failed(error: OSError) -> None:
    # Nothing more to write: the interpreter's own flush at exit must not fail again.
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    _fail(f"standaarduitvoer: kan de uitvoer niet schrijven ({error.strerror or error})")


_USAGE_TRANSLATIONS = (
    (r"^Missing argument '(.+?)'\.?", r"argument \1 ontbreekt"),
    (r"^Missing option (.+?)\.?$", r"optie \1 ontbreekt"),
    (r"^No such option: (\S+)", r"onbekende optie \1"),
    (r"^No such command '(.+?)'\.?", r"onbekend commando '\1'"),
    (r"^Option '(.+?)' requires an argument\.?", r"optie \1 heeft een waarde nodig"),
    (r"^Got unexpected extra argument(?:\(s\)|s)? \((.+)\)", r"onverwacht extra argument: \1"),
    (r"^Missing parameter: (.+)", r"ontbrekende waarde: \1"),
    (r"^Option '(.+?)' does not take a value\.?", r"optie \1 neemt geen waarde"),
    (r"^Option '(.+?)' requires (\d+) arguments\.?", r"optie \1 heeft \2 waarden nodig"),
    (r"^Could not open file (.+?): (.*)", r"kan bestand \1 niet openen: \2"),
    (r"^Invalid value: (.*)", r"ongeldige waarde: \1"),
    (r"is not a valid (?:int range|integer|int)\.", "is geen geldig geheel getal."),
    (r"is not a valid (?:float range|float)\.", "is geen geldig getal."),
    (r"is not a valid boolean\..*", "is geen ja/nee-waarde."),
    (r"^Invalid value for (.+?):\s*(?:Value error, )?(.*)", r"ongeldige waarde voor \1: \2"),
    (r"Did you mean (.+?)\?", r"Bedoelt u \1?"),
    (r"\(Possible options: (.+?)\)", r"(mogelijke opties: \1)"),
    (r"Input should be greater than or equal to (\S+)", r"moet minstens \1 zijn"),
    (r"Input should be less than or equal to (\S+)", r"mag hoogstens \1 zijn"),
    (r"is not one of", "is niet een van"),
    (r"is not in the range", "valt buiten het bereik"),
)


def _dutch(message: str) -> str:
    """Click's (English) usage messages in Dutch."""
    import re

    for pattern, replacement in _USAGE_TRANSLATIONS:
        message = re.sub(pattern, replacement, message)
    return message


def _fail(message: str, hint: str | None = None) -> None:
    line = f"taalcheck: fout: {_dutch(message)}"
    if hint:
        line += f" (zie `{hint} --help`)"
    sys.stderr.write(_safe(line.replace("\n", " ")) + "\n")
    sys.exit(EXIT_ERROR)


def _plain_width(output: Path | None) -> int:
    """Columns for text without colour: the terminal's when it is one, else the default."""
    from taalcheck.report.text import DEFAULT_WIDTH

    if output is None and sys.stdout.isatty():
        import shutil

        return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    return DEFAULT_WIDTH


def _safe(text: str) -> str:
    """One line for the terminal: control characters in file names and text are shown escaped."""
    from taalcheck.report.terminal import safe_name

    return safe_name(text)
