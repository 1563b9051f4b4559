"""Running the web app with uvicorn: one process, or several (`--workers`)."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from .environment import environment_for, load_settings
from .pool import Limits
from .security import is_loopback


def open_warning(host: str) -> str:
    """The warning for an address that other computers can reach."""
    return (
        f"taalcheck: let op: de pagina is via {host} ook bereikbaar voor andere computers in het netwerk. "
        "taalcheck heeft geen eigen inlog en geen versleuteling (https): zet de pagina achter de reverse "
        "proxy en inlog van uw organisatie (zie docs/webserver.md)."
    )


def serve(
    host: str = "127.0.0.1",
    port: int = 8765,
    *,
    config: Path | None = None,
    model: str | None = None,
    open_browser: bool = False,
    workers: int = 1,
    limits: Limits | None = None,
    names: tuple[str, ...] = (),
) -> None:
    """Run the web app until Ctrl+C; no access log, nothing of a request is ever logged.

    Configuration errors surface before the server starts. With `workers` > 1 uvicorn starts that
    many server processes, each building the app from the environment (`environment.py`).
    """
    import uvicorn

    from .routes import create_app

    limits = limits or Limits()
    if not is_loopback(host):
        print(open_warning(host), file=sys.stderr)
    app = create_app(load_settings(config, model), limits=limits, host=host, names=names)
    common = {
        "host": host,
        "port": port,
        "access_log": False,
        "log_level": "warning",
        "server_header": False,
        "date_header": False,
        "timeout_graceful_shutdown": 5,
    }
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    if workers > 1:
        print(f"taalcheck start {workers} processen op {url} (stoppen met Ctrl+C)", file=sys.stderr)
        if open_browser:
            _open_later(url)
        os.environ.update(environment_for(config, model, host, names, limits))
        uvicorn.run("taalcheck.web:app", workers=workers, **common)  # type: ignore[arg-type]
        return
    server = uvicorn.Server(uvicorn.Config(app, **common))  # type: ignore[arg-type]

    def announce() -> None:
        while not server.started and not server.should_exit:
            threading.Event().wait(0.1)
        if server.started:
            print(f"taalcheck draait op {url} (stoppen met Ctrl+C)", file=sys.stderr)
            if open_browser:
                import webbrowser

                webbrowser.open(url)

    threading.Thread(target=announce, daemon=True).start()
    server.run()


def _open_later(url: str) -> None:
    import webbrowser

    threading.Timer(3.0, webbrowser.open, args=(url,)).start()
