"""SARIF 2.1.0 output for code-scanning tools (GitHub code scanning, IDE SARIF viewers).

Columns and character offsets count Unicode code points (`columnKind: unicodeCodePoints`),
as taalcheck does everywhere. SARIF has no "suggestion" level, so the taalcheck severity is
kept in `properties.severity` next to the mapped `level`.
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from taalcheck.documents.base import Document
from taalcheck.model import PRINCIPLES, CheckResult, Entry, FileResult, Finding, Severity

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS: dict[Severity, str] = {
    Severity.WARNING: "warning",
    Severity.SUGGESTION: "note",
    Severity.HINT: "note",
}

JSON = dict[str, Any]


def tool_version() -> str:
    """The installed taalcheck version, or the package's `__version__`, or "0.1.0"."""
    try:
        return metadata.version("taalcheck")
    except metadata.PackageNotFoundError:
        pass
    try:
        from taalcheck.version import __version__
    except ImportError:
        return "0.1.0"
    return str(__version__)


def artifact_location(path: str) -> JSON:
    """A relative path as a percent-encoded relative URI (against `%SRCROOT%`), else a file URI."""
    if PureWindowsPath(path).drive or path.startswith(("/", "\\")):
        posix = path.replace("\\", "/")
        if PureWindowsPath(path).drive:
            posix = "/" + posix
        return {"uri": "file://" + quote(posix, safe="/:")}
    posix = str(PurePosixPath(path.replace("\\", "/")))
    return {"uri": quote(posix, safe="/"), "uriBaseId": "%SRCROOT%"}


def rule_help_markdown(entry: Entry) -> str:
    """A rule page in Markdown: why, what to write instead, examples and source."""
    principle = PRINCIPLES.get(entry.principle, entry.principle)
    parts = [
        f"## {entry.term} (`{entry.id}`)",
        f"**Principe:** {principle}  \n**Ernst:** {entry.severity.label}",
        f"### Waarom\n\n{entry.reason}",
    ]
    if entry.alternatives:
        parts.append("### Gebruik liever\n\n" + "\n".join(f"- {alt}" for alt in entry.alternatives))
    examples = [f"- Gemeld: *{text}*" for text in entry.examples.flag]
    examples += [f"- Niet gemeld: *{text}*" for text in entry.examples.ok]
    if examples:
        parts.append("### Voorbeelden\n\n" + "\n".join(examples))
    if entry.note:
        parts.append(f"### Let op\n\n{entry.note}")
    if entry.source:
        parts.append(f"Bron: {entry.source}")
    return "\n\n".join(parts)


def rule_help_text(entry: Entry) -> str:
    """The same rule page as plain text."""
    text = f"Waarom: {entry.reason}"
    if entry.alternatives:
        text += "\nGebruik liever: " + "; ".join(entry.alternatives)
    if entry.source:
        text += f"\nBron: {entry.source}"
    return text


def rule_descriptor(finding: Finding) -> JSON:
    """A reportingDescriptor for the finding's lexicon entry (a minimal one for a finding without)."""
    entry = finding.entry
    if entry is None:
        return {
            "id": finding.rule,
            "name": finding.rule,
            "shortDescription": {"text": finding.text},
            "defaultConfiguration": {"level": LEVELS[finding.severity]},
            "properties": {"principle": finding.principle, "severity": finding.severity.key},
        }
    tags = list(dict.fromkeys([entry.principle, *entry.tags]))
    return {
        "id": entry.id,
        "name": entry.id,
        "shortDescription": {"text": entry.term},
        "fullDescription": {"text": entry.reason},
        "help": {"text": rule_help_text(entry), "markdown": rule_help_markdown(entry)},
        "defaultConfiguration": {"level": LEVELS[entry.severity]},
        "properties": {
            "principle": entry.principle,
            "principleName": PRINCIPLES.get(entry.principle, entry.principle),
            "severity": entry.severity.key,
            "tags": tags,
        },
    }


def region(start: int, end: int, document: Document | None, finding: Finding | None = None) -> JSON:
    """A region with 1-based line/column (end exclusive) and code-point offsets."""
    if document is not None:
        start_line, start_column = document.line_column(start)
        end_line, end_column = document.line_column(end)
    elif finding is not None:
        start_line, start_column = finding.line, finding.column
        end_line, end_column = finding.end_line, finding.end_column
    else:
        return {"charOffset": start, "charLength": end - start}
    result: JSON = {
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": start,
        "charLength": end - start,
    }
    if document is not None:
        result["snippet"] = {"text": document.text[start:end]}
    elif finding is not None:
        result["snippet"] = {"text": finding.text}
    return result


def fingerprint(path: str, finding: Finding, occurrence: int) -> str:
    """A location-independent fingerprint: entry, matched text and how often it occurred before."""
    key = "\0".join([path, finding.rule, " ".join(finding.text.lower().split()), str(occurrence)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def sarif_result(file: FileResult, finding: Finding, rule_index: int, occurrence: int) -> JSON:
    """One SARIF result; split matches list their parts as relatedLocations."""
    document = file.document if isinstance(file.document, Document) else None
    message = finding.message
    if finding.suggestions and "Overweeg" not in message:
        message = message.rstrip()
        if message and message[-1] not in ".!?":
            message += "."
        message += " Overweeg: " + "; ".join(finding.suggestions) + "."
    artifact = artifact_location(file.path)
    location: JSON = {
        "physicalLocation": {
            "artifactLocation": artifact,
            "region": region(finding.start, finding.end, document, finding),
        }
    }
    if finding.location:
        location["logicalLocations"] = [{"name": finding.location, "kind": "element"}]
    result: JSON = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [location],
        "partialFingerprints": {"taalcheck/v1": fingerprint(file.path, finding, occurrence)},
        "properties": {
            "severity": finding.severity.key,
            "principle": finding.principle,
            "principleName": PRINCIPLES.get(finding.principle, finding.principle),
            "mention": finding.mention,
            "context": list(finding.context),
            "suggestions": list(finding.suggestions),
        },
    }
    if finding.original_severity is not None and finding.original_severity != finding.severity:
        result["properties"]["originalSeverity"] = finding.original_severity.key
    spans = finding.spans
    if len(spans) > 1:
        result["relatedLocations"] = [
            {
                "id": number,
                "message": {"text": f"deel {number} van {len(spans)}"},
                "physicalLocation": {
                    "artifactLocation": artifact,
                    "region": region(start, end, document),
                },
            }
            for number, (start, end) in enumerate(spans, start=1)
        ]
    return result


def build_sarif(result: CheckResult) -> JSON:
    """The SARIF log as a JSON-ready dict (one run, rules for the entries that were reported)."""
    first: dict[str, Finding] = {}
    for finding in result.findings:
        first.setdefault(finding.rule, finding)
    for file in result.files:
        for finding in file.silenced:
            first.setdefault(finding.rule, finding)
    rule_ids = sorted(first)
    rules = [rule_descriptor(first[rule]) for rule in rule_ids]
    index = {rule: number for number, rule in enumerate(rule_ids)}

    results: list[JSON] = []
    notifications: list[JSON] = []
    for file in result.files:
        seen: dict[tuple[str, str], int] = {}
        for finding in file.findings:
            key = (finding.rule, " ".join(finding.text.lower().split()))
            occurrence = seen.get(key, 0)
            seen[key] = occurrence + 1
            results.append(sarif_result(file, finding, index[finding.rule], occurrence))
        for finding in file.silenced:
            # Kept back by context or configuration: a suppressed result, with the reason.
            key = (finding.rule, " ".join(finding.text.lower().split()))
            occurrence = seen.get(key, 0)
            seen[key] = occurrence + 1
            dropped = sarif_result(file, finding, index[finding.rule], occurrence)
            kind = "inSource" if any("opmerking" in note for note in finding.context) else "external"
            dropped["suppressions"] = [{"kind": kind, "justification": "; ".join(finding.context)}]
            results.append(dropped)
        for notice in file.notices:
            notifications.append(
                {
                    "level": "warning",
                    "message": {"text": notice},
                    "locations": [{"physicalLocation": {"artifactLocation": artifact_location(file.path)}}],
                }
            )

    invocation: JSON = {"executionSuccessful": True}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run: JSON = {
        "tool": {
            "driver": {
                "name": "taalcheck",
                "version": tool_version(),
                "semanticVersion": tool_version(),
                "language": "nl-NL",
                "rules": rules,
            }
        },
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render_sarif(result: CheckResult) -> str:
    """The SARIF log as indented JSON (UTF-8 text, non-ASCII kept readable)."""
    return json.dumps(build_sarif(result), ensure_ascii=False, indent=2) + "\n"
