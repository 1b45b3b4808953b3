"""Time one counted API call's rate-limit step (`api.throttle.spend`) by cache.

    .venv/bin/python -m bench.rate_limit              # 300 calls per cache
    .venv/bin/python -m bench.rate_limit --calls 1000

The counters moved from each process's memory to the database's cache table (shared by
every gunicorn process, kept across restarts). This measures what that costs each
counted call (URL fetch, discovery, long comparison, password sign-in): the same
`spend` against a local-memory cache and against the database cache on a scratch
SQLite file under var/bench/ (WAL, as the site runs it). Medians and 90th percentiles.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"


def _timings(calls: int) -> list[float]:
    from django.contrib.auth.models import User

    from api import throttle

    who = User(pk=1, username="bench")
    taken = []
    for _ in range(calls):
        started = time.perf_counter()
        throttle.spend(None, who, "fetch")
        taken.append((time.perf_counter() - started) * 1000)
    return taken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=300)
    args = parser.parse_args()
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    database = BENCH_DIR / "rate_limit.sqlite3"
    database.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "provenance.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache.backends.db import DatabaseCache
    from django.core.cache.backends.locmem import LocMemCache
    from django.core.management import call_command

    from api import throttle

    call_command("createcachetable", verbosity=0)
    # A budget no run reaches, so every call is counted and none refused.
    settings.API_RATE_LIMITS = {"fetch": (10**9, 3600)}
    print(f"{args.calls} counted calls each; ms per call")
    print("| cache | median | p90 |\n| --- | --- | --- |")
    for name, backend in [
        ("per-process memory (before)", LocMemCache("bench", {})),
        ("database cache table, SQLite (now)", DatabaseCache("provenance_cache", {})),
    ]:
        throttle.cache = backend  # type: ignore[assignment]
        taken = sorted(_timings(args.calls))
        p90 = taken[int(len(taken) * 0.9)]
        print(f"| {name} | {statistics.median(taken):.3f} | {p90:.3f} |")
    for leftover in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
        leftover.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
