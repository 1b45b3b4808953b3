"""Run Provenance in production: gunicorn and N background workers, supervised.

`scripts/serve` calls this; see docs/deploy.md. Environment (the same on every
machine): DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS…, and
- HOST, PORT: where gunicorn listens (127.0.0.1:8000);
- WEB_CONCURRENCY: gunicorn worker processes (3);
- WORKERS: background worker processes (2);
- WORKER_NAME: the prefix of their names, each `NAME-1`…`NAME-N` (the host name).

A worker that dies is started again (after a pause that grows if it keeps dying);
if gunicorn dies the whole command stops with an error, for the service manager
to restart. SIGTERM or SIGINT stops every child cleanly (a worker finishes its
current task first), then the command exits 0.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

# How long children get to stop after SIGTERM before they are killed.
STOP_GRACE_SECONDS = 30
# A worker that ran at least this long before dying is restarted at once.
HEALTHY_RUN_SECONDS = 60


@dataclass
class Child:
    name: str
    argv: list[str]
    restart: bool
    proc: subprocess.Popen[bytes] | None = None
    started: float = 0.0
    failures: int = 0
    not_before: float = field(default=0.0)

    env: dict[str, str] = field(default_factory=dict)

    def start(self) -> None:
        env = {**os.environ, **self.env}
        self.proc = subprocess.Popen(self.argv, cwd=settings.BASE_DIR, env=env)  # noqa: S603
        self.started = time.monotonic()

    def exited(self) -> int | None:
        return None if self.proc is None else self.proc.poll()


class Supervisor:
    """Start children, restart workers that die, stop everything on a signal."""

    def __init__(self, children: list[Child], out: Any) -> None:
        self.children = children
        self.out = out
        self.stopping = False

    def stop(self, signum: int, frame: FrameType | None) -> None:
        self.stopping = True

    def run(self) -> int:
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        for child in self.children:
            child.start()
        code = 0
        while not self.stopping:
            code = self.tend()
            if code:
                break
            time.sleep(0.5)
        self.stop_all()
        return code

    def tend(self) -> int:
        now = time.monotonic()
        for child in self.children:
            if child.proc is None:
                if now >= child.not_before:
                    child.start()
                continue
            code = child.exited()
            if code is None:
                continue
            if not child.restart:
                self.out.write(f"{child.name} exited with {code}: stopping everything")
                return code or 1
            # Pause before a restart only if it keeps dying soon after starting.
            quick = now - child.started < HEALTHY_RUN_SECONDS
            child.failures = child.failures + 1 if quick else 0
            delay = min(2**child.failures, 60) if quick else 0
            self.out.write(f"{child.name} exited with {code}: restarting in {delay} s")
            child.proc, child.not_before = None, now + delay
        return 0

    def stop_all(self) -> None:
        running = [c.proc for c in self.children if c.proc and c.proc.poll() is None]
        for proc in running:
            proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        for proc in running:
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def children(web: bool, workers: int) -> list[Child]:
    manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
    found = []
    if web:
        bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
        gunicorn = [sys.executable, "-m", "gunicorn", "provenance.wsgi:application"]
        found.append(
            Child(
                "web",
                [
                    *gunicorn,
                    f"--bind={bind}",
                    f"--workers={os.environ.get('WEB_CONCURRENCY', '3')}",
                    "--timeout=60",
                    "--graceful-timeout=25",
                    "--no-control-socket",  # several servers may share a machine
                    "--access-logfile=-" if os.environ.get("ACCESS_LOG") else "--log-level=info",
                ],
                restart=False,
            )
        )
    prefix = os.environ.get("WORKER_NAME") or socket.gethostname()
    for slot in range(1, workers + 1):
        name = f"{prefix}-{slot}"[:64]
        argv = [*manage, "run_worker", "--worker-id", name]
        # On SQLite a worker waits longer for the write lock than a web request, which
        # answers 503 soon instead: nobody is waiting on the worker's page.
        patient = {"SQLITE_BUSY_TIMEOUT_SECONDS": os.environ.get("WORKER_BUSY_TIMEOUT", "30")}
        found.append(Child(name, argv, restart=True, env=patient))
    return found


class Command(BaseCommand):
    help = "Serve in production: gunicorn plus WORKERS background workers, supervised"

    def add_arguments(self, parser: CommandParser) -> None:
        only = parser.add_mutually_exclusive_group()
        only.add_argument(
            "--workers-only",
            action="store_true",
            help="Run background workers and no web server (another machine serves).",
        )
        only.add_argument(
            "--web-only", action="store_true", help="Run the web server and no worker."
        )

    def handle(self, *args: Any, workers_only: bool, web_only: bool, **options: Any) -> None:
        workers = 0 if web_only else int(os.environ.get("WORKERS", "2"))
        if not workers_only:
            # The web machine owns the schema and the static files; workers elsewhere wait
            # for it (docs/deploy.md: upgrades).
            call_command("migrate", interactive=False, verbosity=0)
            if not settings.DEBUG:
                call_command("collectstatic", interactive=False, verbosity=0)
        if workers:
            call_command("resume_work", verbosity=0)
        code = Supervisor(children(not workers_only, workers), self.stderr).run()
        if code:
            sys.exit(code)
