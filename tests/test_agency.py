"""Who decides: decisions and interventions without an actor, as a user of taalcheck meets them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, shared_file
from taalcheck.api import make_checker
from taalcheck.documents import document_from_text
from taalcheck.matching.agency import find_hidden_decisions, load_agency_rules
from taalcheck.model import Severity
from taalcheck.report import renderer
from taalcheck.settings import Settings

RULE = "wie-besluit"
SET = yaml.safe_load((FIXTURES / "who-decides.yaml").read_text(encoding="utf-8"))["sentences"]


@pytest.fixture(scope="module")
def checker():
    return make_checker(Settings())


@pytest.fixture(scope="module")
def blank_checker():
    return make_checker(Settings(model="blank"))


def decisions(checker, text: str) -> list:
    result = checker.check_document(document_from_text(text))
    return [finding for finding in result.findings if finding.rule == RULE]


def test_the_annotated_set_is_large_and_balanced():
    flagged = sum(1 for item in SET if item["flag"])
    assert len(SET) >= 40
    assert len(SET) - flagged >= len(SET) / 2 - 1  # about half should not flag


def test_precision_and_recall_on_the_annotated_set(checker):
    true_positive = false_positive = missed = 0
    wrong = []
    for item in SET:
        before = item.get("before", "")
        text = f"{before} {item['text']}".strip()
        found = [f for f in decisions(checker, text) if f.start >= len(text) - len(item["text"])]
        if found and item["flag"]:
            true_positive += 1
        elif found:
            false_positive += 1
            wrong.append(f"onterecht: {item['text']}")
        elif item["flag"]:
            missed += 1
            wrong.append(f"gemist: {item['text']}")
    precision = true_positive / max(true_positive + false_positive, 1)
    recall = true_positive / max(true_positive + missed, 1)
    assert precision >= 0.9, wrong
    assert recall >= 0.8, wrong


def test_the_finding_is_a_hint_on_the_auxiliary_and_the_verb(checker):
    text = "Na het incident wordt het contact met vader stopgezet."
    (finding,) = decisions(checker, text)
    assert finding.severity == Severity.HINT
    assert finding.principle == "vertrouwen"
    assert [text[s:e] for s, e in finding.spans] == ["wordt", "stopgezet"]
    assert "wie" in finding.message and finding.suggestions


def test_an_actor_named_anywhere_it_counts_gives_no_finding(checker):
    assert decisions(checker, "Het contact wordt stopgezet.")
    assert not decisions(checker, "Het contact wordt door de gezinsvoogd stopgezet.")
    assert not decisions(checker, "De rechter oordeelde dat het contact wordt stopgezet.")
    assert not decisions(checker, "De kinderrechter heeft zitting gehouden. Het contact wordt stopgezet.")
    # A parent in another clause is no decider.
    assert decisions(checker, "Omdat moeder boos werd, wordt het contact stopgezet.")


def test_quoted_speech_is_left_alone(checker):
    assert not decisions(checker, 'Vader zegt: "Het contact wordt zomaar stopgezet, door niemand uitgelegd."')
    assert not decisions(
        checker, "Moeder: 'Er is besloten dat ik de kinderen minder zie, en niemand zegt waarom.'"
    )


def test_word_order_decides_without_the_parse(blank_checker):
    assert decisions(blank_checker, "Het contact wordt stopgezet.")
    assert decisions(blank_checker, "Er zal worden ingegrepen als de afspraken niet worden nagekomen.")
    # 'beperkt' after 'is' is mostly an adjective: only the parse could tell, so no finding here.
    assert not decisions(blank_checker, "Het contact is beperkt tot één keer per maand.")
    assert not decisions(blank_checker, "Er is beperkt contact tussen vader en de school.")


def test_the_parse_settles_what_word_order_leaves_open(checker):
    assert decisions(checker, "Er is besloten het contact met vader op te schorten.")
    assert not decisions(checker, "Dat is beslist niet de bedoeling van moeder.")
    assert not decisions(checker, "De mogelijkheden van vader zijn beperkt.")


def test_an_organisation_can_raise_lower_or_disable_it(checker):
    text = "Het contact wordt stopgezet."
    raised = make_checker(Settings(severity={RULE: Severity.SUGGESTION}))
    assert [f.severity for f in decisions(raised, text)] == [Severity.SUGGESTION]
    disabled = make_checker(Settings(disable=frozenset([RULE])))
    result = disabled.check_document(document_from_text(text))
    assert not [f for f in result.findings if f.rule == RULE]
    assert any(f.rule == RULE and "uitgezet" in " ".join(f.context) for f in result.silenced)
    hidden = make_checker(Settings(min_severity=Severity.SUGGESTION))
    assert not decisions(hidden, text)


def test_a_suppression_comment_names_it_like_any_entry(checker):
    text = "<!-- taalcheck: negeer wie-besluit -->\nHet contact wordt stopgezet."
    result = checker.check_document(document_from_text(text, "verslag.md"))
    assert not [f for f in result.findings if f.rule == RULE]
    assert not result.notices


def test_hints_about_who_decides_leave_the_balance_alone(checker):
    text = "Het contact wordt stopgezet. Er is besloten de omgang op te schorten."
    result = checker.check_document(document_from_text(text))
    assert len([f for f in result.findings if f.rule == RULE]) == 2
    assert result.balance.control == 0
    assert result.balance.by_principle == {}


def test_shown_in_json_html_and_sarif(checker):
    from taalcheck.model import CheckResult

    result = CheckResult(
        [checker.check_document(document_from_text("Het contact wordt stopgezet.", "a.txt"))]
    )
    data = json.loads(renderer("json")(result))
    assert [f["rule"] for f in data["files"][0]["findings"]] == [RULE]
    assert "besluit zonder wie het neemt" in renderer("html")(result)
    sarif = json.loads(renderer("sarif")(result))
    assert sarif["runs"][0]["results"][0]["ruleId"] == RULE


def test_on_the_user_trial_reports_it_stays_quiet_where_the_actor_is_named(checker):
    path = shared_file("domain", "user-trial", "raadsrapport-omgang.md")
    result = checker.check_document(document_from_text(path.read_text(encoding="utf-8"), str(path)))
    # "is na een melding van huiselijk geweld acuut ingegrepen door de politie" names the police.
    assert not [f for f in result.findings if f.rule == RULE]


def test_find_hidden_decisions_on_its_own():
    rules = load_agency_rules()
    text = "Het gesprek wordt besproken. Men heeft besloten de omgang te stoppen."
    (decision,) = find_hidden_decisions(rules, text, (0, len(text)))
    assert decision.construction == "men"
    assert text[decision.start : decision.end] == "Men heeft besloten"


def _cli(*args: str, cwd: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "NO_COLOR": "1",
        "TAALCHECK_NO_CACHE": "1",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "PYTHONPATH": os.pathsep.join(
            [str(Path(__file__).resolve().parents[1] / "src"), os.environ.get("PYTHONPATH", "")]
        ),
    }
    return subprocess.run(
        [sys.executable, "-m", "taalcheck", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def test_explain_page_and_configuration_on_the_command_line(tmp_path):
    page = _cli("explain", RULE, cwd=tmp_path, tmp_path=tmp_path)
    assert page.returncode == 0
    for part in (
        "Waarom",
        "Voorbeeld",
        "Overweeg in plaats daarvan",
        "Ik heb besloten",
        "De rechter heeft bepaald",
    ):
        assert part in page.stdout
    (tmp_path / "taalcheck.toml").write_text(f'[severity]\n{RULE} = "warning"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Het contact wordt stopgezet.\n", encoding="utf-8")
    checked = _cli("check", "a.txt", "--format", "concise", cwd=tmp_path, tmp_path=tmp_path)
    assert checked.returncode == 1, checked.stderr
    assert f"[{RULE}]" in checked.stdout and "waarschuwing" in checked.stdout


def test_settings_replace_keeps_the_rule_known(checker):
    from taalcheck.config import validate_ids

    validate_ids(replace(Settings(), disable=frozenset([RULE])), set(checker.lexicon.entries))
