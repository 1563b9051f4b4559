"""`taalcheck explain ID`: a rule page like `ruff rule` (what, why, example, instead)."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from taalcheck.lexicon.model import Entry
from taalcheck.model import PRINCIPLES


def render_explain(entry: Entry, console: Console) -> None:
    console.print(Text(f"{entry.term} ({entry.id})", style="bold"))
    console.print(Text(f"Ernst: {entry.severity.label} · Principe: {PRINCIPLES[entry.principle]}"))
    console.print()
    console.print(Text("Wat het aanwijst", style="bold"))
    if entry.patterns:
        patterns = ", ".join(entry.patterns)
        console.print(
            Text(
                f"Formuleringen als '{entry.term}', ook verbogen, gespeld met of zonder koppelteken, in "
                f"samenstellingen en met gescheiden werkwoorden (patronen: {patterns})."
            )
        )
    elif entry.note:  # an analysis beyond word lists (who decides) describes what it looks for
        console.print(Text(entry.note))
    if entry.exclude:
        console.print(Text(f"Niet bij: {', '.join(entry.exclude)}."))
    console.print()
    console.print(Text("Waarom", style="bold"))
    console.print(Text(entry.reason))
    if entry.source:
        console.print(Text(f"Bron: {entry.source}", style="dim"))
    if entry.examples.flag:
        console.print()
        console.print(Text("Voorbeeld", style="bold"))
        for sentence in entry.examples.flag[:2]:
            console.print(Text(f"  {sentence}"))
    console.print()
    console.print(Text("Overweeg in plaats daarvan", style="bold"))
    for alternative in entry.alternatives:
        console.print(Text(f"  - {alternative}"))
    if entry.examples.ok:
        console.print()
        console.print(Text("Blijft ongemoeid", style="bold"))
        for sentence in entry.examples.ok[:2]:
            console.print(Text(f"  {sentence}"))
