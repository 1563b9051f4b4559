"""HTML keeps the document's structure: headings, lists, tables and labelled notes and headers."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import docx

from conftest import make_finding, shared_file
from taalcheck.api import check_file_result
from taalcheck.documents import read_document
from taalcheck.model import CheckResult, FileResult
from taalcheck.report.html import render_html
from taalcheck.report.html_structure import structured_text


class Outline(HTMLParser):
    """The element tags of the document text and the text inside each, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.texts: dict[str, list[str]] = {}
        self.open: list[str] = []
        self.data = ""

    def handle_starttag(self, tag: str, attrs) -> None:
        self.tags.append(tag)
        self.open.append(tag)
        self.texts.setdefault(tag, []).append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        self.data += data
        for tag in set(self.open):
            self.texts[tag][-1] += data


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


MARKDOWN = """# Verslag

Inleiding met **nadruk** en een zorgmijder.

## Afspraken

- eerste punt
- tweede punt met escalatiebeheersing
  1. genummerd binnen

| Doel | Stand |
|------|-------|
| rust | goed  |
"""


def test_markdown_headings_lists_and_tables_become_html_elements(tmp_path: Path) -> None:
    path = tmp_path / "verslag.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    document = read_document(path)
    findings = [
        make_finding(document, "zorgmijder", "zorgmijder"),
        make_finding(document, "esc", "escalatiebeheersing"),
    ]
    html = structured_text(document, findings, "d1")
    assert html is not None
    parsed = outline(html)
    assert parsed.texts["h3"] == ["Verslag"]
    assert parsed.texts["h4"] == ["Afspraken"]
    assert parsed.tags.count("ul") == 1 and parsed.tags.count("ol") == 1
    assert parsed.texts["li"][0] == "eerste punt"
    assert parsed.texts["td"] == ["Doel", "Stand", "rust", "goed"]
    assert "#" not in parsed.data and "|" not in parsed.data and "*" not in parsed.data
    assert "nadruk" in parsed.texts["p"][0]
    # The numbering and anchors match the notes: finding 1 and 2 keep their numbers.
    assert 'href="#d1-n1"' in html and 'id="d1-r2"' in html
    assert re.search(r'<li>tweede punt met <a class="hl[^"]*" href="#d1-n2"', html)


def test_word_tables_notes_headers_and_footers_are_shown_as_such(tmp_path: Path) -> None:
    report = docx.Document()
    report.add_heading("Verslag", level=1)
    report.add_paragraph("De gezinsvoogd legt sancties op.")
    table = report.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Doel"
    table.cell(0, 1).text = "Stand"
    table.cell(1, 0).text = "Rust"
    table.cell(1, 1).text = "Escalatiebeheersing blijft"
    report.add_paragraph("eerste punt", style="List Bullet")
    report.sections[0].footer.paragraphs[0].text = "Voettekst met zorgmijder"
    path = tmp_path / "verslag.docx"
    report.save(str(path))
    document = read_document(path)
    html = structured_text(document, [make_finding(document, "z", "zorgmijder")], "d1")
    assert html is not None
    parsed = outline(html)
    assert parsed.texts["h3"] == ["Verslag"]
    assert parsed.texts["td"] == ["Doel", "Stand", "Rust", "Escalatiebeheersing blijft"]
    assert parsed.texts["li"] == ["eerste punt"]
    assert '<p class="part-label">Voettekst</p><p>Voettekst met <a class="hl' in html


def test_plain_text_keeps_the_flat_rendering() -> None:
    from taalcheck.documents import document_from_text

    document = document_from_text("Wij werken risicogestuurd.\nTweede regel.")
    assert structured_text(document, [], "d1") is None


def test_report_page_of_the_user_trial_document_has_its_tables_and_labels() -> None:
    result = check_file_result(shared_file("domain", "user-trial", "verslag-ots-noa.docx"))
    page = render_html(CheckResult([FileResult(**{**result.__dict__})]))
    assert page.count('<table class="doc-table">') == 2
    for label in ("Voetnoot 1", "Koptekst", "Voettekst"):
        assert f'<p class="part-label">{label}</p>' in page
    numbers = re.findall(r'id="d1-r(\d+)"', page)
    assert [int(number) for number in numbers] == list(range(1, len(result.findings) + 1))
