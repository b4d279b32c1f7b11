"""A built site served on 127.0.0.1, and the system Chromium that reads it.

Shared by the benchmark and the browser tests: the search index is fetched by a web
worker, which file:// URLs break, so pages are always loaded over local HTTP.
"""

from __future__ import annotations

import contextlib
import http.server
import threading
from functools import partial
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")  # Debian's package; never a Playwright download
# The machine may be offline: keep Chromium from phoning home so that the only traffic is ours.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        pass


@contextlib.contextmanager
def serve(site: Path):
    """Serve ``site`` over HTTP on a free local port; yields the base URL without a slash."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
