"""A built site served on 127.0.0.1, and the system Chromium that reads it.

Shared by the benchmark and the browser tests: the search loads Pagefind with import() and
fetch(), which file:// URLs break, so pages are always loaded over local HTTP.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import io
import sys
import threading
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

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

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")  # GitHub Pages' default
        super().end_headers()


# What GitHub Pages compresses on the fly; Pagefind's index files come gzipped already.
_COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class _GzipHandler(_QuietHandler):
    """Serves as GitHub Pages does: keep-alive, and gzip for text when the browser asks for it."""

    protocol_version = "HTTP/1.1"

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if not (path.is_file() and kind.startswith(_COMPRESSED_TYPES) and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()  # files as they are, directory redirects, 404s
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a page closed mid-download: normal here
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(site: Path, compress: bool = False):
    """Serve ``site`` over HTTP on a free local port; yields the base URL without a slash.

    ``compress``: gzip and keep-alive as GitHub Pages serves, for the benchmark's byte counts."""
    handler = _GzipHandler if compress else _QuietHandler
    server = _Server(("127.0.0.1", 0), partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
