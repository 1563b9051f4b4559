"""Output formats as plug-ins of the result model (as ruff's emitters are of its diagnostics).

Every format is one function in its own module that takes only the result model and returns text:
`CheckResult -> str` for `taalcheck check`, `Comparison -> str` for `taalcheck vergelijk`. A finding
carries its lexicon entry and a file result its balance, coverage and document, so no format looks
anything up. The registry names each format and loads its module on first use (importing this
package stays cheap). Word comments (`annotate.py`) write a copy of the .docx, from a `FileResult`.

A new format: a module here with `render_NAME(result: CheckResult) -> str` and one line in
`FORMATS` (the command line offers every name there).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any, TextIO

from taalcheck.model import CheckResult

if TYPE_CHECKING:
    from taalcheck.comparison import Comparison

Renderer = Callable[[CheckResult], str]
ComparisonRenderer = Callable[["Comparison"], str]


@dataclass(frozen=True)
class Format:
    """One output format: where its render function lives and what it reads of the result."""

    name: str
    module: str
    function: str
    #: The format reads the whole text of each document (a page, SARIF snippets); otherwise worker
    #: processes send back only what output quotes (`SourceLines`: the lines with findings, the
    #: passages of trust phrases and of the checklist).
    whole_documents: bool = False
    #: A function of the module that writes the same text to a stream piece by piece
    #: (`(result, stream) -> None`), so a long report is never one string in memory.
    writer: str | None = None

    def load(self) -> Callable[[Any], str]:
        """The render function (its module is imported now, not before)."""
        render: Callable[[Any], str] = getattr(import_module(self.module), self.function)
        return render

    def load_writer(self) -> Callable[[Any, TextIO], None] | None:
        """The streaming writer, if the format has one (its module is imported now)."""
        if self.writer is None:
            return None
        write: Callable[[Any, TextIO], None] = getattr(import_module(self.module), self.writer)
        return write


def _formats(*formats: Format) -> dict[str, Format]:
    return {form.name: form for form in formats}


#: The formats of `taalcheck check --format` (statistics is `--statistics`), in help order.
FORMATS: dict[str, Format] = _formats(
    Format("text", "taalcheck.report.text", "render_plain"),
    Format("concise", "taalcheck.report.concise", "render_concise"),
    Format("json", "taalcheck.report.json_output", "render_json", writer="write_json"),
    Format("sarif", "taalcheck.report.sarif", "render_sarif", whole_documents=True),
    Format("github", "taalcheck.report.github", "render_github"),
    Format("html", "taalcheck.report.html", "render_html", whole_documents=True),
    Format("statistics", "taalcheck.report.statistics", "render_statistics"),
)

#: The formats of `taalcheck vergelijk --format`.
COMPARISON_FORMATS: dict[str, Format] = _formats(
    Format("text", "taalcheck.report.comparison", "render_comparison_text"),
    Format("json", "taalcheck.report.comparison", "render_comparison_json"),
    Format("html", "taalcheck.report.comparison", "render_comparison_html"),
)


def renderer(name: str) -> Renderer:
    """The render function of a `check` format by name (`ValueError` for an unknown name)."""
    if name not in FORMATS:
        raise ValueError(name)
    return FORMATS[name].load()


def comparison_renderer(name: str) -> ComparisonRenderer:
    """The render function of a `vergelijk` format by name (`ValueError` for an unknown name)."""
    if name not in COMPARISON_FORMATS:
        raise ValueError(name)
    return COMPARISON_FORMATS[name].load()
