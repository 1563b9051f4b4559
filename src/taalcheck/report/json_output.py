"""The JSON contract (`--format json`, version 1), documented in the README."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from taalcheck.model import Balance, CheckResult, FileResult, Finding, PositiveMatch, trust_counted

if TYPE_CHECKING:
    from taalcheck.documents.base import Document
    from taalcheck.model import SourceLines

JSON_VERSION = 1


def finding_dict(finding: Finding) -> dict[str, Any]:
    data: dict[str, Any] = {
        "rule": finding.rule,
        "severity": finding.severity.key,
        "principle": finding.principle,
        "start": finding.start,
        "end": finding.end,
        "spans": [list(span) for span in finding.spans],
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "text": finding.text,
        "message": finding.message,
        "suggestions": list(finding.suggestions),
        "mention": finding.mention,
        "context": list(finding.context),
    }
    if finding.original_severity is not None and finding.original_severity != finding.severity:
        data["original_severity"] = finding.original_severity.key
    if finding.location:
        data["location"] = finding.location
    return data


def balance_dict(balance: Balance) -> dict[str, Any]:
    return {
        "words": balance.words,
        "control": balance.control,
        "trust": balance.trust,
        "control_per_1000": balance.control_per_1000,
        "trust_per_1000": balance.trust_per_1000,
        "ratio": balance.ratio,
        "by_principle": dict(sorted(balance.by_principle.items())),
    }


def trust_dict(positive: PositiveMatch, document: Document | SourceLines | None) -> dict[str, Any]:
    """One trust phrase: where it is, whether the balance counts it, and why not (context notes)."""
    return {
        "rule": positive.rule,
        "principle": positive.principle,
        "start": positive.start,
        "end": positive.end,
        "text": document.passage(positive.start, positive.end) if document is not None else "",
        "counted": trust_counted(positive),
        "context": list(positive.context),
    }


def file_dict(file: FileResult) -> dict[str, Any]:
    data: dict[str, Any] = {
        "path": file.path,
        "findings": [finding_dict(finding) for finding in file.findings],
        "trust_phrases": [trust_dict(positive, file.document) for positive in file.positives],
        "summary": balance_dict(file.balance),
    }
    if file.notices:
        data["notices"] = list(file.notices)
    # Passages that context or configuration kept from being reported, each with its reason.
    data["dropped"] = [finding_dict(finding) for finding in file.silenced]
    if file.coverage:
        from taalcheck.report.coverage import coverage_dict

        data["coverage"] = coverage_dict(file)
    return data


def result_dict(result: CheckResult) -> dict[str, Any]:
    balance = result.balance()
    data = {
        "version": JSON_VERSION,
        "files": [file_dict(file) for file in result.files],
        "summary": {
            "files": len(result.files),
            "findings": len(result.findings),
            "by_severity": result.by_severity(),
            "dropped": sum(len(file.silenced) for file in result.files),
            **balance_dict(balance),
        },
    }
    if result.errors:
        data["errors"] = list(result.errors)
    return data


def render_json(result: CheckResult) -> str:
    # Compact: json's C encoder is ten times faster than its indenting one on large folders.
    return json.dumps(result_dict(result), ensure_ascii=False, separators=(",", ":")) + "\n"
