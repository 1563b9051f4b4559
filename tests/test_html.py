"""The standalone HTML page: escaping, highlights, balance and structure."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from conftest import make_finding as shared_make_finding
from taalcheck.documents.base import Document, Segment
from taalcheck.lexicon.model import Entry, Examples
from taalcheck.model import PRINCIPLES, Balance, CheckResult, FileResult, Finding, Severity
from taalcheck.report.html import nl_number, render_html

TEXT = (
    "Verslag <b>gesprek</b> & meer\n"
    "De gezinsvoogd legt moeder een sanctie op.\n"
    "Er is sprake van een vechtscheiding: <script>alert(1)</script>\n"
)

VOID = {"meta", "br", "hr", "img", "input", "link"}


def make_entry(rule: str, term: str, principle: str) -> Entry:
    return Entry(
        id=rule,
        term=term,
        principle=principle,
        severity=Severity.WARNING,
        reason=f"Waarom <i>{term}</i> anders kan.",
        alternatives=(f"beter dan {term}", "samen <b>afspreken</b>"),
        patterns=(),
        examples=Examples(),
        source_file="test.yaml",
    )


ENTRIES = {
    "sancties-opleggen": make_entry("sancties-opleggen", "sancties opleggen", "vertrouwen"),
    "vechtscheiding": make_entry("vechtscheiding", "vechtscheiding", "conflict"),
    "moeder": make_entry("moeder", "moeder", "eigen-kracht"),
}


def make_finding(document: Document, rule: str, *parts: str, **extra: object) -> Finding:
    extra.setdefault("entry", ENTRIES.get(rule))
    return shared_make_finding(
        document, rule, *parts, message="Bericht <em>met</em> opmaak.", suggestions=(), **extra
    )


def make_result() -> tuple[CheckResult, Document]:
    document = Document(path="dossier <1>.txt", text=TEXT, segments=[Segment(0, len(TEXT))])
    findings = [
        make_finding(document, "sancties-opleggen", "legt", "sanctie op"),
        # Overlaps the second span of the split finding above.
        make_finding(
            document,
            "moeder",
            "moeder een sanctie",
            severity=Severity.HINT,
            principle="eigen-kracht",
            mention=True,
            context=("lager: citaat",),
        ),
        make_finding(
            document, "vechtscheiding", "vechtscheiding", severity=Severity.SUGGESTION, principle="conflict"
        ),
    ]
    balance = Balance(words=10000, control=124, trust=31, by_principle={"vertrouwen": 100, "conflict": 24})
    return CheckResult(
        files=[FileResult(path=document.path, findings=findings, document=document, balance=balance)]
    ), document


class TagChecker(HTMLParser):
    """Records problems with tag nesting and collects hrefs and ids."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(str(values["id"]))
        if tag == "a" and values.get("href"):
            self.hrefs.append(str(values["href"]))
        if tag == "a" and "a" in self.stack:
            self.problems.append("nested <a>")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"unexpected </{tag}> with open {self.stack[-3:]}")
            return
        self.stack.pop()


def check_structure(page: str) -> TagChecker:
    checker = TagChecker()
    checker.feed(page)
    checker.close()
    assert checker.problems == []
    assert checker.stack == []
    return checker


def text_block(page: str) -> str:
    match = re.search(r'<div class="text" lang="nl">(.*?)</div>', page, re.S)
    assert match
    return match.group(1)


def test_everything_from_the_input_is_escaped() -> None:
    result, _ = make_result()
    page = render_html(result)
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>" not in page and "<i>" not in page and "<em>" not in page
    assert "dossier &lt;1&gt;.txt" in page
    assert "Waarom &lt;i&gt;sancties opleggen&lt;/i&gt; anders kan." in page
    assert "samen &lt;b&gt;afspreken&lt;/b&gt;" in page


def test_page_is_standalone() -> None:
    result, _ = make_result()
    page = render_html(result)
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="nl">' in page
    assert "http://" not in page and "https://" not in page
    assert "<link" not in page and "src=" not in page
    assert "@media print" in page


def test_overlapping_and_split_findings_keep_the_markup_well_formed() -> None:
    result, _ = make_result()
    checker = check_structure(render_html(result))
    assert len(checker.ids) == len(set(checker.ids))
    internal = [href[1:] for href in checker.hrefs if href.startswith("#")]
    assert set(internal) <= set(checker.ids)


def test_highlighting_keeps_the_text_and_marks_every_span() -> None:
    result, document = make_result()
    block = text_block(render_html(result))
    without_refs = re.sub(r'<a class="ref[^"]*"[^>]*>[^<]*</a>', "", block)
    assert html.unescape(re.sub(r"<[^>]+>", "", without_refs)) == document.text
    highlighted = "".join(
        html.unescape(piece)
        for piece in re.findall(r'<a class="hl [^"]*" href="[^"]*" title="[^"]*">([^<]*)</a>', block)
    )
    for part in ["legt", "moeder een sanctie op", "vechtscheiding"]:
        assert part in highlighted
    # Every finding has a note, every span a reference to it (the split verb twice).
    assert re.findall(r'<a class="ref [^"]*"[^>]*>([^<]*)</a>', block) == ["V1", "E2", "V1", "C3"]
    assert 'href="#d1-n1"' in block and "overlap" in block and "mention" in block


def test_notes_explain_the_findings() -> None:
    result, _ = make_result()
    page = render_html(result)
    note = re.search(r'<li class="note [^"]*" id="d1-n2">(.*?)</li>\s*(?=<li class="note|</ol>)', page, re.S)
    assert note
    body = note.group(1)
    assert "moeder" in body and "hint" in body
    assert "Overweeg:" in body and "beter dan moeder" in body
    assert "Principe: De eigen kracht en het probleemoplossend vermogen van ouders" in body
    assert "lager: citaat" in body
    assert "genoemd, niet gebruikt" in body
    assert "regel 2, kolom 21" in body


def test_balance_and_summary_are_shown() -> None:
    result, _ = make_result()
    page = render_html(result)
    assert (
        "Dit verslag: 12,4 controle-formuleringen en 3,1 vertrouwensformuleringen per 1000 woorden "
        "(10.000 woorden)." in page
    )
    assert "4,0 controle-formuleringen per vertrouwensformulering" in page
    assert "1 document · 3 meldingen: 1 waarschuwing, 1 suggestie en 1 hint" in page
    for name in PRINCIPLES.values():
        assert html.escape(name) in page


def test_document_without_text_shows_its_findings() -> None:
    result, _ = make_result()
    finding = result.files[0].findings[0]
    broken = FileResult(path="kapot.pdf", findings=[finding], document=None, notices=["Pagina 3 <leeg>."])
    empty = FileResult(path="leeg.txt", findings=[], document=Document("leeg.txt", "Niets.", [Segment(0, 6)]))
    page = render_html(CheckResult(files=[*result.files, broken, empty]))
    check_structure(page)
    section = page[page.index('id="d2"') : page.index('id="d3"')]
    assert "De tekst van dit document kan niet worden getoond." in section
    assert "sancties opleggen" in section and "Pagina 3 &lt;leeg&gt;." in section
    assert "Geen meldingen" in page[page.index('id="d3"') :]
    assert "3 documenten" in page


def test_empty_result() -> None:
    page = render_html(CheckResult(files=[]))
    check_structure(page)
    assert "Er zijn geen documenten gecontroleerd." in page


def test_dutch_numbers() -> None:
    assert nl_number(12.4) == "12,4"
    assert nl_number(1234.5) == "1.234,5"
    assert nl_number(10000, 0) == "10.000"


def test_identical_nested_and_empty_spans_are_safe() -> None:
    document = Document(path="x.txt", text="Een vechtscheiding is zwaar.", segments=[Segment(0, 28)])
    whole = make_finding(document, "vechtscheiding", "vechtscheiding", principle="conflict")
    same = make_finding(
        document, "moeder", "vechtscheiding", severity=Severity.HINT, principle="eigen-kracht"
    )
    inner = make_finding(document, "sancties-opleggen", "scheiding")
    empty = Finding(**{**inner.__dict__, "start": 4, "end": 4, "spans": ((4, 4),)})
    outside = Finding(**{**inner.__dict__, "start": 90, "end": 95, "spans": ((90, 95),)})
    findings = [whole, same, inner, empty, outside]
    result = CheckResult(files=[FileResult(path="x.txt", findings=findings, document=document)])
    page = render_html(result)
    checker = check_structure(page)
    internal = {href[1:] for href in checker.hrefs if href.startswith("#")}
    assert internal <= set(checker.ids)
    block = text_block(page)
    assert html.unescape(re.sub(r'<a class="ref[^"]*"[^>]*>[^<]*</a>|<[^>]+>', "", block)) == document.text
    assert page.count('<li class="note ') == 5
