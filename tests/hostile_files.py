"""Small files that expand or stall: zip bombs, forged sizes, hostile XML and PDF content streams.

Everything is generated here, small on disk: a 1.5 GB zip bomb is 1.5 MB of repeated deflate
blocks. `run_measured` runs taalcheck in a subprocess and reports its exit code, output, time
and peak memory.
"""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

GB = 1_000_000_000
_SRC = str(Path(__file__).resolve().parents[1] / "src")

# --- zip containers -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RawEntry:
    """A zip entry written exactly as given: compressed bytes and the sizes the headers claim."""

    name: str
    compressed: bytes
    declared_size: int
    crc: int = 0
    method: int = zipfile.ZIP_DEFLATED


def deflated(data: bytes) -> RawEntry:
    """A correct deflated entry (name filled in by `with_name`)."""
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return RawEntry("", packer.compress(data) + packer.flush(), len(data), zlib.crc32(data))


def bomb(size: int, fill: bytes = b" ") -> bytes:
    """A raw deflate stream that inflates to `size` bytes of `fill` (about size/1000 on disk)."""
    chunk = fill * (1 << 20)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    repeated = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    return block + repeated * (size // len(chunk) - 1) + packer.flush(zlib.Z_FINISH)


def write_zip(path: Path, entries: list[RawEntry]) -> Path:
    """A zip file with the given entries and headers, forged sizes included."""
    out = bytearray()
    directory = bytearray()
    for entry in entries:
        name = entry.name.encode()
        offset = len(out)
        sizes = (entry.crc, len(entry.compressed), entry.declared_size & 0xFFFFFFFF)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, entry.method, 0, 0, *sizes, len(name), 0)
        out += name + entry.compressed
        directory += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            entry.method,
            0,
            0,
            *sizes,
            len(name),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        directory += name
    start = len(out)
    out += directory
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), start, 0)
    path.write_bytes(bytes(out))
    return path


def entries_of(data: bytes) -> list[RawEntry]:
    """The entries of a real zip, re-deflated, so one of them can be swapped for a hostile one."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [
            RawEntry(info.filename, **_fields(deflated(archive.read(info.filename))))
            for info in archive.infolist()
        ]


def _fields(entry: RawEntry) -> dict:
    return {"compressed": entry.compressed, "declared_size": entry.declared_size, "crc": entry.crc}


def replaced(entries: list[RawEntry], name: str, compressed: bytes, declared: int) -> list[RawEntry]:
    """`entries` with `name` replaced (or added) by the given compressed data and declared size."""
    kept = [entry for entry in entries if entry.name != name]
    return [*kept, RawEntry(name, compressed, declared)]


def word_bytes(text: str = "De gezinsvoogd legt sancties op.", header: str = "Verslag") -> bytes:
    """A real .docx made with python-docx: one paragraph and a header."""
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    document.sections[0].header.paragraphs[0].text = header
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def word_with_body(body_xml: bytes, prolog: bytes = b"") -> list[RawEntry]:
    """A real .docx whose word/document.xml body is `body_xml` (after an optional prolog/DTD)."""
    entries = [entry for entry in entries_of(word_bytes()) if entry.name != "word/document.xml"]
    ns = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    xml = prolog + b"<w:document " + ns + b"><w:body>" + body_xml + b"</w:body></w:document>"
    return [*entries, RawEntry("word/document.xml", **_fields(deflated(xml)))]


ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_ODT_NS = (
    b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"'
)
_MANIFEST = (
    b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    b'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
    b'<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    b"</manifest:manifest>"
)


def odt_entries(paragraphs_xml: bytes, prolog: bytes = b"") -> list[RawEntry]:
    """A minimal .odt (mimetype, manifest, content.xml) with the given `text:p` elements."""
    content = (
        prolog
        + b"<office:document-content "
        + _ODT_NS
        + b"><office:body><office:text>"
        + paragraphs_xml
        + b"</office:text></office:body></office:document-content>"
    )
    mimetype = RawEntry(
        "mimetype", ODT_MIMETYPE, len(ODT_MIMETYPE), zlib.crc32(ODT_MIMETYPE), zipfile.ZIP_STORED
    )
    return [
        mimetype,
        RawEntry("META-INF/manifest.xml", **_fields(deflated(_MANIFEST))),
        RawEntry("content.xml", **_fields(deflated(content))),
    ]


# --- PDF ----------------------------------------------------------------------------------------


def pdf_bytes(pages: list[bytes]) -> bytes:
    """A PDF with one Helvetica font and the given (flate-compressed) page content streams."""
    objects: list[bytes] = [
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    ]
    pages_id = 2 * len(pages) + 3
    kids = []
    for content in pages:
        data = zlib.compress(content, 9)
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(data), data))
        objects.append(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 1 0 R >> >> "
            b"/Contents %d 0 R >>" % (pages_id, len(objects))
        )
        kids.append(len(objects))
    objects.append(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    refs = b" ".join(b"%d 0 R" % kid for kid in kids)
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (refs, len(kids)))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        pages_id - 1,
        xref,
    )
    return bytes(out)


def text_lines(lines: list[str]) -> bytes:
    """A page content stream that shows each line with its own text object (as some tools write)."""
    body = b"/F1 10 Tf 12 TL "
    body += b"".join(
        b"BT 40 %d Td (%s) Tj ET " % (800 - (i % 60) * 12, line.encode("cp1252"))
        for i, line in enumerate(lines)
    )
    return body


# --- running taalcheck ------------------------------------------------------------------------------

#: Runs the command given as arguments, then prints its peak memory (KB) and time on stderr.
_MEASURE = """
import resource, subprocess, sys, time
def cap():
    limit = 3 * 1024 ** 3  # a regression must not take the machine down with it
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
start = time.monotonic()
try:
    code = subprocess.run(sys.argv[2:], preexec_fn=cap, timeout=float(sys.argv[1])).returncode
except subprocess.TimeoutExpired:
    code = -999
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
sys.stderr.write(f"\\n@@measured {code} {usage.ru_maxrss} {time.monotonic() - start:.2f} {cpu:.2f}\\n")
"""


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float  # wall clock (depends on how busy the machine is)
    peak_mb: float
    cpu_seconds: float  # user and system time of taalcheck itself

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


def run_measured(
    args: list[str],
    cwd: Path,
    stdin: object = subprocess.DEVNULL,
    stdout: object = subprocess.PIPE,
    timeout: float = 60.0,
    script: str | None = None,
) -> Run:
    """`taalcheck ARGS` in a subprocess with a time limit; exit code, output, seconds, peak MB.

    With `script`, that Python code runs instead of `-m taalcheck`, with ARGS as its arguments.
    """
    env = {**os.environ, "PYTHONPATH": _SRC, "TAALCHECK_NO_CACHE": "1", "NO_COLOR": "1"}
    env.pop("TAALCHECK_DEBUG", None)
    program = ["-c", script] if script is not None else ["-m", "taalcheck"]
    command = [sys.executable, "-c", _MEASURE, str(timeout), sys.executable, *program, *args]
    done = subprocess.run(
        command,
        cwd=cwd,
        env=env,
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=timeout + 30,
    )
    stderr, _, measured = done.stderr.rpartition("\n@@measured ")
    code, peak_kb, seconds, cpu = measured.split()
    return Run(int(code), done.stdout or "", stderr, float(seconds), int(peak_kb) / 1024, float(cpu))
