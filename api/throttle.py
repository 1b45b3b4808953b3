"""Rate limits on the expensive calls: a fixed-window counter per user in Django's cache.

Fetching a URL, running discovery and comparing long texts cost seconds of work (or
another site's patience); each has its own budget per user and window, set in
`API_RATE_LIMITS`. Over budget answers 429 with Retry-After: the end of the window.
"""

from __future__ import annotations

import hashlib
import time
from typing import Any

from django.conf import settings
from django.core.cache import cache

from api.problems import TooManyRequests

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


def limit_for(bucket: str) -> tuple[int, int]:
    limits: dict[str, tuple[int, int]] = getattr(settings, "API_RATE_LIMITS", {})
    return limits.get(bucket, DEFAULT_LIMITS[bucket])


def spend(user: Any, bucket: str) -> None:
    """Count one call against the user's budget for `bucket`; raise TooManyRequests if over.

    `user` is a user, or for sign-ins the user name tried (so guessing one account's
    password is slowed however many addresses the guesses come from).
    """
    allowed, window = limit_for(bucket)
    now = int(time.time())
    start = now - now % window
    who = user if isinstance(user, str) else user.pk
    digest = hashlib.sha256(str(who).encode()).hexdigest()[:32]  # any name makes a valid key
    key = f"api-rate:{bucket}:{digest}:{start}"
    # add() is a no-op if the key exists, so the first call of a window sets the expiry.
    cache.add(key, 0, timeout=window)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        used = 1
    if used > allowed:
        raise TooManyRequests(max(1, start + window - now), WHAT[bucket])
