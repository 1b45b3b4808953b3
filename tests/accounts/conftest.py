from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Iterator[None]:
    # Rate-limit counters live in the process's cache; no test may see another's spending.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
