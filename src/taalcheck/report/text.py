"""The default output: each finding with its source line underlined, then a summary (ruff/rustc style)."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Console
from rich.text import Text

from taalcheck.lexicon.model import Entry
from taalcheck.model import (
    PRINCIPLES,
    SEVERITY_LABELS,
    SEVERITY_PLURALS,
    Balance,
    CheckResult,
    FileResult,
    Finding,
    Severity,
)

SEVERITY_STYLES = {Severity.HINT: "cyan", Severity.SUGGESTION: "yellow", Severity.WARNING: "bold red"}


def _number(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _counted(count: int, severity: Severity) -> str:
    return f"{count} {SEVERITY_LABELS[severity] if count == 1 else SEVERITY_PLURALS[severity]}"


def summary_line(result: CheckResult) -> str:
    """'5 bevindingen in 2 bestanden: 1 waarschuwing, 3 suggesties, 1 hint'."""
    findings = result.findings
    files = len(result.files)
    noun = "bevinding" if len(findings) == 1 else "bevindingen"
    where = f"{files} bestand" if files == 1 else f"{files} bestanden"
    if not findings:
        return f"Geen bevindingen in {where}."
    counts = result.by_severity()
    parts = [_counted(counts[s.key], s) for s in sorted(Severity, reverse=True) if counts[s.key]]
    return f"{len(findings)} {noun} in {where}: {', '.join(parts)}"


def dropped_line(result: CheckResult) -> str | None:
    """'Niet gemeld: 3 passages ...': what context or configuration kept back, never silently."""
    count = sum(len(file.silenced) for file in result.files)
    if not count:
        return None
    noun = "passage" if count == 1 else "passages"
    return (
        f"Niet gemeld: {count} {noun} (citaat, juridische beslissing, naam, veiligheid, configuratie ...); "
        "--format json of html toont ze met de reden."
    )


def balance_line(balance: Balance) -> str:
    """The trainer's number: control against trust wording per 1000 words."""
    if not balance.words:
        return "Balans: geen tekst om te tellen."
    text = (
        f"Balans: {_number(balance.control_per_1000)} controle- en {_number(balance.trust_per_1000)} "
        f"vertrouwensformuleringen per 1000 woorden ({balance.words} woorden"
    )
    if balance.ratio is not None:
        text += f"; verhouding {_number(balance.ratio)} : 1"
    return text + ")"


def _finding(console: Console, file: FileResult, finding: Finding, entries: Mapping[str, Entry]) -> None:
    entry = entries.get(finding.rule)
    header = Text()
    header.append(f"{file.path}:{finding.line}:{finding.column}", style="bold")
    if finding.location:
        header.append(f" ({finding.location})")
    header.append(": ")
    header.append(finding.severity.label, style=SEVERITY_STYLES[finding.severity])
    header.append(f" [{finding.rule}] ", style="dim")
    header.append(entry.term if entry else finding.text)
    if finding.mention:
        header.append(" (genoemd, niet gebruikt)", style="dim")
    console.print(header)
    document = file.document
    if document is not None:
        for line in range(finding.line, finding.end_line + 1):
            source = document.line_text(line)
            offset = document.line_offset(line)
            marks = [" "] * len(source)
            for start, end in finding.spans:
                for position in range(max(start, offset), min(end, offset + len(source))):
                    marks[position - offset] = "^"
            gutter = f"{line:>4} | "
            console.print(Text(gutter, style="blue") + Text(source.expandtabs(1)))
            console.print(
                Text(" " * (len(gutter) - 2) + "| ", style="blue")
                + Text("".join(marks).rstrip(), style=SEVERITY_STYLES[finding.severity])
            )
    indent = "     = "
    console.print(Text(indent + "Waarom: ", style="blue") + Text(finding.message))
    if finding.suggestions:
        console.print(Text(indent + "Overweeg: ", style="green") + Text("; ".join(finding.suggestions)))
    console.print(
        Text(indent + "Principe: ", style="blue") + Text(PRINCIPLES.get(finding.principle, finding.principle))
    )
    if finding.context:
        console.print(Text(indent + "Context: ", style="blue") + Text("; ".join(finding.context)))
    console.print()


def render_text(
    result: CheckResult, entries: Mapping[str, Entry], console: Console, show_balance: bool = True
) -> None:
    """Print findings, notices and the closing summary."""
    for file in result.files:
        for finding in file.findings:
            _finding(console, file, finding, entries)
        for notice in file.notices:
            console.print(Text(f"{file.path}: let op: {notice}", style="magenta"))
    if show_balance:
        for file in result.files:
            if len(result.files) > 1 and file.balance.words:
                console.print(Text(f"{file.path}: {balance_line(file.balance)}", style="dim"))
    console.print(Text(summary_line(result), style="bold"))
    dropped = dropped_line(result)
    if dropped:
        console.print(Text(dropped, style="dim"))
    if show_balance:
        console.print(Text(balance_line(result.balance())))
        _checklist(console, result)


def _checklist(console: Console, result: CheckResult) -> None:
    """'In dit verslag': the whole checklist for one document, one line per document for several."""
    from taalcheck.report.coverage import checklist_lines

    files = [file for file in result.files if file.coverage]
    if len(files) == 1:
        console.print(Text("In dit verslag:"))
        for line in checklist_lines(files[0]):
            console.print(Text(f"  {line}"))
        return
    for file in files:
        parts = [f"{item.label} {len(item.passages) or '–'}" for item in file.coverage]
        console.print(Text(f"{file.path}: in dit verslag: {' · '.join(parts)}", style="dim"))
