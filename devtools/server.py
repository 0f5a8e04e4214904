"""A local static server for a built site, as a web server would send it (gzip level 6)."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

_COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """http.server's file handler, quiet, sending text gzipped (level 6) when asked, as a server would."""

    gzip_text = True

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        if not self.gzip_text or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # http.server redirects to the slash form
            path = path / "index.html"
        if path.suffix not in _COMPRESSIBLE or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


class _QuietServer(http.server.ThreadingHTTPServer):
    """Quiet when a browser drops a connection (its page closed while a file was on its way)."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def static_server(
    directory: Path, gzip_text: bool = True, handler: type[StaticHandler] = StaticHandler
) -> Iterator[str]:
    """Serve ``directory`` with http.server (``handler``, a StaticHandler) on a free 127.0.0.1
    port; yield the base URL."""
    handler = type("Handler", (handler,), {"gzip_text": gzip_text})
    server = _QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="bench-static", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
