"""taalcheck: taaladvies voor rapportages in jeugdzorg, jeugdbescherming en complexe scheidingen.

Public API::

    import taalcheck
    findings = taalcheck.check_text("Wij werken risicogestuurd.")
    findings = taalcheck.check_file("rapport.docx")

Importing the package is cheap: spaCy and the lexicon load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from taalcheck.version import __version__

__all__ = [
    "CheckResult",
    "FileResult",
    "Finding",
    "Settings",
    "Severity",
    "__version__",
    "check_file",
    "check_text",
]

if TYPE_CHECKING:
    from taalcheck.api import check_file, check_text
    from taalcheck.model import CheckResult, FileResult, Finding, Severity
    from taalcheck.settings import Settings


def __getattr__(name: str) -> Any:
    if name in ("check_text", "check_file"):
        from taalcheck import api

        return getattr(api, name)
    if name in ("Finding", "Severity", "FileResult", "CheckResult"):
        from taalcheck import model

        return getattr(model, name)
    if name == "Settings":
        from taalcheck.settings import Settings

        return Settings
    raise AttributeError(name)
