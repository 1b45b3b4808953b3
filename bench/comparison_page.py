"""Time the comparison page on the server, and count its queries, as the documents grow.

Run from the repository root:

    .venv/bin/python -m bench.comparison_page

Sets up a throwaway SQLite database, loads the demo seeds and generated pairs of
about 1k, 5k and 20k words a side (the derivative derived from the source by the
editorial operations of bench.generate), computes each comparison once (engine time
is not part of the page), then requests each page view through Django's test client
(the whole request: middleware, view, rendering) and reports the median and 90th
percentile server time, the page size and the number of SQL queries. Targets: the
001 → 000 page under 150 ms, the 20k-word pair under 1 s, and the same query count at
every size. Writes bench/out/comparison_page.md and exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out" / "comparison_page.md"


def setup_django(tmp: str) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "provenance.settings",
            "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
            "VAR_DIR": tmp,
            # Production-like rendering (no debug), but plain static storage and tasks in-process.
            "DEBUG": "false",
            "TESTING": "true",
            "SECRET_KEY": "bench-only-secret-key-not-used-anywhere-else-0123456789",
            "ALLOWED_HOSTS": "testserver",
            "SECURE_SSL_REDIRECT": "false",
            "SESSION_COOKIE_SECURE": "false",
            "CSRF_COOKIE_SECURE": "false",
        }
    )
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def generated_pair(n_words: int, seed: int) -> tuple[str, str]:
    from bench.filler import synthetic_text
    from bench.generate import OPERATIONS, derive

    rng = random.Random(seed)
    source = synthetic_text(rng, n_words)
    derived = derive(source, OPERATIONS, rng, rate=0.3)
    return source, derived.derivative


def time_page(client, url: str, runs: int) -> tuple[list[float], int, int]:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm the template cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return times, len(response.content), len(queries)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--sizes", default="1000,5000,20000")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        setup_django(tmp)
        from django.contrib.auth.models import Group, User
        from django.test import Client

        from comparisons.compare import get_or_compute, run_comparison
        from documents.demo import load_demo
        from documents.models import Document
        from tests.conftest import make_document

        user = User.objects.create_user("bench")
        user.groups.add(Group.objects.get(name="educators"))
        client = Client()
        client.force_login(user)

        load_demo()
        docs = {
            d.current_version.original_name[:3]: d
            for d in Document.objects.select_related("current_version")
            if d.current_version
        }
        cases = [
            (
                "001 → 000 (demo)",
                get_or_compute(docs["001"].current_version, docs["000"].current_version),
            )
        ]
        for n in [int(s) for s in args.sizes.split(",")]:
            source, derivative = generated_pair(n, seed=n)
            a = make_document(f"Generated source {n}", source, kind="press_release")
            b = make_document(f"Generated derivative {n}", derivative)
            t0 = time.perf_counter()
            c = get_or_compute(a.current_version, b.current_version)
            if not c.is_done:
                c = run_comparison(c)
            engine = time.perf_counter() - t0
            words = (len(source.split()), len(derivative.split()))
            cases.append((f"{words[0]:,} → {words[1]:,} words (engine {engine:.1f} s)", c))

        rows = []
        failures = []
        query_counts: dict[str, set[int]] = {}
        for label, comparison in cases:
            for view in ("side", "inline", "steps"):
                url = f"{comparison.get_absolute_url()}?view={view}"
                times, size, queries = time_page(client, url, args.runs)
                median = statistics.median(times)
                p90 = sorted(times)[int(0.9 * (len(times) - 1))]
                rows.append((label, view, median, p90, size, queries))
                query_counts.setdefault(view, set()).add(queries)
                if view == "side" and label.startswith("001") and median > 0.150:
                    failures.append(f"{label} {view}: median {median * 1000:.0f} ms > 150 ms")
                if "20," in label.split("→")[0] and median > 1.0:
                    failures.append(f"{label} {view}: median {median * 1000:.0f} ms > 1 s")
        for view, counts in query_counts.items():
            if len(counts) != 1:
                failures.append(f"{view}: query count varies with size: {sorted(counts)}")

    lines = [
        "# Comparison page: server time",
        "",
        f"{args.runs} requests per row through the Django test client (DEBUG off, SQLite).",
        "",
        "| pair | view | median ms | p90 ms | page KB | queries |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for label, view, median, p90, size, queries in rows:
        ms = f"{median * 1000:.0f} | {p90 * 1000:.0f}"
        lines.append(f"| {label} | {view} | {ms} | {size / 1024:.0f} | {queries} |")
    lines += ["", "Targets missed: " + ("; ".join(failures) if failures else "none")]
    report = "\n".join(lines) + "\n"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(report)
    print(report)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
