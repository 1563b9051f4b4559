"""`--redact`: machine output (JSON, SARIF, GitHub annotations) without any passage of the text.

Positions, rules, messages and suggestions stay, so a CI log still says where to look; the words of
the document do not appear. GitHub annotations never contain passages, so they pass unchanged.
"""

from __future__ import annotations

import json
from typing import Any

REDACTABLE = ("json", "sarif", "github")


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        cleaned = {key: _strip(item) for key, item in value.items() if key != "snippet"}
        if "text" in cleaned and "start" in cleaned and "rule" in cleaned:
            del cleaned["text"]
        return cleaned
    if isinstance(value, list):
        return [_strip(item) for item in value]
    return value


def redact_output(fmt: str, rendered: str) -> str:
    """The rendered machine output with every passage of document text left out."""
    if fmt == "github":
        return rendered
    data = _strip(json.loads(rendered))
    if fmt == "sarif":
        for run in data.get("runs", []):
            for rule in run.get("tool", {}).get("driver", {}).get("rules", []):
                if "fullDescription" not in rule:  # an unknown rule is described by its passage
                    rule["shortDescription"] = {"text": rule.get("id", "")}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
