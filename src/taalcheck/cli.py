"""The `taalcheck` command: a thin layer over the public API."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from taalcheck import __version__
from taalcheck.click_dutch import install as _install_dutch_texts
from taalcheck.errors import TaalcheckError

if TYPE_CHECKING:
    from rich.console import Console

    from taalcheck.model import CheckResult
    from taalcheck.settings import Settings

_install_dutch_texts()

app = typer.Typer(
    name="taalcheck",
    help="Taaladvies voor rapportages: van controle en beheersing naar visie, vertrouwen en verantwoordelijkheid.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
lexicon_app = typer.Typer(
    help="Het lexicon bekijken en testen.", invoke_without_command=True, no_args_is_help=False
)
app.add_typer(lexicon_app, name="lexicon")

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


ModelOption = Annotated[
    str | None, typer.Option("--model", metavar="NAAM", help="Nederlandse pipeline: naam, map, of 'blank'.")
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config", metavar="BESTAND", help="Configuratiebestand (taalcheck.toml of pyproject.toml)."
    ),
]


AnonymiseOption = Annotated[
    bool,
    typer.Option(
        "--anonimiseer",
        help="Vervang namen, geboortedata, adressen, telefoonnummers, BSN, zaaknummers en e-mailadressen "
        "door labels ([PERSOON-1], [DATUM-1] ...) voordat er iets getoond of geschreven wordt.",
    ),
]
RedactOption = Annotated[
    bool,
    typer.Option("--redact", help="Machine-uitvoer (json, sarif, github) zonder passages uit de tekst."),
]


class OutputFormat(str, Enum):
    text = "text"
    concise = "concise"
    json = "json"
    sarif = "sarif"
    github = "github"
    html = "html"


SEVERITY_CHOICES = "hint, suggestie of waarschuwing (ook: suggestion, warning)"


def _severity_name(value: str | None) -> str | None:
    """Dutch and English severity names are both accepted."""
    from taalcheck.model import Severity

    if value is not None:
        try:
            Severity.parse(value)
        except ValueError:
            raise typer.BadParameter(f"'{value}' is geen niveau; kies {SEVERITY_CHOICES}") from None
    return value


SeverityOption = Annotated[
    str | None,
    typer.Option(
        "--min-severity",
        metavar="NIVEAU",
        callback=_severity_name,
        help=f"Toon alleen meldingen vanaf dit niveau: {SEVERITY_CHOICES}.",
    ),
]


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


def _version_callback(value: bool) -> None:
    if value:
        from taalcheck.language.pipeline import describe_pipeline

        typer.echo(f"taalcheck {__version__}")
        typer.echo(f"Nederlandse pipeline: {describe_pipeline().describe()}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            help="Toon de versie en de Nederlandse pipeline.",
            callback=_version_callback,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """taalcheck leest een rapport en stelt andere woorden voor waar de tekst uitgaat van controle en beheersing."""


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


@app.command()
def check(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PADEN...",
            help="Bestanden of mappen (.txt, .md, .docx, .odt, .pdf); '-' leest van standaardinvoer.",
        ),
    ],
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format", "-f", metavar="VORM", help="Uitvoervorm: text, concise, json, sarif, github of html."
        ),
    ] = OutputFormat.text,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="BESTAND", help="Schrijf de uitvoer naar dit bestand."),
    ] = None,
    min_severity: SeverityOption = None,
    model: ModelOption = None,
    config: ConfigOption = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude", metavar="PATROON", help="Sla paden over die op dit patroon passen (herhaalbaar)."
        ),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, metavar="N", help="Aantal bestanden tegelijk.")
    ] = 1,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Toon aantallen per lexicon-item.")
    ] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="Geen kleur in de uitvoer.")] = False,
    anonymise: AnonymiseOption = False,
    redact: RedactOption = False,
) -> None:
    """Controleer rapporten en toon passages met een voorstel voor ander woordgebruik."""
    from taalcheck.api import check_paths
    from taalcheck.report import FORMATS

    _check_redact(redact, output_format.value)
    settings = _settings(config, model, min_severity, Path.cwd())
    with _progress_bar(output_format == OutputFormat.text) as progress:
        result = check_paths(
            paths,
            settings=settings,
            exclude=exclude or [],
            jobs=jobs,
            progress=progress,
            # formats that read whole texts say so; anonymising needs them to map every passage
            full_documents=FORMATS[output_format.value].whole_documents or anonymise,
        )
    if anonymise:
        result = _anonymiser().result(result)
    inputs = [Path(p) for p in paths if p != "-"]
    if result.files or output_format in (OutputFormat.json, OutputFormat.sarif):
        _emit(result, output_format.value, output, statistics, no_color, inputs, redact)
    for error in result.errors:
        sys.stderr.write(f"taalcheck: fout: {_safe(error)}\n")
    if result.errors:
        raise typer.Exit(EXIT_ERROR)
    threshold = settings.min_severity
    missing = _missing_required(result, settings)
    found = any(f.severity >= threshold for f in result.findings)
    raise typer.Exit(EXIT_FINDINGS if found or missing else EXIT_CLEAN)


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
    from taalcheck.report.redact import REDACTABLE

    if redact and fmt not in REDACTABLE:
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


class CompareFormat(str, Enum):
    text = "text"
    json = "json"
    html = "html"


@app.command()
def vergelijk(
    old: Annotated[
        Path, typer.Argument(metavar="OUD", help="De eerste versie (.txt, .md, .docx, .odt, .pdf).")
    ],
    new: Annotated[Path, typer.Argument(metavar="NIEUW", help="De herschreven versie.")],
    output_format: Annotated[
        CompareFormat, typer.Option("--format", "-f", help="Uitvoervorm.")
    ] = CompareFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Schrijf de uitvoer naar dit bestand.")
    ] = None,
    min_severity: SeverityOption = None,
    model: ModelOption = None,
    config: ConfigOption = None,
    anonymise: AnonymiseOption = False,
    redact: RedactOption = False,
) -> None:
    """Vergelijk twee versies: welke meldingen zijn opgelost, welke zijn nieuw, welke bleven, en de balans."""
    from taalcheck.api import check_file_result, make_checker
    from taalcheck.comparison import compare
    from taalcheck.errors import InputError
    from taalcheck.report import comparison_renderer

    _check_redact(redact, output_format.value)
    for path in (old, new):
        if not path.exists():
            raise InputError(str(path), "bestand niet gevonden")
    if output is not None:
        _refuse_overwrite(output, [old, new])
    settings = _settings(config, model, min_severity, Path.cwd())
    checker = make_checker(settings)
    results = [check_file_result(path, checker=checker) for path in (old, new)]
    if anonymise:
        anonymiser = _anonymiser()
        results = [anonymiser.file_result(result) for result in results]
    comparison = compare(*results)
    rendered = comparison_renderer(output_format.value)(comparison)
    if redact:
        from taalcheck.report.redact import redact_output

        rendered = redact_output("json", rendered)
    if output is None:
        sys.stdout.write(rendered)
    else:
        _write_output(output, rendered)
    raise typer.Exit(EXIT_FINDINGS if comparison.added else EXIT_CLEAN)


def _refuse_overwrite(output: Path, inputs: list[Path]) -> None:
    """Output never replaces an input (also through hard and symbolic links): see `output_guard`."""
    from taalcheck.output_guard import refuse_overwriting_inputs

    refuse_overwriting_inputs(output, inputs)


@app.command()
def explain(
    rule: Annotated[
        str, typer.Argument(metavar="ID", help="Id van een lexicon-item, bijvoorbeeld escalatiebeheersing.")
    ],
) -> None:
    """Toon de uitlegpagina van een lexicon-item: wat, waarom, voorbeeld, wat in plaats daarvan."""
    from taalcheck.api import find_entry
    from taalcheck.report.explain import render_explain

    render_explain(find_entry(rule), _console())


@lexicon_app.callback()
def lexicon_table(ctx: typer.Context) -> None:
    """Toon alle lexicon-items: id, term, principe, ernst."""
    if ctx.invoked_subcommand is not None:
        return
    from rich.table import Table

    from taalcheck.api import lexicon_entries
    from taalcheck.model import PRINCIPLES

    entries = lexicon_entries()
    table = Table(title="taalcheck-lexicon", show_lines=False)
    for column in ("id", "term", "principe", "ernst"):
        table.add_column(column, no_wrap=column == "id")
    for entry in sorted(entries.values(), key=lambda e: (e.kind, e.principle, e.id)):
        if entry.kind == "control":
            table.add_row(entry.id, entry.term, PRINCIPLES[entry.principle], entry.severity.label)
    console = _console()
    console.print(table)
    control = sum(1 for e in entries.values() if e.kind == "control")
    console.print(
        f"{control} items; daarnaast {len(entries) - control} positieve formuleringen voor de balans.",
        markup=False,
    )


@lexicon_app.command("test")
def lexicon_test(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="BESTANDEN...", help="Lexiconbestanden (YAML) om te valideren en te testen."),
    ],
) -> None:
    """Valideer lexiconbestanden en draai hun voorbeelden als tests."""
    from taalcheck.api import test_lexicon_files

    console = _console()
    failed = 0
    for outcome in test_lexicon_files(paths):
        for failure in outcome.failures:
            console.print(f"{outcome.path}: {failure.describe()}", markup=False)
        failed += len(outcome.failures)
        status = "in orde" if outcome.passed else f"{len(outcome.failures)} mislukt"
        items = "1 item" if outcome.entries == 1 else f"{outcome.entries} items"
        console.print(f"{outcome.path}: {items}, {outcome.examples} voorbeelden: {status}", markup=False)
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_CLEAN)


@app.command()
def info(
    model: ModelOption = None,
) -> None:
    """Toon versie, Nederlandse pipeline (met scores) en lexicon."""
    from taalcheck.language.pipeline import describe_pipeline
    from taalcheck.lexicon.loader import bundled_lexicon_dir

    choice = describe_pipeline(model)
    console = _console()
    console.print(f"taalcheck {__version__}", markup=False)
    console.print(f"Nederlandse pipeline: {choice.describe()}", markup=False)
    if choice.location:
        console.print(f"  locatie: {choice.location}", markup=False)
    labels = {
        "pos_acc": "woordsoort",
        "morph_acc": "morfologie",
        "lemma_acc": "lemma",
        "dep_uas": "UAS",
        "dep_las": "LAS",
        "sents_f": "zinsgrenzen F",
    }
    if choice.scores:
        scores = ", ".join(f"{labels[k]} {v * 100:.1f}" for k, v in choice.scores.items())
        console.print(f"  scores (UD Alpino dev): {scores}", markup=False)
    console.print(f"Lexicon: {bundled_lexicon_dir()}", markup=False)
    limits = _settings(None, model, None, Path.cwd()).limits
    console.print("Grenzen voor invoer (aan te passen onder [limits] in taalcheck.toml):", markup=False)
    for label, value in limits.describe():
        console.print(f"  {label}: {value}", markup=False)


@app.command()
def annotate(
    source: Annotated[
        Path,
        typer.Argument(
            metavar="BESTAND", help="Het Word-bestand (.docx, .docm, .dotx, .dotm) om te controleren."
        ),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="BESTAND", help="De kopie met opmerkingen (.docx).")
    ],
    remove: Annotated[
        bool,
        typer.Option(
            "--verwijder", help="Haal de opmerkingen van taalcheck weg (andere opmerkingen blijven staan)."
        ),
    ] = False,
    min_severity: SeverityOption = None,
    model: ModelOption = None,
    config: ConfigOption = None,
    anonymise: AnonymiseOption = False,
) -> None:
    """Schrijf een kopie van een Word-bestand met een opmerking bij elke passage (het origineel blijft onaangeroerd).

    Opmerkingen van een eerdere keer worden vervangen; met --verwijder worden ze weggehaald.
    """
    from taalcheck.errors import InputError
    from taalcheck.report.annotate import WORD_SUFFIXES, annotate_docx, remove_from_docx, summary_lines

    if source.suffix.lower() not in WORD_SUFFIXES:
        raise InputError(str(source), "annotate werkt alleen met Word-bestanden (.docx, .docm, .dotx, .dotm)")
    if output.suffix.lower() != ".docx":
        raise InputError(str(output), "de uitvoer moet een .docx-bestand zijn")
    _refuse_overwrite(output, [source])
    if remove:
        annotation = remove_from_docx(source, output)
    else:
        from taalcheck.api import check_file_result, make_checker

        settings = _settings(config, model, min_severity, Path.cwd())
        result = check_file_result(source, settings=settings, checker=make_checker(settings))
        if anonymise:
            annotation = _annotate_anonymised(source, output, result)
        else:
            annotation = annotate_docx(source, output, result)
    for line in summary_lines(annotation, str(source), str(output), removing=remove):
        _console().print(line, markup=False, highlight=False)


def _annotate_anonymised(source: Path, output: Path, result):  # type: ignore[no-untyped-def]
    """Annotate an anonymised copy: labels in the text, comments on the same passages."""
    from taalcheck.report.annotate import annotate_bytes
    from taalcheck.report.anonymous_word import anonymise_word

    assert result.document is not None
    anonymiser = _anonymiser()
    _, _, replacements = anonymiser.document(result.document)
    anonymous = anonymiser.file_result(result)
    data = anonymise_word(source.read_bytes(), result.document, replacements)
    annotation = annotate_bytes(data, anonymous, str(source))
    try:
        output.write_bytes(annotation.data)
    except OSError as error:
        raise TaalcheckError(f"{output}: kan het uitvoerbestand niet schrijven ({error.strerror})") from None
    return annotation


@app.command("eval")
def evaluate(
    corpora: Annotated[
        list[Path],
        typer.Argument(
            metavar="CORPUS...",
            help="Geannoteerde corpora: YAML zoals dev-corpus.yaml, of een map met teksten en annotations.yaml.",
        ),
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", metavar="VORM", help="text of json.")
    ] = OutputFormat.text,
    min_recall: Annotated[
        float | None,
        typer.Option(
            "--min-recall", min=0, max=1, metavar="GETAL", help="Exitcode 1 onder deze recall (0-1)."
        ),
    ] = None,
    min_precision: Annotated[
        float | None,
        typer.Option(
            "--min-precision", min=0, max=1, metavar="GETAL", help="Exitcode 1 onder deze precisie (0-1)."
        ),
    ] = None,
    model: ModelOption = None,
    config: ConfigOption = None,
) -> None:
    """Meet recall en precisie van het lexicon op een geannoteerd corpus."""
    from taalcheck.api import make_checker
    from taalcheck.evaluation import evaluate_corpora, render_evaluation

    settings = _settings(config, model, None, Path.cwd())
    report = evaluate_corpora(corpora, make_checker(settings))
    if output_format == OutputFormat.json:
        import json

        sys.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        render_evaluation(report, _console())
    too_low = (min_recall is not None and report.recall < min_recall) or (
        min_precision is not None and report.precision < min_precision
    )
    raise typer.Exit(EXIT_FINDINGS if too_low else EXIT_CLEAN)


@app.command()
def web(
    port: Annotated[
        int, typer.Option("--poort", "--port", min=1, max=65535, metavar="N", help="Poort op deze computer.")
    ] = 8765,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            metavar="ADRES",
            help="Adres om op te luisteren; standaard alleen deze computer (127.0.0.1).",
        ),
    ] = "127.0.0.1",
    names: Annotated[
        list[str] | None,
        typer.Option(
            "--naam",
            metavar="NAAM",
            help="Hostnaam waaronder de pagina bereikbaar is, zoals achter een reverse proxy (herhaalbaar).",
        ),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, max=64, metavar="N", help="Aantal serverprocessen.")
    ] = 1,
    max_checks: Annotated[
        int,
        typer.Option(
            "--max-controles", min=1, max=64, metavar="N", help="Controles tegelijk per serverproces."
        ),
    ] = 2,
    max_mb: Annotated[
        float,
        typer.Option("--max-mb", min=0.01, metavar="MB", help="Grootste upload (tekst plus bestand) in MB."),
    ] = 20,
    time_limit: Annotated[
        float,
        typer.Option(
            "--tijdslimiet", min=0.5, metavar="SECONDEN", help="Hoogstens zoveel seconden per controle."
        ),
    ] = 60,
    open_browser: Annotated[
        bool, typer.Option("--open/--niet-open", help="Open de pagina in de browser.")
    ] = False,
    model: ModelOption = None,
    config: ConfigOption = None,
) -> None:
    """Start de webpagina: plak een tekst of kies een bestand (er gaat niets naar buiten)."""
    from taalcheck.web import serve
    from taalcheck.web.environment import limits_from

    serve(
        host=host,
        port=port,
        config=config,
        model=model,
        open_browser=open_browser,
        workers=workers,
        limits=limits_from(max_mb, max_checks, time_limit),
        names=tuple(names or ()),
    )


@app.command()
def snelkoppeling(
    folder: Annotated[
        Path | None,
        typer.Option(
            "--map", metavar="MAP", help="Zet de snelkoppeling in deze map (standaard: het bureaublad)."
        ),
    ] = None,
    port: Annotated[
        int, typer.Option("--poort", "--port", min=1, max=65535, metavar="N", help="Poort van de webpagina.")
    ] = 8765,
) -> None:
    """Zet een snelkoppeling op het bureaublad die met een dubbelklik de webpagina opent."""
    from taalcheck.shortcut import create_shortcut

    shortcut = create_shortcut(folder, port)
    done = "bijgewerkt" if shortcut.replaced else "gemaakt"
    _console().print(
        f"Snelkoppeling {done}: {shortcut.path}\nDubbelklik erop om de webpagina te openen; "
        "sluit het venster dat dan opent om de pagina te stoppen.",
        markup=False,
    )


def main() -> None:
    """Entry point: run the app; errors become one Dutch line on stderr and exit code 2."""
    try:
        code = app(standalone_mode=False)
    except typer.Exit as done:
        _flush_stdout()
        sys.exit(done.exit_code)
    except TaalcheckError as error:
        _fail(str(error))
    except KeyboardInterrupt:
        _fail("afgebroken")
    except Exception as error:  # usage errors from (typer's) click, and anything unexpected
        names = {cls.__name__ for cls in type(error).__mro__}
        if "NoArgsIsHelpError" in names:
            sys.stdout.write(error.format_message() + "\n")  # type: ignore[attr-defined]
            sys.exit(EXIT_CLEAN)
        if "Abort" in names:
            _fail("afgebroken")
        if "UsageError" in names:
            context = getattr(error, "ctx", None)
            _fail(error.format_message(), hint=context.command_path if context else None)  # type: ignore[attr-defined]
        if "ClickException" in names:
            _fail(error.format_message())  # type: ignore[attr-defined]
        if isinstance(error, OSError) and error.filename is None:
            _stdout_failed(error)  # writing the report failed (disk full): not a bug in taalcheck
        if os.environ.get("TAALCHECK_DEBUG"):
            raise
        _fail(f"onverwachte fout ({type(error).__name__}: {error}); zet TAALCHECK_DEBUG=1 voor details")
    _flush_stdout()
    sys.exit(code if isinstance(code, int) else EXIT_CLEAN)


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
