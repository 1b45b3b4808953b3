"""Feed polling under load: N feeds on local servers, W real workers, one database.

    DATABASE_URL=postgres://postgres@127.0.0.1:8172/feedsbench \\
        .venv/bin/python -m bench.feeds --feeds 500 --every 1 --workers 2 --minutes 4

Serves the feeds from HOSTS loopback addresses (127.0.0.1 … 127.0.0.H, one port), each
feed an RSS document answering 304 to its own ETag, and starts W `run_worker`
processes (the real loop: the schedule wakes `feeds.poll` every FEED_CHECK_SECONDS).
Prints polls per minute, the lag of each poll behind its due time (the gap between two
polls of one feed, less the interval), how long the first round took, each feed's
poll count (no feed twice within an interval), and the workers' resident memory over
the run (the soak: `--min-polls 1000` keeps it going until that many polls).

`--every 1` with 500 feeds asks for 500 polls a minute, fifteen times the load of the
issue's 500 feeds every 15 minutes, so the bench takes minutes, not hours.
"""

from __future__ import annotations

import argparse
import itertools
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rss(n: int) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel>'
        f"<title>Bench feed {n}</title><link>http://example.org/</link>"
        "<description>d</description></channel></rss>"
    ).encode()


class Log:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.polls: dict[str, list[float]] = defaultdict(list)
        self.not_modified = 0


def serve(hosts: int, port: int, log: Log) -> list[ThreadingHTTPServer]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if not self.path.startswith("/feed/"):
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            n = int(self.path.rsplit("/", 1)[1])
            key = f"{self.headers['Host']}{self.path}"
            with log.lock:
                log.polls[key].append(time.monotonic())
            etag = f'"feed-{n}"'
            if self.headers.get("If-None-Match") == etag:
                with log.lock:
                    log.not_modified += 1
                self.send_response(304)
                self.end_headers()
                return
            body = rss(n)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    servers = []
    for h in range(1, hosts + 1):
        httpd = ThreadingHTTPServer((f"127.0.0.{h}", port), Handler)
        httpd.daemon_threads = True
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
    return servers


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--every", type=int, default=1, help="minutes between polls of a feed")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--port", type=int, default=8173)
    parser.add_argument("--minutes", type=float, default=4)
    parser.add_argument("--min-polls", type=int, default=1000)
    args = parser.parse_args()

    origins = [f"http://127.0.0.{h}:{args.port}" for h in range(1, args.hosts + 1)]
    env = {
        **os.environ,
        "DEBUG": "true",
        "TESTING": "false",
        "FETCH_ALLOW_ORIGINS": ",".join(origins),
        "FEED_CHECK_SECONDS": "1",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
    }
    os.environ.update(env)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)

    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "provenance.settings")
    django.setup()
    from django.db import connection

    from feeds.actions import NewFeed, do_add_feed
    from feeds.models import Feed
    from provenance.actions import acting
    from provenance.schedule import ScheduledJob

    with acting():
        Feed.objects.all().delete()
        ScheduledJob.objects.all().delete()
    log = Log()
    servers = serve(args.hosts, args.port, log)
    for n in range(args.feeds):
        url = f"{origins[n % args.hosts]}/feed/{n}"
        do_add_feed(None, None, NewFeed(url=url, kind="article", every=args.every))
    connection.close()

    started = time.monotonic()
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "run_worker",
                "--no-startup-delay",
                "--worker-id",
                f"bench-{w}",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        for w in range(args.workers)
    ]
    memory: list[tuple[float, int, list[int]]] = []
    try:
        while True:
            time.sleep(5)
            with log.lock:
                polls = sum(len(times) for times in log.polls.values())
            memory.append((time.monotonic() - started, polls, [rss_kb(w.pid) for w in workers]))
            elapsed = time.monotonic() - started
            if elapsed >= args.minutes * 60 and polls >= args.min_polls:
                break
    finally:
        for w in workers:
            os.killpg(w.pid, signal.SIGTERM)
        for w in workers:
            w.wait(timeout=60)
        for httpd in servers:
            httpd.shutdown()

    interval = args.every * 60
    elapsed = time.monotonic() - started
    times = list(log.polls.values())
    total = sum(len(t) for t in times)
    firsts = sorted(t[0] for t in times if t)
    lags = [b - a - interval for t in times for a, b in itertools.pairwise(t)]
    too_soon = [lag for lag in lags if lag < -1]  # polled again well inside an interval
    print(f"feeds {args.feeds} every {args.every} min, {args.workers} workers, {args.hosts} hosts")
    print(f"run {elapsed:.0f} s: {total} polls ({log.not_modified} answered 304)")
    print(
        f"polls per minute: {total / elapsed * 60:.0f} "
        f"(the schedule asks {args.feeds / args.every:.0f})"
    )
    print(
        f"first round: all {len(firsts)} feeds polled within {firsts[-1] - started:.1f} s of start"
    )
    if lags:
        qs = statistics.quantiles(lags, n=20)
        print(
            f"lag behind schedule (s): median {statistics.median(lags):.1f}, "
            f"p95 {qs[18]:.1f}, max {max(lags):.1f}; polled again early: {len(too_soon)}"
        )
    print("memory (RSS MB per worker) over the run:")
    for at, polls, kbs in memory[:: max(1, len(memory) // 8)] + memory[-1:]:
        print(f"  {at:6.0f} s  {polls:6d} polls  " + "  ".join(f"{kb / 1024:6.1f}" for kb in kbs))


if __name__ == "__main__":
    main()
