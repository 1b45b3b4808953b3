"""A fixed-window counter in Django's cache, for pages that must not be flooded.

Shared by every app (password-reset mail, article checks): `take` counts one use of a
budget and says how long to wait when it is spent. The counter lives in Django's cache,
so a shared cache (CACHES) makes it count across processes.
"""

from __future__ import annotations

import hashlib
import time

from django.core.cache import cache


def count(bucket: str, who: object, window: int) -> tuple[int, int]:
    """Count one use of `who`'s budget in `bucket`: (uses so far, seconds left in the window)."""
    now = int(time.time())
    start = now - now % window
    digest = hashlib.sha256(str(who).encode()).hexdigest()[:32]  # any value makes a valid key
    key = f"rate:{bucket}:{digest}:{start}"
    # add() is a no-op when the key exists, so the window's first use sets its expiry.
    cache.add(key, 0, timeout=window)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        used = 1
    return used, max(1, start + window - now)


def take(bucket: str, who: object, allowed: int, window: int) -> int:
    """Count one use of `who`'s budget in `bucket`; 0 if allowed, else seconds to wait."""
    used, reset = count(bucket, who, window)
    return 0 if used <= allowed else reset
