"""The `taalcheck` command: a thin layer over the public API."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from taalcheck import __version__
from taalcheck.click_dutch import install as _install_dutch_texts
from taalcheck.errors import TaalcheckError
from taalcheck.fastcli import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    FORMATS,
    _anonymiser,
    _check_redact,
    _console,
    _fail,
    _flush_stdout,
    _refuse_overwrite,
    _settings,
    _stdout_failed,
    _write_output,
    run_check,
)

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


#: The output formats of `check` (one list, shared with the plain path in `taalcheck.fastcli`).
OutputFormat = Enum("OutputFormat", [(name, name) for name in FORMATS], type=str)  # type: ignore[misc]


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
    code = run_check(
        paths,
        output_format.value,
        output,
        min_severity,
        model,
        config,
        exclude,
        jobs,
        statistics,
        no_color,
        anonymise,
        redact,
    )
    raise typer.Exit(code)


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
        if outcome.context_rules:
            console.print(f"{outcome.path}: {outcome.context_rules} contextregels: in orde", markup=False)
            continue
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
