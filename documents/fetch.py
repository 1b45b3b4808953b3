"""Fetch a web page for ingest, safely.

The server fetches on an admin's behalf, so a URL must not become a way to
reach the machine itself or the private network behind it (SSRF). Every hop
is checked: the scheme, the resolved addresses, and, after connecting, the
address actually connected to (so DNS rebinding between check and connect
does not help). Private addresses are allowed only when
settings.FETCH_ALLOW_PRIVATE is on (tests with a local server), or for one exact
origin (scheme, host and port) listed in settings.FETCH_ALLOW_ORIGINS (the demo's own
feed, the feed tests' servers), which the settings refuse when DEBUG is off.

Feeds also use `fetch` with their own accepted types and a conditional GET (ETag,
Last-Modified: a 304 comes back as `Fetched.not_modified`), and `robots_allow` asks
the site's robots.txt first (read with protego).
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import ipaddress
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from pathlib import PurePosixPath
from typing import Any

from django.conf import settings
from protego import Protego

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
    not_modified: bool = False  # a conditional GET answered 304: nothing new
    etag: str = ""
    last_modified: str = ""


class FetchError(RejectedInput):
    """A fetch refused or failed; `status` is the site's HTTP status when it answered."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


def fetch(
    url: str,
    *,
    accept: frozenset[str] = ACCEPTED_TYPES,
    etag: str = "",
    last_modified: str = "",
) -> Fetched:
    """Fetch `url` (following at most five redirects) or raise RejectedInput.

    The whole fetch, redirects and a slowly trickled body included, ends within
    FETCH_DEADLINE_SECONDS: the per-read timeout alone lets a server that sends a byte now
    and then hold a worker for as long as it likes.
    """
    with _Watchdog(settings.FETCH_DEADLINE_SECONDS) as watchdog:
        try:
            fetched = _fetch(url, accept, _conditional(etag, last_modified))
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


def guarded_opener() -> urllib.request.OpenerDirector:
    """An opener that follows no redirect and connects only to addresses `check_address` allows.

    The address is checked on the socket actually connected, so a host name that resolves
    to a public address for `check_url` and a private one a moment later is still refused.
    Webhook deliveries post through it too.
    """
    return _opener()


def _conditional(etag: str, last_modified: str) -> dict[str, str]:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _fetch(url: str, accept: frozenset[str], extra: dict[str, str]) -> Fetched:
    opener = _opener()
    current = url.strip()
    for _hop in range(MAX_REDIRECTS + 1):
        check_url(current)
        headers = {"User-Agent": USER_AGENT, "Accept": ", ".join(sorted(accept)), **extra}
        request = urllib.request.Request(  # noqa: S310 - the scheme is checked above
            current, headers=headers
        )
        try:
            response = opener.open(request, timeout=settings.FETCH_TIMEOUT_SECONDS)
        except urllib.error.HTTPError as exc:
            if exc.code in {301, 302, 303, 307, 308} and exc.headers.get("Location"):
                current = urllib.parse.urljoin(current, exc.headers["Location"])
                exc.close()
                continue
            if exc.code == 304 and extra:
                exc.close()
                return Fetched(current, b"", "", "", not_modified=True)
            raise FetchError(
                f"The site answered {exc.code} ({exc.reason}) for {current}.", exc.code
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
            return _read(response, current, accept)
    raise RejectedInput(f"{url} redirected more than {MAX_REDIRECTS} times.")


@functools.cache
def _opener() -> urllib.request.OpenerDirector:
    # Built once: its HTTPS handler loads the system's CA certificates, which took tens of
    # milliseconds a fetch (a feed poll makes two). The handlers keep no per-request state.
    return urllib.request.build_opener(_NoRedirects, _GuardedHTTPHandler, _GuardedHTTPSHandler)


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
    if origin_allowed(parts.scheme, parts.hostname, parts.port):
        return parts
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
    if origin_allowed(parts.scheme, parts.hostname or "", parts.port):
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise RejectedInput(f"The host {parts.hostname} could not be found.") from exc
    for info in infos:
        try:
            check_address(str(info[4][0]), parts.hostname or "")
        except _Refused as exc:
            raise RejectedInput(str(exc)) from exc


def origin_allowed(scheme: str, host: str, port: int | None) -> bool:
    """True if scheme://host:port is, exactly, one of settings.FETCH_ALLOW_ORIGINS."""
    allowed = getattr(settings, "FETCH_ALLOW_ORIGINS", [])
    return bool(allowed) and _origin(scheme, host, port) in {_parse_origin(o) for o in allowed}


def _origin(scheme: str, host: str, port: int | None) -> tuple[str, str, int]:
    scheme = scheme.lower()
    return scheme, host.lower().strip("[]"), port or (443 if scheme == "https" else 80)


def _parse_origin(origin: str) -> tuple[str, str, int]:
    parts = urllib.parse.urlsplit(origin.strip())
    return _origin(parts.scheme, parts.hostname or "", parts.port)


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


def _read(response: http.client.HTTPResponse, url: str, accept: frozenset[str]) -> Fetched:
    message: Message = response.headers
    content_type = message.get_content_type()
    if content_type not in accept:
        if accept is not ACCEPTED_TYPES:
            raise RejectedInput(f"{url} is {content_type}, which we do not read here.")
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
    return Fetched(
        url=url,
        data=b"".join(chunks),
        content_type=declared_type,
        filename=filename,
        etag=message.get("ETag", ""),
        last_modified=message.get("Last-Modified", ""),
    )


ROBOTS_TYPES = frozenset({"text/plain"})
ROBOTS_CACHE_SECONDS = 3600.0
_robots: dict[str, tuple[float, Protego | None]] = {}
_robots_lock = threading.Lock()


def robots_allow(
    url: str, wait_turn: Callable[[], contextlib.AbstractContextManager[object]] | None = None
) -> bool:
    """Whether the site's robots.txt lets our user agent fetch `url`.

    Read once an hour per site, inside `wait_turn()` when given (the caller's politeness
    towards the host: only a real request waits for it). A missing robots.txt (4xx) allows
    everything; one the site fails to serve (5xx, a timeout) allows nothing until it is
    read again, as crawlers do, because "could not read the rules" is not "there are none".
    """
    parts = urllib.parse.urlsplit(url)
    site = f"{parts.scheme}://{parts.netloc}"
    now = time.monotonic()
    with _robots_lock:
        cached = _robots.get(site)
    if cached is None or now - cached[0] > ROBOTS_CACHE_SECONDS:
        with wait_turn() if wait_turn is not None else contextlib.nullcontext():
            cached = (now, _read_robots(site))
        with _robots_lock:
            _robots[site] = cached
    rules = cached[1]
    return rules is None or bool(rules.can_fetch(url, USER_AGENT))


def _read_robots(site: str) -> Protego | None:
    """The site's rules; None when it has none; a deny-all when they could not be read."""
    try:
        fetched = fetch(f"{site}/robots.txt", accept=ROBOTS_TYPES)
    except FetchError as exc:
        if exc.status is not None and 400 <= exc.status < 500:
            return None
        return Protego.parse("User-agent: *\nDisallow: /\n")
    except RejectedInput:
        return Protego.parse("User-agent: *\nDisallow: /\n")
    return Protego.parse(fetched.data.decode("utf-8", errors="replace"))


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
    address: tuple[str, int], *args: Any, scheme: str, **kwargs: Any
) -> socket.socket:
    sock = socket.create_connection(address, *args, **kwargs)
    watchdog: _Watchdog | None = getattr(_open_sockets, "watchdog", None)
    if watchdog is not None:
        watchdog.watch(sock)
    if origin_allowed(scheme, address[0], address[1]):
        return sock
    try:
        check_address(sock.getpeername()[0], address[0])
    except _Refused:
        sock.close()
        raise
    return sock


class _GuardedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = functools.partial(_guarded_create_connection, scheme="http")


class _GuardedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = functools.partial(_guarded_create_connection, scheme="https")


class _GuardedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_GuardedHTTPConnection, req)


class _GuardedHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        # HTTPSHandler keeps its SSL context in `_context`, which typeshed does not declare.
        context = self._context  # type: ignore[attr-defined]
        return self.do_open(_GuardedHTTPSConnection, req, context=context)
