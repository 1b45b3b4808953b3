"""A local HTTP server for the feed tests: routes set per test, every request recorded."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

# A route answers (status, headers, body), or runs a function that writes the answer itself.
Answer = tuple[int, dict[str, str], bytes]
Route = Answer | Callable[[BaseHTTPRequestHandler], None]


@dataclass
class FeedServer:
    origin: str
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"{self.origin}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for seen, _ in self.requests if seen == path)


def make_server() -> tuple[ThreadingHTTPServer, FeedServer]:
    state = FeedServer(origin="")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append((self.path, dict(self.headers.items())))
            route = state.routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"no"))
            if callable(route):
                route(self)
                return
            status, headers, body = route
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state.origin = f"http://127.0.0.1:{httpd.server_address[1]}"
    return httpd, state


@pytest.fixture
def feed_server(settings: Any) -> Iterator[FeedServer]:
    """A server whose exact origin, and only it, the fetcher may reach although it is local."""
    httpd, state = make_server()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    settings.FETCH_ALLOW_PRIVATE = False
    settings.FETCH_ALLOW_ORIGINS = [state.origin]
    settings.FEED_HOST_DELAY_SECONDS = 0
    yield state
    httpd.shutdown()
    httpd.server_close()


def article_html(title: str, seed: int) -> bytes:
    """A news page with a headline and four paragraphs no other seed shares."""
    rng = random.Random(seed)
    words = [f"{rng.choice('bcdfgklmnprstvz')}{rng.choice('aeiou')}{n}" for n in range(3000)]
    paragraphs = "".join(
        "<p>" + " ".join(rng.choice(words) for _ in range(40)) + ".</p>" for _ in range(4)
    )
    return (
        f"<!doctype html><html><head><title>{escape(title)}</title></head><body>"
        f"<nav>Home | News | Sport</nav><article><h1>{escape(title)}</h1>{paragraphs}</article>"
        "<footer>Copyright The Local Paper</footer></body></html>"
    ).encode()


HTML = {"Content-Type": "text/html; charset=utf-8"}


def rss(server: FeedServer, items: list[tuple[str, str]]) -> bytes:
    """An RSS 2.0 feed of (path, title) items on `server`."""
    entries = "".join(
        f"<item><title>{escape(title)}</title><link>{server.url(path)}</link>"
        f"<guid>{server.url(path)}</guid><pubDate>Tue, 08 Dec 2026 09:00:00 GMT</pubDate></item>"
        for path, title in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Local Paper</title>'
        f"<link>{server.origin}</link><description>News</description>{entries}</channel></rss>"
    ).encode()


RSS = {"Content-Type": "application/rss+xml"}


def serve_articles(server: FeedServer, count: int, path: str = "/feed") -> None:
    items = [(f"/story/{n}", f"Story number {n}") for n in range(count)]
    server.routes[path] = (200, RSS, rss(server, items))
    for n, (item_path, title) in enumerate(items):
        server.routes[item_path] = (200, HTML, article_html(title, n))


def slow_drip(seconds: float) -> Callable[[BaseHTTPRequestHandler], None]:
    """A route that sends its body a byte at a time, for `seconds`."""

    def answer(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        handler.end_headers()
        end = time.monotonic() + seconds
        try:
            handler.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel>')
            while time.monotonic() < end:
                handler.wfile.write(b" ")
                handler.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass  # the client hung up, as it should

    return answer
