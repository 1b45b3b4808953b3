"""A local web server that holds every answer until the test lets it go.

It counts the connections it accepts, so a test can show that a request queued a
fetch without making one (the count stays 0 while the answer is held).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.documents.factories import ARTICLE


class HeldServer:
    def __init__(self) -> None:
        self.released = threading.Event()
        self.connections = 0
        self.url = ""


@contextmanager
def held_server() -> Iterator[HeldServer]:
    """Serve ARTICLE at /story and a 404 at /missing, each only once `released` is set."""
    state = HeldServer()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.connections += 1
            state.released.wait(30)
            if self.path != "/story":
                self.send_error(404)
                return
            body = ARTICLE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        yield state
    finally:
        state.released.set()
        httpd.shutdown()
        httpd.server_close()
