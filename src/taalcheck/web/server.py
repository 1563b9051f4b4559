"""Running the web app with uvicorn."""

from __future__ import annotations

import sys
import threading

from taalcheck.settings import Settings

from .app import create_app


def serve(
    host: str = "127.0.0.1", port: int = 8765, settings: Settings | None = None, open_browser: bool = False
) -> None:
    """Run the web app with uvicorn until Ctrl+C; no access log, request bodies are never logged."""
    import uvicorn

    if host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"taalcheck: let op, de pagina is ook bereikbaar voor andere computers via {host}.",
            file=sys.stderr,
        )
    config = uvicorn.Config(
        create_app(settings),
        host=host,
        port=port,
        access_log=False,
        log_level="warning",
        server_header=False,
    )
    server = uvicorn.Server(config)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"

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
