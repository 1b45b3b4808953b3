"""Fetch a web page for ingest, safely.

The server fetches on an admin's behalf, so a URL must not become a way to
reach the machine itself or the private network behind it (SSRF). Every hop
is checked: the scheme, the resolved addresses, and, after connecting, the
address actually connected to (so DNS rebinding between check and connect
does not help). Private addresses are allowed only when
settings.FETCH_ALLOW_PRIVATE is on (tests with a local server).
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import PurePosixPath
from typing import Any

from django.conf import settings

from documents.errors import RejectedInput

MAX_REDIRECTS = 5
ACCEPTED_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "text/markdown",
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }
)
USER_AGENT = "Provenance/0.1 (+press release reuse research)"


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str
    filename: str


def fetch(url: str) -> Fetched:
    """Fetch `url` (following at most five redirects) or raise RejectedInput.

    The whole fetch, redirects and a slowly trickled body included, ends within
    FETCH_DEADLINE_SECONDS: the per-read timeout alone lets a server that sends a byte now
    and then hold a worker for as long as it likes.
    """
    with _Watchdog(settings.FETCH_DEADLINE_SECONDS) as watchdog:
        try:
            fetched = _fetch(url)
        except RejectedInput:
            if watchdog.fired:
                raise _too_slow(url) from None
            raise
        except (OSError, http.client.HTTPException) as exc:
            if watchdog.fired:
                raise _too_slow(url) from exc
            raise RejectedInput(f"Could not fetch {url}: {exc}.") from exc
        if watchdog.fired:  # a cut connection can read as an early end of the body
            raise _too_slow(url)
        return fetched


def _too_slow(url: str) -> RejectedInput:
    limit = settings.FETCH_DEADLINE_SECONDS
    return RejectedInput(f"{url} took longer than {limit:g} seconds to fetch; it was stopped.")


def _fetch(url: str) -> Fetched:
    opener = urllib.request.build_opener(_NoRedirects, _GuardedHTTPHandler, _GuardedHTTPSHandler)
    current = url.strip()
    for _hop in range(MAX_REDIRECTS + 1):
        check_url(current)
        request = urllib.request.Request(  # noqa: S310 - the scheme is checked above
            current, headers={"User-Agent": USER_AGENT, "Accept": ", ".join(ACCEPTED_TYPES)}
        )
        try:
            response = opener.open(request, timeout=settings.FETCH_TIMEOUT_SECONDS)
        except urllib.error.HTTPError as exc:
            if exc.code in {301, 302, 303, 307, 308} and exc.headers.get("Location"):
                current = urllib.parse.urljoin(current, exc.headers["Location"])
                exc.close()
                continue
            raise RejectedInput(
                f"The site answered {exc.code} ({exc.reason}) for {current}."
            ) from exc
        except _Refused as exc:
            raise RejectedInput(str(exc)) from exc
        except TimeoutError as exc:
            raise RejectedInput(f"{current} did not answer within the time limit.") from exc
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, _Refused):
                raise RejectedInput(str(reason)) from exc
            raise RejectedInput(f"Could not fetch {current}: {reason}.") from exc
        with response:
            return _read(response, current)
    raise RejectedInput(f"{url} redirected more than {MAX_REDIRECTS} times.")


def check_url_form(url: str) -> urllib.parse.SplitResult:
    """Refuse what the address alone shows cannot be fetched; no network (not even DNS).

    For the request that queues a fetch: it answers at once, the worker looks the
    host up (`check_url`) when it fetches.
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        raise RejectedInput(f"Only http and https addresses can be fetched, not “{url[:80]}”.")
    if not parts.hostname:
        raise RejectedInput(f"“{url[:80]}” has no host name.")
    if parts.username or parts.password:
        raise RejectedInput("Addresses with a user name or password are not fetched.")
    try:
        literal = ipaddress.ip_address(parts.hostname)
    except ValueError:
        return parts  # a name: only the worker's lookup can tell where it points
    try:
        check_address(str(literal), parts.hostname)
    except _Refused as exc:
        raise RejectedInput(str(exc)) from exc
    return parts


def check_url(url: str) -> None:
    """Refuse non-web schemes and hosts that resolve to non-public addresses."""
    parts = check_url_form(url)
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise RejectedInput(f"The host {parts.hostname} could not be found.") from exc
    for info in infos:
        try:
            check_address(str(info[4][0]), parts.hostname or "")
        except _Refused as exc:
            raise RejectedInput(str(exc)) from exc


def check_address(address: str, host: str = "") -> None:
    if settings.FETCH_ALLOW_PRIVATE:
        return
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if not ip.is_global or ip.is_multicast or ip.is_reserved:
        raise _Refused(
            f"{host or address} is a private, local or reserved address ({ip}); "
            "fetching from it is not allowed."
        )


def _read(response: http.client.HTTPResponse, url: str) -> Fetched:
    message: Message = response.headers
    content_type = message.get_content_type()
    if content_type not in ACCEPTED_TYPES:
        raise RejectedInput(
            f"{url} is {content_type}, which we do not read. "
            "We fetch HTML, plain text, Markdown, Word (.docx) and PDF."
        )
    limit = settings.UPLOAD_MAX_BYTES
    declared = message.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise RejectedInput(f"{url} is larger than the {limit // (1024 * 1024)} MB limit.")
    chunks: list[bytes] = []
    size = 0
    # read1 returns what has arrived instead of waiting for a whole 64 KB.
    while chunk := response.read1(64 * 1024):
        size += len(chunk)
        if size > limit:
            raise RejectedInput(f"{url} is larger than the {limit // (1024 * 1024)} MB limit.")
        chunks.append(chunk)
    filename = PurePosixPath(urllib.parse.urlsplit(url).path).name
    charset = message.get_content_charset()
    declared_type = f"{content_type}; charset={charset}" if charset else content_type
    return Fetched(url=url, data=b"".join(chunks), content_type=declared_type, filename=filename)


class _Refused(OSError):
    """A connection to an address we must not reach."""


# The sockets the current thread's fetch has opened, so its watchdog can cut them.
_open_sockets = threading.local()


class _Watchdog:
    """Shut the current fetch's sockets down when its time is up.

    Shutting a socket down from another thread wakes a read blocked on it, which then fails;
    `fired` tells that failure from any other.
    """

    def __init__(self, seconds: float) -> None:
        self.fired = False
        self._sockets: list[socket.socket] = []
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._lock = threading.Lock()

    def __enter__(self) -> _Watchdog:
        _open_sockets.watchdog = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        _open_sockets.watchdog = None

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.fired:
                _shut(sock)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed
        sock.shutdown(socket.SHUT_RDWR)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # Redirects come back as HTTPError so fetch() checks each hop itself.
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _guarded_create_connection(
    address: tuple[str, int], *args: Any, **kwargs: Any
) -> socket.socket:
    sock = socket.create_connection(address, *args, **kwargs)
    watchdog: _Watchdog | None = getattr(_open_sockets, "watchdog", None)
    if watchdog is not None:
        watchdog.watch(sock)
    try:
        check_address(sock.getpeername()[0], address[0])
    except _Refused:
        sock.close()
        raise
    return sock


class _GuardedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = _guarded_create_connection


class _GuardedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = _guarded_create_connection


class _GuardedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_GuardedHTTPConnection, req)


class _GuardedHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        # HTTPSHandler keeps its SSL context in `_context`, which typeshed does not declare.
        context = self._context  # type: ignore[attr-defined]
        return self.do_open(_GuardedHTTPSConnection, req, context=context)
