"""A real `db_worker` killed part-way through an import: the job resumes, nothing twice.

Like tests/discovery/test_worker.py, the worker subprocess runs against the suite's
file-backed test database (or PostgreSQL) through DATABASE_URL.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.db import connection
from django.db.models import Count
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from documents.bulk import create_job
from documents.metadata import Metadata
from documents.models import Document, DocumentVersion, ImportItem, ImportJob
from tests.discovery.test_worker import DB_TASKS, worker_database_url
from tests.documents.factories import zip_bytes

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

ITEMS = 60
DEADLINE = 120  # seconds: a bound on waiting for a condition, never an assertion about time
WORDS = [f"w{n}" for n in range(4000)]


def stories() -> dict[str, bytes]:
    """Texts with nothing in common, so each item is its own new document."""
    rng = random.Random(14)
    return {
        f"story-{n:03d}.txt": " ".join(rng.choice(WORDS) for _ in range(400)).encode()
        for n in range(ITEMS)
    }


def start_worker() -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": worker_database_url(),
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "TESTING": "false",
    }
    command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.1"]
    return subprocess.Popen(
        [*command, "--no-startup-delay"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


@pytest.fixture
def workers() -> Iterator[list[subprocess.Popen[bytes]]]:
    if connection.vendor == "sqlite" and "memory" in str(connection.settings_dict["NAME"]):
        pytest.fail("The worker needs a file-backed test database (see the settings).")
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for proc in started:  # each worker and what it started share a session: end that group
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def wait_for(condition: Callable[[], bool], proc: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        if condition():
            return
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "worker died"
        time.sleep(0.02)
    raise AssertionError(f"Gave up waiting: {what}")


def job_row(job: ImportJob) -> ImportJob:
    return ImportJob.objects.get(pk=job.pk)


@override_settings(TASKS=DB_TASKS)
def test_a_killed_import_worker_resumes_with_nothing_imported_twice(
    workers: list[subprocess.Popen[bytes]],
    admin_member: User,
    client_for: Callable[[User], Client],
) -> None:
    job = create_job("stories.zip", zip_bytes(stories()), "zip", Metadata())
    first = start_worker()
    workers.append(first)
    wait_for(lambda: job_row(job).processed >= 3, first, "the first items")

    os.killpg(first.pid, signal.SIGKILL)  # no clean-up, no chance to finish the item in hand
    first.wait()
    killed = job_row(job)
    assert killed.status == ImportJob.Status.RUNNING
    assert 3 <= killed.processed < ITEMS, "the worker finished before it could be killed"

    # Time passes with no heartbeat; the job page's poll says so (and only reads), and
    # the admin's Resume (a POST) restarts the job.
    ImportJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(hours=1))
    client = client_for(admin_member)
    status = client.get(reverse("documents:import_job_status", args=[job.pk]))
    assert status.json()["status"] == "stalled"
    client.post(reverse("documents:import_job_resume", args=[job.pk]))
    assert job_row(job).status == ImportJob.Status.PENDING

    second = start_worker()
    workers.append(second)
    wait_for(lambda: job_row(job).is_finished, second, "the resumed import")

    done = job_row(job)
    assert (done.status, done.processed, done.added, done.error) == ("done", ITEMS, ITEMS, "")
    outcomes = ImportItem.objects.filter(job=job).values_list("position", "outcome")
    assert sorted(outcomes) == [(n, ImportItem.Outcome.ADDED) for n in range(1, ITEMS + 1)]
    assert Document.objects.count() == ITEMS
    assert DocumentVersion.objects.count() == ITEMS
    twice = Document.objects.values("title").annotate(n=Count("pk")).filter(n__gt=1)
    assert list(twice) == []
