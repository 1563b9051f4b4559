"""Configuration for organisations: `taalcheck.toml` or `[tool.taalcheck]` in `pyproject.toml`.

The nearest file from the working folder upwards is used, or the one given with `--config`.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Any

from taalcheck.datacache import Table, sha256, source_of
from taalcheck.documents.files import NOT_REGULAR_PROBLEM
from taalcheck.documents.limits import limits_from_config
from taalcheck.errors import ConfigError
from taalcheck.model import COVERAGE_KEYS, Severity
from taalcheck.settings import Settings
from taalcheck.yamlfile import dutch_type

KEYS = ("extend_lexicon", "disable", "severity", "min_severity", "allow", "model", "require", "limits")
#: A configuration file is a few lines; anything this large is not one.
MAX_BYTES = 1_000_000
#: Settings are at most a table of tables ([severity]); deeper nesting is never a setting.
MAX_DEPTH = 4


def _too_deep(value: Any, levels: int) -> bool:
    """Whether tables and lists nest more than `levels` deep in `value` (stops looking there)."""
    if not isinstance(value, (dict, list)):
        return False
    if levels == 0:
        return True
    children = value.values() if isinstance(value, dict) else value
    return any(_too_deep(child, levels - 1) for child in children)


def _read_toml(path: Path) -> dict[str, Any]:
    """The parsed file; `ConfigError` (file and problem in one Dutch line) for anything else."""
    name = str(path)
    if path.exists() and not path.is_file() and not path.is_dir():  # a FIFO or device would hang
        raise ConfigError(name, NOT_REGULAR_PROBLEM)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ConfigError(name, f"configuratiebestand is te groot (de grens is {MAX_BYTES} bytes)")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(name, "configuratiebestand niet gevonden") from None
    except (OSError, UnicodeDecodeError):
        raise ConfigError(name, "configuratiebestand kan niet worden gelezen (geen UTF-8-tekst?)") from None
    if sys.version_info >= (3, 11):  # imported here: most runs find no configuration file
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(name, f"ongeldige TOML ({error})") from None
    except RecursionError:
        raise ConfigError(name, "ongeldige TOML (te diep genest)") from None


def _taalcheck_table(data: dict[str, Any], name: str) -> Any:
    """`[tool.taalcheck]` of a pyproject.toml, checked to be tables on the way."""
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(name, f"verwacht een tabel, niet {dutch_type(tool)}", "tool")
    table = tool.get("taalcheck", {})
    if not isinstance(table, dict):
        raise ConfigError(
            name, f"verwacht een tabel met instellingen, niet {dutch_type(table)}", "tool.taalcheck"
        )
    return table


def find_config(start: Path) -> Path | None:
    """The nearest taalcheck.toml, or pyproject.toml with a [tool.taalcheck] table."""
    for folder in [start, *start.parents]:
        candidate = folder / "taalcheck.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _holds_taalcheck_table(pyproject):
            return pyproject
    return None


#: Whether a pyproject.toml (by the digest of its bytes) holds [tool.taalcheck], from earlier runs.
_PYPROJECTS = Table("pyproject", source_of(__file__))


def _holds_taalcheck_table(pyproject: Path) -> bool:
    """Does this pyproject.toml have a [tool.taalcheck] table?

    Someone else's broken pyproject.toml is not taalcheck's configuration (False). Most are another
    project's, and reading one as TOML costs more than checking a page: the answer is kept by the
    digest of the file's bytes (the file itself is not kept).
    """
    try:
        raw: bytes | None = pyproject.read_bytes() if pyproject.stat().st_size <= MAX_BYTES else None
    except OSError:
        raw = None
    key = sha256(raw).hexdigest() if raw is not None else None
    known = _PYPROJECTS.lookup(key) if key is not None else None
    if known is not None:
        return bool(known)
    try:
        tool = _read_toml(pyproject).get("tool", {})
    except ConfigError:
        found = False
    else:
        found = isinstance(tool, dict) and "taalcheck" in tool
    with contextlib.suppress(OSError):
        if key is not None and pyproject.read_bytes() == raw:  # not changed while it was read
            _PYPROJECTS.remember(key, found)
    return found


def _strings(path: str, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ConfigError(path, f"moet een lijst met tekst zijn, niet {dutch_type(value)}", key)
    if not all(isinstance(item, str) and item.strip() for item in value):
        raise ConfigError(path, "moet een lijst met tekst zijn", key)
    return tuple(item.strip() for item in value)


def _severity(path: str, key: str, value: Any) -> Severity:
    if not isinstance(value, str):
        raise ConfigError(
            path, f"verwacht een tekst (hint, suggestion of warning), niet {dutch_type(value)}", key
        )
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
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = _taalcheck_table(data, name)
        prefix = "tool.taalcheck."
    else:
        prefix = ""
    if not isinstance(data, dict):
        raise ConfigError(name, "verwacht een tabel met instellingen")
    for key, value in data.items():
        if _too_deep(value, MAX_DEPTH):
            raise ConfigError(name, f"te diep genest (meer dan {MAX_DEPTH} niveaus)", prefix + key)
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
