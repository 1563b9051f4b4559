"""`--anonimiseer`: no invented name, date or case number of the user-trial reports survives, and the
findings stay the same passages."""

from __future__ import annotations

import json
import re
import zipfile

import pytest

from conftest import run_cli, shared_file
from taalcheck.anonymise import Anonymiser, OffsetMap, Replacement, case_numbers

NAMES = ("Noa", "Vries", "Bakker", "Sem", "Lotte", "Jansen")
CASE_NUMBERS = ("C/15/345678", "FA RK 24-1234", "2024-0173")
MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
DATE = re.compile(rf"\b\d{{1,2}} (?:{MONTHS})(?: \d{{4}})?\b")
REPORTS = ("raadsrapport-omgang.md", "verslag-ots-noa.docx")


def leaks(text: str, dates: set[str]) -> list[str]:
    found = [name for name in NAMES if re.search(rf"\b{name}\b", text, re.IGNORECASE)]
    found += [number for number in CASE_NUMBERS if number in text]
    return found + [date for date in dates if date in text]


@pytest.fixture(scope="module")
def reports():
    return [shared_file("domain", "user-trial", name) for name in REPORTS]


@pytest.fixture(scope="module")
def dates(reports):
    from taalcheck.documents import read_document

    found = set()
    for path in reports:
        found.update(DATE.findall(read_document(path, str(path)).text))
    assert len(found) >= 8  # the reports are full of dates; the test must see them
    return found


def test_check_outputs_carry_no_personal_details(capsys, reports, dates, tmp_path):
    for fmt in ("text", "json", "html"):
        target = tmp_path / f"uit.{fmt}"
        code, _, err = run_cli(
            capsys, "check", *map(str, reports), "--format", fmt, "-o", str(target), "--anonimiseer"
        )
        assert code == 1, err
        written = target.read_text(encoding="utf-8")
        assert re.search(r"\[PERSOON-\d+\]", written), fmt
        assert leaks(written, dates) == [], fmt
    plain = tmp_path / "gewoon.html"
    run_cli(capsys, "check", *map(str, reports), "--format", "html", "-o", str(plain))
    structure = plain.read_text(encoding="utf-8").count('class="doc-table"')
    assert (
        structure
        and (tmp_path / "uit.html").read_text(encoding="utf-8").count('class="doc-table"') == structure
    )


def test_findings_are_the_same_passages(capsys, reports):
    plain = json.loads(run_cli(capsys, "check", *map(str, reports), "--format", "json")[1])
    anonymous = json.loads(
        run_cli(capsys, "check", *map(str, reports), "--format", "json", "--anonimiseer")[1]
    )
    for before, after in zip(plain["files"], anonymous["files"], strict=True):
        assert [f["rule"] for f in before["findings"]] == [f["rule"] for f in after["findings"]]
        assert [f.get("location") for f in before["findings"]] == [
            f.get("location") for f in after["findings"]
        ]
        for old, new in zip(before["findings"], after["findings"], strict=True):
            if "[" not in new["text"]:
                assert old["text"] == new["text"]
        assert before["summary"] == after["summary"]
    # Offsets point into the anonymised text: a passage with a name carries its label.
    texts = [f["text"] for file in anonymous["files"] for f in file["findings"]]
    assert any(re.search(r"\[PERSOON-\d+\]", text) for text in texts)


def test_annotated_word_copy_carries_no_personal_details(capsys, reports, dates, tmp_path):
    from taalcheck.documents import read_document

    docx = reports[1]
    target = tmp_path / "anoniem.docx"
    code, out, _ = run_cli(capsys, "annotate", str(docx), "-o", str(target), "--anonimiseer")
    assert code == 0 and "opmerkingen geplaatst" in out
    with zipfile.ZipFile(target) as archive:
        for name in archive.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                text = archive.read(name).decode("utf-8")
                assert leaks(text, dates) == [], name
        comments = archive.read("word/comments.xml").decode("utf-8")
    assert comments.count("<w:comment ") >= 20
    back = read_document(target, "anoniem.docx").text
    assert "[PERSOON-1]" in back and "[DATUM-1]" in back


def test_labels_are_consistent_within_a_document():
    anonymiser = Anonymiser()
    text = "Gesprek met Noa de Vries op 3 april 2024. Noa vertelt over school. Daarna sprak Noa de Vries met mij."
    replacements = anonymiser.replacements(text)
    labels = [item.label for item in replacements if text[item.start : item.end].startswith("Noa")]
    assert len(labels) == 3 and len(set(labels)) == 1
    assert any(item.label == "[DATUM-1]" for item in replacements)


def test_offset_map_keeps_passages_around_labels():
    text = "Jan legt een sanctie op."
    offsets = OffsetMap([Replacement(0, 3, "[PERSOON-1]")])
    new = "[PERSOON-1] legt een sanctie op."
    start, end = text.index("legt"), text.index("op.") + 2
    assert new[offsets.start(start) : offsets.end(end)] == "legt een sanctie op"
    assert new[offsets.start(0) : offsets.end(8)] == "[PERSOON-1] legt"  # a passage that holds the name


def test_case_numbers_are_found_by_form_and_by_cue():
    text = "Zaaknummer rechtbank: C/15/345678 / FA RK 24-1234, ons dossiernummer 2024-0173."
    found = {text[start:end] for start, end in case_numbers(text)}
    assert {"C/15/345678", "FA RK 24-1234", "2024-0173"} <= found


def test_addresses_phone_numbers_email_and_bsn_are_labelled():
    """The street list is used as listed (without deduce's variants): full and abbreviated
    addresses are still found, by the list and by deduce's street pattern."""
    text = (
        "Moeder woont aan de Burgemeester de Withstraat 12 in Amersfoort. Vader woont op de Kerkstr 5a, "
        "3511 AB Utrecht, telefoon 06-12345678, e-mail vader.jansen@example.nl, BSN 123456782."
    )
    anonymiser = Anonymiser()
    anonymous = "".join(_apply_for_test(text, anonymiser.replacements(text)))
    for detail in (
        "Withstraat",
        "Amersfoort",
        "Kerkstr",
        "3511 AB",
        "06-12345678",
        "example.nl",
        "123456782",
    ):
        assert detail not in anonymous, detail
    assert "[ADRES-1]" in anonymous and "[TELEFOON-1]" in anonymous and "[BSN-1]" in anonymous


def _apply_for_test(text: str, replacements: list[Replacement]) -> list[str]:
    parts, position = [], 0
    for item in replacements:
        parts += [text[position : item.start], item.label]
        position = item.end
    return [*parts, text[position:]]


def test_loading_the_library_keeps_machine_output_clean():
    """deduce sends all logging to standard output on import; taalcheck undoes that, so JSON and
    SARIF on standard output stay readable."""
    import subprocess
    import sys

    script = (
        "import logging; from taalcheck.deidentify import _deduce; _deduce(); "
        "logging.getLogger('proef').warning('melding van een bibliotheek')"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""


def test_labels_keep_the_spaces_around_a_detail():
    """deduce's spans may include the white space after a detail ('op de Burg. '); the text keeps
    its spaces, so no label is glued to the next word or label."""
    from taalcheck.anonymise import anonymised_text

    text = anonymised_text("Vader woont op de Burg. de Withstraat 5 in Zeist.")
    assert "Withstraat" not in text and "Zeist" not in text
    assert not re.search(r"\]\[|\]\w|\w\[", text), text
