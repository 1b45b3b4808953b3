from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from documents.extract import RejectedInput
from documents.fetch import fetch
from documents.ingest import Status, Submission, ingest
from documents.metadata import Metadata
from tests.documents.factories import ARTICLE_HTML

ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/article": (200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE_HTML.encode()),
    "/plain": (200, {"Content-Type": "text/plain"}, b"Plain words from a server."),
    "/image": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n"),
    "/big": (200, {"Content-Type": "text/plain"}, b"a" * 5000),
    "/missing": (404, {"Content-Type": "text/plain"}, b"no"),
    "/redirect": (302, {"Location": "/article"}, b""),
}
for hop in range(7):
    ROUTES[f"/loop{hop}"] = (302, {"Location": f"/loop{hop + 1}"}, b"")


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status, headers, body = ROUTES.get(self.path, (404, {}, b""))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def allow_private(settings: object) -> None:
    settings.FETCH_ALLOW_PRIVATE = True


def refused(url: str) -> str:
    with pytest.raises(RejectedInput) as caught:
        fetch(url)
    return caught.value.message


def test_it_fetches_a_page(server: str, allow_private: None) -> None:
    fetched = fetch(f"{server}/article")
    assert b"Coast plan announced" in fetched.data
    assert fetched.content_type.startswith("text/html")


def test_it_follows_a_redirect_and_reports_the_final_url(server: str, allow_private: None) -> None:
    assert fetch(f"{server}/redirect").url == f"{server}/article"


def test_more_than_five_redirects_are_refused(server: str, allow_private: None) -> None:
    assert "redirected more than 5 times" in refused(f"{server}/loop0")


def test_a_type_we_do_not_read_is_refused(server: str, allow_private: None) -> None:
    assert "image/png" in refused(f"{server}/image")


def test_a_page_over_the_size_cap_is_refused(
    server: str, allow_private: None, settings: object
) -> None:
    settings.UPLOAD_MAX_BYTES = 1000
    assert "limit" in refused(f"{server}/big")


def test_an_error_status_is_reported(server: str, allow_private: None) -> None:
    assert "404" in refused(f"{server}/missing")


def test_a_slow_server_times_out(allow_private: None, settings: object) -> None:
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts the connection, never answers
    settings.FETCH_TIMEOUT_SECONDS = 0.3
    try:
        message = refused(f"http://127.0.0.1:{listener.getsockname()[1]}/")
    finally:
        listener.close()
    assert "time limit" in message


def test_loopback_is_refused_when_private_fetching_is_off(server: str, settings: object) -> None:
    settings.FETCH_ALLOW_PRIVATE = False
    assert "private, local or reserved" in refused(f"{server}/article")


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://0.0.0.0/",
        "http://localhost/",
    ],
)
def test_private_and_link_local_addresses_are_refused(url: str, settings: object) -> None:
    settings.FETCH_ALLOW_PRIVATE = False
    assert "not allowed" in refused(url)


def test_a_redirect_to_a_private_address_is_refused(server: str, settings: object) -> None:
    # Every hop is checked, including the first; with private fetching off nothing local passes.
    settings.FETCH_ALLOW_PRIVATE = False
    assert "not allowed" in refused(f"{server}/redirect")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/"])
def test_other_schemes_are_refused(url: str) -> None:
    assert "Only http and https" in refused(url)


@pytest.mark.django_db
def test_a_fetched_page_is_ingested_with_its_url(server: str, allow_private: None) -> None:
    outcome = ingest(Submission(fetch_url=f"{server}/redirect", source="url"), Metadata())
    assert outcome.status == Status.ADDED
    assert outcome.document.url == f"{server}/article"
    assert outcome.document.title == "Coast plan announced"
    assert outcome.version.source_url == f"{server}/article"


class TrickleHandler(BaseHTTPRequestHandler):
    """Sends a body one byte at a time, far slower than any deadline."""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        if self.path == "/slow-headers":
            self.wfile.write(b"X-Slow: ")
            for _ in range(600):
                self.wfile.write(b"a")
                self.wfile.flush()
                threading.Event().wait(0.05)
            return
        self.send_header("Content-Length", "600")
        self.end_headers()
        try:
            for _ in range(600):
                self.wfile.write(b"a")
                self.wfile.flush()
                threading.Event().wait(0.05)  # 30 s in all
        except OSError:
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def trickle_server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), TrickleHandler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("path", ["/slow-body", "/slow-headers"])
def test_a_trickling_server_is_cut_off_at_the_deadline(
    settings: object, allow_private: None, trickle_server: str, path: str
) -> None:
    settings.FETCH_DEADLINE_SECONDS = 0.5  # the per-read timeout (10 s) never trips
    message = refused(trickle_server + path)
    assert "took longer than 0.5 seconds" in message
