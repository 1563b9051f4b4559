"""Hostile and broken input: every case ends quickly, in bounded memory, with one Dutch line.

Each case runs `taalcheck check` in a subprocess (files generated here, small on disk) and
asserts: it ends within 10 s of processor time (a hang is killed after 60 s of wall-clock time,
which on a busy machine says little) and under 500 MB peak memory, gives one clear error line (or the
correct finding), never a traceback or "onverwachte fout", and leaves the input unchanged.
"""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from hostile_files import (
    GB,
    RawEntry,
    bomb,
    entries_of,
    odt_entries,
    pdf_bytes,
    replaced,
    run_measured,
    text_lines,
    word_bytes,
    word_with_body,
    write_zip,
)

MAX_SECONDS = 10.0
MAX_MB = 500.0
FINDING = "De gezinsvoogd legt sancties op."


def _digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def run_check(tmp_path: Path, *args: str, stdin: object = subprocess.DEVNULL):  # type: ignore[no-untyped-def]
    """`taalcheck check ARGS`; the input files given are unchanged afterwards."""
    inputs = [tmp_path / arg for arg in args if not arg.startswith("-") and (tmp_path / arg).is_file()]
    before = [_digest(path) for path in inputs]
    run = run_measured(["check", "--format", "concise", *args], cwd=tmp_path, stdin=stdin)
    assert run.code != -999, "hung: taalcheck did not end within 60 s"
    assert run.cpu_seconds < MAX_SECONDS, f"took {run.cpu_seconds:.1f} s of processor time"
    assert run.peak_mb < MAX_MB, f"peak memory {run.peak_mb:.0f} MB"
    assert "Traceback" not in run.stderr and "onverwachte fout" not in run.stderr, run.stderr
    assert [_digest(path) for path in inputs] == before, "an input file was changed"
    return run


def assert_one_error(run, name: str, *words: str) -> None:  # type: ignore[no-untyped-def]
    assert run.code == 2, (run.code, run.stdout, run.stderr)
    assert len(run.error_lines) == 1, run.stderr
    line = run.error_lines[0]
    assert line.startswith(f"taalcheck: fout: {name}: "), line
    for word in words:
        assert word in line, line


def assert_finding(run, name: str) -> None:  # type: ignore[no-untyped-def]
    assert run.code == 1, (run.code, run.stdout, run.stderr)
    assert f"{name}:" in run.stdout and "sancties-opleggen" in run.stdout, run.stdout


# --- Word: zip bombs, forged sizes, hostile XML ------------------------------------------------------


def assert_errors_per_file(run, expected: dict[str, tuple[str, ...]]) -> None:  # type: ignore[no-untyped-def]
    """One error line per file, each naming the file and the given words."""
    assert run.code == 2, (run.code, run.stdout, run.stderr)
    assert len(run.error_lines) == len(expected), run.stderr
    for name, words in expected.items():
        line = next((line for line in run.error_lines if f"{name}: " in line), None)
        assert line is not None, (name, run.stderr)
        assert line.startswith("taalcheck: fout: "), line
        for word in words:
            assert word in line, line


WORD_PARTS = [
    "word/document.xml",
    "word/header1.xml",
    "word/footnotes.xml",
    "word/comments.xml",
    "word/media/image1.png",
]


def test_docx_zip_bomb_in_any_part(tmp_path: Path) -> None:
    folder = tmp_path / "bommen"
    folder.mkdir()
    expected = {}
    for number, part in enumerate(WORD_PARTS):
        entries = replaced(entries_of(word_bytes()), part, bomb(int(1.5 * GB)), int(1.5 * GB))
        write_zip(folder / f"bom{number}.docx", entries)
        expected[f"bom{number}.docx"] = (part, "grens per onderdeel", "50 MB")
    assert_errors_per_file(run_check(tmp_path, "bommen"), expected)


def test_docx_forged_large_size_is_refused_before_unpacking(tmp_path: Path) -> None:
    entries = replaced(entries_of(word_bytes()), "word/styles.xml", bomb(1 << 20), 2 * GB)
    write_zip(tmp_path / "vals.docx", entries)
    assert_one_error(run_check(tmp_path, "vals.docx"), "vals.docx", "word/styles.xml", "grens")


def test_docx_forged_small_size_stops_at_the_declared_size(tmp_path: Path) -> None:
    # The header claims a small part; the data inflates to 1.5 GB. Reading stops early either way.
    for declared in (1_000, 40_000_000):
        entries = replaced(entries_of(word_bytes()), "word/document.xml", bomb(int(1.5 * GB)), declared)
        write_zip(tmp_path / f"vals{declared}.docx", entries)
    run = run_check(tmp_path, "vals1000.docx", "vals40000000.docx")
    assert_errors_per_file(run, {"vals1000.docx": ("beschadigd",), "vals40000000.docx": ("beschadigd",)})


def test_docx_declared_total_over_the_limit(tmp_path: Path) -> None:
    parts = [RawEntry(f"word/media/image{n}.png", bomb(1 << 20), 45_000_000) for n in range(6)]
    write_zip(tmp_path / "groot.docx", entries_of(word_bytes()) + parts)
    assert_one_error(run_check(tmp_path, "groot.docx"), "groot.docx", "alle onderdelen samen", "200 MB")


def test_docx_too_many_entries(tmp_path: Path) -> None:
    extra = [RawEntry(f"customXml/item{n}.bin", b"\x03\x00", 0) for n in range(12_000)]
    write_zip(tmp_path / "veel.docx", entries_of(word_bytes()) + extra)
    assert_one_error(run_check(tmp_path, "veel.docx"), "veel.docx", "10.000 onderdelen")


def test_docx_too_many_xml_elements(tmp_path: Path) -> None:
    # A million tiny paragraphs: four million elements, far more than any real report.
    paragraph = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>"
    write_zip(tmp_path / "alineas.docx", word_with_body(paragraph * 1_000_000))
    run = run_check(tmp_path, "alineas.docx")
    assert_one_error(run, "alineas.docx", "word/document.xml", "2.000.000 XML-elementen")


def test_docx_deep_nesting(tmp_path: Path) -> None:
    depth = 100_000
    write_zip(tmp_path / "diep.docx", word_with_body(b"<w:sdt>" * depth + b"</w:sdt>" * depth))
    assert_one_error(run_check(tmp_path, "diep.docx"), "diep.docx", "genest", "256")


XXE = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LAUGHS = (
    b'<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
)


def test_dtd_and_entities_are_refused(tmp_path: Path) -> None:
    body = b"<w:p><w:r><w:t>&xxe;&d;</w:t></w:r></w:p>"
    write_zip(tmp_path / "xxe.docx", word_with_body(body, prolog=XXE))
    write_zip(tmp_path / "lachen.docx", word_with_body(body, prolog=LAUGHS))
    write_zip(tmp_path / "lachen.odt", odt_entries(b"<text:p>&d;</text:p>", prolog=LAUGHS))
    run = run_check(tmp_path, "xxe.docx", "lachen.docx", "lachen.odt")
    assert_errors_per_file(
        run,
        {
            "xxe.docx": ("word/document.xml", "DTD"),
            "lachen.docx": ("word/document.xml", "DTD"),
            "lachen.odt": ("content.xml", "DTD"),
        },
    )
    assert "root:" not in run.stdout + run.stderr


def test_docx_guard_keeps_real_documents_readable(tmp_path: Path) -> None:
    (tmp_path / "echt.docx").write_bytes(word_bytes(FINDING))
    assert_finding(run_check(tmp_path, "echt.docx"), "echt.docx")


# --- OpenDocument ---------------------------------------------------------------------------------


def test_odt_huge_space_count_is_capped(tmp_path: Path) -> None:
    paragraph = b'<text:p>De gezinsvoogd<text:s text:c="1000000000"/>legt sancties op.</text:p>'
    write_zip(tmp_path / "spaties.odt", odt_entries(paragraph))
    assert_finding(run_check(tmp_path, "spaties.odt"), "spaties.odt")


def test_odt_many_space_counts_stop_at_the_limit(tmp_path: Path) -> None:
    paragraph = b'<text:p>a<text:s text:c="999999"/>b</text:p>' * 50_000
    write_zip(tmp_path / "spaties.odt", odt_entries(paragraph))
    assert_one_error(run_check(tmp_path, "spaties.odt"), "spaties.odt", "spaties", "grens")


def test_odt_zip_bomb_in_any_part(tmp_path: Path) -> None:
    expected = {}
    for number, part in enumerate(["content.xml", "META-INF/manifest.xml", "Pictures/foto.png"]):
        entries = replaced(odt_entries(b"<text:p>Tekst.</text:p>"), part, bomb(int(1.5 * GB)), int(1.5 * GB))
        write_zip(tmp_path / f"bom{number}.odt", entries)
        expected[f"bom{number}.odt"] = (part, "grens per onderdeel")
    assert_errors_per_file(run_check(tmp_path, *expected), expected)


def test_odt_guard_keeps_real_documents_readable(tmp_path: Path) -> None:
    write_zip(tmp_path / "echt.odt", odt_entries(f"<text:p>{FINDING}</text:p>".encode()))
    assert_finding(run_check(tmp_path, "echt.odt"), "echt.odt")


# --- PDF --------------------------------------------------------------------------------------------


def test_pdf_millions_of_text_operators_on_one_page(tmp_path: Path) -> None:
    content = b"BT /F1 12 Tf " + b"1 0 0 1 72 700 Tm (ab) Tj " * 1_800_000 + b"ET"
    (tmp_path / "opdrachten.pdf").write_bytes(pdf_bytes([content]))
    run = run_check(tmp_path, "opdrachten.pdf")
    assert_one_error(run, "opdrachten.pdf", "pagina 1", "200.000 opdrachten")


def test_pdf_small_file_that_is_slow_in_pure_python_extraction(tmp_path: Path) -> None:
    # ~20 KB: one text object per line, hundreds of thousands of lines (minutes in pypdf).
    content = text_lines([FINDING] * 250_000)
    path = tmp_path / "traag.pdf"
    path.write_bytes(pdf_bytes([content]))
    assert path.stat().st_size < 100_000
    assert_one_error(run_check(tmp_path, "traag.pdf"), "traag.pdf", "pagina 1", "opdrachten")


def test_pdf_many_text_objects_within_the_limits_are_read(tmp_path: Path) -> None:
    lines = [f"Regel {n} van het verslag." for n in range(2_000)]
    lines[1_234] = FINDING
    pages = [text_lines(lines[start : start + 500]) for start in range(0, len(lines), 500)]
    (tmp_path / "lang.pdf").write_bytes(pdf_bytes(pages))
    run = run_check(tmp_path, "lang.pdf")
    assert_finding(run, "lang.pdf")
    assert "pagina 3" in run.stdout


def test_pdf_too_many_pages(tmp_path: Path) -> None:
    (tmp_path / "paginas.pdf").write_bytes(pdf_bytes([b""] * 5_001))
    assert_one_error(run_check(tmp_path, "paginas.pdf"), "paginas.pdf", "5.000 pagina's")


def test_pdf_flate_bomb_in_a_content_stream(tmp_path: Path) -> None:
    import zlib

    packer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    stream = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    stream += (packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)) * 1_500 + packer.flush()
    data = pdf_bytes([b"BT /F1 12 Tf 72 700 Td (x) Tj ET"])
    original = zlib.compress(b"BT /F1 12 Tf 72 700 Td (x) Tj ET", 9)
    data = data.replace(b"/Length %d " % len(original), b"/Length %d " % len(stream)).replace(
        original, stream
    )
    (tmp_path / "bom.pdf").write_bytes(data)
    assert_one_error(run_check(tmp_path, "bom.pdf"), "bom.pdf")


def test_pdf_damaged_file_gives_one_line(tmp_path: Path) -> None:
    (tmp_path / "kapot.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n" + b"\x00" * 300)
    assert_one_error(run_check(tmp_path, "kapot.pdf"), "kapot.pdf", "beschadigd")


# --- size limits and unreadable folders (special files and other issue 16 cases: test_special_inputs.py)


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    with open(tmp_path / "groot.txt", "wb") as file:
        file.truncate(60_000_000)  # sparse: nothing on disk
    assert_one_error(run_check(tmp_path, "groot.txt"), "groot.txt", "te groot", "50 MB", "max_file_mb")


def test_limits_can_be_set_in_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "taalcheck.toml").write_text("[limits]\nmax_file_mb = 0.001\n", encoding="utf-8")
    (tmp_path / "verslag.txt").write_text(FINDING * 100, encoding="utf-8")
    (tmp_path / "kort.txt").write_text(FINDING, encoding="utf-8")
    run = run_check(tmp_path, "verslag.txt", "kort.txt")
    assert run.code == 2
    size = (tmp_path / "verslag.txt").stat().st_size
    assert run.error_lines == [
        f"taalcheck: fout: verslag.txt: bestand is te groot ({size} bytes; de grens is 1000 bytes, "
        "in te stellen met max_file_mb onder [limits] in taalcheck.toml)"
    ]
    assert "kort.txt:" in run.stdout  # the other file is still checked


def test_limit_hit_in_a_folder_run_leaves_the_other_files_checked(tmp_path: Path) -> None:
    folder = tmp_path / "dossier"
    folder.mkdir()
    write_zip(folder / "a-bom.docx", replaced(entries_of(word_bytes()), "word/document.xml", bomb(GB), GB))
    (folder / "b-verslag.txt").write_text(FINDING, encoding="utf-8")
    (folder / "oud.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    run = run_check(tmp_path, "dossier")
    assert run.code == 2
    assert "b-verslag.txt:" in run.stdout
    assert len(run.error_lines) == 2, run.stderr
    bomb_line, old_line = sorted(run.error_lines)
    assert "a-bom.docx" in bomb_line and "grens" in bomb_line
    assert "oud.doc" in old_line and ".docx" in old_line  # not checked, and what to do


_NO_ACCESS = """
import errno, os, sys
from taalcheck.cli import main

# As root, chmod 000 does not stop reading: refuse the folder named in argv[1] the way the
# file system refuses it to an ordinary user.
closed = sys.argv[1]
real_scandir = os.scandir
def scandir(path="."):
    if os.path.normpath(os.fspath(path)) == closed:
        raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
    return real_scandir(path)
os.scandir = scandir
sys.argv = ["taalcheck", "check", "--format", "concise", "dossier"]
main()
"""


def _run_without_access(tmp_path: Path, folder: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    env["TAALCHECK_NO_CACHE"] = "1"
    return subprocess.run(
        [sys.executable, "-c", _NO_ACCESS, folder],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def _folder_with_a_closed_subfolder(tmp_path: Path) -> None:
    (tmp_path / "dossier" / "dicht").mkdir(parents=True)
    (tmp_path / "dossier" / "a.txt").write_text(FINDING, encoding="utf-8")
    (tmp_path / "dossier" / "dicht" / "b.txt").write_text(FINDING, encoding="utf-8")


def test_unreadable_subfolder_is_reported_and_the_rest_checked(tmp_path: Path) -> None:
    _folder_with_a_closed_subfolder(tmp_path)
    done = _run_without_access(tmp_path, "dossier/dicht")
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [
        "taalcheck: fout: dossier/dicht: map overgeslagen: geen leesrechten voor deze map"
    ]
    assert "dossier/a.txt:" in done.stdout and "dicht/b.txt" not in done.stdout


def test_unreadable_folder_given_on_the_command_line(tmp_path: Path) -> None:
    _folder_with_a_closed_subfolder(tmp_path)
    done = _run_without_access(tmp_path, "dossier")
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [
        "taalcheck: fout: dossier: map overgeslagen: geen leesrechten voor deze map"
    ]
    assert done.stdout == ""


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders without read permission")
def test_subfolder_without_permissions_on_disk(tmp_path: Path) -> None:
    _folder_with_a_closed_subfolder(tmp_path)
    (tmp_path / "dossier" / "dicht").chmod(0)
    try:
        run = run_check(tmp_path, "dossier")
    finally:
        (tmp_path / "dossier" / "dicht").chmod(stat.S_IRWXU)
    assert run.code == 2
    assert run.error_lines == [
        "taalcheck: fout: dossier/dicht: map overgeslagen: geen leesrechten voor deze map"
    ]
    assert "dossier/a.txt:" in run.stdout


# --- output that cannot be written -----------------------------------------------------------------


def test_output_in_a_missing_folder(tmp_path: Path) -> None:
    (tmp_path / "verslag.txt").write_text(FINDING, encoding="utf-8")
    run = run_measured(["check", "verslag.txt", "-o", "weg/uitvoer.txt"], cwd=tmp_path)
    assert_one_error(run, "weg/uitvoer.txt", "kan de uitvoer niet schrijven")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_output_without_write_permission(tmp_path: Path) -> None:
    (tmp_path / "verslag.txt").write_text(FINDING, encoding="utf-8")
    locked = tmp_path / "dicht"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    run = run_measured(["check", "verslag.txt", "-o", "dicht/uitvoer.txt"], cwd=tmp_path)
    assert_one_error(run, "dicht/uitvoer.txt", "kan de uitvoer niet schrijven")


def test_standard_output_to_a_full_device(tmp_path: Path) -> None:
    (tmp_path / "verslag.txt").write_text(FINDING, encoding="utf-8")
    with open("/dev/full", "w") as full:
        run = run_measured(["check", "--format", "json", "verslag.txt"], cwd=tmp_path, stdout=full)
    assert_one_error(run, "standaarduitvoer", "kan de uitvoer niet schrijven")
