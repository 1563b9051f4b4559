"""Inline suppression comments in text and Markdown.

`<!-- taalcheck: negeer ID -->` silences the next finding of that entry after the comment;
`<!-- taalcheck: negeer-bestand ID -->` silences the entry in the whole file. Several ids may be
separated by commas. Unknown ids are reported, like ruff's RUF100.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Mapping

from taalcheck.datacache import compile_regex
from taalcheck.model import Finding

#: The id list is bounded, so an unterminated comment costs a bounded scan, not one to the end of the text.
_COMMENT = compile_regex(
    r"<!--[ \t\r\n]{0,40}taalcheck:[ \t]{0,40}(negeer-bestand|negeer)\s+([^>]{0,1000}?)\s*-->", re.IGNORECASE
)


def mask_comments(text: str) -> str:
    """Blank suppression comments (same length) so their ids are not matched as text."""
    if "taalcheck" not in text:
        return text
    return _COMMENT.sub(lambda match: " " * len(match.group()), text)


def apply_suppressions(
    text: str, findings: list[Finding], entries: Mapping[str, object]
) -> tuple[list[Finding], list[str], list[Finding]]:
    """Return (kept findings, notices about the comments, suppressed findings).

    Linear in the number of comments and findings: `findings` come sorted by offset, and each
    'negeer' comment silences the first finding of its entry that starts after it.
    """
    if "taalcheck" not in text:
        return findings, [], []
    notices: list[str] = []
    file_ids: set[str] = set()
    pending: list[tuple[int, str, int]] = []  # (offset, id, line) in text order
    waiting: dict[str, deque[int]] = {}  # id -> indexes into `pending` not used yet
    line, counted_to = 1, 0
    for match in _COMMENT.finditer(text):
        line += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        for rule in filter(None, (part.strip() for part in match.group(2).split(","))):
            if rule not in entries:
                notices.append(f"regel {line}: onbekend id '{rule}' in taalcheck-opmerking")
                continue
            if match.group(1).lower() == "negeer-bestand":
                file_ids.add(rule)
            else:
                waiting.setdefault(rule, deque()).append(len(pending))
                pending.append((match.end(), rule, line))
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    used: set[int] = set()
    for finding in sorted(findings, key=lambda finding: finding.start):
        queue = waiting.get(finding.rule)
        if finding.rule in file_ids:
            suppressed.append(finding)
        elif queue and pending[queue[0]][0] <= finding.start:
            used.add(queue.popleft())
            suppressed.append(finding)
        else:
            kept.append(finding)
    notices.extend(
        f"regel {line}: taalcheck-opmerking 'negeer {rule}' onderdrukt geen enkele melding"
        for index, (_, rule, line) in enumerate(pending)
        if index not in used
    )
    return kept, notices, suppressed
