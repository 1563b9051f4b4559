"""Output formats: text (default), concise, JSON, SARIF, GitHub annotations, HTML, statistics."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from taalcheck.lexicon.model import Entry
from taalcheck.model import CheckResult

FORMATS = ("text", "concise", "json", "sarif", "github", "html")

Renderer = Callable[[CheckResult, Mapping[str, Entry]], str]


def renderer(name: str) -> Renderer:
    """The render function of a machine or page format (text output lives in `report.text`)."""
    if name == "json":
        from taalcheck.report.json_output import render_json

        return render_json
    if name == "concise":
        from taalcheck.report.concise import render_concise

        return render_concise
    if name == "sarif":
        from taalcheck.report.sarif import render_sarif

        return render_sarif
    if name == "github":
        from taalcheck.report.github import render_github

        return render_github
    if name == "html":
        from taalcheck.report.html import render_html

        return render_html
    raise ValueError(name)
