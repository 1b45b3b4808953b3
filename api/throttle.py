"""Rate limits on the expensive calls: a fixed-window counter per user in Django's cache.

Fetching a URL, running discovery and comparing long texts cost seconds of work (or
another site's patience); each has its own budget per user and window, set in
`API_RATE_LIMITS`. Over budget answers 429 with Retry-After: the end of the window.

The counters live in the shared cache (settings.CACHES: the database's cache table or
Redis), so a budget is one budget across every gunicorn process and survives a restart.
Each counted call also reports where the caller stands, as the RateLimit-Limit,
RateLimit-Remaining and RateLimit-Reset headers (IETF httpapi rate-limit fields draft),
added by api.middleware.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from api.problems import TooManyRequests
from provenance import ratelimit

DEFAULT_LIMITS: dict[str, tuple[int, int]] = {
    "fetch": (20, 3600),
    "discovery": (30, 3600),
    "long_comparison": (10, 3600),
    "password": (20, 3600),
}
WHAT = {
    "fetch": "URL fetch",
    "discovery": "discovery",
    "long_comparison": "long comparison",
    "password": "sign-in",
}


@dataclass(frozen=True)
class Standing:
    """Where a caller stands in one budget after a counted call."""

    limit: int
    remaining: int
    reset: int  # seconds until the window ends

    def headers(self) -> dict[str, str]:
        return {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(self.remaining),
            "RateLimit-Reset": str(self.reset),
        }


def limit_for(bucket: str) -> tuple[int, int]:
    limits: dict[str, tuple[int, int]] = getattr(settings, "API_RATE_LIMITS", {})
    return limits.get(bucket, DEFAULT_LIMITS[bucket])


def spend(request: HttpRequest | None, who: Any, bucket: str) -> Standing:
    """Count one call against `who`'s budget for `bucket`; raise TooManyRequests if over.

    `who` is a user, or for sign-ins the user name tried (so guessing one account's
    password is slowed however many addresses the guesses come from). The standing is
    kept on `request` for the response's RateLimit headers.
    """
    allowed, window = limit_for(bucket)
    name = who if isinstance(who, str) else who.pk
    used, reset = ratelimit.count(f"api-{bucket}", name, window)
    standing = Standing(allowed, max(0, allowed - used), reset)
    if request is not None:
        request.rate_limit = standing  # type: ignore[attr-defined]
    if used > allowed:
        raise TooManyRequests(reset, WHAT[bucket], standing.headers())
    return standing
