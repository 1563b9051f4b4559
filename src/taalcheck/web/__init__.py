"""A web page for professionals who do not use a command line, on one computer or for a team.

`create_app(settings)` builds the ASGI app; `serve(...)` runs it with uvicorn.
"""

from __future__ import annotations

from .app import create_app
from .server import serve

__all__ = ["create_app", "serve"]
