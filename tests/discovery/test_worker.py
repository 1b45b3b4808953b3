"""The real worker process (`run_worker`, db_worker with a heartbeat) indexes a new upload
and finds its source, beating as it goes.

Runs on whichever database the suite uses (SQLite file or PostgreSQL): the worker
subprocess is pointed at the test database through DATABASE_URL.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings

from discovery.models import IndexState, Status
from discovery.relations import sources_of
from documents.demo import SEEDS, SEEDS_DIR
from documents.ingest import NearDuplicates, Submission, ingest
from documents.models import Document
from provenance.heartbeats import WorkerHeartbeat

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
TIMEOUT = 90


def worker_database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{Path(db['NAME']).resolve()}"
    user = quote(db["USER"] or "", safe="")
    password = quote(db["PASSWORD"] or "", safe="")
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{user}:{password}@{host}/{db['NAME']}"


@pytest.fixture
def worker() -> Iterator[subprocess.Popen[bytes]]:
    if connection.vendor == "sqlite" and "memory" in str(connection.settings_dict["NAME"]):
        pytest.fail("The worker needs a file-backed test database (see the settings).")
    env = {
        **os.environ,
        "DATABASE_URL": worker_database_url(),
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "TESTING": "false",
        "WORKER_BEAT_SECONDS": "0",
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "run_worker",
            "--worker-id",
            "test-1",
            "--interval",
            "0.2",
            "--no-startup-delay",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        yield proc
    finally:
        # The worker and anything it started share its session: end exactly that group.
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def upload(number: str) -> Document:
    seed = next(s for s in SEEDS if s.number == number)
    outcome = ingest(
        Submission(text=(SEEDS_DIR / seed.filename).read_text(), filename=seed.filename),
        seed.meta,
        near_duplicates=NearDuplicates.SEPARATE,
    )
    assert outcome.document is not None, outcome.reason
    return outcome.document


def wait_until_discovered(document: Document, proc: subprocess.Popen[bytes]) -> IndexState:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "worker died"
        state = IndexState.objects.filter(version=document.current_version_id).first()
        if state and state.discovery_status in {Status.DONE, Status.FAILED}:
            return state
        time.sleep(0.2)
    raise AssertionError(f"Discovery of {document} did not finish in {TIMEOUT} s")


@override_settings(TASKS=DB_TASKS)
def test_the_worker_indexes_an_upload_and_finds_its_source(
    worker: subprocess.Popen[bytes],
) -> None:
    release = upload("001")
    wait_until_discovered(release, worker)

    article = upload("000")
    state = IndexState.objects.get(version=article.current_version_id)
    assert state.index_status in {Status.PENDING, Status.RUNNING, Status.DONE}
    state = wait_until_discovered(article, worker)

    assert (state.index_status, state.discovery_status, state.error) == (
        Status.DONE,
        Status.DONE,
        "",
    )
    assert state.fingerprints > 0
    top = sources_of(article)[0]
    assert top.document == release
    assert top.derivative_share > 0.5


@override_settings(TASKS=DB_TASKS)
def test_the_worker_beats_while_it_runs_and_leaves_no_row_when_stopped(
    worker: subprocess.Popen[bytes],
) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not WorkerHeartbeat.objects.filter(worker="test-1").exists():
        assert proc_alive(worker)
        assert time.monotonic() < deadline, "no heartbeat from the worker"
        time.sleep(0.2)
    first = WorkerHeartbeat.objects.get(worker="test-1").beat_at
    while WorkerHeartbeat.objects.get(worker="test-1").beat_at == first:
        assert time.monotonic() < deadline, "the worker beat only once"
        time.sleep(0.2)

    os.killpg(worker.pid, signal.SIGTERM)
    assert worker.wait(timeout=30) == 0
    assert not WorkerHeartbeat.objects.filter(worker="test-1").exists()


def proc_alive(proc: subprocess.Popen[bytes]) -> bool:
    if proc.poll() is None:
        return True
    raise AssertionError(proc.stderr.read().decode() if proc.stderr else "worker died")
