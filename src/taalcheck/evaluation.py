"""`taalcheck eval`: recall, precision and severity agreement on an annotated corpus.

Corpus format: see `dev-corpus.yaml` ("taalcheck annotated corpus v1"): `control_passages` with
`expected_flags` (phrase, optional parts, entry, severity, optional) and `legitimate_passages`
with `terms` and a desired behaviour (`no_flag`, `hint_only`, `mixed` with `no_flag_for` and
`hint_only_for`). A finding counts for an expected flag when their passages overlap.
Precision counts suggestion and warning findings: hints are allowed anywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rich.console import Console
from rich.text import Text

from taalcheck.checker import Checker
from taalcheck.documents import document_from_text
from taalcheck.errors import InputError
from taalcheck.model import Finding, Severity


@dataclass
class Miss:
    passage: str
    phrase: str
    entry: str
    severity: str


@dataclass
class FalseAlarm:
    passage: str
    rule: str
    text: str
    severity: str
    why: str


@dataclass
class EvalReport:
    expected: int = 0
    found: int = 0
    in_lexicon_expected: int = 0
    in_lexicon_found: int = 0
    severity_agree: int = 0
    reported: int = 0  # suggestion + warning findings
    correct: int = 0
    misses: list[Miss] = field(default_factory=list)
    false_alarms: list[FalseAlarm] = field(default_factory=list)
    by_principle: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def in_lexicon_recall(self) -> float:
        return self.in_lexicon_found / self.in_lexicon_expected if self.in_lexicon_expected else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.reported if self.reported else 1.0

    @property
    def severity_agreement(self) -> float:
        return self.severity_agree / self.found if self.found else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "recall": round(self.recall, 4),
            "recall_in_lexicon": round(self.in_lexicon_recall, 4),
            "precision": round(self.precision, 4),
            "severity_agreement": round(self.severity_agreement, 4),
            "expected": self.expected,
            "found": self.found,
            "reported": self.reported,
            "correct": self.correct,
            "by_principle": self.by_principle,
            "misses": [vars(miss) for miss in self.misses],
            "false_alarms": [vars(alarm) for alarm in self.false_alarms],
        }


def _spans_of(text: str, phrase: str, parts: list[str] | None) -> list[tuple[int, int]]:
    start = text.find(phrase)
    if start == -1:
        return []
    if not parts:
        return [(start, start + len(phrase))]
    spans = []
    cursor = start
    for part in parts:
        position = text.find(part, cursor, start + len(phrase))
        if position != -1:
            spans.append((position, position + len(part)))
            cursor = position + len(part)
    return spans or [(start, start + len(phrase))]


def _overlaps(finding: Finding, spans: list[tuple[int, int]]) -> bool:
    return any(s < e2 and s2 < e for s, e in finding.spans for s2, e2 in spans)


def _load(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError:
        raise InputError(str(path), "corpus niet gevonden of niet leesbaar") from None
    except (yaml.YAMLError, UnicodeDecodeError):
        raise InputError(str(path), "corpus is geen geldige YAML") from None
    if not isinstance(data, dict) or "control_passages" not in data:
        raise InputError(str(path), "verwacht een corpus met 'control_passages' (zie dev-corpus.yaml)")
    return data


def evaluate_corpora(paths: Iterable[Path], checker: Checker) -> EvalReport:
    report = EvalReport()
    entries = checker.lexicon.entries
    for path in paths:
        data = _load(path)
        for passage in data.get("control_passages", []):
            _control_passage(passage, checker, entries, report)
        for passage in data.get("legitimate_passages", []):
            _legitimate_passage(passage, checker, report)
    return report


def _principle_counter(report: EvalReport, principle: str) -> dict[str, int]:
    return report.by_principle.setdefault(principle, {"expected": 0, "found": 0})


def _control_passage(passage: dict[str, Any], checker: Checker, entries: dict, report: EvalReport) -> None:
    text = passage["text"]
    findings = checker.check_document(document_from_text(text, passage["id"])).findings
    claimed: set[int] = set()
    for flag in passage.get("expected_flags", []):
        spans = _spans_of(text, flag["phrase"], flag.get("parts"))
        matching = [index for index, finding in enumerate(findings) if spans and _overlaps(finding, spans)]
        claimed.update(matching)
        if flag.get("optional"):
            continue
        entry_id = str(flag.get("entry", "")).replace("_", "-")
        in_lexicon = entry_id in entries
        principle = (
            entries[entry_id].principle
            if in_lexicon
            else (findings[matching[0]].principle if matching else "onbekend")
        )
        counter = _principle_counter(report, principle)
        report.expected += 1
        counter["expected"] += 1
        report.in_lexicon_expected += in_lexicon
        if matching:
            report.found += 1
            counter["found"] += 1
            report.in_lexicon_found += in_lexicon
            if any(findings[index].severity.key == flag.get("severity") for index in matching):
                report.severity_agree += 1
        else:
            report.misses.append(
                Miss(passage["id"], flag["phrase"], flag.get("entry", ""), flag.get("severity", ""))
            )
    for index, finding in enumerate(findings):
        if finding.severity < Severity.SUGGESTION:
            continue
        report.reported += 1
        if index in claimed:
            report.correct += 1
        else:
            report.false_alarms.append(
                FalseAlarm(
                    passage["id"],
                    finding.rule,
                    finding.text,
                    finding.severity.key,
                    "niet verwacht in deze passage",
                )
            )


def _legitimate_passage(passage: dict[str, Any], checker: Checker, report: EvalReport) -> None:
    text = passage["text"]
    findings = checker.check_document(document_from_text(text, passage["id"])).findings
    behaviour = passage.get("desired_behaviour", "no_flag")
    no_flag = passage.get("no_flag_for", passage.get("terms", []) if behaviour == "no_flag" else [])
    for finding in findings:
        if finding.severity < Severity.SUGGESTION:
            continue
        report.reported += 1
        why = "legitiem gebruik"
        if any(_overlaps(finding, _spans_of(text, term, None)) for term in no_flag):
            why = "legitiem gebruik dat niet gemeld hoort te worden"
        report.false_alarms.append(
            FalseAlarm(passage["id"], finding.rule, finding.text, finding.severity.key, why)
        )


def render_evaluation(report: EvalReport, console: Console) -> None:
    for miss in report.misses:
        console.print(
            Text(f"gemist  {miss.passage}: '{miss.phrase}' ({miss.entry}, verwacht {miss.severity})")
        )
    for alarm in report.false_alarms:
        console.print(
            Text(f"onterecht  {alarm.passage}: [{alarm.rule}] '{alarm.text}' ({alarm.severity}; {alarm.why})")
        )
    console.print()
    for principle, counts in sorted(report.by_principle.items()):
        share = counts["found"] / counts["expected"] if counts["expected"] else 1.0
        console.print(Text(f"{principle:<14} recall {share:.2f} ({counts['found']}/{counts['expected']})"))
    console.print(Text(f"recall     {report.recall:.3f} ({report.found}/{report.expected})", style="bold"))
    console.print(
        Text(
            f"recall voor termen in het lexicon {report.in_lexicon_recall:.3f} "
            f"({report.in_lexicon_found}/{report.in_lexicon_expected})"
        )
    )
    console.print(
        Text(
            f"precisie   {report.precision:.3f} ({report.correct}/{report.reported} suggesties en waarschuwingen)",
            style="bold",
        )
    )
    console.print(
        Text(f"ernst gelijk {report.severity_agreement:.3f} ({report.severity_agree}/{report.found})")
    )
