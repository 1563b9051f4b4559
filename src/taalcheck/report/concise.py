"""Concise output: one line per finding, in the `path:line:column:` form editors understand."""

from __future__ import annotations

from taalcheck.model import CheckResult, Finding
from taalcheck.report.terminal import safe_name


def format_finding(path: str, finding: Finding) -> str:
    """`pad:regel:kolom: ernst [id] bericht (plaats) [context]` for one finding."""
    message = " ".join(finding.message.splitlines())
    line = f"{safe_name(path)}:{finding.line}:{finding.column}: {finding.severity.label} [{finding.rule}] {message}"
    if finding.location:
        line += f" ({safe_name(finding.location)})"
    if finding.context:
        line += " [" + "; ".join(finding.context) + "]"
    return line


def render_concise(result: CheckResult) -> str:
    """All findings, one per line, in result order (empty string when there are none)."""
    lines = [format_finding(file.path, finding) for file in result.files for finding in file.findings]
    return "".join(line + "\n" for line in lines)
