"""Word, OpenDocument and PDF reading: text, locations, tracked changes and error cases."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import odfdo
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from fpdf import FPDF

from taalcheck.documents import read_document
from taalcheck.documents.ligatures import expand_ligatures
from taalcheck.documents.pdf import join_hyphenation
from taalcheck.errors import InputError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_error(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert str(caught.value).startswith(f"{path}: ")
    return caught.value


def segment_map(document) -> dict[str, list[str]]:
    """Location -> texts of the segments there (checks that offsets point at the right text)."""
    result: dict[str, list[str]] = {}
    for segment in document.segments:
        result.setdefault(segment.location, []).append(document.text[segment.start : segment.end])
    return result


# --- Word --------------------------------------------------------------------------------------


def add_tracked_changes(paragraph, inserted: str, deleted: str) -> None:
    attrs = 'w:author="Collega" w:date="2025-01-01T00:00:00Z"'
    paragraph._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="91" {attrs}><w:r><w:t xml:space="preserve">{inserted}</w:t>'
            "</w:r></w:ins>"
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="92" {attrs}><w:r><w:delText xml:space="preserve">{deleted}'
            "</w:delText></w:r></w:del>"
        )
    )


def add_footnote(path: Path, text: str) -> None:
    """Give a saved .docx a footnotes part (python-docx cannot write footnotes)."""
    footnotes = (
        f'<w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:footnote>"
        f'<w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/footnotes.xml"] = footnotes.encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.wordprocessingml.footnotes+xml"/></Types>',
    )
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdVoetnoten" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/footnotes" Target="footnotes.xml"/></Relationships>',
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


@pytest.fixture()
def word_file(tmp_path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Verslag gezinsvoogd", level=1)
    paragraph = document.add_paragraph("De gezinsvoogd kiest een ")
    paragraph.add_run("risicogestuurde").bold = True
    paragraph.add_run(" aanpak.")
    document.add_paragraph("")
    changed = document.add_paragraph("Moeder ")
    add_tracked_changes(changed, "vraagt om hulp", " is een zorgmijder")
    changed.add_run(".")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Onderwerp"
    table.cell(0, 1).text = "Afspraak"
    table.cell(1, 0).text = "Veiligheid"
    table.cell(1, 1).text = "Escalatiebeheersing met {{naam}}"
    document.add_paragraph("Slotalinea met [NAAM KIND].")
    document.sections[0].header.paragraphs[0].text = "Vertrouwelijk"
    document.sections[0].footer.paragraphs[0].text = "Jeugdbescherming regio Noord"
    path = tmp_path / "verslag.docx"
    document.save(path)
    add_footnote(path, "De gezinsvoogd legt sancties op.")
    return path


def test_docx_paragraphs_tables_headers_footers_and_footnotes(word_file: Path) -> None:
    document = read_document(word_file)
    assert document.kind == "docx"
    assert segment_map(document) == {
        'kop "Verslag gezinsvoogd"': ["Verslag gezinsvoogd"],
        'alinea 1, onder "Verslag gezinsvoogd"': ["De gezinsvoogd kiest een risicogestuurde aanpak."],
        'alinea 2, onder "Verslag gezinsvoogd"': ["Moeder vraagt om hulp."],
        "tabel 1, rij 1, kolom 1": ["Onderwerp"],
        "tabel 1, rij 1, kolom 2": ["Afspraak"],
        "tabel 1, rij 2, kolom 1": ["Veiligheid"],
        "tabel 1, rij 2, kolom 2": ["Escalatiebeheersing met {{naam}}"],
        'alinea 3, onder "Verslag gezinsvoogd"': ["Slotalinea met [NAAM KIND]."],
        "voetnoot 1": ["De gezinsvoogd legt sancties op."],
        "koptekst": ["Vertrouwelijk"],
        "voettekst": ["Jeugdbescherming regio Noord"],
    }
    assert document.text == "\n".join(document.text[s.start : s.end] for s in document.segments)


def test_docx_tracked_insertions_count_and_deletions_do_not(word_file: Path) -> None:
    document = read_document(word_file)
    assert "vraagt om hulp" in document.text
    assert "zorgmijder" not in document.text
    # python-docx itself would drop the insertion: the reader must not rely on Paragraph.text.
    assert "vraagt om hulp" not in "\n".join(p.text for p in docx.Document(str(word_file)).paragraphs)


def test_docx_placeholders_are_blanked_for_analysis(word_file: Path) -> None:
    document = read_document(word_file)
    assert "{{naam}}" in document.text and "{{naam}}" not in document.analysis_text
    assert "[NAAM KIND]" not in document.analysis_text
    assert "Escalatiebeheersing met" in document.analysis_text


def test_docx_old_format_renamed(tmp_path: Path) -> None:
    path = tmp_path / "oud.docx"
    path.write_bytes(OLE + b"\x00" * 64 + "WordDocument".encode("utf-16-le"))
    assert read_error(path).problem == "oud Word-formaat (.doc): sla het op als .docx en probeer opnieuw"


def test_docx_password_protected(tmp_path: Path) -> None:
    path = tmp_path / "geheim.docx"
    path.write_bytes(OLE + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64)
    assert "wachtwoord" in read_error(path).problem


@pytest.mark.parametrize("content", [b"PK\x03\x04 kapot", b"geen zip", None])
def test_docx_corrupt(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "kapot.docx"
    if content is None:  # a valid zip without a Word document inside
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("leesmij.txt", "geen document")
    else:
        path.write_bytes(content)
    assert "beschadigd" in read_error(path).problem


# --- OpenDocument ------------------------------------------------------------------------------


@pytest.fixture()
def odt_file(tmp_path: Path) -> Path:
    document = odfdo.Document("text")
    body = document.body
    body.append(odfdo.Header(1, "Verslag gezinsvoogd"))
    paragraph = odfdo.Paragraph("De gezinsvoogd legt sancties op.")
    paragraph.insert_note(note_class="footnote", note_id="ftn1", citation="1", body="Risicogestuurde aanpak.")
    body.append(paragraph)
    body.append(
        odfdo.Element.from_tag(
            '<text:p>Vader <text:span>is</text:span><text:s text:c="2"/>een zorgmijder.'
            "<text:line-break/>Tweede regel</text:p>"
        )
    )
    table = odfdo.Table("Afspraken", width=2, height=2)
    table.set_value((0, 0), "Onderwerp")
    table.set_value((1, 0), "Afspraak")
    table.set_value((0, 1), "Veiligheid")
    table.set_value((1, 1), "Escalatiebeheersing met «Voornaam»")
    body.append(table)
    body.append(odfdo.List(["eerste punt", "tweede punt"]))
    master = document.get_styles("master-page")[0]
    master.set_page_header("Vertrouwelijk")
    master.set_page_footer("Jeugdbescherming regio Noord")
    path = tmp_path / "verslag.odt"
    document.save(path)
    return path


def test_odt_paragraphs_tables_lists_notes_headers(odt_file: Path) -> None:
    document = read_document(odt_file)
    assert document.kind == "odt"
    assert segment_map(document) == {
        'kop "Verslag gezinsvoogd"': ["Verslag gezinsvoogd"],
        'alinea 1, onder "Verslag gezinsvoogd"': ["De gezinsvoogd legt sancties op."],
        'alinea 2, onder "Verslag gezinsvoogd"': ["Vader is  een zorgmijder.\nTweede regel"],
        "tabel 1, rij 1, kolom 1": ["Onderwerp"],
        "tabel 1, rij 1, kolom 2": ["Afspraak"],
        "tabel 1, rij 2, kolom 1": ["Veiligheid"],
        "tabel 1, rij 2, kolom 2": ["Escalatiebeheersing met «Voornaam»"],
        'alinea 3, onder "Verslag gezinsvoogd"': ["eerste punt"],
        'alinea 4, onder "Verslag gezinsvoogd"': ["tweede punt"],
        "voetnoot 1": ["Risicogestuurde aanpak."],
        "koptekst": ["Vertrouwelijk"],
        "voettekst": ["Jeugdbescherming regio Noord"],
    }
    assert "«Voornaam»" not in document.analysis_text
    kinds = [(segment.structure.kind, segment.structure.part) for segment in document.segments]
    assert kinds[0] == ("heading", None)
    assert ("table-cell", None) in kinds and ("list-item", None) in kinds
    assert kinds[-3:] == [("paragraph", "voetnoot 1"), ("paragraph", "koptekst"), ("paragraph", "voettekst")]


def test_odt_tracked_deletion_is_not_text(tmp_path: Path) -> None:
    document = odfdo.Document("text")
    document.body.append(
        odfdo.Element.from_tag(
            "<text:tracked-changes><text:changed-region text:id='ct1'><text:deletion>"
            "<office:change-info><dc:creator>Collega</dc:creator><dc:date>2025-01-01T00:00:00</dc:date>"
            "</office:change-info><text:p>De moeder is een zorgmijder.</text:p></text:deletion>"
            "</text:changed-region></text:tracked-changes>"
        )
    )
    document.body.append(
        odfdo.Element.from_tag("<text:p>Moeder <text:change text:change-id='ct1'/>vraagt om hulp.</text:p>")
    )
    path = tmp_path / "wijzigingen.odt"
    document.save(path)
    assert read_document(path).text == "Moeder vraagt om hulp."


def test_odt_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "kapot.odt"
    path.write_bytes(b"PK\x03\x04 niet echt")
    assert "beschadigd" in read_error(path).problem


def test_odt_password_protected(tmp_path: Path, odt_file: Path) -> None:
    with zipfile.ZipFile(odt_file) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["META-INF/manifest.xml"] = parts["META-INF/manifest.xml"].replace(
        b"</manifest:manifest>",
        b'<manifest:file-entry manifest:full-path="x"><manifest:encryption-data/></manifest:file-entry>'
        b"</manifest:manifest>",
    )
    path = tmp_path / "geheim.odt"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert "wachtwoord" in read_error(path).problem


# --- PDF ---------------------------------------------------------------------------------------


def make_pdf(path: Path, pages: list[str], **encryption: str | None) -> Path:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    if encryption:
        pdf.set_encryption(**encryption)
    pdf.output(str(path))
    return path


def test_pdf_pages_and_hyphenation(tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path / "verslag.pdf",
        [
            "De gezinsvoogd kiest een risico-\ngestuurde aanpak.\nHet gezin woont in Noord-\nHolland.",
            "De moeder is geen zorgmijder.",
        ],
    )
    document = read_document(path)
    assert document.kind == "pdf"
    pages = segment_map(document)
    assert list(pages) == ["pagina 1", "pagina 2"]
    assert "risicogestuurde aanpak" in pages["pagina 1"][0]
    assert "Noord-\nHolland" in pages["pagina 1"][0]  # a capital after the hyphen: a real hyphen
    assert pages["pagina 2"] == ["De moeder is geen zorgmijder."]


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 120, 160, style="F")
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    assert read_error(path).problem == (
        "geen tekstlaag gevonden (gescand document?): gebruik eerst tekstherkenning (OCR)"
    )


def test_pdf_with_user_password(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "geheim.pdf", ["Geheim."], owner_password="eigenaar", user_password="geheim")
    assert "wachtwoord" in read_error(path).problem


def test_pdf_with_only_an_owner_password_is_read(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "beperkt.pdf", ["Kopieerbeveiligd verslag."], owner_password="eigenaar")
    assert read_document(path).text == "Kopieerbeveiligd verslag."


def test_pdf_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "kapot.pdf"
    path.write_bytes(b"%PDF-1.4\n dit is geen pdf")
    assert "beschadigd" in read_error(path).problem


def test_join_hyphenation_only_between_lowercase_letters() -> None:
    assert join_hyphenation("risico-\ngestuurd") == "risicogestuurd"
    assert join_hyphenation("risico- \n  gestuurd") == "risicogestuurd"
    assert join_hyphenation("Noord-\nHolland") == "Noord-\nHolland"
    assert join_hyphenation("2019-\n2020") == "2019-\n2020"
    assert join_hyphenation("ver\u00ad\nslag") == "verslag"


def test_expand_ligature_characters() -> None:
    assert expand_ligatures("con\ufb02ict en speci\ufb01ek") == "conflict en specifiek"


def test_pdf_findings_name_page_and_line_on_that_page(tmp_path):
    from fpdf import FPDF

    from taalcheck.api import check_file

    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    pdf.add_page()
    pdf.multi_cell(0, 8, "Eerste regel.\nTweede regel.\nDerde regel.")
    pdf.add_page()
    pdf.multi_cell(0, 8, "Pagina twee.\nEr is sprake van een vechtscheiding.")
    path = tmp_path / "verslag.pdf"
    pdf.output(str(path))
    (finding,) = [f for f in check_file(path) if f.rule == "vechtscheiding"]
    assert finding.location == "pagina 2, regel 2"


def test_pdf_document_labels_page_and_line_by_offset(tmp_path):
    from taalcheck.documents.pdf import pdf_document

    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    pdf.add_page()
    pdf.multi_cell(0, 8, "Eerste regel.\nTweede regel.")
    pdf.add_page()
    pdf.multi_cell(0, 8, "Pagina twee.\nDerde regel hier.")
    document = pdf_document(bytes(pdf.output()), "verslag.pdf")
    assert document.location_at(document.text.index("Tweede")) == "pagina 1, regel 2"
    assert document.location_at(document.text.index("Pagina twee")) == "pagina 2, regel 1"
    assert document.location_at(document.text.index("Derde")) == "pagina 2, regel 2"


def test_word_paragraph_label_names_no_line(tmp_path):
    path = tmp_path / "verslag.docx"
    word = docx.Document()
    word.add_paragraph("Eerste alinea.")
    word.add_paragraph("Tweede alinea.")
    word.save(str(path))
    document = read_document(path)
    assert document.location_at(document.text.index("Tweede")) == "alinea 2"
