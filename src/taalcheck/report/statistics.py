"""Statistics output: how often each lexicon entry was reported, like `ruff --statistics`."""

from __future__ import annotations

from collections import Counter

from taalcheck.model import CheckResult, Finding, Severity


def statistics_rows(result: CheckResult) -> list[tuple[int, str, str, str]]:
    """(count, id, severity label, term) per entry, most frequent first, then by id."""
    counts = Counter(finding.rule for finding in result.findings)
    first: dict[str, Finding] = {}
    highest: dict[str, Severity] = {}
    for finding in result.findings:
        first.setdefault(finding.rule, finding)
        highest[finding.rule] = max(highest.get(finding.rule, finding.severity), finding.severity)
    rows = []
    for rule, count in counts.items():
        entry = first[rule].entry
        # The entry's own severity; context rules may have lowered single findings.
        severity = entry.severity if entry else highest[rule]
        rows.append((count, rule, severity.label, first[rule].term))
    rows.sort(key=lambda row: (-row[0], row[1]))
    return rows


def render_statistics(result: CheckResult) -> str:
    """An aligned plain-text table: count, id, severity, term (empty string without findings)."""
    rows = statistics_rows(result)
    if not rows:
        return ""
    count_width = max(len(str(row[0])) for row in rows)
    id_width = max(len(row[1]) for row in rows)
    severity_width = max(len(row[2]) for row in rows)
    lines = [
        f"{count:>{count_width}}  {rule:<{id_width}}  {severity:<{severity_width}}  {term}"
        for count, rule, severity, term in rows
    ]
    return "".join(line + "\n" for line in lines)
