"""Word comments on flagged passages: anchoring, formatting, safety of the source file."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from taalcheck.documents import Document, read_document
from taalcheck.errors import InputError
from taalcheck.model import FileResult, Finding, Severity
from taalcheck.report.annotate import annotate_docx, comment_text


def make_finding(document: Document, phrase: str, occurrence: int = 0) -> Finding:
    start = -1
    for _ in range(occurrence + 1):
        start = document.text.index(phrase, start + 1)
    end = start + len(phrase)
    line, column = document.line_column(start)
    end_line, end_column = document.line_column(end)
    return Finding(
        rule=f"test-{phrase.split()[0].lower()}",
        severity=Severity.WARNING,
        principle="taal",
        start=start,
        end=end,
        spans=((start, end),),
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        text=phrase,
        message=f"'{phrase}' klinkt als controle.",
        suggestions=("samen afspraken maken", "bespreken wat nodig is"),
    )


def checked(document: Document, findings: list[Finding]) -> FileResult:
    """The result of checking `document` with these findings (what `annotate_docx` takes)."""
    return FileResult(document.path, findings, document=document)


def anchored_texts(path: Path) -> dict[int, str]:
    """Comment id -> the text between its range start and end (body, notes, headers and footers)."""
    with zipfile.ZipFile(path) as archive:
        roots = [
            etree.fromstring(archive.read(name))
            for name in archive.namelist()
            if name.startswith("word/") and name.count("/") == 1 and name != "word/comments.xml"
            if name.endswith(".xml")
        ]
    active: set[int] = set()
    texts: dict[int, str] = {}
    for element in (element for root in roots for element in root.iter()):
        if element.tag == qn("w:commentRangeStart"):
            comment_id = int(element.get(qn("w:id")))
            active.add(comment_id)
            texts[comment_id] = ""
        elif element.tag == qn("w:commentRangeEnd"):
            active.discard(int(element.get(qn("w:id"))))
        elif element.tag == qn("w:t"):
            for comment_id in active:
                texts[comment_id] += element.text or ""
    return texts


@pytest.fixture()
def report(tmp_path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Verslag", level=1)
    paragraph = document.add_paragraph("De gezinsvoogd ")
    bold = paragraph.add_run("legt sancties")
    bold.bold = True
    paragraph.add_run(" op als afspraken niet worden nagekomen.")
    changed = document.add_paragraph("Vader is ")
    changed._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="71" w:author="Collega" w:date="2025-01-01T00:00:00Z">'
            '<w:r><w:t xml:space="preserve">een zorgmijder</w:t></w:r></w:ins>'
        )
    )
    changed.add_run(" volgens school.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Aanpak"
    table.cell(0, 1).text = "Risicogestuurde aanpak met escalatiebeheersing."
    document.sections[0].header.paragraphs[0].text = "Escalatiebeheersing in de koptekst"
    path = tmp_path / "verslag.docx"
    document.save(path)
    return path


def test_comments_are_anchored_on_the_flagged_text(report: Path, tmp_path: Path) -> None:
    document = read_document(report)
    findings = [
        make_finding(document, "legt sancties op"),
        make_finding(document, "zorgmijder"),
        make_finding(document, "Risicogestuurde aanpak"),
        make_finding(document, "escalatiebeheersing"),
    ]
    target = tmp_path / "verslag-taalcheck.docx"
    assert annotate_docx(report, target, checked(document, findings)).commented == tuple(findings)

    annotated = docx.Document(str(target))
    comments = list(annotated.comments)
    assert len(comments) == 4
    assert {comment.author for comment in comments} == {"taalcheck"}
    assert {comment.initials for comment in comments} == {"TC"}
    by_id = {comment.comment_id: comment for comment in comments}
    anchors = anchored_texts(target)
    assert sorted(anchors.values()) == sorted(
        ["legt sancties op", "zorgmijder", "Risicogestuurde aanpak", "escalatiebeheersing"]
    )
    for comment_id, anchored in anchors.items():
        finding = next(f for f in findings if f.text == anchored)
        assert by_id[comment_id].text == (
            f"Waarschuwing\n{finding.message}\nOverweeg: samen afspraken maken; bespreken wat nodig is\n"
            f"Principe: Ander taal- en woordgebruik · taalcheck explain {finding.rule}"
        )


def test_annotated_copy_keeps_text_and_formatting(report: Path, tmp_path: Path) -> None:
    document = read_document(report)
    target = tmp_path / "uit.docx"
    annotate_docx(report, target, checked(document, [make_finding(document, "sancties op")]))
    assert read_document(target).text == document.text
    paragraph = docx.Document(str(target)).paragraphs[1]
    runs = [(run.text, bool(run.bold)) for run in paragraph.runs if run.text]
    assert runs == [
        ("De gezinsvoogd ", False),
        ("legt ", True),
        ("sancties", True),
        (" op", False),
        (" als afspraken niet worden nagekomen.", False),
    ]


def test_overlapping_findings_each_get_their_comment(report: Path, tmp_path: Path) -> None:
    document = read_document(report)
    findings = [make_finding(document, "legt sancties op"), make_finding(document, "sancties")]
    target = tmp_path / "uit.docx"
    assert len(annotate_docx(report, target, checked(document, findings)).commented) == 2
    assert sorted(anchored_texts(target).values()) == ["legt sancties op", "sancties"]


def test_findings_in_headers_are_listed_in_one_comment_at_the_start(report: Path, tmp_path: Path) -> None:
    document = read_document(report)
    header = make_finding(document, "Escalatiebeheersing in de koptekst")
    body = make_finding(document, "zorgmijder")
    assert document.segment_at(header.start).location == "koptekst"
    target = tmp_path / "uit.docx"
    annotation = annotate_docx(report, target, checked(document, [header, body]))
    assert annotation.commented == (body,)
    assert annotation.listed == (header,)
    comments = list(docx.Document(str(target)).comments)
    assert len(comments) == 2
    overview = next(comment for comment in comments if comment.text.startswith("taalcheck: 1 melding"))
    assert "“Escalatiebeheersing in de koptekst” (koptekst)" in overview.text
    assert overview.text.splitlines()[1].startswith("Waarschuwing “Escalatiebeheersing")
    assert anchored_texts(target)[int(overview.comment_id)] == "Verslag"


def test_source_is_never_modified(report: Path, tmp_path: Path) -> None:
    before = report.read_bytes()
    document = read_document(report)
    annotate_docx(report, tmp_path / "uit.docx", checked(document, [make_finding(document, "zorgmijder")]))
    assert report.read_bytes() == before


@pytest.mark.parametrize("spelling", ["same", "dotted"])
def test_refuses_to_overwrite_the_source(report: Path, spelling: str) -> None:
    document = read_document(report)
    target = report if spelling == "same" else report.parent / "." / "sub" / ".." / report.name
    (report.parent / "sub").mkdir(exist_ok=True)
    before = report.read_bytes()
    with pytest.raises(InputError) as caught:
        annotate_docx(report, target, checked(document, [make_finding(document, "zorgmijder")]))
    assert caught.value.problem == "uitvoer zou het invoerbestand overschrijven; kies een andere naam met -o"
    assert report.read_bytes() == before


def test_comment_text_without_suggestions(report: Path) -> None:
    document = read_document(report)
    finding = make_finding(document, "zorgmijder")
    bare = Finding(**{**finding.__dict__, "suggestions": ()})
    assert comment_text(bare) == (
        "Waarschuwing\n'zorgmijder' klinkt als controle.\n"
        "Principe: Ander taal- en woordgebruik · taalcheck explain test-zorgmijder"
    )


def test_comment_shows_the_context_note_and_the_severity_before_it(report: Path) -> None:
    finding = make_finding(read_document(report), "zorgmijder")
    quoted = Finding(
        **{
            **finding.__dict__,
            "severity": Severity.HINT,
            "original_severity": Severity.WARNING,
            "context": ("lager: citaat",),
        }
    )
    assert comment_text(quoted).splitlines()[0] == "Hint (lager: citaat; oorspronkelijk waarschuwing)"


def test_example_report_can_be_annotated(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[1] / "examples" / "verslag-gezinsvoogd.docx"
    document = read_document(example)
    phrases = ["risicogestuurde aanpak", "escalatiebeheersing", "legt sancties op", "zorgmijder"]
    findings = [make_finding(document, phrase) for phrase in phrases]
    target = tmp_path / "voorbeeld.docx"
    assert len(annotate_docx(example, target, checked(document, findings)).commented) == 4
    assert sorted(anchored_texts(target).values()) == sorted(phrases)


@pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice niet geïnstalleerd"
)
def test_libreoffice_shows_the_comments(report: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    document = read_document(report)
    target = tmp_path / "verslag-taalcheck.docx"
    annotate_docx(report, target, checked(document, [make_finding(document, "legt sancties op")]))
    office = shutil.which("soffice") or shutil.which("libreoffice")
    outdir = tmp_path / "pdf"
    export = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
    command = [
        str(office),
        f"-env:UserInstallation={(tmp_path / 'lo-profiel').as_uri()}",
        "--headless",
        "--convert-to",
        export,
        "--outdir",
        str(outdir),
        str(target),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    pdf = PdfReader(outdir / "verslag-taalcheck.pdf")
    assert "De gezinsvoogd legt sancties op" in "".join(page.extract_text() or "" for page in pdf.pages)
    notes = [
        annotation.get_object()
        for page in pdf.pages
        for annotation in page.get("/Annots") or []
        if annotation.get_object().get("/Subtype") == "/Text"
    ]
    assert len(notes) == 1
    assert str(notes[0]["/T"]).startswith("taalcheck")
    assert str(notes[0]["/Contents"]).startswith("Waarschuwing\n'legt sancties op' klinkt als controle.")
