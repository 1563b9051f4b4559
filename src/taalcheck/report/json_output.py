"""The JSON contract (`--format json`, version 1), documented in the README."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

from taalcheck.model import Balance, CheckResult, FileResult, Finding, PositiveMatch, trust_counted

if TYPE_CHECKING:
    from taalcheck.documents.base import Document
    from taalcheck.model import SourceLines

JSON_VERSION = 1


def finding_dict(finding: Finding) -> dict[str, Any]:
    data: dict[str, Any] = {
        "rule": finding.rule,
        "severity": finding.severity.key,
        "principle": finding.principle,
        "start": finding.start,
        "end": finding.end,
        "spans": [list(span) for span in finding.spans],
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "text": finding.text,
        "message": finding.message,
        "suggestions": list(finding.suggestions),
        "mention": finding.mention,
        "context": list(finding.context),
    }
    if finding.original_severity is not None and finding.original_severity != finding.severity:
        data["original_severity"] = finding.original_severity.key
    if finding.location:
        data["location"] = finding.location
    return data


def balance_dict(balance: Balance) -> dict[str, Any]:
    return {
        "words": balance.words,
        "control": balance.control,
        "trust": balance.trust,
        "control_per_1000": balance.control_per_1000,
        "trust_per_1000": balance.trust_per_1000,
        "ratio": balance.ratio,
        "by_principle": dict(sorted(balance.by_principle.items())),
    }


def trust_dict(positive: PositiveMatch, document: Document | SourceLines | None) -> dict[str, Any]:
    """One trust phrase: where it is, whether the balance counts it, and why not (context notes)."""
    return {
        "rule": positive.rule,
        "principle": positive.principle,
        "start": positive.start,
        "end": positive.end,
        "text": document.passage(positive.start, positive.end) if document is not None else "",
        "counted": trust_counted(positive),
        "context": list(positive.context),
    }


class _Object:
    """An object of the JSON whose fields are built when written: (key, value) in order."""

    def __init__(self, fields: list[tuple[str, Any]]) -> None:
        self.fields = fields


class _Items:
    """A list of the JSON built when written: `make(value)` for each of `values`."""

    def __init__(self, values: Iterable[Any], make: Callable[[Any], Any]) -> None:
        self.values, self.make = values, make


def _file_object(file: FileResult) -> _Object:
    fields: list[tuple[str, Any]] = [
        ("path", file.path),
        ("findings", _Items(file.findings, finding_dict)),
        ("trust_phrases", _Items(file.positives, lambda positive: trust_dict(positive, file.document))),
        ("summary", balance_dict(file.balance)),
    ]
    if file.notices:
        fields.append(("notices", list(file.notices)))
    # Passages that context or configuration kept from being reported, each with its reason.
    fields.append(("dropped", _Items(file.silenced, finding_dict)))
    if file.coverage:
        from taalcheck.report.coverage import coverage_dict

        fields.append(("coverage", coverage_dict(file)))
    return _Object(fields)


def _result_object(result: CheckResult) -> _Object:
    balance = result.balance()
    summary = {
        "files": len(result.files),
        "findings": len(result.findings),
        "by_severity": result.by_severity(),
        "dropped": sum(len(file.silenced) for file in result.files),
        **balance_dict(balance),
    }
    fields: list[tuple[str, Any]] = [
        ("version", JSON_VERSION),
        ("files", _Items(result.files, _file_object)),
        ("summary", summary),
    ]
    if result.errors:
        fields.append(("errors", list(result.errors)))
    return _Object(fields)


def _built(value: Any) -> Any:
    """The plain value (dicts and lists) of an `_Object`, `_Items` or plain value."""
    if isinstance(value, _Object):
        return {key: _built(item) for key, item in value.fields}
    if isinstance(value, _Items):
        return [_built(value.make(item)) for item in value.values]
    return value


def file_dict(file: FileResult) -> dict[str, Any]:
    data: dict[str, Any] = _built(_file_object(file))
    return data


def result_dict(result: CheckResult) -> dict[str, Any]:
    data: dict[str, Any] = _built(_result_object(result))
    return data


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def render_json(result: CheckResult) -> str:
    # Compact: json's C encoder is ten times faster than its indenting one on large folders.
    return _dumps(result_dict(result)) + "\n"


#: Items of a long list encoded in one call while streaming (some hundred kilobytes of text).
_ITEMS_PER_PIECE = 500


def _pieces(value: Any) -> Iterator[str]:
    """`_dumps(_built(value))` in pieces: long lists a few hundred items at a time."""
    if isinstance(value, _Object):
        for number, (key, item) in enumerate(value.fields):
            yield ("{" if not number else ",") + _dumps(key) + ":"
            yield from _pieces(item)
        yield "}" if value.fields else "{}"
    elif isinstance(value, _Items):
        yield "["
        written = 0
        batch: list[Any] = []
        for item in value.values:
            made = value.make(item)
            if isinstance(made, (_Object, _Items)):  # a file: streamed in turn
                if batch:
                    yield ("," if written else "") + _dumps(batch)[1:-1]
                    written, batch = written + len(batch), []
                yield "," if written else ""
                yield from _pieces(made)
                written += 1
                continue
            batch.append(made)
            if len(batch) == _ITEMS_PER_PIECE:
                yield ("," if written else "") + _dumps(batch)[1:-1]
                written, batch = written + len(batch), []
        if batch:
            yield ("," if written else "") + _dumps(batch)[1:-1]
        yield "]"
    else:
        yield _dumps(value)


def iter_json(result: CheckResult) -> Iterator[str]:
    """The text of `render_json(result)` in pieces, so a long report is never one string in memory.

    Joined, the pieces are exactly `render_json(result)` (tested): the same fields in the same
    order (`_result_object`), every value written by the same encoder.
    """
    yield from _pieces(_result_object(result))
    yield "\n"


#: Characters gathered before one write to the stream.
_WRITE_SIZE = 1 << 16


def write_json(result: CheckResult, stream: TextIO) -> None:
    """Write `render_json(result)` to `stream` piece by piece (see `iter_json`)."""
    gathered: list[str] = []
    size = 0
    for piece in iter_json(result):
        gathered.append(piece)
        size += len(piece)
        if size >= _WRITE_SIZE:
            stream.write("".join(gathered))
            gathered.clear()
            size = 0
    stream.write("".join(gathered))
