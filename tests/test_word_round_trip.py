"""The Word round trip on a realistic report: every finding reaches Word, twice is once, and back."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from lxml import etree

from conftest import shared_file
from taalcheck.api import check_file_result
from taalcheck.documents import read_document
from taalcheck.errors import InputError
from taalcheck.report.annotate import annotate_bytes, annotate_docx, remove_annotations, remove_from_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
VBA_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"


def comments(data: bytes) -> list[tuple[str, str]]:
    """(author, text) of every comment, in order."""
    return [(comment.author, comment.text) for comment in docx.Document(io.BytesIO(data)).comments]


def tracked_changes(data: bytes) -> list[tuple[str, str, str]]:
    """(kind, author, text) of every tracked insertion and deletion in the body."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    return [
        (element.tag, element.get(f"{W}author"), "".join(element.itertext()))
        for element in root.iter(f"{W}ins", f"{W}del")
    ]


@pytest.fixture(scope="module")
def trial(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The user-trial report with a colleague's comment added (in a temporary copy)."""
    source = shared_file("domain", "user-trial", "verslag-ots-noa.docx")
    document = docx.Document(str(source))
    paragraph = next(p for p in document.paragraphs if "rapportage onderbouwt" in p.text)
    document.add_comment(paragraph.runs, text="Klopt deze datum?", author="Collega", initials="C")
    path = tmp_path_factory.mktemp("proef") / "verslag-ots-noa.docx"
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def trial_result(trial: Path):
    return check_file_result(trial)


def test_every_finding_gets_a_comment_or_a_line_in_the_overview(trial: Path, trial_result) -> None:
    findings = trial_result.findings
    assert len(findings) >= 20
    annotation = annotate_bytes(trial.read_bytes(), replace(trial_result, findings=findings), str(trial))
    in_headers = [f for f in findings if f.location in ("koptekst", "voettekst")]
    assert in_headers, "the report has a finding in its footer"
    assert set(annotation.listed) == set(in_headers)
    assert len(annotation.commented) == len(findings) - len(in_headers)
    assert not annotation.skipped

    ours = [text for author, text in comments(annotation.data) if author == "taalcheck"]
    assert len(ours) == len(annotation.commented) + 1  # one overview comment for the footer
    overview = ours[0]
    assert overview.startswith(f"taalcheck: {len(in_headers)} melding")
    for finding in in_headers:
        assert f"“{finding.text}” ({finding.location})" in overview
    labels = ("Waarschuwing", "Suggestie", "Hint")
    for text in ours[1:]:
        lines = text.splitlines()
        head = lines[1] if lines[0].startswith("In voetnoot") else lines[0]
        assert head.startswith(labels), text
    quoted = next(f for f in findings if any(note.startswith("lager: citaat") for note in f.context))
    assert any("(lager: citaat" in text and quoted.message in text for text in ours)
    footnoted = [f for f in findings if f.location and f.location.startswith("voetnoot")]
    assert footnoted
    assert sum(text.startswith("In voetnoot 1: ") for text in ours) == len(footnoted)


def test_annotating_twice_gives_the_same_comments_as_once(trial: Path, trial_result, tmp_path: Path) -> None:
    once = tmp_path / "een-keer.docx"
    twice = tmp_path / "twee-keer.docx"
    first = annotate_docx(trial, once, trial_result)
    again = check_file_result(once)
    assert [(f.rule, f.start, f.end) for f in again.findings] == [
        (f.rule, f.start, f.end) for f in trial_result.findings
    ]
    second = annotate_docx(once, twice, again)
    assert second.removed == len(first.commented) + 1
    assert comments(twice.read_bytes()) == comments(once.read_bytes())
    assert read_document(twice).text == read_document(trial).text


def test_removing_gives_back_the_documents_own_comments_and_text(
    trial: Path, trial_result, tmp_path: Path
) -> None:
    annotated = tmp_path / "met-opmerkingen.docx"
    annotate_docx(trial, annotated, trial_result)
    assert ("Collega", "Klopt deze datum?") in comments(annotated.read_bytes())
    cleaned = tmp_path / "zonder.docx"
    result = remove_from_docx(annotated, cleaned)
    assert result.removed == len(trial_result.findings)  # 24 comments + 1 overview for 1 footer finding
    original = trial.read_bytes()
    assert comments(cleaned.read_bytes()) == comments(original) == [("Collega", "Klopt deze datum?")]
    assert read_document(cleaned).text == read_document(trial).text
    assert tracked_changes(cleaned.read_bytes()) == tracked_changes(original)
    assert len(tracked_changes(original)) == 2
    with zipfile.ZipFile(cleaned) as archive:
        body = archive.read("word/document.xml").decode()
        notes = archive.read("word/footnotes.xml").decode()
    assert len(re.findall("commentReference", body)) == 1  # the colleague's
    assert "comment" not in notes


def test_removing_from_a_file_without_taalcheck_comments_changes_no_comment(trial: Path) -> None:
    result = remove_annotations(trial.read_bytes())
    assert result.removed == 0
    assert comments(result.data) == comments(trial.read_bytes())


def test_a_reply_to_a_taalcheck_comment_stays_as_a_comment_of_its_own(trial: Path, trial_result) -> None:
    annotated = annotate_bytes(
        trial.read_bytes(), replace(trial_result, findings=trial_result.findings[:1])
    ).data
    package = {name: data for name, data in _members(annotated).items()}
    comments_xml = etree.fromstring(package["word/comments.xml"])
    ours = next(c for c in comments_xml if c.get(f"{W}author") == "taalcheck")
    w14 = "http://schemas.microsoft.com/office/word/2010/wordml"
    ours.findall(f"{W}p")[-1].set(f"{{{w14}}}paraId", "0A0A0A0A")
    package["word/comments.xml"] = etree.tostring(comments_xml)
    w15 = "http://schemas.microsoft.com/office/word/2012/wordml"
    package["word/commentsExtended.xml"] = (
        f'<w15:commentsEx xmlns:w15="{w15}"><w15:commentEx w15:paraId="0A0A0A0A" w15:done="0"/>'
        '<w15:commentEx w15:paraId="0B0B0B0B" w15:paraIdParent="0A0A0A0A" w15:done="0"/></w15:commentsEx>'
    ).encode()
    package["word/_rels/document.xml.rels"] = package["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdEx" Type="http://schemas.microsoft.com/office/2011/relationships/'
        b'commentsExtended" Target="commentsExtended.xml"/></Relationships>',
    )
    cleaned = remove_annotations(_zip(package)).data
    extended = _members(cleaned)["word/commentsExtended.xml"].decode()
    assert "0A0A0A0A" not in extended
    assert 'w15:paraId="0B0B0B0B"' in extended


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def as_macro_document(data: bytes) -> bytes:
    """A .docm: the main part's content type for macros plus a (dummy) macro project part."""
    members = _members(data)
    members["[Content_Types].xml"] = (
        members["[Content_Types].xml"]
        .replace(DOCUMENT_MAIN.encode(), MACRO_MAIN.encode())
        .replace(
            b"<Default ",
            b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ',
            1,
        )
    )
    members["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 not really a macro project"
    members["word/_rels/document.xml.rels"] = members["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdVba" Type="{VBA_REL}" Target="vbaProject.bin"/></Relationships>'.encode(),
    )
    return _zip(members)


def as_template(data: bytes) -> bytes:
    members = _members(data)
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        DOCUMENT_MAIN.encode(), TEMPLATE_MAIN.encode()
    )
    return _zip(members)


@pytest.mark.parametrize(("suffix", "convert"), [(".docm", as_macro_document), (".dotx", as_template)])
def test_templates_and_macro_documents_are_read_and_annotated_without_macros(
    trial: Path, trial_result, tmp_path: Path, suffix: str, convert
) -> None:
    source = tmp_path / f"sjabloon{suffix}"
    source.write_bytes(convert(trial.read_bytes()))
    with pytest.raises(ValueError):
        docx.Document(str(source))  # python-docx alone refuses these files
    result = check_file_result(source)
    assert [(f.rule, f.location) for f in result.findings] == [
        (f.rule, f.location) for f in trial_result.findings
    ]
    target = tmp_path / "kopie.docx"
    annotation = annotate_docx(source, target, result)
    assert annotation.macros_removed == (suffix == ".docm")
    members = _members(target.read_bytes())
    assert "word/vbaProject.bin" not in members
    assert b"vbaProject" not in members["word/_rels/document.xml.rels"]
    assert DOCUMENT_MAIN.encode() in members["[Content_Types].xml"]
    assert len(docx.Document(str(target)).comments) == len(annotation.commented) + 2  # overview, colleague


def test_annotate_refuses_data_that_is_no_word_file(tmp_path: Path, trial_result) -> None:
    with pytest.raises(InputError) as caught:
        annotate_bytes(b"PK\x03\x04 kapot", trial_result, "kapot.docx")
    assert str(caught.value) == "kapot.docx: beschadigd bestand of geen geldig Word-document (.docx)"


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice niet geïnstalleerd")
def test_libreoffice_opens_the_annotated_report_and_shows_every_comment(
    trial: Path, trial_result, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    target = tmp_path / "verslag-taalcheck.docx"
    annotation = annotate_docx(trial, target, trial_result)
    export = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
    command = [
        "soffice",
        f"-env:UserInstallation={(tmp_path / 'lo-profiel').as_uri()}",
        "--headless",
        "--convert-to",
        export,
        "--outdir",
        str(tmp_path),
        str(target),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    notes = [
        str(annotation_object["/Contents"])
        for page in PdfReader(tmp_path / "verslag-taalcheck.pdf").pages
        for annotation_object in (item.get_object() for item in page.get("/Annots") or [])
        if annotation_object.get("/Subtype") == "/Text"
    ]
    assert len(notes) == len(annotation.commented) + 2  # plus the overview and the colleague's comment
    footnoted = [f for f in trial_result.findings if f.location and f.location.startswith("voetnoot")]
    assert sum(note.startswith("In voetnoot 1: ") for note in notes) == len(footnoted)


def test_annotate_command_lists_what_has_no_comment_and_removes_again(trial: Path, tmp_path: Path) -> None:
    def taalcheck(*args: str) -> subprocess.CompletedProcess:
        environment = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
        command = [sys.executable, "-m", "taalcheck", *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=180, env=environment)

    once, twice, clean = tmp_path / "een.docx", tmp_path / "twee.docx", tmp_path / "schoon.docx"
    first = taalcheck("annotate", str(trial), "-o", str(once))
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert re.fullmatch(
        rf"\d+ opmerkingen geplaatst in {re.escape(str(once))} \(origineel ongewijzigd: .*\)", lines[0]
    )
    assert lines[1].startswith("1 melding staat in kop- of voetteksten, waar Word geen opmerking toestaat")
    assert lines[2] == "  voettekst: waarschuwing [risicogestuurd-werken] “risicogestuurd”"
    second = taalcheck("annotate", str(once), "-o", str(twice))
    placed = int(lines[0].split()[0])
    assert f"{placed + 1} opmerkingen van een eerdere keer zijn vervangen" in second.stdout
    removed = taalcheck("annotate", str(twice), "-o", str(clean), "--verwijder")
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout.startswith(f"{placed + 1} opmerkingen van taalcheck verwijderd in {clean}")
    assert comments(clean.read_bytes()) == [("Collega", "Klopt deze datum?")]
    refused = taalcheck("annotate", str(trial), "-o", str(tmp_path / "kopie.odt"))
    assert refused.returncode == 2
    assert refused.stderr.strip().endswith("de uitvoer moet een .docx-bestand zijn")


def test_a_note_without_its_number_in_the_text_goes_into_the_overview(trial: Path) -> None:
    members = _members(trial.read_bytes())
    members["word/document.xml"] = re.sub(
        rb'<w:footnoteReference w:id="1"/>', b"", members["word/document.xml"]
    )
    data = _zip(members)
    result = check_file_result(trial)  # same text: the reference mark carries none
    annotation = annotate_bytes(data, result)
    in_note = [f for f in result.findings if f.location == "voetnoot 1"]
    assert in_note and set(in_note) <= set(annotation.listed)
    overview = next(text for author, text in comments(annotation.data) if author == "taalcheck")
    assert overview.startswith(
        f"taalcheck: {len(annotation.listed)} meldingen in kop- of voetteksten of in noten"
    )
