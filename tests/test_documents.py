"""Plain text and Markdown reading, file dispatch, folder walking, placeholders and ligatures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from taalcheck.documents import (
    SUPPORTED_SUFFIXES,
    document_from_text,
    iter_document_paths,
    mask_placeholders,
    read_document,
    repair_ligatures,
)
from taalcheck.errors import InputError

FOUNDING_DOCUMENT = Path(__file__).resolve().parents[2] / "shared" / "domain" / "handelingsprincipes.txt"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def read_error(path: Path, **kwargs: object) -> InputError:
    with pytest.raises(InputError) as caught:
        read_document(path, **kwargs)  # type: ignore[arg-type]
    error = caught.value
    assert str(error).startswith(f"{path}: "), "the message names the file first"
    return error


# --- plain text --------------------------------------------------------------------------------


def test_utf8_text_is_one_segment_with_offsets_into_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "verslag.txt", "Eerste regel.\nDe gezinsvoogd legt sancties op.\n")
    document = read_document(path)
    assert document.kind == "txt"
    assert document.path == str(path)
    assert len(document.segments) == 1
    assert document.segments[0].location is None
    start = document.text.index("sancties")
    assert document.line_column(start) == (2, 21)
    assert document.analysis_text == document.text


def test_display_path_is_used_in_document_and_errors(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Tekst.")
    assert read_document(path, display_path="dossier/a.txt").path == "dossier/a.txt"
    with pytest.raises(InputError, match=r"^dossier/weg\.txt: bestand niet gevonden$"):
        read_document(tmp_path / "weg.txt", display_path="dossier/weg.txt")


def test_utf8_bom_is_stripped_so_offsets_start_at_the_first_character(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbfZorgmijder")
    document = read_document(path)
    assert document.text == "Zorgmijder"
    assert document.line_column(0) == (1, 1)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded(tmp_path: Path, encoding: str) -> None:
    bom = b"\xff\xfe" if encoding.endswith("le") else b"\xfe\xff"
    path = write(tmp_path / "utf16.txt", bom + "Coördinatie van zorg\r\nRegel twee".encode(encoding))
    document = read_document(path)
    assert document.text == "Coördinatie van zorg\r\nRegel twee"
    assert document.line_text(1) == "Coördinatie van zorg"


def test_windows_1252_is_decoded_with_dutch_characters(tmp_path: Path) -> None:
    text = "Café, coördinatie en ruïne – “aanhalingstekens” kosten € 50.\r\nZoë is gemotiveerd."
    path = write(tmp_path / "ansi.txt", text.encode("cp1252"))
    assert read_document(path).text == text


def test_windows_line_endings_are_kept(tmp_path: Path) -> None:
    path = write(tmp_path / "crlf.txt", b"Regel een\r\nRegel twee\r\n")
    document = read_document(path)
    assert document.text == "Regel een\r\nRegel twee\r\n"
    assert document.line_column(document.text.index("twee")) == (2, 7)


def test_binary_content_in_txt_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "plaatje.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    assert read_error(path).problem == "binair bestand, geen tekst"


def test_binary_content_in_md_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "data.md", bytes(range(0, 40)) * 5)
    assert "binair" in read_error(path).problem


def test_undecodable_text_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "raar.txt", bytes(range(0x80, 0x100)) * 3)
    assert "tekstcodering niet herkend" in read_error(path).problem


def test_document_from_text_for_stdin() -> None:
    document = document_from_text("De ouder is een zorgmijder.")
    assert document.path == "-"
    assert [(s.start, s.end) for s in document.segments] == [(0, 27)]
    assert document_from_text("", "api").segments == []


def test_plain_text_placeholders_are_blanked_for_analysis() -> None:
    document = document_from_text("Beste {{naam}}, [NAAM KIND] gaat naar school.")
    assert document.analysis_text == "Beste         ,             gaat naar school."
    assert document.text == "Beste {{naam}}, [NAAM KIND] gaat naar school."


# --- Markdown ----------------------------------------------------------------------------------

MARKDOWN = """---
titel: Verslag escalatiebeheersing
---
# Verslag van de **gezinsvoogd**

De gezinsvoogd kiest een *risicogestuurde aanpak*, zie [het plan](https://voorbeeld.nl/plan_a "Plan").
Gebruik `escalatiebeheersing` niet. <!-- taalcheck: negeer zorgmijder -->
De moeder is een zorgmijder.

```yaml
aanpak: risicogestuurd
```

    ingesprongen code over sancties

<div>HTML-blok over sancties</div>

- De gezinsvoogd legt sancties op.
- Tweede punt met ![logo](logo.png) en https://voorbeeld.nl/pad.

> Citaat van vader.

| Onderwerp | Afspraak |
|-----------|----------|
| Omgang    | Vader ziet {{naam_kind}} elke week |
"""


@pytest.fixture()
def markdown_document(tmp_path: Path):
    return read_document(write(tmp_path / "verslag.md", MARKDOWN))


def segment_texts(document) -> list[str]:
    """The prose of each segment (a segment may start or end with blanked inline markup)."""
    return [document.analysis_text[s.start : s.end].strip() for s in document.segments]


def test_markdown_keeps_text_and_length(markdown_document) -> None:
    document = markdown_document
    assert document.kind == "md"
    assert document.text == MARKDOWN
    assert len(document.analysis_text) == len(document.text)
    assert document.analysis_text.count("\n") == document.text.count("\n")


def test_markdown_blanks_code_front_matter_html_and_link_targets(markdown_document) -> None:
    analysis = markdown_document.analysis_text
    for hidden in (
        "titel:",
        "aanpak: risicogestuurd",
        "ingesprongen code",
        "HTML-blok",
        "`escalatiebeheersing`",
        "escalatiebeheersing",
        "https://voorbeeld.nl",
        "Plan",
        "logo",
        "taalcheck: negeer",
        "{{naam_kind}}",
        "**",
    ):
        assert hidden not in analysis, hidden
    for prose in (
        "Verslag van de   gezinsvoogd",
        "risicogestuurde aanpak",
        "het plan",
        "De moeder is een zorgmijder.",
        "De gezinsvoogd legt sancties op.",
        "Citaat van vader.",
        "Omgang",
    ):
        assert prose in analysis, prose


def test_markdown_suppression_comment_stays_in_text(markdown_document) -> None:
    assert "<!-- taalcheck: negeer zorgmijder -->" in markdown_document.text


def test_markdown_segments_are_prose_blocks_with_source_positions(markdown_document) -> None:
    document = markdown_document
    texts = segment_texts(document)
    assert texts[0] == "Verslag van de   gezinsvoogd"
    assert "De gezinsvoogd legt sancties op." in texts
    assert "Citaat van vader." in texts
    assert "Omgang" in texts and "Afspraak" in texts
    assert all(segment.location is None for segment in document.segments)
    start = document.text.index("De moeder is een zorgmijder")
    assert document.segment_at(start) is not None
    assert document.line_column(start) == (8, 1)
    assert document.segment_at(document.text.index("ingesprongen")) is None


def test_markdown_segments_keep_inline_markup_at_their_edges_and_know_their_structure(tmp_path: Path) -> None:
    text = "# Kop\n\n- `code` vooraan\n- **vet**\n\n| a | b |\n|---|---|\n| c | d |\n"
    document = read_document(write(tmp_path / "structuur.md", text))
    shown = [(document.text[s.start : s.end], s.structure.kind) for s in document.segments]
    assert shown == [
        ("Kop", "heading"),
        ("`code` vooraan", "list-item"),
        ("**vet**", "list-item"),
        ("a", "table-cell"),
        ("b", "table-cell"),
        ("c", "table-cell"),
        ("d", "table-cell"),
    ]
    assert [s.structure.table for s in document.segments[3:]] == [(1, 1, 1), (1, 1, 2), (1, 2, 1), (1, 2, 2)]


def test_markdown_with_windows_line_endings(tmp_path: Path) -> None:
    path = write(tmp_path / "crlf.md", "# Kop\r\n\r\nEen `code` en tekst.\r\n")
    document = read_document(path)
    assert segment_texts(document) == ["Kop", "Een        en tekst."]
    assert document.line_column(document.text.index("tekst")) == (3, 15)


# --- dispatch and errors -----------------------------------------------------------------------


def test_supported_suffixes() -> None:
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".md", ".docx", ".docm", ".dotx", ".dotm", ".odt", ".pdf"}


def test_suffix_is_case_insensitive(tmp_path: Path) -> None:
    assert read_document(write(tmp_path / "NOTITIE.TXT", "Tekst.")).text == "Tekst."


def test_missing_file(tmp_path: Path) -> None:
    assert read_error(tmp_path / "weg.txt").problem == "bestand niet gevonden"


def test_directory_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "map.txt"
    folder.mkdir()
    assert "map" in read_error(folder).problem


def test_unsupported_type_names_the_supported_types(tmp_path: Path) -> None:
    problem = read_error(write(tmp_path / "tabel.xlsx", b"PK\x03\x04")).problem
    assert ".xlsx" in problem and "niet ondersteund" in problem
    for suffix in SUPPORTED_SUFFIXES:
        assert suffix in problem


def test_old_word_format(tmp_path: Path) -> None:
    path = write(tmp_path / "oud.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    assert read_error(path).problem == "oud Word-formaat (.doc): sla het op als .docx en probeer opnieuw"


def test_too_large_file(tmp_path: Path) -> None:
    path = write(tmp_path / "groot.txt", "x" * 2_000)
    problem = read_error(path, max_bytes=1_000).problem
    assert problem.startswith("bestand is te groot")


def test_reading_never_changes_the_file(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbfDe gezinsvoogd legt sancties op.\r\n"
    path = write(tmp_path / "verslag.txt", data)
    before = os.stat(path)
    read_document(path)
    after = os.stat(path)
    assert path.read_bytes() == data
    assert (before.st_mtime_ns, before.st_size) == (after.st_mtime_ns, after.st_size)


# --- finding files -----------------------------------------------------------------------------


def test_folders_are_searched_recursively_in_sorted_order(tmp_path: Path) -> None:
    root = tmp_path / "dossier"
    for name in ("b.txt", "a.md", "sub/c.docx", "sub/d.pdf", "e.odt", "notities.xlsx", "oud.doc"):
        write(root / name, "x")
    write(root / ".verborgen.txt", "x")
    write(root / ".git/config.txt", "x")
    write(root / "~$verslag.docx", "x")  # Word lock file
    found = iter_document_paths([root])
    assert [path.relative_to(root).as_posix() for path in found] == [
        "a.md",
        "b.txt",
        "e.odt",
        "oud.doc",  # listed so that the run can say it was not checked and what to do
        "sub/c.docx",
        "sub/d.pdf",
    ]


def test_exclude_patterns_match_relative_path_and_name(tmp_path: Path) -> None:
    root = tmp_path / "dossier"
    for name in ("a.txt", "concept-b.txt", "archief/c.txt", "sub/d.txt"):
        write(root / name, "x")
    found = iter_document_paths([root], exclude=["concept-*", "archief"])
    assert [path.relative_to(root).as_posix() for path in found] == ["a.txt", "sub/d.txt"]
    found = iter_document_paths([root], exclude=["sub/*.txt"])
    assert "sub/d.txt" not in [path.relative_to(root).as_posix() for path in found]


def test_files_are_kept_as_given_and_only_once(tmp_path: Path) -> None:
    first = write(tmp_path / "z.txt", "x")
    second = write(tmp_path / "a.md", "x")
    missing = tmp_path / "weg.txt"
    assert iter_document_paths([first, second, first, missing]) == [first, second, missing]


def test_folder_without_supported_files(tmp_path: Path) -> None:
    root = tmp_path / "leeg"
    write(root / "tabel.xlsx", "x")
    with pytest.raises(InputError) as caught:
        iter_document_paths([root])
    assert str(caught.value) == (
        f"{root}: geen leesbare tekstbestanden gevonden (.txt, .md, .docx, .docm, .dotx, .dotm, .odt, .pdf)"
    )


# --- placeholders and ligatures ----------------------------------------------------------------


@pytest.mark.parametrize(
    "placeholder", ["{{naam}}", "{{ naam_kind }}", "[NAAM KIND]", "[KIND_1]", "«Voornaam»", "<<veld>>"]
)
def test_placeholders_are_masked(placeholder: str) -> None:
    text = f"Gesprek met {placeholder} over school."
    masked = mask_placeholders(text)
    assert masked == text.replace(placeholder, " " * len(placeholder))


@pytest.mark.parametrize("text", ["Zie [1] en [bijlage 2].", "Zij zei «dat klopt niet».", "a < b > c"])
def test_ordinary_brackets_are_not_placeholders(text: str) -> None:
    assert mask_placeholders(text) == text


def test_repair_ligatures_in_the_founding_document() -> None:
    if not FOUNDING_DOCUMENT.exists():
        pytest.skip(f"{FOUNDING_DOCUMENT} ontbreekt")
    damaged = FOUNDING_DOCUMENT.read_text(encoding="utf-8")
    repaired = repair_ligatures(damaged)
    assert len(repaired) == len(damaged)
    assert "\ufffd" not in repaired
    for word in (
        "conflict",
        "heeft",
        "slachtoffer",
        "specifieke",
        "inzetten",
        "behoefte",
        "flexibiliteit",
        "conflictsituatie",
        "conflictdiagnostiek",
    ):
        assert word in repaired, word
    # Damage repaired in the same place: the text around it is untouched.
    start = damaged.index("con\ufffd ict")
    assert repaired[start - 12 : start + 8] == damaged[start - 12 : start] + "conflict"


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("het con\ufffd ict", "het conflict"),
        ("hee\ufffd  met", "heeft met"),
        ("het slachto\ufffd er", "het slachtoffer"),
        ("speci\ufffd eke", "specifieke"),
        ("inze\ufffd en", "inzetten"),
        ("behoe\ufffd e", "behoefte"),
        ("veerkracht, \ufffd exibiliteit", "veerkracht, flexibiliteit"),
        ("CON\ufffd ICT", "CONFLICT"),
        ("een \ufffd zonder woord", "een \ufffd zonder woord"),
    ],
)
def test_repair_ligatures_keeps_length(damaged: str, repaired: str) -> None:
    assert repair_ligatures(damaged) == repaired
    assert len(repair_ligatures(damaged)) == len(damaged)


def test_text_reader_repairs_ligatures_in_analysis_text_only(tmp_path: Path) -> None:
    path = write(tmp_path / "pdfkopie.txt", "Het con\ufffd ict tussen ouders.")
    document = read_document(path)
    assert document.text == "Het con\ufffd ict tussen ouders."
    assert document.analysis_text == "Het conflict tussen ouders."
