"""`taalcheck eval`: recall, precision and severity agreement on an annotated corpus.

Two formats. A folder of real texts (any supported document format) with an `annotations.yaml`
that maps each file name to the passages a reader marked: `{text, expect: flag|no-flag, severity,
why}`; gold positives are `flag` passages at suggestion or warning, a suggestion/warning finding on
such a passage is right, on a `flag`/hint passage neutral, elsewhere wrong; hints are not scored
(the conventions of the real-dev set). A file listed with an empty list is a text without flags.

Or a corpus YAML like `dev-corpus.yaml` ("taalcheck annotated corpus v1"): `control_passages` with
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

from taalcheck.documents import document_from_text
from taalcheck.errors import InputError
from taalcheck.matching.engine import Checker
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
    #: Suggestions/warnings on borderline passages (a `flag` at hint): neither right nor wrong.
    neutral: int = 0
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
            "neutral": self.neutral,
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


ANNOTATIONS = "annotations.yaml"


def _annotations_file(path: Path) -> Path | None:
    """The annotations of a folder of real texts, when `path` is such a folder or its file."""
    if path.is_dir():
        candidate = path / ANNOTATIONS
        if not candidate.is_file():
            raise InputError(str(path), f"map zonder {ANNOTATIONS} (zie 'taalcheck eval --help')")
        return candidate
    return path if path.name == ANNOTATIONS else None


def evaluate_corpora(paths: Iterable[Path], checker: Checker) -> EvalReport:
    report = EvalReport()
    entries = checker.lexicon.entries
    for path in paths:
        annotations = _annotations_file(path)
        if annotations is not None:
            _annotated_folder(annotations, checker, report)
            continue
        data = _load(path)
        for passage in data.get("control_passages", []):
            _control_passage(passage, checker, entries, report)
        for passage in data.get("legitimate_passages", []):
            _legitimate_passage(passage, checker, report)
    return report


def _load_annotations(path: Path) -> dict[str, list[dict[str, Any]]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError:
        raise InputError(str(path), "annotaties niet gevonden of niet leesbaar") from None
    except (yaml.YAMLError, UnicodeDecodeError):
        raise InputError(str(path), "annotaties zijn geen geldige YAML") from None
    if not isinstance(data, dict):
        raise InputError(str(path), "verwacht per bestandsnaam een lijst met passages")
    for name, items in data.items():
        if items is None:
            data[name] = []
            continue
        if not isinstance(items, list) or not all(
            isinstance(item, dict)
            and isinstance(item.get("text"), str)
            and item.get("expect") in ("flag", "no-flag")
            for item in items
        ):
            raise InputError(
                str(path), f"'{name}': elke passage heeft 'text' en 'expect' (flag of no-flag) nodig"
            )
    return data


def _occurrences(text: str, passage: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(passage)
    while start != -1:
        spans.append((start, start + len(passage)))
        start = text.find(passage, start + 1)
    return spans


def _annotated_folder(annotations: Path, checker: Checker, report: EvalReport) -> None:
    from taalcheck.documents import read_document

    folder = annotations.parent
    for name, items in sorted(_load_annotations(annotations).items()):
        document = read_document(folder / name, name)
        findings = checker.check_document(document).findings
        marked = [(item, _occurrences(document.text, item["text"])) for item in items]
        gold = lambda item: item["expect"] == "flag" and item.get("severity") in ("suggestion", "warning")  # noqa: E731
        for finding in findings:
            if finding.severity < Severity.SUGGESTION:
                continue
            report.reported += 1
            on = [item for item, spans in marked if _overlaps(finding, spans)]
            if any(gold(item) for item in on):
                report.correct += 1
            elif any(item["expect"] == "flag" for item in on):
                report.reported -= 1
                report.neutral += 1
            else:
                why = next((f"legitiem: {item.get('why', '')}" for item in on), "niet gemarkeerd")
                report.false_alarms.append(
                    FalseAlarm(name, finding.rule, finding.text, finding.severity.key, why)
                )
        for item, spans in marked:
            if not gold(item):
                continue
            matching = [f for f in findings if f.severity >= Severity.SUGGESTION and _overlaps(f, spans)]
            principle = matching[0].principle if matching else "onbekend"
            counter = _principle_counter(report, principle)
            report.expected += 1
            counter["expected"] += 1
            if matching:
                report.found += 1
                counter["found"] += 1
                if any(f.severity.key == item["severity"] for f in matching):
                    report.severity_agree += 1
            else:
                report.misses.append(Miss(name, item["text"][:90], principle, item["severity"]))


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
    if report.in_lexicon_expected:
        console.print(
            Text(
                f"recall voor termen in het lexicon {report.in_lexicon_recall:.3f} "
                f"({report.in_lexicon_found}/{report.in_lexicon_expected})"
            )
        )
    console.print(
        Text(
            f"precisie   {report.precision:.3f} ({report.correct}/{report.reported} suggesties en waarschuwingen"
            + (f", {report.neutral} op twijfelgevallen niet meegeteld)" if report.neutral else ")"),
            style="bold",
        )
    )
    console.print(
        Text(f"ernst gelijk {report.severity_agreement:.3f} ({report.severity_agree}/{report.found})")
    )
