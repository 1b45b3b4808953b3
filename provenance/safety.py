"""The one check a user-supplied address passes before it becomes a link or a redirect."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request: HttpRequest, url: str | None) -> str | None:
    """Return `url` if it stays on this site over an allowed scheme, else None.

    Refuses `javascript:` and other schemes, other hosts, and `//host` and `/\\host`
    forms that browsers read as another host.
    """
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return None


def web_url(url: str | None) -> str | None:
    """Return `url` if it is an absolute http(s) address, the only kind we link out to."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None
