"""Names out before showing: replace personal details in a checked document by labels.

Person names, dates, addresses and places, phone numbers, BSN, e-mail addresses and other
identifiers are found by `deduce` (a de-identification library for Dutch text, with its own name
and street lists; it works offline). Court and case numbers, which `deduce` does not know, are found
here. Every detail gets a label such as `[PERSOON-1]`, the same label for the same detail throughout
a document (and across the documents one `Anonymiser` handles, so two versions of a text agree).

The document is checked as written and the result is then mapped onto the anonymised text: the
findings are the same passages, with offsets, lines and passage texts of the anonymised text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from taalcheck.deidentify import deidentifier
from taalcheck.documents.base import Document
from taalcheck.model import CheckResult, FileResult, Finding, PositiveMatch

#: deduce's tags and the label each gets.
LABELS = {
    "persoon": "PERSOON",
    "patient": "PERSOON",
    "datum": "DATUM",
    "leeftijd": "LEEFTIJD",
    "locatie": "ADRES",
    "telefoonnummer": "TELEFOON",
    "bsn": "BSN",
    "emailadres": "EMAIL",
    "url": "URL",
    "instelling": "INSTELLING",
    "ziekenhuis": "INSTELLING",
    "id": "NUMMER",
}
CASE_LABEL = "ZAAKNUMMER"

#: Court and case numbers: 'C/15/345678', 'FA RK 24-1234', and any number after a cue word
#: ('zaaknummer', 'dossiernummer 2024-0173', 'kenmerk: AB-12/3').
_CASE_PATTERNS = (
    re.compile(r"\b[A-Z]{1,3}/\d{2}/\d{3,}(?:[-/]\d+)*"),
    re.compile(r"\b[A-Z]{2}\s?[A-Z]{2}\s?\d{2}[-/]\d{2,}\b"),
    re.compile(r"\b\d{2}/\d{6,}(?:-\d+)?\b"),
)
#: A day and month without a year ('op 3 april'), which deduce leaves.
_DAY_MONTH = re.compile(
    r"\b\d{1,2}\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b",
    re.IGNORECASE,
)
_CASE_CUE = re.compile(
    r"\b(?:zaak|dossier|rol|parket|registratie|cli[eë]nt|referentie)(?:nummer|nr\.?)s?\b"
    r"|\bkenmerk\b",
    re.IGNORECASE,
)
_CASE_AFTER_CUE = re.compile(
    r"[^\S\n]*(?:rechtbank\b)?[^\S\n]*[:.]?[^\S\n]*(?:\*\*)?[^\S\n]*([A-Za-z]{0,4}\d[\w/.\-]*\w)"
)


@dataclass(frozen=True)
class Replacement:
    """`text[start:end]` is replaced by `label`."""

    start: int
    end: int
    label: str


class OffsetMap:
    """Maps offsets in the original text to the anonymised text."""

    def __init__(self, replacements: list[Replacement]) -> None:
        self._spans: list[tuple[int, int, int, int]] = []  # old start, old end, new start, new end
        shift = 0
        for item in replacements:
            new_start = item.start + shift
            self._spans.append((item.start, item.end, new_start, new_start + len(item.label)))
            shift += len(item.label) - (item.end - item.start)

    def start(self, offset: int) -> int:
        """Where a passage starting at `offset` starts (inside a replaced detail: at its label)."""
        return self._map(offset, at_end=False)

    def end(self, offset: int) -> int:
        """Where a passage ending at `offset` ends (inside a replaced detail: after its label)."""
        return self._map(offset, at_end=True)

    def _map(self, offset: int, at_end: bool) -> int:
        shift = 0
        for old_start, old_end, new_start, new_end in self._spans:
            if offset < old_start or (at_end and offset == old_start):
                break
            if offset < old_end or (at_end and offset == old_end):
                return new_end if at_end else new_start
            shift = new_end - old_end
        return offset + shift


@dataclass
class Anonymiser:
    """Finds personal details and gives each a stable label (one instance per set of documents)."""

    _labels: dict[tuple[str, str], str] = field(default_factory=dict)
    _counts: dict[str, int] = field(default_factory=dict)
    #: Each replaced detail as written, with its label (for locations and other strings).
    _texts: dict[str, str] = field(default_factory=dict)

    def label(self, kind: str, text: str) -> str:
        key = (kind, " ".join(text.casefold().split()))
        if key not in self._labels and kind == "PERSOON" and " " not in key[1]:
            # A given name alone is the person named in full earlier ('Noa' after 'Noa de Vries').
            for (other_kind, other), label in self._labels.items():
                if other_kind == kind and other.split()[0] == key[1]:
                    return label
        if key not in self._labels:
            self._counts[kind] = self._counts.get(kind, 0) + 1
            self._labels[key] = f"[{kind}-{self._counts[kind]}]"
        return self._labels[key]

    def replacements(self, text: str) -> list[Replacement]:
        """Non-overlapping replacements in text order; a detail never spans a line break."""
        found: list[tuple[int, int, str]] = []
        for annotation in deidentifier().deidentify(text).annotations:
            kind = LABELS.get(annotation.tag.split("+")[0], "GEGEVEN")
            start, end = int(annotation.start_char), int(annotation.end_char)
            # deduce's spans may hold the white space around a detail ('op de '): keep it in the text
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                found.append((start, end, kind))
        found.extend((start, end, CASE_LABEL) for start, end in case_numbers(text))
        found.extend((*match.span(), "DATUM") for match in _DAY_MONTH.finditer(text))
        # Longest first, so a case number wins from the bare number inside it.
        found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
        result: list[Replacement] = []
        last_end = -1
        for start, end, kind in found:
            if start < last_end:
                continue
            label = self.label(kind, text[start:end])
            for piece_start, piece_end in _line_pieces(text, start, end):
                result.append(Replacement(piece_start, piece_end, label))
                detail = text[piece_start:piece_end]
                if len(detail) > 2 and any(char.isalpha() for char in detail):  # names, not '7'
                    self._texts[detail] = label
            last_end = end
        return result

    def document(self, document: Document) -> tuple[Document, OffsetMap, list[Replacement]]:
        """The anonymised document, the offset map from the original, and the replacements."""
        replacements = self.replacements(document.text)
        offsets = OffsetMap(replacements)
        segments = [
            replace(
                segment,
                start=offsets.start(segment.start),
                end=offsets.end(segment.end),
                location=self.text(segment.location) if segment.location else segment.location,
            )
            for segment in document.segments
        ]
        anonymous = Document(
            path=self.path(document.path),
            text=_apply(document.text, replacements),
            segments=segments,
            kind=document.kind,
            analysis_text=_apply(document.analysis_text, replacements),
        )
        return anonymous, offsets, replacements

    def path(self, path: str) -> str:
        """The path with any labelled name in it replaced ('verslag-noa.docx' -> 'verslag-[PERSOON-1].docx')."""
        for (kind, key), label in self._labels.items():
            if kind != "PERSOON":
                continue
            for word in key.split():
                if len(word) > 2 and word.isalpha():
                    path = re.sub(
                        rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", label, path, flags=re.IGNORECASE
                    )
        return path

    def file_result(self, file: FileResult) -> FileResult:
        """The result mapped onto the anonymised document (same findings, new offsets and texts)."""
        if file.document is None:
            return replace(file, path=self.path(file.path))
        document, offsets, _ = self.document(file.document)
        coverage = [
            replace(
                item, passages=tuple((offsets.start(start), offsets.end(end)) for start, end in item.passages)
            )
            for item in file.coverage
        ]
        return replace(
            file,
            path=document.path,
            document=document,
            findings=[self._finding(finding, offsets, document) for finding in file.findings],
            silenced=[self._finding(finding, offsets, document) for finding in file.silenced],
            positives=[_mapped_positive(positive, offsets) for positive in file.positives],
            coverage=coverage,
        )

    def text(self, value: str) -> str:
        """Any other string (a location naming a heading) with the details found so far labelled."""
        known = sorted(self._texts.items(), key=lambda item: -len(item[0]))
        for detail, label in known:
            value = re.sub(rf"(?<!\w){re.escape(detail)}(?!\w)", label, value)
        return value

    def _finding(self, finding: Finding, offsets: OffsetMap, document: Document) -> Finding:
        mapped = _mapped_finding(finding, offsets, document)
        if mapped.location:
            mapped = replace(mapped, location=self.text(mapped.location))
        return mapped

    def result(self, result: CheckResult) -> CheckResult:
        return CheckResult([self.file_result(file) for file in result.files], list(result.errors))


def anonymised_text(text: str) -> str:
    """The text with its personal details replaced by labels (one document, one set of labels)."""
    return _apply(text, Anonymiser().replacements(text))


def case_numbers(text: str) -> list[tuple[int, int]]:
    """Spans of court and case numbers in the text."""
    spans = [match.span() for pattern in _CASE_PATTERNS for match in pattern.finditer(text)]
    for cue in _CASE_CUE.finditer(text):
        number = _CASE_AFTER_CUE.match(text, cue.end())
        if number:
            spans.append(number.span(1))
    return spans


def _line_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    position = start
    for line in text[start:end].split("\n"):
        if line.strip():
            pieces.append((position, position + len(line)))
        position += len(line) + 1
    return pieces


def _apply(text: str, replacements: list[Replacement]) -> str:
    parts = []
    position = 0
    for item in replacements:
        parts.append(text[position : item.start])
        parts.append(item.label)
        position = item.end
    parts.append(text[position:])
    return "".join(parts)


def _mapped_finding(finding: Finding, offsets: OffsetMap, document: Document) -> Finding:
    spans = tuple((offsets.start(start), offsets.end(end)) for start, end in finding.spans)
    start, end = offsets.start(finding.start), offsets.end(finding.end)
    line, column = document.line_column(start)
    end_line, end_column = document.line_column(end)
    return replace(
        finding,
        start=start,
        end=end,
        spans=spans,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        text=document.text[start:end],
    )


def _mapped_positive(positive: PositiveMatch, offsets: OffsetMap) -> PositiveMatch:
    return replace(positive, start=offsets.start(positive.start), end=offsets.end(positive.end))
