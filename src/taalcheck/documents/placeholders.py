"""Template placeholders ({{naam}}, [NAAM KIND], «veld», <<veld>>) are not prose."""

from __future__ import annotations

from taalcheck.datacache import compile_regex

_UPPER = "A-Z0-9_ ÀÁÂÄÈÉÊËÌÍÎÏÒÓÔÖÙÚÛÜ"

PLACEHOLDER_RE = compile_regex(
    r"\{\{[^{}\n]{1,80}\}\}"  # {{naam}}, {{ naam_kind }}
    rf"|\[(?=[{_UPPER}]*[A-ZÀ-Ü])[{_UPPER}]{{1,60}}\]"  # [NAAM KIND] (uppercase only, one letter at least)
    r"|«[^«»\s]{1,60}»"  # «veld» (mail-merge field; no spaces, so «citaten» with spaces stay)
    r"|<<[^<>\n]{1,60}>>"  # <<veld>>
)


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of every template placeholder in `text`."""
    return [match.span() for match in PLACEHOLDER_RE.finditer(text)]


def mask_placeholders(text: str) -> str:
    """`text` with each placeholder replaced by spaces (same length; line breaks kept)."""
    if not any(mark in text for mark in ("{{", "[", "«", "<<")):
        return text
    return PLACEHOLDER_RE.sub(lambda match: blank(match.group()), text)


def blank(text: str) -> str:
    """Spaces of the same length as `text`, keeping line breaks so line numbers stay valid."""
    return "".join(char if char in "\r\n" else " " for char in text)
