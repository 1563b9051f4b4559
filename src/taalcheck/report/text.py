"""The default output: each finding with its source line underlined, then a summary (ruff/rustc style)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice
from typing import TYPE_CHECKING

from taalcheck.documents.base import Document
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
from taalcheck.report.terminal import safe_name, source_window

if TYPE_CHECKING:
    from rich.console import Console

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


#: One printed line: (text, rich style or "") pieces.
Line = list[tuple[str, str]]
#: What rich removes from printed text (bell, backspace, vertical tab, form feed, carriage return).
_CONTROL = re.compile("[\x07\x08\x0b\x0c\r]")
_LINES_PER_PRINT = 400
#: Columns of the text output when no terminal says otherwise (a pipe or a file).
DEFAULT_WIDTH = 160


def _finding_lines(file: FileResult, finding: Finding, width: int, name: str | None = None) -> list[Line]:
    """The lines of one finding; `name` is `safe_name(file.path)` when the caller has it."""
    header: Line = [(f"{name or safe_name(file.path)}:{finding.line}:{finding.column}", "bold")]
    if finding.location:
        header.append((f" ({safe_name(finding.location)})", ""))
    header.append((": ", ""))
    header.append((finding.severity.label, SEVERITY_STYLES[finding.severity]))
    header.append((f" [{finding.rule}] ", "dim"))
    header.append((safe_name(finding.term), ""))
    if finding.mention:
        header.append((" (genoemd, niet gebruikt)", "dim"))
    lines = [header]
    document = file.document
    if document is not None:
        for line in range(finding.line, finding.end_line + 1):
            # A window around the passage on a long line; control characters shown escaped.
            gutter = f"{line:>4} | "
            if isinstance(document, Document):  # the whole text: look only near the passage
                text, start, end, spans = document.text, *_line_bounds(document, line), list(finding.spans)
            else:  # only the lines with findings (from a worker process)
                text, offset = document.line_text(line), document.line_offset(line)
                start, end, spans = 0, len(text), [(a - offset, b - offset) for a, b in finding.spans]
            shown, marks = source_window(text, start, end, spans, width - len(gutter))
            lines.append([(gutter, "blue"), (shown, "")])
            lines.append(
                [(" " * (len(gutter) - 2) + "| ", "blue"), (marks, SEVERITY_STYLES[finding.severity])]
            )
    indent = "     = "
    lines.append([(indent + "Waarom: ", "blue"), (finding.message, "")])
    if finding.suggestions:
        lines.append([(indent + "Overweeg: ", "green"), ("; ".join(finding.suggestions), "")])
    lines.append(
        [(indent + "Principe: ", "blue"), (PRINCIPLES.get(finding.principle, finding.principle), "")]
    )
    if finding.context:
        lines.append([(indent + "Context: ", "blue"), (safe_name("; ".join(finding.context)), "")])
    lines.append([])
    return lines


def _line_bounds(document: Document, line: int) -> tuple[int, int]:
    """Offsets of a 1-based line in the document text, without its line break (no copy made)."""
    start = document.line_offset(line)
    try:
        end = document.line_offset(line + 1) - 1
    except IndexError:
        end = len(document.text)
    if end > start and document.text[end - 1] == "\r":
        end -= 1
    return start, end


def iter_text_lines(
    result: CheckResult, show_balance: bool = True, width: int = DEFAULT_WIDTH
) -> Iterator[Line]:
    """Every line of the text output, one at a time: findings with their source lines, notices, the summary.

    Source lines fit in `width` columns; file names, notices and text never carry control characters.
    Lines are made as they are printed, so a report with many findings never holds them all at once.
    """
    for file in result.files:
        name = safe_name(file.path)
        for finding in file.findings:
            yield from _finding_lines(file, finding, width, name)
        for notice in file.notices:
            yield [(f"{safe_name(file.path)}: let op: {safe_name(notice)}", "magenta")]
    if show_balance:
        for file in result.files:
            if len(result.files) > 1 and file.balance.words:
                yield [(f"{safe_name(file.path)}: {balance_line(file.balance)}", "dim")]
    yield [(summary_line(result), "bold")]
    dropped = dropped_line(result)
    if dropped:
        yield [(dropped, "dim")]
    if show_balance:
        yield [(balance_line(result.balance()), "")]
        yield from _checklist(result)


def text_lines(result: CheckResult, show_balance: bool = True, width: int = DEFAULT_WIDTH) -> list[Line]:
    """Every line of the text output (see `iter_text_lines`)."""
    return list(iter_text_lines(result, show_balance, width))


def _checklist(result: CheckResult) -> list[Line]:
    """'In dit verslag': the whole checklist for one document, one line per document for several."""
    from taalcheck.report.coverage import checklist_lines

    files = [file for file in result.files if file.coverage]
    if len(files) == 1:
        return [[("In dit verslag:", "")], *([(f"  {line}", "")] for line in checklist_lines(files[0]))]
    lines: list[Line] = []
    for file in files:
        parts = [f"{item.label} {len(item.passages) or '–'}" for item in file.coverage]
        lines.append([(f"{safe_name(file.path)}: in dit verslag: {' · '.join(parts)}", "dim")])
    return lines


def render_plain(result: CheckResult, show_balance: bool = True, width: int = DEFAULT_WIDTH) -> str:
    """The text output without colours, as rich prints it to a file or pipe (without loading rich)."""
    lines = iter_text_lines(result, show_balance, width)
    text = "".join(["".join([piece for piece, _ in line]) + "\n" for line in lines])
    # Escaped already where text comes from a document; a search is far cheaper than a translation.
    return _CONTROL.sub("", text) if _CONTROL.search(text) else text


def render_text(result: CheckResult, console: Console, show_balance: bool = True) -> None:
    """Print findings, notices and the closing summary (in colour when the console has colours)."""
    width = console.width
    if console.color_system is None and not console.record:
        console.file.write(render_plain(result, show_balance, width))
        return
    from rich.text import Text

    lines = iter_text_lines(result, show_balance, width)
    while batch_lines := list(islice(lines, _LINES_PER_PRINT)):  # a few prints, not seven per finding
        batch = Text()
        for number, line in enumerate(batch_lines):
            if number:
                batch.append("\n")
            for piece, style in line:
                batch.append(piece, style=style or None)
        console.print(batch)
