"""Configuration for organisations: `taalcheck.toml` or `[tool.taalcheck]` in `pyproject.toml`.

The nearest file from the working folder upwards is used, or the one given with `--config`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from taalcheck.documents.files import NOT_REGULAR_PROBLEM
from taalcheck.documents.limits import limits_from_config
from taalcheck.errors import ConfigError
from taalcheck.model import COVERAGE_KEYS, Severity
from taalcheck.settings import Settings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KEYS = ("extend_lexicon", "disable", "severity", "min_severity", "allow", "model", "require", "limits")


def find_config(start: Path) -> Path | None:
    """The nearest taalcheck.toml, or pyproject.toml with a [tool.taalcheck] table."""
    for folder in [start, *start.parents]:
        candidate = folder / "taalcheck.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                if "taalcheck" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}):
                    return pyproject
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
    return None


def _strings(path: str, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise ConfigError(path, "moet een lijst met tekst zijn", key)
    return tuple(item.strip() for item in value)


def _severity(path: str, key: str, value: Any) -> Severity:
    try:
        return Severity.parse(value) if isinstance(value, str) else Severity.parse("?")
    except ValueError:
        raise ConfigError(
            path,
            f"onbekende ernst '{value}' (kies uit: hint, suggestie, waarschuwing; of suggestion, warning)",
            key,
        ) from None


def load_config(path: Path) -> Settings:
    """Read and validate a configuration file into `Settings`."""
    name = str(path)
    if path.exists() and not path.is_file() and not path.is_dir():  # a FIFO or device would hang
        raise ConfigError(name, NOT_REGULAR_PROBLEM)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(name, "configuratiebestand niet gevonden") from None
    except (OSError, UnicodeDecodeError):
        raise ConfigError(name, "configuratiebestand kan niet worden gelezen (geen UTF-8-tekst?)") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(name, f"ongeldige TOML ({error})") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("taalcheck", {})
        prefix = "tool.taalcheck."
    else:
        prefix = ""
    if not isinstance(data, dict):
        raise ConfigError(name, "verwacht een tabel met instellingen")
    for key in data:
        if key not in KEYS:
            raise ConfigError(name, f"onbekende sleutel (toegestaan: {', '.join(KEYS)})", prefix + key)
    base = path.parent
    extend = tuple(
        base / item for item in _strings(name, prefix + "extend_lexicon", data.get("extend_lexicon", []))
    )
    for extra in extend:
        if not extra.is_file():
            raise ConfigError(name, f"lexiconbestand '{extra}' niet gevonden", prefix + "extend_lexicon")
    severities = data.get("severity", {})
    if not isinstance(severities, dict):
        raise ConfigError(
            name, 'moet een tabel zijn: id = "hint" | "suggestie" | "waarschuwing"', prefix + "severity"
        )
    model = data.get("model")
    if model is not None and (not isinstance(model, str) or not model.strip()):
        raise ConfigError(name, "moet de naam of map van een pipeline zijn", prefix + "model")
    if isinstance(model, str) and not model.startswith(("/", ".")) and (base / model).is_dir():
        model = str(base / model)
    require = _strings(name, prefix + "require", data.get("require", []))
    for key in require:
        if key not in COVERAGE_KEYS:
            raise ConfigError(
                name, f"onbekend onderdeel '{key}' (kies uit: {', '.join(COVERAGE_KEYS)})", prefix + "require"
            )
    try:
        limits = limits_from_config(data.get("limits", {}))
    except ValueError as error:
        raise ConfigError(name, str(error), prefix + "limits") from None
    return Settings(
        limits=limits,
        model=model,
        min_severity=_severity(name, prefix + "min_severity", data["min_severity"])
        if "min_severity" in data
        else Severity.HINT,
        disable=frozenset(_strings(name, prefix + "disable", data.get("disable", []))),
        severity={
            str(rule): _severity(name, f"{prefix}severity.{rule}", level)
            for rule, level in severities.items()
        },
        allow=_strings(name, prefix + "allow", data.get("allow", [])),
        extend_lexicon=extend,
        require=require,
        origin=name,
    )


def validate_ids(settings: Settings, known: set[str]) -> None:
    """Ids named in the configuration must exist in the lexicon."""
    origin = settings.origin or "configuratie"
    for key, ids in (("disable", settings.disable), ("severity", settings.severity.keys())):
        for rule in sorted(ids):
            if rule not in known:
                raise ConfigError(origin, f"onbekend id '{rule}' (zie `taalcheck lexicon`)", key)
