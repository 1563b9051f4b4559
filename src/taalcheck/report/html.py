"""HTML output: one standalone, printable page for reading findings together (e.g. on a projector).

No external assets and no JavaScript. Every piece of text from documents, the lexicon and
findings passes through `html.escape`; highlights are rendered as flat, non-nested runs so
overlapping findings can never produce broken markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from taalcheck.documents.base import Document
from taalcheck.model import (
    PRINCIPLES,
    SEVERITY_LABELS,
    SEVERITY_PLURALS,
    Balance,
    CheckResult,
    FileResult,
    Finding,
    PositiveMatch,
    Severity,
    trust_counted,
)
from taalcheck.report.html_structure import STRUCTURE_CSS, structured_text


@dataclass(frozen=True)
class PrincipleStyle:
    """How a principle looks: a letter (so colour is never the only cue), a stroke and a tint."""

    code: str
    stroke: str
    tint: str


#: Okabe-Ito colours (distinguishable with common colour-vision deficiencies).
PRINCIPLE_STYLES: dict[str, PrincipleStyle] = {
    "vertrouwen": PrincipleStyle("V", "#C98A00", "#F6D995"),
    "taal": PrincipleStyle("T", "#2A8FCB", "#C6E6F8"),
    "conflict": PrincipleStyle("C", "#B0578A", "#F0D2E3"),
    "eigen-kracht": PrincipleStyle("E", "#007A5A", "#B5E3D6"),
    "belang-kind": PrincipleStyle("K", "#8C7F00", "#F7F0A0"),
}
OTHER_STYLE = PrincipleStyle("?", "#666666", "#E4E4E4")
PRINCIPLE_CLASSES = {key: f"p{number}" for number, key in enumerate(PRINCIPLE_STYLES)}
_HTML_SPECIAL = re.compile("[&<>\"']")
UNDERLINES = {Severity.WARNING: "solid", Severity.SUGGESTION: "dashed", Severity.HINT: "dotted"}


def esc(value: object) -> str:
    """Escape any value for HTML text and attribute values."""
    text = value if type(value) is str else str(value)
    return html.escape(text, quote=True) if _HTML_SPECIAL.search(text) else text


def nl_number(value: float, decimals: int = 1) -> str:
    """Dutch number notation: 1.234,5."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def counted(number: int, singular: str, plural: str) -> str:
    """'1 melding', '3 meldingen'."""
    return f"{nl_number(number, 0)} {singular if number == 1 else plural}"


def style_of(principle: str) -> PrincipleStyle:
    return PRINCIPLE_STYLES.get(principle, OTHER_STYLE)


def class_of(principle: str) -> str:
    return PRINCIPLE_CLASSES.get(principle, "p-other")


def principle_name(principle: str) -> str:
    return PRINCIPLES.get(principle, principle)


def severity_summary(findings: Iterable[Finding]) -> str:
    """'5 meldingen: 1 waarschuwing, 3 suggesties en 1 hint' (or 'geen meldingen')."""
    findings = list(findings)
    if not findings:
        return "geen meldingen"
    parts = []
    for severity in sorted(Severity, reverse=True):
        number = sum(1 for finding in findings if finding.severity == severity)
        if number:
            parts.append(counted(number, SEVERITY_LABELS[severity], SEVERITY_PLURALS[severity]))
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]
    return f"{counted(len(findings), 'melding', 'meldingen')}: {joined}"


def balance_sentence(balance: Balance, subject: str) -> str:
    """'Dit verslag: 12,4 controle-formuleringen en 3,1 vertrouwensformuleringen per 1000 woorden.'"""
    if not balance.words:
        return ""
    sentence = (
        f"{subject}: {nl_number(balance.control_per_1000)} controle-formuleringen en "
        f"{nl_number(balance.trust_per_1000)} vertrouwensformuleringen per 1000 woorden "
        f"({counted(balance.words, 'woord', 'woorden')})."
    )
    if balance.ratio is not None:
        sentence += (
            f" Dat is {nl_number(balance.ratio)} controle-formulering"
            f"{'' if balance.ratio == 1 else 'en'} per vertrouwensformulering."
        )
    elif balance.control:
        sentence += " Er zijn geen vertrouwensformuleringen gevonden."
    return sentence


def principle_counts(counts: Mapping[str, int]) -> str:
    """Inline badges with a count per principle, in the order of PRINCIPLES."""
    keys = [key for key in PRINCIPLES if counts.get(key)] + sorted(
        key for key in counts if key not in PRINCIPLES and counts[key]
    )
    return " ".join(
        f'<span class="chip {class_of(key)}"><span class="code">{esc(style_of(key).code)}</span> '
        f"{esc(principle_name(key))}: {nl_number(counts[key], 0)}</span>"
        for key in keys
    )


def finding_spans(finding: Finding, length: int) -> list[tuple[int, int]]:
    """The finding's spans, clamped to the text; zero-length spans dropped."""
    spans = finding.spans or ((finding.start, finding.end),)
    clamped = [(max(0, min(start, length)), max(0, min(end, length))) for start, end in spans]
    return [(start, end) for start, end in clamped if end > start]


def trust_spans(positives: Sequence[PositiveMatch], length: int) -> list[tuple[int, int, bool]]:
    """(start, end, counted) of each trust phrase, clamped to the text; empty ones dropped."""
    spans = []
    for positive in positives:
        start, end = max(0, min(positive.start, length)), max(0, min(positive.end, length))
        if end > start:
            spans.append((start, end, trust_counted(positive)))
    return spans


_TRUST_COUNTED = '<span class="trust" title="vertrouwensformulering (telt mee in de balans)">'
_TRUST_UNCOUNTED = '<span class="trust uncounted" title="vertrouwensformulering die niet meetelt">'


def _boundary_events(spans: Iterable[tuple[int, int, int]]) -> dict[int, list[tuple[int, int]]]:
    """Offset -> (key, +1 or -1) for every span (start, end, key): where a span opens and closes."""
    events: dict[int, list[tuple[int, int]]] = {}
    for start, end, key in spans:
        events.setdefault(start, []).append((key, 1))
        events.setdefault(end, []).append((key, -1))
    return events


def highlight(
    text: str,
    findings: list[Finding],
    prefix: str,
    first: int = 1,
    positives: Sequence[PositiveMatch] = (),
    changes: Sequence[tuple[int, int]] = (),
) -> str:
    """The escaped text with every span of every finding highlighted and linked to its note.

    The text is cut at every span boundary; each piece is one flat `<a class="hl">` styled after
    the most severe finding covering it, so overlapping findings never nest. `first` is the
    number of the first finding (when a text is rendered in parts). Trust phrases (`positives`)
    are marked as a calm `<span class="trust">` where no finding covers them, and changed
    stretches (`changes`, for a comparison) are wrapped in `<mark class="changed">`.
    One sweep over the boundaries: linear in the text and the number of spans.
    """
    spans = [
        (start, end, number)
        for number, finding in enumerate(findings, start=first)
        for start, end in finding_spans(finding, len(text))
    ]
    trust = trust_spans(positives, len(text))
    length = len(text)
    changed_spans = [(max(0, min(s, length)), max(0, min(e, length)), 0) for s, e in changes]
    finding_events = _boundary_events(spans)
    # key 1: a counted trust phrase, 0: one that is not counted
    trust_events = _boundary_events(
        (start, end, int(counted)) for start, end, counted in trust if end > start
    )
    change_events = _boundary_events(span for span in changed_spans if span[1] > span[0])
    bounds = sorted({0, length} | finding_events.keys() | trust_events.keys() | change_events.keys())
    # per finding: principle class, severity class, letter, severity label
    looks = [
        (class_of(f.principle), f"sev-{f.severity.key}", esc(style_of(f.principle).code), f.severity.label)
        for f in findings
    ]
    covering: dict[int, int] = {}  # finding number -> how many of its spans cover the current piece
    trust_open = [0, 0]  # open uncounted, counted trust phrases
    changes_open = 0
    referenced: set[int] = set()
    out: list[str] = []
    escape = html.escape
    for start, end in pairwise(bounds):
        for number, step in finding_events.get(start, ()):
            count = covering.get(number, 0) + step
            if count:
                covering[number] = count
            else:
                del covering[number]
        for counted, step in trust_events.get(start, ()):
            trust_open[counted] += step
        for _key, step in change_events.get(start, ()):
            changes_open += step
        if changes_open:
            out.append('<mark class="changed">')
        piece = escape(text[start:end])
        if covering:
            if len(covering) == 1:  # the common case
                active = list(covering)
                main = active[0]
            else:
                active = sorted(covering)
                main = max(active, key=lambda number: (findings[number - first].severity, -number))
            principle, severity, _code, _label = looks[main - first]
            classes = f"hl {principle} {severity}"
            if len(active) > 1:
                classes += " overlap"
            if findings[main - first].mention:
                classes += " mention"
            title = "; ".join([f"{looks[n - first][2]}{n}: {looks[n - first][3]}" for n in active])
            out.append(f'<a class="{classes}" href="#{prefix}-n{main}" title="{esc(title)}">{piece}</a>')
        elif trust_open[1]:
            out.append(f"{_TRUST_COUNTED}{piece}</span>")
        elif trust_open[0]:
            out.append(f"{_TRUST_UNCOUNTED}{piece}</span>")
        else:
            out.append(piece)
        if changes_open:
            out.append("</mark>")
        closing = [number for number, step in finding_events.get(end, ()) if step < 0]
        for number in dict.fromkeys(closing):  # a reference after each finding that ends here
            principle, _severity, code, _label = looks[number - first]
            anchor = "" if number in referenced else f' id="{prefix}-r{number}"'
            referenced.add(number)
            out.append(f'<a class="ref {principle}"{anchor} href="#{prefix}-n{number}">{code}{number}</a>')
    return "".join(out)


#: What a note says apart from its number, passage and place; the same for many findings.
_NoteKey = tuple[object, ...]


def _note_key(finding: Finding) -> _NoteKey:
    entry = finding.entry
    return (
        id(entry),
        finding.rule,
        finding.principle,
        finding.severity,
        finding.original_severity,
        finding.mention,
        finding.context,
        finding.suggestions,
        finding.term,
        finding.message if entry is None else None,
    )


def _note_body(finding: Finding) -> tuple[str, str]:
    """(term and severity, reason to the end) of a note: the parts shared by findings alike."""
    entry = finding.entry
    severity = finding.severity
    head = (
        f'<strong class="term">{esc(finding.term)}</strong> '
        f'<span class="sev sev-{severity.key}">{esc(severity.label)}</span></div>'
    )
    parts = [f'<p class="reason">{esc(entry.reason if entry else finding.message)}</p>']
    alternatives = finding.suggestions or (entry.alternatives if entry else ())
    if alternatives:
        parts.append(
            '<div class="alts"><strong>Overweeg:</strong><ul>'
            + "".join(f"<li>{esc(alt)}</li>" for alt in alternatives)
            + "</ul></div>"
        )
    meta = [f"Principe: {esc(principle_name(finding.principle))}"]
    if finding.mention:
        meta.append("vermelding: het woord wordt genoemd, niet gebruikt")
    if finding.context:
        meta.append("context: " + esc("; ".join(finding.context)))
    if finding.original_severity is not None and finding.original_severity != severity:
        meta.append(f"oorspronkelijk: {esc(finding.original_severity.label)}")
    parts.append(f'<p class="meta">{" · ".join(meta)}</p>')
    return head, "".join(parts)


def note(
    finding: Finding,
    number: int,
    prefix: str,
    linked: bool,
    shared: dict[_NoteKey, tuple[str, str]] | None = None,
) -> str:
    """The explanation of one finding: term, severity, reason, alternatives, principle, context.

    `shared` keeps the parts that findings of the same item have in common, so a report with
    thousands of findings escapes each reason once.
    """
    if shared is None:
        head, body = _note_body(finding)
    else:
        key = _note_key(finding)
        if key not in shared:
            shared[key] = _note_body(finding)
        head, body = shared[key]
    principle = class_of(finding.principle)
    where = finding.location or f"regel {finding.line}, kolom {finding.column}"
    back = f'<a class="back" href="#{prefix}-r{number}">↑ terug naar de tekst</a>' if linked else ""
    return (
        f'<li class="note {principle} sev-{finding.severity.key}" id="{prefix}-n{number}">'
        f'<div class="note-head"><span class="badge {principle}">{esc(style_of(finding.principle).code)}'
        f"{number}</span> {head}"
        f'<p class="found">“{esc(finding.text)}” <span class="where">({esc(where)})</span></p>'
        f"{body}{back}</li>"
    )


def document_section(file: FileResult, index: int) -> str:
    """One document: heading, balance, notices, highlighted text and notes."""
    prefix = f"d{index}"
    document = file.document if isinstance(file.document, Document) else None
    findings = file.findings
    parts = [f'<section class="doc" id="{prefix}">', f"<h2>{esc(file.path)}</h2>"]
    summary = severity_summary(findings)
    parts.append(f'<p class="counts">{esc(summary[:1].upper() + summary[1:])}.</p>')
    sentence = balance_sentence(file.balance, "Dit verslag")
    if sentence:
        parts.append(f'<p class="balance">{esc(sentence)}</p>')
    if file.balance.by_principle:
        parts.append(
            '<p class="by-principle">Controle-formuleringen per principe: '
            f"{principle_counts(file.balance.by_principle)}</p>"
        )
    if file.coverage:
        parts.append(coverage_checklist(file))
    if file.notices:
        parts.append(
            '<div class="notices"><strong>Let op:</strong><ul>'
            + "".join(f"<li>{esc(notice)}</li>" for notice in file.notices)
            + "</ul></div>"
        )
    length = len(document.text) if document is not None else 0
    shared: dict[_NoteKey, tuple[str, str]] = {}
    notes = "".join(
        [
            note(finding, number, prefix, bool(finding_spans(finding, length)), shared)
            for number, finding in enumerate(findings, start=1)
        ]
    )
    notes_block = f'<aside class="notes"><h3>Meldingen</h3><ol>{notes}</ol></aside>' if findings else ""
    if file.silenced:
        items = "".join(
            f'<li>“{esc(finding.text)}” <span class="rule">[{esc(finding.rule)}]</span>: '
            f"{esc('; '.join(finding.context))}</li>"
            for finding in file.silenced
        )
        parts.append(
            f'<details class="dropped"><summary>Niet gemeld ({len(file.silenced)}): '
            f"context of configuratie</summary><ul>{items}</ul></details>"
        )
    if document is not None and file.positives:
        parts.append(trust_toggle(file, prefix))
    if document is not None:
        text = structured_text(document, findings, prefix, file.positives)
        flow = " structured flow" if document.kind == "md" else " structured"
        text_class = f"text{flow}" if text is not None else "text"
        text = (
            text if text is not None else highlight(document.text, findings, prefix, positives=file.positives)
        )
        body_class = "doc-body" if findings else "doc-body solo"
        parts.append(
            f'<div class="{body_class}"><div class="{text_class}" lang="nl">{text}</div>{notes_block}</div>'
        )
    else:
        parts.append('<p class="no-text">De tekst van dit document kan niet worden getoond.</p>')
        parts.append(notes_block)
    parts.append("</section>")
    return "\n".join(parts)


def coverage_checklist(file: FileResult) -> str:
    """'In dit verslag': what the report holds, with a question where something is missing."""
    from taalcheck.report.coverage import status

    items = []
    for item in file.coverage:
        mark = "✓" if item.present else "?"
        question = f'<br><span class="question">{esc(item.question)}</span>' if item.question else ""
        items.append(
            f'<li class="{"present" if item.present else "missing"}"><span class="mark" aria-hidden="true">'
            f"{mark}</span> <strong>{esc(item.label)}</strong>: {esc(status(file, item))}{question}</li>"
        )
    return f'<div class="coverage"><h3>In dit verslag</h3><ul>{"".join(items)}</ul></div>'


def trust_toggle(file: FileResult, prefix: str) -> str:
    """A switch (no script: CSS reads its state) that shows or hides the marked trust phrases."""
    return (
        f'<p class="trust-switch"><input type="checkbox" class="show-trust" id="{prefix}-trust" checked> '
        f'<label for="{prefix}-trust">Vertrouwensformuleringen markeren</label> '
        f'<span class="trust-count">({esc(trust_count_phrase(file.positives))})</span></p>'
    )


def trust_count_phrase(positives: Sequence[PositiveMatch]) -> str:
    """'3 vertrouwensformuleringen, waarvan 1 niet meegeteld (citaat, ontkenning)'."""
    total = len(positives)
    uncounted = sum(1 for positive in positives if not trust_counted(positive))
    phrase = counted(total, "vertrouwensformulering", "vertrouwensformuleringen")
    if uncounted:
        phrase += (
            f", waarvan {nl_number(uncounted, 0)} niet meegeteld (citaat, ontkenning of andermans woorden)"
        )
    return phrase


def legend(result: CheckResult) -> str:
    """The five principles with their letter, colour and number of findings, plus the underlines."""
    counts: dict[str, int] = {}
    for finding in result.findings:
        counts[finding.principle] = counts.get(finding.principle, 0) + 1
    keys = list(PRINCIPLES) + sorted(key for key in counts if key not in PRINCIPLES)
    rows = "".join(
        f'<tr><td><span class="badge {class_of(key)}">{esc(style_of(key).code)}</span></td>'
        f'<td>{esc(principle_name(key))}</td><td class="num">{nl_number(counts.get(key, 0), 0)}</td></tr>'
        for key in keys
    )
    underline = " · ".join(
        f'<span class="hl p-other sev-{severity.key}">{esc(severity.label)}</span>'
        for severity in sorted(Severity, reverse=True)
    )
    return (
        '<section class="legend"><h2>De vijf principes</h2>'
        '<table><thead><tr><th>Letter</th><th>Principe</th><th class="num">Meldingen</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        f'<p class="underline-key">Onderstreping naar ernst: {underline}. '
        "Een letter en nummer achter een markering (zoals V1) verwijzen naar de uitleg.</p>"
        '<p class="trust-key"><span class="trust">zo</span> gemarkeerd: een vertrouwensformulering. '
        "Dat is geen melding; deze formuleringen tellen mee in de balans.</p></section>"
    )


def contents(result: CheckResult) -> str:
    """Links to the documents (only when there is more than one)."""
    if len(result.files) < 2:
        return ""
    items = "".join(
        f'<li><a href="#d{index}">{esc(file.path)}</a> – '
        f"{esc(counted(len(file.findings), 'melding', 'meldingen'))}</li>"
        for index, file in enumerate(result.files, start=1)
    )
    return f'<nav class="contents"><h2>Documenten</h2><ol>{items}</ol></nav>'


def stylesheet() -> str:
    """Inline CSS, including the colours per principle and a print layout."""
    rules = []
    for key, style in [*PRINCIPLE_STYLES.items(), ("other", OTHER_STYLE)]:
        name = PRINCIPLE_CLASSES.get(key, "p-other")
        rules.append(
            f".hl.{name}{{background:{style.tint};text-decoration-color:{style.stroke}}}"
            f".badge.{name},.ref.{name}{{background:{style.stroke}}}"
            f".note.{name}{{border-left-color:{style.stroke}}}"
            f".chip.{name} .code{{background:{style.stroke}}}"
        )
    for severity, line in UNDERLINES.items():
        rules.append(f".hl.sev-{severity.key}{{text-decoration-style:{line}}}")
    return BASE_CSS + "\n".join(rules) + STRUCTURE_CSS + PRINT_CSS


BASE_CSS = """
*{box-sizing:border-box;-webkit-print-color-adjust:exact;print-color-adjust:exact}
html{font-size:18px}
body{margin:0;padding:1.5rem 2rem;font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;
 font-size:1rem;line-height:1.5;color:#1a1a1a;background:#fafafa}
main{max-width:1500px;margin:0 auto}
h1{font-size:2rem;margin:0 0 .25rem}
h2{font-size:1.45rem;margin:1.5rem 0 .5rem;overflow-wrap:anywhere}
h3{font-size:1.1rem;margin:0 0 .5rem}
.lead{font-size:1.2rem;margin:.25rem 0}
.summary{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.5rem;align-items:start}
.legend table{border-collapse:collapse}
.legend td,.legend th{padding:.2rem .6rem;text-align:left;border-bottom:1px solid #ddd}
.legend .num{text-align:right}
.badge,.ref,.chip .code{display:inline-block;color:#fff;font-weight:700;border-radius:.3em;
 padding:0 .35em;font-size:.85em;line-height:1.4}
.chip{display:inline-block;max-width:100%;margin:.1rem .4rem .1rem 0}
.ref{font-size:.62em;vertical-align:super;margin:0 .1em;text-decoration:none;line-height:1}
.doc{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:.5rem 1.5rem 1.5rem;margin:1.5rem 0}
.doc-body{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5rem;align-items:start}
.doc-body.solo{grid-template-columns:1fr}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:1.2rem;line-height:1.9;
 font-family:Georgia,"Times New Roman",serif;padding:1rem 1.25rem;border:1px solid #e2e2e2;
 border-radius:.4rem;background:#fff}
.hl{color:inherit;text-decoration-line:underline;text-decoration-thickness:3px;text-underline-offset:.2em;
 border-radius:.15em;padding:.05em 0;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.hl.sev-hint{text-decoration-thickness:2px}
.hl.overlap{outline:2px dotted #333;outline-offset:1px}
.hl.mention{font-style:italic}
.notes{position:sticky;top:.5rem;max-height:calc(100vh - 1rem);overflow-y:auto}
.notes ol{list-style:none;margin:0;padding:0}
.note{border:1px solid #ddd;border-left:.5rem solid #666;border-radius:.4rem;padding:.5rem .8rem;
 margin:0 0 .75rem;background:#fff}
.note:target{outline:3px solid #1a1a1a}
.note p{margin:.25rem 0}
.note-head{font-size:1.05rem}
.sev{font-size:.85rem;border:1px solid #888;border-radius:1em;padding:0 .5em;white-space:nowrap}
.sev-warning.sev{border-width:2px;border-color:#1a1a1a;font-weight:700}
.found{font-style:italic}
.where,.meta{color:#555;font-size:.9rem;font-style:normal}
.alts ul{margin:.1rem 0 .2rem;padding-left:1.3rem}
.back{font-size:.85rem;color:#555}
.notices{border:2px solid #C98A00;border-radius:.4rem;padding:.4rem .8rem;margin:.5rem 0}
.notices ul{margin:.2rem 0}
.balance{font-size:1.1rem;margin:.25rem 0}
.counts{margin:.25rem 0;font-weight:600}
.coverage{margin:.5rem 0 1rem}
.coverage h3{margin:.25rem 0}
.coverage ul{list-style:none;margin:0;padding:0}
.coverage li{margin:.15rem 0}
.coverage .mark{display:inline-block;width:1.2em;font-weight:700}
.coverage .missing .mark{color:#8a5a00}
.coverage .question{margin-left:1.2em;color:#444;font-style:italic}
.none,.no-text{color:#555}
.trust-switch{margin:.5rem 0;font-size:.95rem}
.trust-switch input{width:1.1rem;height:1.1rem;vertical-align:middle}
.trust-count{color:#555}
.doc:has(.show-trust:checked) .trust,.trust-key .trust{border-bottom:2px dotted #5E7D8C;
 background:#EEF3F5;border-radius:.15em}
.doc:has(.show-trust:checked) .trust.uncounted{border-bottom-style:dashed;background:none}
.trust-key{color:#333;font-size:.95rem}
"""

PRINT_CSS = """
@media (max-width:900px){.doc-body,.summary{grid-template-columns:1fr}.notes{position:static;max-height:none}}
@media print{
 @page{size:A4;margin:1.5cm}
 html{font-size:11pt}
 body{background:#fff;padding:0}
 .summary,.doc-body{display:block}
 .doc{border:none;padding:0;margin:0}
 .doc+.doc{break-before:page}
 .notes{position:static;max-height:none;overflow:visible;margin-top:1rem}
 .notes h3{break-before:page;font-size:1.3rem}
 .note{break-inside:avoid;border:1px solid #999;border-left:.4rem solid #666;margin:0 0 .5cm;padding:.3cm .4cm}
 .note .alts li{margin:.05cm 0}
 .text{font-size:1.05rem;border:none;padding:0}
 .back,.contents,.trust-switch,.dropped{display:none}
 .legend table{font-size:.9rem}
}
"""


def render_html(result: CheckResult) -> str:
    """A complete, self-contained HTML page (Dutch) for all documents in `result`."""
    files = result.files
    title = f"taalcheck – {files[0].path}" if len(files) == 1 else "taalcheck – taaladvies"
    overall = severity_summary(result.findings)
    lead = f"{counted(len(files), 'document', 'documenten')} · {overall}"
    total = result.balance()
    # With one document its own section already shows the balance.
    sentence = balance_sentence(total, "Alle verslagen samen") if len(files) > 1 else ""
    sections = "\n".join(document_section(file, index) for index, file in enumerate(files, start=1))
    if not files:
        sections = '<p class="none">Er zijn geen documenten gecontroleerd.</p>'
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{stylesheet()}</style>\n</head>\n<body>\n<main>\n"
        "<header><h1>taalcheck – taaladvies</h1>"
        f'<p class="lead">{esc(lead)}</p>'
        + (f'<p class="balance">{esc(sentence)}</p>' if sentence else "")
        + '<p class="intro">Gemarkeerde passages zijn suggesties om te heroverwegen, geen fouten. '
        "De uitleg staat naast (bij afdrukken: onder) de tekst.</p></header>\n"
        f'<div class="summary">{legend(result)}{contents(result)}</div>\n'
        f"{sections}\n</main>\n</body>\n</html>\n"
    )
