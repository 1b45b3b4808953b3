"""A webhook receiver on 127.0.0.1 for tests: it checks each signature as docs/webhooks.md says."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from alerts.signing import HEADER, BadSignature, verify


@dataclass
class Received:
    """What the receiver was sent, and the codes it is told to answer with, in turn."""

    secret: str
    answers: list[int] = field(default_factory=list)
    calls: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""


@contextmanager
def receiver(secret: str, answers: list[int]) -> Iterator[Received]:
    state = Received(secret, list(answers))

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            try:
                verify(state.secret, body, self.headers.get(HEADER))
                valid = True
            except BadSignature:
                valid = False
            code = (state.answers.pop(0) if state.answers else 200) if valid else 400
            state.calls.append(
                {
                    "valid": valid,
                    "code": code,
                    "event": self.headers.get("X-Provenance-Event"),
                    "body": json.loads(body),
                }
            )
            self.send_response(code)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
