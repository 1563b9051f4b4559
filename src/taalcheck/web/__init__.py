"""A web page for professionals who do not use a command line, on one computer or for a team.

`create_app(...)` builds the ASGI app; `serve(...)` runs it with uvicorn. For an ordinary ASGI
server, `taalcheck.web:app` is the app configured from the environment (see `environment.py` and
docs/webserver.md), e.g. `uvicorn taalcheck.web:app --host 127.0.0.1 --port 8765`.
"""

from __future__ import annotations

from typing import Any

from .pool import Limits
from .routes import create_app
from .server import serve

__all__ = ["Limits", "app", "create_app", "serve"]


def __getattr__(name: str) -> Any:
    # `app` is built on first use, so importing the package loads no lexicon and starts nothing.
    if name == "app":
        from .environment import app_from_environment

        globals()["app"] = built = app_from_environment()
        return built
    raise AttributeError(name)
