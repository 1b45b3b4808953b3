"""The address a request really came from, for lockouts and rate limits.

Behind `CLIENT_PROXY_COUNT` proxies (env AXES_PROXY_COUNT), each proxy appends the
address it saw to X-Forwarded-For, so the client is the entry that many places from the
right; anything further left was written by the client and may be forged. Without the
setting the header is ignored (anyone can send it) and the socket's address is the client.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's address as the configured proxies saw it (settings.AXES_CLIENT_IP_CALLABLE)."""
    remote = str(request.META.get("REMOTE_ADDR", "") or "")
    count = getattr(settings, "CLIENT_PROXY_COUNT", None) or 0
    if count <= 0:
        return remote
    hops = [h.strip() for h in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")]
    hops = [h for h in hops if h]
    if len(hops) < count:
        # The proxy did not add its entry: this request did not come through it.
        return remote
    candidate = hops[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
