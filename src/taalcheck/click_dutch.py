"""Click's and Typer's own texts (usage, help, errors) in Dutch.

Both (Typer through its own copy of Click) pass their texts through `gettext` (`_()` and `ngettext()` in each module); `install()`
points those names at the table below, so the help pages and error messages are Dutch from the start
instead of translated afterwards. Texts missing from the table stay as they are.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

DUTCH: dict[str, str] = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Arguments": "Argumenten",
    "Commands": "Commando's",
    "Positional arguments": "Argumenten",
    "Show this message and exit.": "Toon deze hulptekst en stop.",
    "Show the version and exit.": "Toon de versie en stop.",
    "default: {default}": "standaard: {default}",
    "required": "verplicht",
    "env var: {var}": "omgevingsvariabele: {var}",
    "(dynamic)": "(wisselend)",
    "deprecated": "verouderd",
    "Aborted!": "Afgebroken.",
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Zie '{command} {option}' voor hulp.",
    "Missing command.": "Er ontbreekt een commando.",
    "No such command {name!r}.": "onbekend commando {name!r}",
    "No such option: {name}": "onbekende optie {name}",
    "No such option {name!r}.": "onbekende optie {name!r}",
    "Did you mean {possibility}?": "Bedoelt u {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Bedoelt u een van: {possibilities}?)",
    "(Possible options: {possibilities})": "(mogelijke opties: {possibilities})",
    "Missing argument": "ontbrekend argument",
    "Missing option": "ontbrekende optie",
    "Missing parameter": "ontbrekende waarde",
    "Missing parameter: {param_name}": "ontbrekende waarde: {param_name}",
    "Missing {param_type}": "{param_type} ontbreekt",
    "Invalid value for {param_hint}: {message}": "ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "ongeldige waarde: {message}",
    "Option {name!r} does not take a value.": "optie {name!r} neemt geen waarde",
    "Option {name!r} requires an argument.": "optie {name!r} heeft een waarde nodig",
    "Option {name!r} requires {nargs} arguments.": "optie {name!r} heeft {nargs} waarden nodig",
    "Argument {name!r} takes {nargs} values.": "argument {name!r} heeft {nargs} waarden nodig",
    "Got unexpected extra argument ({args})": "onverwacht extra argument ({args})",
    "Got unexpected extra arguments ({args})": "onverwachte extra argumenten ({args})",
    "{value!r} is not {choice}.": "{value!r} is niet {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} is niet een van {choices}.",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig {number_type}.",
    "integer": "geheel getal",
    "float": "getal",
    "{value} is not in the range {range}.": "{value} valt buiten het bereik {range}.",
    "{value!r} is not a valid boolean.": "{value!r} is geen geldige ja/nee-waarde.",
    "file": "bestand",
    "directory": "map",
    "path": "pad",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar.",
    "Could not open file {filename!r}: {message}": "kan bestand {filename!r} niet openen: {message}",
    "unknown error": "onbekende fout",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
}

_CLICK_MODULES = ("core", "exceptions", "types", "formatting", "parser", "decorators", "termui")
#: Typer carries its own copy of Click (`typer._click`); a separate Click may be installed as well.
_MODULES = (
    "typer.core",
    *(f"typer._click.{name}" for name in _CLICK_MODULES),
    *(f"click.{name}" for name in _CLICK_MODULES),
)


def dutch(message: str) -> str:
    """The Dutch text for one of Click's or Typer's messages (unchanged when unknown)."""
    return DUTCH.get(message, message)


def dutch_plural(singular: str, plural: str, count: int) -> str:
    return dutch(singular if count == 1 else plural)


_installed = False


def install() -> None:
    """Point the `_`/`ngettext` names of Click's and Typer's modules at the Dutch table."""
    global _installed
    if _installed:
        return
    _installed = True
    _patch_typer_click()
    for name in _MODULES:
        if name.startswith("click.") and "click" not in sys.modules:
            continue  # a separate Click that Typer does not use: not imported for nothing
        try:
            module = importlib.import_module(name)
        except ImportError:  # pragma: no cover - a module that a later version dropped
            continue
        if hasattr(module, "_"):
            module._ = dutch  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = dutch_plural  # type: ignore[attr-defined]


def _patch_typer_click() -> None:
    """Typer's copy of Click has two texts without gettext: the usage prefix and the help option."""
    try:
        from typer._click import core, formatting
    except ImportError:  # pragma: no cover - a Typer without its own Click
        return
    write_usage = formatting.HelpFormatter.write_usage
    get_help_option = core.Command.get_help_option

    def dutch_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("COMMAND [ARGS]...", "COMMANDO [ARGUMENTEN]...").replace("[OPTIONS]", "[OPTIES]")
        write_usage(self, prog, args, DUTCH["Usage:"] + " " if prefix is None else prefix)

    def dutch_help_option(self: Any, ctx: Any) -> Any:
        option = get_help_option(self, ctx)
        if option is not None:
            option.help = DUTCH["Show this message and exit."]
        return option

    formatting.HelpFormatter.write_usage = dutch_usage  # type: ignore[method-assign]
    core.Command.get_help_option = dutch_help_option  # type: ignore[method-assign]
