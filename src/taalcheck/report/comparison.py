"""Output of `taalcheck vergelijk`: text, JSON and a side-by-side HTML page."""

from __future__ import annotations

import json
from typing import Any

from taalcheck.comparison import Change, Comparison
from taalcheck.model import Balance, FileResult, Finding
from taalcheck.report.html import (
    balance_sentence,
    counted,
    esc,
    highlight,
    note,
    stylesheet,
)
from taalcheck.report.json_output import JSON_VERSION, balance_dict, finding_dict

STATUS_LABELS = {"resolved": "opgelost", "added": "nieuw", "kept": "gebleven"}


def _where(finding: Finding) -> str:
    return finding.location or f"regel {finding.line}"


def _line(finding: Finding) -> str:
    term = finding.entry.term if finding.entry else finding.rule
    return f"  - {term} [{finding.rule}]: “{' '.join(finding.text.split())}” ({_where(finding)})"


def _balance_text(balance: Balance) -> str:
    if not balance.words:
        return "geen tekst"
    ratio = f"; verhouding {balance.ratio:.1f} : 1".replace(".", ",") if balance.ratio is not None else ""
    per_1000 = f"{balance.control_per_1000:.1f} controle- en {balance.trust_per_1000:.1f} vertrouwens"
    return (
        f"{per_1000.replace('.', ',')}formuleringen per 1000 woorden "
        f"({balance.control} : {balance.trust} in {balance.words} woorden{ratio})"
    )


def render_comparison_text(comparison: Comparison) -> str:
    """A plain-text summary: resolved, new and kept findings, then the balance of both versions."""
    lines = [f"Vergelijking: {comparison.old.path} (oud) met {comparison.new.path} (nieuw)", ""]
    groups = (
        ("Opgelost", comparison.resolved),
        ("Nieuw", comparison.added),
        ("Gebleven", [new for _old, new in comparison.kept]),
    )
    for title, findings in groups:
        lines.append(f"{title} ({len(findings)}):")
        lines.extend(_line(finding) for finding in findings)
        if not findings:
            lines.append("  (geen)")
        lines.append("")
    lines.append(f"Balans oud:   {_balance_text(comparison.old.balance)}")
    lines.append(f"Balans nieuw: {_balance_text(comparison.new.balance)}")
    return "\n".join(lines) + "\n"


def comparison_dict(comparison: Comparison) -> dict[str, Any]:
    """The comparison as the JSON contract (version 1) describes it."""
    return {
        "version": JSON_VERSION,
        "comparison": {
            "old": comparison.old.path,
            "new": comparison.new.path,
            "resolved": [finding_dict(finding) for finding in comparison.resolved],
            "added": [finding_dict(finding) for finding in comparison.added],
            "kept": [{"old": finding_dict(old), "new": finding_dict(new)} for old, new in comparison.kept],
            "balance": {
                "old": balance_dict(comparison.old.balance),
                "new": balance_dict(comparison.new.balance),
            },
        },
    }


def render_comparison_json(comparison: Comparison) -> str:
    return json.dumps(comparison_dict(comparison), ensure_ascii=False, separators=(",", ":")) + "\n"


def _status_note(html_note: str, status: str) -> str:
    badge = f'<span class="status status-{status}">{STATUS_LABELS[status]}</span> '
    return html_note.replace('<div class="note-head">', '<div class="note-head">' + badge, 1)


def _column(
    file: FileResult,
    prefix: str,
    title: str,
    statuses: dict[int, str],
    changes: list[tuple[int, int]],
) -> str:
    text = file.document.text if file.document is not None else ""
    body = highlight(text, file.findings, prefix, positives=file.positives, changes=changes)
    notes = "".join(
        _status_note(note(finding, number, prefix, linked=True), statuses[id(finding)])
        for number, finding in enumerate(file.findings, start=1)
    )
    sentence = balance_sentence(file.balance, "Balans")
    return (
        f'<section class="version" id="{prefix}"><h2>{esc(title)}: {esc(file.path)}</h2>'
        + (f'<p class="balance">{esc(sentence)}</p>' if sentence else "")
        + f'<div class="text" lang="nl">{body}</div>'
        + (f'<ol class="compare-notes">{notes}</ol>' if notes else "")
        + "</section>"
    )


COMPARE_CSS = """
.versions{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.5rem;align-items:start}
.versions .text{font-size:1.05rem;line-height:1.8}
mark.changed{background:#E4E4E4;color:inherit;padding:.1em 0;-webkit-box-decoration-break:clone;
 box-decoration-break:clone}
.compare-notes{list-style:none;padding:0;margin:1rem 0}
.status{display:inline-block;font-size:.8rem;font-weight:700;border-radius:1em;padding:0 .6em;margin-right:.3em;
 border:2px solid #1a1a1a}
.status-resolved{background:#E3F1EA;border-color:#007A5A;color:#00543E}
.status-added{background:#FBEAD0;border-color:#A86B00;color:#6B4400}
.status-kept{background:#EEE;border-color:#777;color:#333}
.tally{display:flex;flex-wrap:wrap;gap:1rem;font-size:1.15rem;margin:.5rem 0 1rem}
.tally span{padding:.2rem .7rem;border-radius:.4rem;border:2px solid #ccc;background:#fff}
@media (max-width:900px){.versions{grid-template-columns:1fr}}
@media print{.versions{display:block}.version+.version{break-before:page}}
"""


def comparison_body(comparison: Comparison) -> str:
    """The comparison as HTML (without page chrome), shared by the report and the web page."""
    old_status = {id(finding): "resolved" for finding in comparison.resolved}
    new_status = {id(finding): "added" for finding in comparison.added}
    for old, new in comparison.kept:
        old_status[id(old)] = "kept"
        new_status[id(new)] = "kept"
    old_changes = [change.old for change in comparison.changes]
    new_changes = [change.new for change in comparison.changes]
    tally = (
        '<p class="tally">'
        f'<span class="status-resolved">{esc(counted(len(comparison.resolved), "melding", "meldingen"))} opgelost</span>'
        f'<span class="status-added">{esc(counted(len(comparison.added), "melding", "meldingen"))} nieuw</span>'
        f'<span class="status-kept">{esc(counted(len(comparison.kept), "melding", "meldingen"))} gebleven</span>'
        "</p>"
    )
    return (
        tally
        + '<p class="intro"><mark class="changed">Grijs</mark>: wat er tussen de twee versies veranderd is. '
        "Gemarkeerd: meldingen, met bij elke melding of die is opgelost, nieuw is of gebleven.</p>"
        '<div class="versions">'
        + _column(comparison.old, "oud", "Oud", old_status, old_changes)
        + _column(comparison.new, "nieuw", "Nieuw", new_status, new_changes)
        + "</div>"
    )


def render_comparison_html(comparison: Comparison) -> str:
    """A standalone page: both versions side by side, changed passages marked in grey."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>taalcheck – vergelijking</title>\n"
        f"<style>{stylesheet()}{COMPARE_CSS}</style>\n</head>\n<body>\n<main>\n"
        "<header><h1>taalcheck – voor en na</h1></header>\n"
        f"{comparison_body(comparison)}\n</main>\n</body>\n</html>\n"
    )


__all__ = [
    "Change",
    "comparison_body",
    "comparison_dict",
    "render_comparison_html",
    "render_comparison_json",
    "render_comparison_text",
]
