"""GitHub Actions output: one workflow command per finding, shown as annotations on the diff.

Severities map to annotation levels as: waarschuwing and suggestie -> `warning`, hint -> `notice`.
taalcheck gives advice, so it never emits `error`.
"""

from __future__ import annotations

from taalcheck.model import CheckResult, Finding, Severity

LEVELS: dict[Severity, str] = {
    Severity.WARNING: "warning",
    Severity.SUGGESTION: "warning",
    Severity.HINT: "notice",
}


def escape_data(value: str) -> str:
    """Escape a command message (the part after `::`) as GitHub's toolkit does."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a command property value (`file=`, `title=` ...) as GitHub's toolkit does."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation_message(finding: Finding) -> str:
    """The message with the alternatives and context notes appended."""
    message = finding.message.rstrip()
    if finding.suggestions and "Overweeg" not in message:
        if message and message[-1] not in ".!?":
            message += "."
        message += " Overweeg: " + "; ".join(finding.suggestions) + "."
    if finding.location:
        message += f" ({finding.location})"
    if finding.context:
        message += " [" + "; ".join(finding.context) + "]"
    return message


def format_finding(path: str, finding: Finding) -> str:
    """One `::warning file=...::message` command."""
    props = [("file", path.replace("\\", "/")), ("line", str(finding.line))]
    if finding.end_line == finding.line:
        # GitHub only uses columns on single-line annotations; endColumn is exclusive, as in SARIF.
        props += [("col", str(finding.column)), ("endColumn", str(finding.end_column))]
    else:
        props.append(("endLine", str(finding.end_line)))
    props.append(("title", f"taalcheck {finding.rule} ({finding.severity.label})"))
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{LEVELS[finding.severity]} {rendered}::{escape_data(annotation_message(finding))}"


def render_github(result: CheckResult) -> str:
    """Workflow commands for all findings and file notices, one per line."""
    lines: list[str] = []
    for file in result.files:
        for notice in file.notices:
            path = escape_property(file.path.replace("\\", "/"))
            lines.append(f"::warning file={path},title=taalcheck::{escape_data(notice)}")
        lines.extend(format_finding(file.path, finding) for finding in file.findings)
    return "".join(line + "\n" for line in lines)
