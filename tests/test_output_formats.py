"""Output formats are plug-ins of the result model: each takes only a `CheckResult` (or a comparison)."""

from __future__ import annotations

import io
import json
import os
import pickle
import subprocess
import sys

import pytest

from taalcheck import api
from taalcheck.api import check_paths
from taalcheck.cli import CompareFormat, OutputFormat
from taalcheck.comparison import compare
from taalcheck.documents import document_from_text
from taalcheck.model import CheckResult
from taalcheck.report import COMPARISON_FORMATS, FORMATS, comparison_renderer, renderer
from taalcheck.settings import Settings

TEXT = "De gezinsvoogd heeft een sanctie opgelegd.\nVader is een zorgmijder.\n"


@pytest.fixture(scope="module")
def result() -> CheckResult:
    checker = api.make_checker(Settings(model="blank"))
    return CheckResult([checker.check_document(document_from_text(TEXT, "verslag.txt"))])


def test_findings_refer_to_their_lexicon_entry(result):
    entries = api.lexicon_entries(Settings(model="blank"))
    assert result.findings
    for finding in result.findings:
        assert finding.entry is entries[finding.rule]
        assert finding.term == entries[finding.rule].term


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_format_renders_the_result_alone(result, name):
    rendered = renderer(name)(result)
    assert "zorgmijder" in rendered
    # what a renderer needs travels with the result: also after a trip to a worker process
    assert renderer(name)(pickle.loads(pickle.dumps(result))) == rendered


def test_renderers_use_the_entry_the_finding_carries(result):
    (finding,) = [f for f in result.findings if f.rule == "zorgmijder"]
    assert finding.entry is not None
    sarif = json.loads(renderer("sarif")(result))
    rules = {rule["id"]: rule for rule in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["zorgmijder"]["fullDescription"]["text"] == finding.entry.reason
    assert f"[zorgmijder] {finding.entry.term}" in renderer("text")(result)


@pytest.mark.parametrize("name", list(COMPARISON_FORMATS))
def test_every_comparison_format_renders_the_comparison_alone(name):
    checker = api.make_checker(Settings(model="blank"))
    old = checker.check_document(document_from_text(TEXT, "oud.txt"))
    new = checker.check_document(document_from_text("Vader is een zorgmijder.\n", "nieuw.txt"))
    rendered = comparison_renderer(name)(compare(old, new))
    assert "zorgmijder" in rendered and "nieuw.txt" in rendered


def test_the_command_line_offers_exactly_the_registered_formats():
    assert [form.value for form in OutputFormat] == [name for name in FORMATS if name != "statistics"]
    assert [form.value for form in CompareFormat] == list(COMPARISON_FORMATS)
    with pytest.raises(ValueError):
        renderer("pdf")


@pytest.mark.parametrize("name", ["json", "sarif"])
def test_machine_output_is_the_same_with_parallel_jobs(tmp_path, name):
    folder = tmp_path / "rapporten"
    folder.mkdir()
    for index in range(api.PARALLEL_THRESHOLD):
        (folder / f"verslag-{index}.txt").write_text(TEXT + "Wij vertrouwen op moeder.\n", encoding="utf-8")
    settings = Settings(model="blank")
    whole = FORMATS[name].whole_documents
    serial = check_paths([folder], settings=settings)
    parallel = check_paths([folder], settings=settings, jobs=2, full_documents=whole)
    assert renderer(name)(parallel) == renderer(name)(serial)


def _varied_result() -> CheckResult:
    """Several files: findings, dropped passages, trust wording, notices, the checklist, an error."""
    checker = api.make_checker(Settings(model="blank"))
    texts = [
        TEXT * 3 + "Wij vertrouwen op moeder. <!-- taalcheck: negeer onbekend-id, zorgmijder -->\n" + TEXT,
        "Noa (8 jaar) vertelt dat zij graag tekent. Moeder zegt: 'Vader is een zorgmijder.'\n",
        "",
    ]
    files = [checker.check_document(document_from_text(text, f"v{n}.txt")) for n, text in enumerate(texts)]
    return CheckResult(files, ["weg.txt: bestand of map niet gevonden"])


@pytest.mark.parametrize("per_piece", [1, 2, 500])
def test_json_written_piece_by_piece_is_the_same_text(monkeypatch, per_piece):
    from taalcheck.report import json_output

    monkeypatch.setattr(json_output, "_ITEMS_PER_PIECE", per_piece)
    result = _varied_result()
    assert result.files[0].notices and result.files[0].silenced and result.files[0].positives
    rendered = json_output.render_json(result)
    assert json.loads(rendered)["files"][1]["coverage"]
    for variant in (result, CheckResult([]), CheckResult(result.files[2:]), CheckResult(result.files[:1])):
        expected = json_output.render_json(variant)
        pieces = list(json_output.iter_json(variant))
        assert "".join(pieces) == expected
        stream = io.StringIO()
        json_output.write_json(variant, stream)
        assert stream.getvalue() == expected
    if per_piece == 1:  # the findings come one at a time, never the report as one string
        assert max(map(len, json_output.iter_json(result))) < len(rendered) / 4


def test_the_command_line_streams_the_same_json(tmp_path):
    from taalcheck.report.json_output import render_json

    source = tmp_path / "verslag.txt"
    source.write_text(TEXT * 50, encoding="utf-8")
    target = tmp_path / "uit.json"
    command = [
        sys.executable,
        "-m",
        "taalcheck",
        "check",
        str(source),
        "--format",
        "json",
        "--model",
        "blank",
    ]
    environment = {**os.environ, "TAALCHECK_NO_CACHE": "1"}
    shown = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=120)
    written = subprocess.run(
        [*command, "-o", str(target)], capture_output=True, text=True, env=environment, timeout=120
    )
    assert shown.returncode == written.returncode == 1, shown.stderr + written.stderr
    expected = render_json(check_paths([source], settings=Settings(model="blank"), full_documents=False))
    assert shown.stdout == expected
    assert target.read_text(encoding="utf-8") == expected
    assert "Uitvoer geschreven naar" in written.stderr
