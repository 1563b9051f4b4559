"""The two user-trial reports: none of the findings a careful reader judged wrong comes back, and the
passages that reader missed are found (`../shared/domain/user-trial/JUDGEMENT.md`)."""

from __future__ import annotations

import pytest

from conftest import shared_file
from taalcheck.api import check_file_result
from taalcheck.model import FileResult, Severity
from taalcheck.settings import Settings


@pytest.fixture(scope="module")
def raadsrapport() -> FileResult:
    return check_file_result(
        shared_file("domain", "user-trial", "raadsrapport-omgang.md"), settings=Settings()
    )


@pytest.fixture(scope="module")
def verslag() -> FileResult:
    return check_file_result(shared_file("domain", "user-trial", "verslag-ots-noa.docx"), settings=Settings())


def on_line(result: FileResult, rule: str, line: int):
    return [f for f in result.findings if f.rule == rule and f.line <= line <= f.end_line]


def test_quoted_mother_over_a_line_break(raadsrapport):
    for rule in ("kinderen-als-wapen", "vechtscheiding"):
        (found,) = on_line(raadsrapport, rule, 24)
        assert found.severity == Severity.HINT
        assert any(note.startswith("lager: citaat") for note in found.context)


def test_the_fathers_word_is_his(raadsrapport):
    (found,) = on_line(raadsrapport, "ouderverstoting", 25)
    assert found.severity == Severity.HINT and "lager: woorden van vader" in found.context


def test_acute_danger_drops_the_hint_with_a_note(raadsrapport):
    assert not on_line(raadsrapport, "ingrijpen", 50)
    (dropped,) = [f for f in raadsrapport.silenced if f.rule == "ingrijpen"]
    assert any(note.startswith("niet gemeld: veiligheid") for note in dropped.context)


def test_the_negated_advice_is_not_a_warning(raadsrapport):
    assert all(f.severity == Severity.HINT for f in raadsrapport.findings if f.rule == "afdwingen")


def test_the_case_number_header_does_not_switch_off_the_report(raadsrapport):
    rules = {f.rule for f in raadsrapport.findings}
    assert {"niet-in-staat", "belang-van-het-kind-leeg", "niet-leerbaar"} <= rules


def test_the_judged_right_findings_stay(raadsrapport, verslag):
    kept = {(f.rule, f.severity) for f in raadsrapport.findings}
    for rule, severity in [
        ("kind-weigert-contact", Severity.SUGGESTION),
        ("loopgraven", Severity.WARNING),
        ("manipulatief", Severity.WARNING),
        ("frustreren-omgang", Severity.WARNING),
        ("strijd-beslechten", Severity.SUGGESTION),
    ]:
        assert (rule, severity) in kept
    rules = {f.rule for f in verslag.findings}
    assert {
        "escalatiebeheersing",
        "multiprobleemgezin",
        "stok-achter-de-deur",
        "in-het-gareel",
        "zorgmijder",
    } <= rules


def test_the_measure_after_the_court_decision_and_the_instrument_name(verslag):
    assert not [
        f for f in verslag.findings if f.rule == "beschermingsmaatregel" and f.severity > Severity.HINT
    ]
    assert not [
        f for f in verslag.findings if f.rule == "risicotaxatie" and (f.location or "").startswith("voetnoot")
    ]
    (quoted,) = [f for f in verslag.findings if f.rule == "zorgmijder"]
    assert quoted.severity == Severity.HINT and "lager: citaat van moeder" in quoted.context


def test_the_founding_document_gets_no_warning_and_few_suggestions():
    result = check_file_result(shared_file("domain", "handelingsprincipes.txt"), settings=Settings())
    assert not [f for f in result.findings if f.severity == Severity.WARNING]
    assert len([f for f in result.findings if f.severity == Severity.SUGGESTION]) <= 3
