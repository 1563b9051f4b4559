"""The shortcuts for speed give what the slow way gives: plain text output, worker results, the cache."""

from __future__ import annotations

import io
import pickle

from rich.console import Console

from taalcheck import api
from taalcheck.api import check_paths, make_checker
from taalcheck.documents import document_from_text
from taalcheck.lexicon import load_lexicon
from taalcheck.lexicon.context_rules import load_context_rules
from taalcheck.matching import engine as engine_module
from taalcheck.matching.engine import Checker
from taalcheck.model import CheckResult, SourceLines
from taalcheck.report import renderer
from taalcheck.report.text import render_plain, render_text
from taalcheck.settings import Settings

REPORT = (
    "Verslag gezin De Vries\n\n"
    "De gezinsvoogd heeft een sanctie opgelegd.\tVader is een zorgmijder\r\n"
    "en moeder 'werkt niet mee'.\n\n"
    "Wij bespreken samen met beide ouders wat de kinderen nodig hebben.\n"
)


def _result(tmp_path, count: int = 1) -> CheckResult:
    folder = tmp_path / "rapporten"
    folder.mkdir(exist_ok=True)
    for index in range(count):
        (folder / f"verslag-{index:02d}.txt").write_text(REPORT, encoding="utf-8")
    return check_paths([folder], settings=Settings(model="blank"))


def test_plain_text_output_is_what_rich_prints_without_colour(tmp_path):
    result = _result(tmp_path)
    assert result.findings, "the report must give findings for this test to mean anything"
    console = Console(record=True, file=io.StringIO(), color_system=None, soft_wrap=True, width=200)
    render_text(result, console)
    plain = render_plain(result)
    assert plain == console.export_text()
    assert "\r" not in plain and "^^^" in plain and "sanctie" in plain


def test_workers_send_back_only_the_lines_with_findings(tmp_path):
    folder = tmp_path / "rapporten"
    _result(tmp_path, count=api.PARALLEL_THRESHOLD)
    settings = Settings(model="blank")
    serial = check_paths([folder], settings=settings, jobs=1)
    parallel = check_paths([folder], settings=settings, jobs=2, full_documents=False)
    assert [f.findings for f in parallel.files] == [f.findings for f in serial.files]
    for file, whole in zip(parallel.files, serial.files, strict=True):
        assert isinstance(file.document, SourceLines)
        assert len(pickle.dumps(file.document)) < len(pickle.dumps(whole.document))
        assert "beide ouders" not in "".join(text for _, text in file.document.lines.values())
    assert render_plain(parallel) == render_plain(serial)


CHECKLIST_REPORT = (
    "Verslag over Noa\n\n"
    "Noa (8 jaar) vertelt dat ze graag bij oma logeert en dat ze goed kan tekenen.\n"
    "Moeder vertelt hoe zij de scheiding heeft beleefd. Vader is een zorgmijder.\n"
    "Wij bespreken samen met beide ouders wat Noa nodig heeft.\n"
)


def test_every_output_from_workers_is_what_one_process_gives(tmp_path):
    """JSON quotes trust wording and checklist sentences: workers send those passages along."""
    folder = tmp_path / "rapporten"
    folder.mkdir()
    for index in range(api.PARALLEL_THRESHOLD):
        (folder / f"verslag-{index:02d}.txt").write_text(CHECKLIST_REPORT, encoding="utf-8")
    settings = Settings(model="blank")
    serial = check_paths([folder], settings=settings, jobs=1)
    parallel = check_paths([folder], settings=settings, jobs=2, full_documents=False)
    assert all(isinstance(file.document, SourceLines) for file in parallel.files)
    assert serial.files[0].positives and any(item.present for item in serial.files[0].coverage)
    for fmt in ("json", "sarif", "github", "concise", "text"):
        assert renderer(fmt)(parallel) == renderer(fmt)(serial), fmt
    assert "beide ouders" in renderer("json")(parallel)


def test_context_rules_come_from_the_lexicon_cache(tmp_path, monkeypatch):
    monkeypatch.delenv("TAALCHECK_NO_CACHE", raising=False)
    monkeypatch.setenv("TAALCHECK_CACHE_DIR", str(tmp_path / "cache"))
    first = load_lexicon(context_loader=load_context_rules)  # compiles and writes the cache
    second = load_lexicon(context_loader=load_context_rules)
    assert list((tmp_path / "cache").rglob("*.pickle"))
    assert second.context_pickle is not None

    def no_reading(path):
        raise AssertionError(f"context rules read again from {path}")

    engine_module._context_rules.cache_clear()
    monkeypatch.setattr(engine_module, "load_context_rules", no_reading)
    quoted = 'Moeder zegt: "Ik voel me een zorgmijder." De gezinsvoogd legt een sanctie op.'
    cached = Checker(second, Settings(model="blank")).check_document(document_from_text(quoted))
    monkeypatch.undo()
    engine_module._context_rules.cache_clear()
    fresh = make_checker(Settings(model="blank")).check_document(document_from_text(quoted))
    assert cached.findings == fresh.findings and cached.silenced == fresh.silenced
    assert first.compiled.entries.keys() == second.compiled.entries.keys()
