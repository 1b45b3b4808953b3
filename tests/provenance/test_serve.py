"""`manage.py serve` (scripts/serve) restarts a worker that dies and stops cleanly on SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings

from provenance.heartbeats import WorkerHeartbeat
from tests.discovery.test_worker import worker_database_url

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

TIMEOUT = 60


def children_of(pid: int) -> list[int]:
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    return [int(p) for p in text.split()]


def wait_for(what: str, check: Callable[[], bool]) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


@pytest.fixture
def serve() -> Iterator[subprocess.Popen[bytes]]:
    env = {
        **os.environ,
        "DATABASE_URL": worker_database_url(),
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "TESTING": "false",
        "WORKERS": "1",
        "WORKER_NAME": "serve-test",
        "WORKER_BEAT_SECONDS": "0",
    }
    proc = subprocess.Popen(
        [sys.executable, "manage.py", "serve", "--workers-only"],
        cwd=settings.BASE_DIR,
        env=env,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_a_dead_worker_is_restarted_and_sigterm_stops_everything(
    serve: subprocess.Popen[bytes],
) -> None:
    wait_for("the first heartbeat", WorkerHeartbeat.objects.filter(worker="serve-test-1").exists)
    (first,) = children_of(serve.pid)

    os.kill(first, signal.SIGKILL)
    wait_for("a new worker", lambda: children_of(serve.pid) not in ([], [first]))
    (second,) = children_of(serve.pid)
    assert second != first
    beat = WorkerHeartbeat.objects.get(worker="serve-test-1").beat_at
    wait_for(
        "the new worker's heartbeat",
        lambda: WorkerHeartbeat.objects.get(worker="serve-test-1").beat_at > beat,
    )

    serve.send_signal(signal.SIGTERM)
    assert serve.wait(timeout=TIMEOUT) == 0
    wait_for("the worker to end", lambda: not Path(f"/proc/{second}").exists())
    assert not WorkerHeartbeat.objects.filter(worker="serve-test-1").exists()  # stopped cleanly
