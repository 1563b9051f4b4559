"""Build the example documents in this folder (fictional reports; run from anywhere).

    python examples/make_examples.py

The output is byte-for-byte reproducible: fixed document dates and zip timestamps.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
FIXED_DATE = dt.datetime(2025, 1, 6, 9, 0, tzinfo=dt.timezone.utc)

TITLE = "Voortgangsverslag gezinsvoogdij"
INTRO = (
    "Gezin: familie De Vries (fictief). Kinderen: Sem (9 jaar) en Noor (6 jaar). "
    "Verslagperiode: januari tot en met maart."
)
PARAGRAPHS = [
    (
        "Aanpak",
        [
            "Sinds de ondertoezichtstelling werkt het team met een risicogestuurde aanpak. "
            "De nadruk ligt op escalatiebeheersing rond de overdracht van de kinderen.",
            "De gezinsvoogd legt sancties op wanneer afspraken over de omgang niet worden nagekomen.",
            "Vader wordt door de school een zorgmijder genoemd, omdat hij niet op de oudergesprekken komt.",
        ],
    ),
    (
        "Wat de kinderen vertellen",
        [
            "Sem vertelt dat hij graag voetbalt en dat hij zijn vader op zaterdag mist. "
            "Noor tekent tijdens het gesprek een huis met twee deuren.",
            "Beide ouders zeggen dat zij willen dat de kinderen rust ervaren. Zij hebben samen een "
            "eerste afspraak gemaakt over de verjaardag van Noor.",
        ],
    ),
]
TABLE = [
    ("Onderwerp", "Afspraak", "Wie"),
    ("Omgang", "Vader haalt de kinderen om de week op vrijdag op bij school.", "Vader"),
    ("School", "Bij escalatie wordt direct ingegrepen door de gezinsvoogd.", "Gezinsvoogd"),
    ("Evaluatie", "Ouders bespreken in april samen wat goed gaat en wat anders kan.", "Ouders"),
]
CLOSING = (
    "Volgende stap: een gezamenlijk gesprek met beide ouders over wat Sem en Noor nodig hebben "
    "en wie daarbij kan helpen."
)


def build_report() -> docx.document.Document:
    """The fictional guardian's report with a few control-language phrases and a table."""
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(11)
    properties = document.core_properties
    properties.title = TITLE
    properties.author = "taalcheck voorbeeld"
    properties.created = properties.modified = FIXED_DATE.replace(tzinfo=None)
    properties.last_modified_by = "taalcheck voorbeeld"
    properties.revision = 1
    section = document.sections[0]
    section.header.paragraphs[0].text = "Vertrouwelijk – fictief voorbeeld"
    section.footer.paragraphs[0].text = "Voorbeeldverslag voor taalcheck; alle namen zijn verzonnen."

    document.add_heading(TITLE, level=1)
    document.add_paragraph(INTRO)
    for heading, paragraphs in PARAGRAPHS:
        document.add_heading(heading, level=2)
        for text in paragraphs:
            document.add_paragraph(text)
    document.add_heading("Afspraken", level=2)
    table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    table.style = "Table Grid"
    for row, values in zip(table.rows, TABLE, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    for cell in table.rows[0].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
    document.add_paragraph(CLOSING)
    return document


def reproducible_zip(data: bytes) -> bytes:
    """The same package with fixed timestamps and a stable member order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return output.getvalue()


def main() -> None:
    buffer = io.BytesIO()
    build_report().save(buffer)
    target = HERE / "verslag-gezinsvoogd.docx"
    target.write_bytes(reproducible_zip(buffer.getvalue()))
    print(f"geschreven: {target}")


if __name__ == "__main__":
    main()
