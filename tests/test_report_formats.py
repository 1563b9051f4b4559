"""Concise, GitHub, SARIF and statistics output, checked as a user or a tool would read them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import make_finding as shared_make_finding
from taalcheck.documents.base import Document, Segment
from taalcheck.lexicon.model import Entry, Examples
from taalcheck.model import Balance, CheckResult, FileResult, Finding, Severity
from taalcheck.report.concise import render_concise
from taalcheck.report.github import escape_data, escape_property, render_github
from taalcheck.report.sarif import build_sarif, render_sarif
from taalcheck.report.statistics import render_statistics

SARIF_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "data" / "sarif" / "sarif-schema-2.1.0.json"

TEXT = (
    "Verslag van 3 maart.\nDe gezinsvoogd legt moeder een sanctie op.\nEr is sprake van een vechtscheiding.\n"
)


def make_entry(rule: str, term: str, principle: str, severity: Severity) -> Entry:
    return Entry(
        id=rule,
        term=term,
        principle=principle,
        severity=severity,
        reason=f"Uitleg bij {term}.",
        alternatives=(f"iets anders dan {term}",),
        patterns=(),
        examples=Examples(flag=(f"Een zin met {term}.",), ok=("Een gewone zin.",)),
        source_file="test.yaml",
        tags=("enforcement",),
        source="Bijlage 1",
    )


ENTRIES = {
    entry.id: entry
    for entry in [
        make_entry("sancties-opleggen", "sancties opleggen", "vertrouwen", Severity.WARNING),
        make_entry("vechtscheiding", "vechtscheiding", "conflict", Severity.SUGGESTION),
    ]
}


def make_finding(document: Document, rule: str, *parts: str, **extra: object) -> Finding:
    """A finding that refers to its entry in `ENTRIES` (as the engine's findings do)."""
    extra.setdefault("entry", ENTRIES.get(rule))
    return shared_make_finding(document, rule, *parts, **extra)


def make_document(text: str = TEXT, path: str = "verslag.txt") -> Document:
    return Document(path=path, text=text, segments=[Segment(0, len(text))])


def make_result(path: str = "verslag.txt") -> tuple[CheckResult, Document]:
    document = make_document(path=path)
    findings = [
        make_finding(document, "sancties-opleggen", "legt", "sanctie op"),
        make_finding(
            document,
            "vechtscheiding",
            "vechtscheiding",
            severity=Severity.HINT,
            principle="conflict",
            context=("lager: citaat",),
            original_severity=Severity.SUGGESTION,
        ),
    ]
    file = FileResult(path=path, findings=findings, document=document, balance=Balance(words=17, control=2))
    return CheckResult(files=[file]), document


# concise


def test_concise_prints_one_line_per_finding() -> None:
    result, _ = make_result()
    assert render_concise(result).splitlines() == [
        "verslag.txt:2:16: waarschuwing [sancties-opleggen] 'legt moeder een sanctie op' kan anders.",
        "verslag.txt:3:22: hint [vechtscheiding] 'vechtscheiding' kan anders. [lager: citaat]",
    ]


def test_concise_adds_location_of_structured_documents_and_keeps_one_line() -> None:
    document = make_document()
    finding = make_finding(document, "sancties-opleggen", "legt", location="alinea 2")
    finding = Finding(**{**finding.__dict__, "message": "twee\nregels"})
    result = CheckResult(files=[FileResult(path="brief.docx", findings=[finding], document=document)])
    assert render_concise(result) == (
        "brief.docx:2:16: waarschuwing [sancties-opleggen] twee regels (alinea 2)\n"
    )


def test_concise_is_empty_without_findings() -> None:
    assert render_concise(CheckResult(files=[FileResult(path="a.txt", findings=[])])) == ""


# github


def test_github_emits_workflow_commands() -> None:
    result, _ = make_result()
    lines = render_github(result).splitlines()
    assert lines == [
        "::warning file=verslag.txt,line=2,col=16,endColumn=42,"
        "title=taalcheck sancties-opleggen (waarschuwing)"
        "::'legt moeder een sanctie op' kan anders. Overweeg: samen afspraken maken.",
        "::notice file=verslag.txt,line=3,col=22,endColumn=36,title=taalcheck vechtscheiding (hint)"
        "::'vechtscheiding' kan anders. Overweeg: samen afspraken maken. [lager: citaat]",
    ]


def test_github_maps_suggestions_to_warnings() -> None:
    document = make_document()
    finding = make_finding(document, "vechtscheiding", "vechtscheiding", severity=Severity.SUGGESTION)
    result = CheckResult(files=[FileResult(path="v.txt", findings=[finding], document=document)])
    assert render_github(result).startswith("::warning file=v.txt,line=3,")


def test_github_escapes_properties_and_message() -> None:
    assert escape_property("map,a:b%\r\n") == "map%2Ca%3Ab%25%0D%0A"
    assert escape_data("50% kans\nop, onder: x") == "50%25 kans%0Aop, onder: x"
    document = make_document(path="dossier: A, B.txt")
    finding = make_finding(document, "sancties-opleggen", "legt")
    finding = Finding(**{**finding.__dict__, "message": "100% zeker\nniet"})
    result = CheckResult(
        files=[FileResult(path="dossier: A, B.txt", findings=[finding], document=document, notices=["x, y"])]
    )
    notice, command = render_github(result).splitlines()
    assert notice == "::warning file=dossier%3A A%2C B.txt,title=taalcheck::x, y"
    assert command.startswith("::warning file=dossier%3A A%2C B.txt,line=2,")
    assert command.endswith("::100%25 zeker%0Aniet. Overweeg: samen afspraken maken.")


def test_github_multiline_finding_has_end_line_and_no_columns() -> None:
    document = make_document()
    finding = make_finding(document, "sancties-opleggen", "sanctie op", "vechtscheiding")
    result = CheckResult(files=[FileResult(path="v.txt", findings=[finding], document=document)])
    assert render_github(result).startswith("::warning file=v.txt,line=2,endLine=3,title=")


# sarif


def test_sarif_is_valid_against_the_official_schema() -> None:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"SARIF-schema niet gevonden op {SARIF_SCHEMA} (../shared/ ontbreekt)")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"].startswith("http://json-schema.org/draft-04/")
    result, _ = make_result(path="map met spatie/verslag #1.txt")
    result.files[0].notices.append("Onbekend id 'x' in een taalcheck-commentaar.")
    result.files.append(FileResult(path="leeg.txt", findings=[]))
    log = json.loads(render_sarif(result))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str)
    assert not errors, "\n".join(str(error) for error in errors[:3])


def test_sarif_region_of_a_finding_on_line_two() -> None:
    result, document = make_result()
    log = build_sarif(result)
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "taalcheck"
    assert run["columnKind"] == "unicodeCodePoints"
    first = run["results"][0]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "verslag.txt", "uriBaseId": "%SRCROOT%"}
    start = TEXT.index("legt")
    end = TEXT.index("sanctie op") + len("sanctie op")
    assert location["region"] == {
        "startLine": 2,
        "startColumn": 16,
        "endLine": 2,
        "endColumn": 42,
        "charOffset": start,
        "charLength": end - start,
        "snippet": {"text": "legt moeder een sanctie op"},
    }
    assert document.line_text(2)[15:41] == "legt moeder een sanctie op"
    # The split match lists both parts.
    parts = [item["physicalLocation"]["region"] for item in first["relatedLocations"]]
    assert [(part["startColumn"], part["endColumn"]) for part in parts] == [(16, 20), (32, 42)]


def test_sarif_rules_levels_and_properties() -> None:
    result, _ = make_result()
    run = build_sarif(result)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["sancties-opleggen", "vechtscheiding"]
    rule = rules[0]
    assert rule["shortDescription"]["text"] == "sancties opleggen"
    assert rule["fullDescription"]["text"] == "Uitleg bij sancties opleggen."
    assert "### Waarom" in rule["help"]["markdown"]
    assert "### Gebruik liever\n\n- iets anders dan sancties opleggen" in rule["help"]["markdown"]
    assert rule["defaultConfiguration"]["level"] == "warning"
    assert rule["properties"]["principleName"] == "Zorgen voor vertrouwen"
    assert rule["properties"]["tags"] == ["vertrouwen", "enforcement"]
    assert rules[1]["defaultConfiguration"]["level"] == "note"
    warning, hint = run["results"]
    assert (warning["ruleId"], warning["ruleIndex"], warning["level"]) == ("sancties-opleggen", 0, "warning")
    assert (hint["ruleId"], hint["ruleIndex"], hint["level"]) == ("vechtscheiding", 1, "note")
    assert hint["properties"]["severity"] == "hint"
    assert hint["properties"]["originalSeverity"] == "suggestion"
    assert hint["properties"]["context"] == ["lager: citaat"]
    assert hint["properties"]["suggestions"] == ["samen afspraken maken"]
    assert hint["properties"]["mention"] is False
    assert warning["message"]["text"].endswith("Overweeg: samen afspraken maken.")


def test_sarif_encodes_paths_as_uris() -> None:
    result, _ = make_result(path="map met spatie\\verslag #1.txt")
    location = build_sarif(result)["runs"][0]["results"][0]["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "map%20met%20spatie/verslag%20%231.txt"
    result, _ = make_result(path="/tmp/ver slag.txt")
    location = build_sarif(result)["runs"][0]["results"][0]["locations"][0]
    assert location["physicalLocation"]["artifactLocation"] == {"uri": "file:///tmp/ver%20slag.txt"}


def test_sarif_without_document_uses_finding_positions() -> None:
    result, _ = make_result()
    result.files[0].document = None
    region = build_sarif(result)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
        2,
        16,
        2,
        42,
    )


# statistics


def test_statistics_counts_per_entry_sorted_by_count_then_id() -> None:
    document = make_document()
    findings = [
        make_finding(document, "vechtscheiding", "vechtscheiding", severity=Severity.HINT),
        make_finding(document, "sancties-opleggen", "legt"),
        make_finding(document, "onbekend", "moeder", severity=Severity.SUGGESTION),
        make_finding(document, "vechtscheiding", "vechtscheiding"),
    ]
    for _ in range(9):
        findings.append(make_finding(document, "sancties-opleggen", "sanctie"))
    result = CheckResult(files=[FileResult(path="v.txt", findings=findings, document=document)])
    assert render_statistics(result).splitlines() == [
        "10  sancties-opleggen  waarschuwing  sancties opleggen",
        " 2  vechtscheiding     suggestie     vechtscheiding",
        " 1  onbekend           suggestie     moeder",
    ]


def test_statistics_is_empty_without_findings() -> None:
    assert render_statistics(CheckResult(files=[])) == ""
