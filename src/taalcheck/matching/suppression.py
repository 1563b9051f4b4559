"""Inline suppression comments in text and Markdown.

`<!-- taalcheck: negeer ID -->` silences the next finding of that entry after the comment;
`<!-- taalcheck: negeer-bestand ID -->` silences the entry in the whole file. Several ids may be
separated by commas. Unknown ids are reported, like ruff's RUF100.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from taalcheck.model import Finding

_COMMENT = re.compile(r"<!--\s*taalcheck:\s*(negeer-bestand|negeer)\s+([^>]*?)\s*-->", re.IGNORECASE)


def mask_comments(text: str) -> str:
    """Blank suppression comments (same length) so their ids are not matched as text."""
    if "taalcheck" not in text:
        return text
    return _COMMENT.sub(lambda match: " " * len(match.group()), text)


def apply_suppressions(
    text: str, findings: list[Finding], entries: Mapping[str, object]
) -> tuple[list[Finding], list[str], list[Finding]]:
    """Return (kept findings, notices about the comments, suppressed findings)."""
    if "taalcheck" not in text:
        return findings, [], []
    notices: list[str] = []
    file_ids: set[str] = set()
    pending: list[tuple[int, str, int]] = []  # (offset, id, line)
    for match in _COMMENT.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        for rule in filter(None, (part.strip() for part in match.group(2).split(","))):
            if rule not in entries:
                notices.append(f"regel {line}: onbekend id '{rule}' in taalcheck-opmerking")
                continue
            if match.group(1).lower() == "negeer-bestand":
                file_ids.add(rule)
            else:
                pending.append((match.end(), rule, line))
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    used: set[int] = set()
    for finding in findings:
        if finding.rule in file_ids:
            suppressed.append(finding)
            continue
        slot = next(
            (
                index
                for index, (offset, rule, _) in enumerate(pending)
                if index not in used and rule == finding.rule and offset <= finding.start
            ),
            None,
        )
        if slot is None:
            kept.append(finding)
        else:
            used.add(slot)
            suppressed.append(finding)
    for index, (_, rule, line) in enumerate(pending):
        if index not in used:
            notices.append(
                f"regel {line}: taalcheck-opmerking 'negeer {rule}' onderdrukt geen enkele melding"
            )
    return kept, notices, suppressed
