"""The web app configured from environment variables, for `taalcheck web --workers N` and for an
ordinary ASGI server (`uvicorn taalcheck.web:app`). Every variable is optional:

| variable | meaning | default |
|---|---|---|
| `TAALCHECK_CONFIG` | configuration file (taalcheck.toml or pyproject.toml) | the nearest one |
| `TAALCHECK_MODEL` | Dutch pipeline: name, folder or `blank` | see the README |
| `TAALCHECK_HOST` | the address the server listens on | `127.0.0.1` |
| `TAALCHECK_NAMES` | other host names the page is reached under (comma-separated) | none |
| `TAALCHECK_MAX_MB` | largest request in MB | 20 |
| `TAALCHECK_MAX_CHECKS` | checks at the same time (check processes per server process) | 2 |
| `TAALCHECK_TIME_LIMIT` | time budget of one check in seconds | 60 |
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from starlette.applications import Starlette

from taalcheck.errors import ConfigError
from taalcheck.settings import Settings

from .pool import Limits

VARIABLES = {
    "config": "TAALCHECK_CONFIG",
    "model": "TAALCHECK_MODEL",
    "host": "TAALCHECK_HOST",
    "names": "TAALCHECK_NAMES",
    "max_mb": "TAALCHECK_MAX_MB",
    "max_checks": "TAALCHECK_MAX_CHECKS",
    "time_limit": "TAALCHECK_TIME_LIMIT",
}


def load_settings(config: Path | None, model: str | None) -> Settings:
    """Settings from a configuration file (or the nearest one) and an optional pipeline choice."""
    from taalcheck.config import find_config, load_config

    path = config or find_config(Path.cwd())
    settings = load_config(path) if path else Settings()
    return replace(settings, model=model) if model else settings


def _number(environ: Mapping[str, str], key: str, default: float, minimum: float) -> float:
    name = VARIABLES[key]
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        value = minimum - 1
    if value < minimum:
        raise ConfigError(name, f"moet een getal van minstens {minimum:g} zijn, niet '{raw}'")
    return value


def limits_from(max_mb: float, max_checks: int, time_limit: float) -> Limits:
    """Limits from the units people give: megabytes, a count, seconds."""
    return Limits(max_body_bytes=int(max_mb * 1_000_000), max_checks=max_checks, time_budget=time_limit)


def app_from_environment(environ: Mapping[str, str] | None = None) -> Starlette:
    """The app as the environment variables describe it (see the module docstring)."""
    from .routes import create_app

    environ = os.environ if environ is None else environ
    config = environ.get(VARIABLES["config"], "").strip()
    settings = load_settings(Path(config) if config else None, environ.get(VARIABLES["model"]) or None)
    limits = limits_from(
        _number(environ, "max_mb", 20, 0.001),
        int(_number(environ, "max_checks", 2, 1)),
        _number(environ, "time_limit", 60, 0.1),
    )
    host = environ.get(VARIABLES["host"], "").strip() or "127.0.0.1"
    names = tuple(name.strip() for name in environ.get(VARIABLES["names"], "").split(",") if name.strip())
    return create_app(settings, limits=limits, host=host, names=names)


def environment_for(
    config: Path | None, model: str | None, host: str, names: tuple[str, ...], limits: Limits
) -> dict[str, str]:
    """The variables that make `app_from_environment` build the same app (for worker processes)."""
    from taalcheck.config import find_config

    path = config or find_config(Path.cwd())
    values = {
        "host": host,
        "names": ",".join(names),
        "max_mb": f"{limits.max_body_bytes / 1_000_000:g}",
        "max_checks": str(limits.max_checks),
        "time_limit": f"{limits.time_budget:g}",
    }
    if path:
        values["config"] = str(path.resolve())
    if model:
        values["model"] = model
    return {VARIABLES[key]: value for key, value in values.items()}
