"""The address this app is served on, for absolute ids and links.

`SITE_URL` wins when it is set (behind a proxy that rewrites the host, or for
exports run from the command line). Otherwise the address the current request
came in on is used: `RequestSiteMiddleware` keeps it for the request's duration,
so code far from the view (the annotation exporter) need not be handed the
request. Outside any request and without `SITE_URL` there is no true answer;
`FALLBACK` is used and says so by its name.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port, validate_host

FALLBACK = "http://localhost"

_request_base: ContextVar[str] = ContextVar("provenance_request_base", default="")


def site_url(request: HttpRequest | None = None) -> str:
    """`SITE_URL`, else the request's own scheme and host, with no trailing slash."""
    if settings.SITE_URL:
        return str(settings.SITE_URL).rstrip("/")
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return _request_base.get() or FALLBACK


def absolute(path: str, request: HttpRequest | None = None) -> str:
    return site_url(request) + path


def is_own(url: str) -> bool:
    """Tell whether a URL points at this site: `site_url()` or a host in ALLOWED_HOSTS.

    An export made over one address (a request's) may be imported back over another
    (the command line): any of the site's own host names counts as this site.
    """
    if url.startswith(site_url() + "/"):
        return True
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return False
    domain, _port = split_domain_port(parts.netloc)
    return bool(domain) and validate_host(domain, settings.ALLOWED_HOSTS)


class RequestSiteMiddleware:
    """Remember the current request's address for `site_url()` called without a request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _request_base.set(request.build_absolute_uri("/").rstrip("/"))
        try:
            return self.get_response(request)
        finally:
            _request_base.reset(token)
