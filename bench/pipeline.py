# ruff: noqa: E501  (the report tables are clearer as one line per row)
"""The whole pipeline on real texts, with 1, 2 and 4 worker processes on one PostgreSQL.

    .venv/bin/python -m bench.pipeline --releases 30 --stories 120 --workers 1,2,4

Reads the real releases and stories of ../shared/real-dev in place (REAL_DEV_DIR;
never copied, numbers only are printed). For each worker count it makes a fresh
database `provenance_scale_pipeline_<n>` (from a migrated template), then:

1. ingests the first R releases and up to S of their stories through `ingest`, as an
   upload would (the versions' index tasks go to django-tasks-db's queue), timed;
2. starts n `run_worker` processes (the production worker, wrapped only to time the
   steps it runs) and waits until every version's discovery is done: index (batched
   claims), near-duplicate check, candidate ranking, engine comparisons of the
   accepted candidates, roles;
3. reports documents/s (whole pipeline and per worker), each step's share of the
   workers' time, and checks that every task row was run by exactly one worker.

The machine has 2 cores shared with other work: quote ratios, and the load average
printed beside the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PROFILE_DIR = ROOT / "var" / "bench" / "pipeline"
PG = os.environ.get("BENCH_PG_URL", "postgres://provenance:provenance@127.0.0.1:5432/provenance")
TEMPLATE = "provenance_scale_pipeline_tpl"
STEPS = ("index", "near-duplicate check", "rank candidates", "compare (engine)", "roles")


def db_url(name: str) -> str:
    return PG.rsplit("/", 1)[0] + f"/{name}"


def setup_django(url: str, backend: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["TASKS_BACKEND"] = backend
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "provenance.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# -- worker mode: the production worker with timers around the steps ------------------


def timed(
    totals: dict[str, float], name: str, func: Callable[..., Any], out: Path
) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            totals[name] += time.perf_counter() - started
            # Written as it goes: the worker is stopped by a signal, not asked to report.
            out.write_text(json.dumps(totals))

    return wrapper


def worker(name: str, out: Path) -> None:
    setup_django(os.environ["DATABASE_URL"], "django_tasks_db.DatabaseBackend")
    from django.core.management import call_command

    import discovery.search as search
    import discovery.work as work

    totals: dict[str, float] = defaultdict(float)
    work.index_batch = timed(totals, "index", work.index_batch, out)
    work.record_near_duplicate = timed(
        totals, "near-duplicate check", work.record_near_duplicate, out
    )
    work.discover = timed(totals, "discovery step", work.discover, out)
    search.candidates = timed(totals, "rank candidates", search.candidates, out)
    search.compare = timed(totals, "compare (engine)", search.compare, out)
    search.redecide = timed(totals, "roles", search.redecide, out)
    call_command("run_worker", worker_id=name, interval=0.1, startup_delay=False)


# -- orchestration ----------------------------------------------------------------------


def corpus(releases: int, stories: int) -> list[tuple[str, dict[str, str]]]:
    from bench.realdev import load

    articles = load("articles.jsonl")
    covered = {str(a["pr_id"]) for a in articles}
    chosen = [r for r in load("press_releases.jsonl") if str(r["pr_id"]) in covered][:releases]
    ids = {str(r["pr_id"]) for r in chosen}
    # Spread over the releases: a few stories of each, not all the stories of the first.
    per_release = max(1, stories // max(len(chosen), 1))
    taken: dict[str, int] = defaultdict(int)
    picked = []
    for a in articles:
        pr = str(a["pr_id"])
        if pr in ids and taken[pr] < per_release and len(picked) < stories:
            taken[pr] += 1
            picked.append(a)
    articles = picked
    docs = [
        (str(r["text"]), {"kind": "press_release", "title": f"Release {r['pr_id']}"})
        for r in chosen
    ]
    docs += [
        (str(a["text"]), {"kind": "article", "title": f"Story {n}"}) for n, a in enumerate(articles)
    ]
    return docs


def make_template() -> None:
    import psycopg

    with psycopg.connect(PG, autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{TEMPLATE}"')
        c.execute(f'CREATE DATABASE "{TEMPLATE}"')
    env = {**os.environ, "DATABASE_URL": db_url(TEMPLATE)}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True
    )


def fresh_database(name: str) -> None:
    import psycopg

    with psycopg.connect(PG, autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}"')
        c.execute(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE}"')


def run(workers: int, releases: int, stories: int) -> dict[str, Any]:
    name = f"provenance_scale_pipeline_{workers}"
    fresh_database(name)
    env = {**os.environ, "DATABASE_URL": db_url(name), "WORKER_BEAT_SECONDS": "5"}
    PROFILE_DIR.mkdir(parents=True, exist_ok=True)
    profiles = [PROFILE_DIR / f"{name}-{n}.json" for n in range(workers)]
    timing = PROFILE_DIR / f"{name}-ingest.txt"
    for p in [*profiles, timing]:
        p.unlink(missing_ok=True)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "bench.pipeline", "--worker", f"w{n}", str(p)],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        for n, p in enumerate(profiles)
    ]
    import psycopg

    # The workers are up (each has beaten) before the first upload: start-up is not timed.
    with psycopg.connect(db_url(name), autocommit=True) as c:
        while c.execute("SELECT count(*) FROM provenance_workerheartbeat").fetchone() != (workers,):
            time.sleep(0.2)
    # Uploads arrive while the workers run, as they would; the ingest child times itself
    # and says when its first upload began (its own start-up is not timed).
    subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.pipeline",
            "--ingest",
            str(releases),
            str(stories),
            str(timing),
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )
    first_upload, ingest_s = map(float, timing.read_text().split())
    import psycopg

    with psycopg.connect(db_url(name), autocommit=True) as c:
        while True:
            (left,) = c.execute(
                "SELECT count(*) FROM discovery_indexstate WHERE discovery_status NOT IN ('done', 'failed')"
            ).fetchone()  # type: ignore[misc]
            if left == 0:
                break
            time.sleep(0.2)
        drain_s = time.time() - first_upload
        (docs,) = c.execute("SELECT count(*) FROM discovery_indexstate").fetchone()  # type: ignore[misc]
        (failed,) = c.execute(
            "SELECT count(*) FROM discovery_indexstate WHERE discovery_status = 'failed' OR index_status = 'failed'"
        ).fetchone()  # type: ignore[misc]
        (comparisons,) = c.execute("SELECT count(*) FROM comparisons_comparison").fetchone()  # type: ignore[misc]
        (twice,) = c.execute(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE jsonb_array_length(worker_ids) > 1"
        ).fetchone()  # type: ignore[misc]
    for proc in procs:
        os.killpg(proc.pid, signal.SIGTERM)
    for proc in procs:
        proc.wait(timeout=60)
    totals: dict[str, float] = defaultdict(float)
    for p in profiles:
        for key, value in (json.loads(p.read_text()) if p.exists() else {}).items():
            totals[key] += value
    totals["alive"] = drain_s * workers
    return {
        "workers": workers,
        "docs": docs,
        "failed": failed,
        "comparisons": comparisons,
        "claimed_twice": twice,
        "ingest_s": ingest_s,
        "drain_s": drain_s,
        "totals": dict(totals),
        "load": os.getloadavg(),
    }


def ingest_all(releases: int, stories: int, timing: Path) -> None:
    setup_django(os.environ["DATABASE_URL"], "django_tasks_db.DatabaseBackend")
    from documents.ingest import NearDuplicates, Submission, ingest
    from documents.metadata import Metadata

    docs = corpus(releases, stories)
    first_upload = time.time()
    started = time.perf_counter()
    for n, (text, meta) in enumerate(docs):
        outcome = ingest(
            Submission(text=text, filename=f"doc-{n}.txt"),
            Metadata(**meta),
            near_duplicates=NearDuplicates.SEPARATE,
        )
        assert outcome.document is not None, outcome.reason
    timing.write_text(f"{first_upload} {time.perf_counter() - started}")


def report(results: list[dict[str, Any]], releases: int, stories: int) -> str:
    lines = [
        f"## Pipeline benchmark: {releases} real releases and their stories, PostgreSQL",
        "",
        "| workers | documents | ingest (1 process, beside the workers) | wall time, first upload to last discovery | pipeline docs/s | per worker | comparisons stored | tasks run by two workers | failed | load average |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in results:
        rate = r["docs"] / r["drain_s"]
        lines.append(
            f"| {r['workers']} | {r['docs']} | {r['ingest_s']:.1f} s | {r['drain_s']:.1f} s | {rate:.2f} | {rate / r['workers']:.2f} | "
            f"{r['comparisons']} | {r['claimed_twice']} | {r['failed']} | "
            f"{' / '.join(f'{x:.1f}' for x in r['load'])} |"
        )
    lines += ["", "Share of the workers' time in each step (summed over the workers):", ""]
    lines.append(
        "| workers | " + " | ".join(STEPS) + " | rest of the discovery step | queue and idle |"
    )
    lines.append("| --- " * (len(STEPS) + 3) + "|")
    for r in results:
        t = r["totals"]
        alive = t.get("alive", 0.0) or 1.0
        inside = t.get("discovery step", 0.0)
        parts = [t.get(s, 0.0) for s in STEPS]
        rest = inside - sum(t.get(s, 0.0) for s in STEPS[2:])
        idle = alive - t.get("index", 0.0) - t.get("near-duplicate check", 0.0) - inside
        cells = [f"{100 * x / alive:.0f}%" for x in [*parts, rest, idle]]
        lines.append(f"| {r['workers']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(sys.argv[2], Path(sys.argv[3]))
        return
    if len(sys.argv) > 1 and sys.argv[1] == "--ingest":
        ingest_all(int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--releases", type=int, default=30)
    parser.add_argument("--stories", type=int, default=120)
    parser.add_argument("--workers", default="1,2,4")
    args = parser.parse_args()
    make_template()
    results = [run(int(n), args.releases, args.stories) for n in args.workers.split(",")]
    text = report(results, args.releases, args.stories)
    print(text)
    OUT.mkdir(exist_ok=True)
    (OUT / "pipeline.md").write_text(text + "\n")
    _ = statistics  # medians come from repeated runs, see docs/scaling.md


if __name__ == "__main__":
    main()
