"""Several workers on one database never do the same work twice, and nothing about an
unchanged version is computed again.

The claims that keep workers apart are row locks taken with `SKIP LOCKED`: ours for
the index batches (`discovery.work.claim`), django-tasks-db's for the task rows
(`DBTaskResult.objects.get_locked`). SQLite has no row locks (one writer at a time),
so the tests that hold a lock in one connection and claim in another run on
PostgreSQL only; CI runs the suite on both.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.conf import settings
from django.db import connection, connections, transaction
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

import comparisons.analysis
import discovery.index
import discovery.near_duplicates
import discovery.search
from comparisons.analysis import clear_cache
from discovery import work
from discovery.models import Fingerprint, IndexState, Status, TermPosting
from discovery.tasks import index_version_task
from documents.models import Document
from tests.discovery.test_batching import index_snapshot, uploads
from tests.discovery.test_worker import worker_database_url

postgres_only = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="row locks and SKIP LOCKED are PostgreSQL's; SQLite has one writer at a time",
)
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


class HeldLocks:
    """Another worker's open transaction holding row locks, on a connection of its own."""

    def __init__(self, lock: Callable[[], None]) -> None:
        self.lock = lock
        self.locked = threading.Event()
        self.release = threading.Event()
        self.thread = threading.Thread(target=self.run)

    def run(self) -> None:
        try:
            with transaction.atomic():
                self.lock()
                self.locked.set()
                self.release.wait(timeout=30)
        finally:
            connections.close_all()

    def __enter__(self) -> HeldLocks:
        self.thread.start()
        assert self.locked.wait(timeout=30), "the other worker never took its locks"
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.thread.join()


def no_waiting() -> None:
    """Make this connection fail at once on a lock instead of queueing behind it."""
    with connection.cursor() as cursor:
        cursor.execute("SET lock_timeout = '2s'")


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_claim_skips_the_versions_another_worker_holds_and_never_waits() -> None:
    ids = [v.pk for v in uploads(8)]
    held = ids[:3]

    def lock_rows() -> None:
        list(IndexState.objects.filter(version_id__in=held).select_for_update())

    no_waiting()
    with HeldLocks(lock_rows):
        # Without SKIP LOCKED this claim would queue behind the other transaction and
        # fail on the lock timeout; with it, it takes every free version at once.
        taken = work.claim(ids[5], limit=10)
    assert taken[0] == ids[5]
    assert sorted(taken) == sorted(set(ids) - set(held))
    states = dict(IndexState.objects.values_list("version_id", "index_status"))
    assert {states[pk] for pk in held} == {Status.PENDING}
    assert {states[pk] for pk in taken} == {Status.RUNNING}


@postgres_only
@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_the_task_queue_hands_a_locked_task_to_no_other_worker() -> None:
    """django-tasks-db's own claim (what `run_worker` runs) skips a task row being taken."""
    first, second = uploads(2)
    index_version_task.enqueue(first.pk)
    index_version_task.enqueue(second.pk)
    rows = list(DBTaskResult.objects.ready().order_by("enqueued_at", "id"))
    assert len(rows) == 2

    def lock_first() -> None:
        DBTaskResult.objects.select_for_update().get(pk=rows[0].pk)

    no_waiting()
    with HeldLocks(lock_first), transaction.atomic():
        got = DBTaskResult.objects.ready().filter(pk__in=[r.pk for r in rows]).get_locked()
    assert got is not None
    assert got.pk == rows[1].pk


def start_worker(name: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": worker_database_url(),
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "TESTING": "false",
        "WORKER_BEAT_SECONDS": "0",
        # Small batches, so both workers get index work from the same queue.
        "DISCOVERY_INDEX_BATCH": "3",
    }
    command = [sys.executable, "manage.py", "run_worker", "--worker-id", name]
    return subprocess.Popen(
        [*command, "--interval", "0.1", "--no-startup-delay"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


@pytest.fixture
def two_workers() -> Iterator[list[subprocess.Popen[bytes]]]:
    procs = [start_worker("scale-a"), start_worker("scale-b")]
    try:
        yield procs
    finally:
        for proc in procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


@postgres_only
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_two_worker_processes_share_one_queue_and_run_every_task_once(
    two_workers: list[subprocess.Popen[bytes]],
) -> None:
    versions = uploads(12)
    with transaction.atomic():
        for version in versions:
            index_version_task.enqueue(version.pk)
    deadline = time.monotonic() + 180
    while IndexState.objects.exclude(discovery_status=Status.DONE).exists():
        failed = IndexState.objects.failed().values_list("error", flat=True)
        assert not failed, list(failed)
        for proc in two_workers:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "died"
        assert time.monotonic() < deadline, (
            list(IndexState.objects.values_list("index_status", "discovery_status", "error")),
            list(DBTaskResult.objects.values_list("status", "task_path", "worker_ids")),
        )
        time.sleep(0.2)
    # Let the last task rows be recorded as finished.
    while DBTaskResult.objects.exclude(status="SUCCESSFUL").exists():
        assert time.monotonic() < deadline, list(DBTaskResult.objects.values("status"))
        time.sleep(0.2)
    tasks = list(DBTaskResult.objects.all())
    assert len(tasks) >= 24  # an index task per upload, a discovery task per indexed version
    assert all(len(t.worker_ids) == 1 for t in tasks)  # no task claimed by two workers
    assert {w for t in tasks for w in t.worker_ids} <= {"scale-a", "scale-b"}
    discoveries = [t.args_kwargs["args"][0] for t in tasks if t.task_path.endswith("discover_task")]
    assert sorted(discoveries) == sorted(v.pk for v in versions)  # each version once
    assert IndexState.objects.filter(index_status=Status.DONE).count() == len(versions)


class Calls:
    """Counts calls of a function, then calls it."""

    def __init__(self, func: Callable[..., Any]) -> None:
        self.func = func
        self.count = 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.count += 1
        return self.func(*args, **kwargs)


def test_indexing_and_discovering_an_unchanged_version_again_recomputes_nothing(
    seeds: dict[str, Document],
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    version = seeds["000"].current_version
    assert version is not None
    before = index_snapshot()
    assert Fingerprint.objects.filter(version=version).exists()
    # Computed once and kept in its row (the seeds may come back from the test run's
    # snapshot without it): from here on nothing may compute it again.
    clear_cache()
    comparisons.analysis.analysis_for(version)
    analyse = Calls(comparisons.analysis.analyse)
    compare = Calls(discovery.search.compare)
    winnow = Calls(discovery.index.winnow)
    monkeypatch.setattr(comparisons.analysis, "analyse", analyse)
    monkeypatch.setattr(discovery.search, "compare", compare)
    monkeypatch.setattr(discovery.index, "winnow", winnow)
    clear_cache()  # the kept analysis must come from its stored row, not this process

    # An admin's "work it out again": the version is indexed and discovered once more.
    with django_capture_on_commit_callbacks(execute=True):
        work.requeue(version)

    state = IndexState.objects.get(version=version)
    assert (state.index_status, state.discovery_status, state.error) == (
        Status.DONE,
        Status.DONE,
        "",
    )
    assert (analyse.count, compare.count, winnow.count) == (0, 0, 0)
    assert index_snapshot() == before
    assert TermPosting.objects.filter(version=version).exists()


def test_a_version_indexed_with_other_parameters_is_indexed_again(
    seeds: dict[str, Document],
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    """The skip trusts only postings made the way the index makes them now."""
    version = seeds["000"].current_version
    assert version is not None
    IndexState.objects.filter(version=version).update(params="k5w12")
    winnow = Calls(discovery.index.winnow)
    monkeypatch.setattr(discovery.index, "winnow", winnow)
    with django_capture_on_commit_callbacks(execute=True):
        work.requeue(version)
    assert winnow.count > 0
    assert IndexState.objects.get(version=version).params == discovery.index.current_params().label


@pytest.mark.django_db
def test_the_discovery_step_hashes_a_version_once_from_its_kept_analysis(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Near-duplicate check and search read the keys indexing kept, and hash them once."""
    release, article = uploads(2)
    discovery.index.index_versions([release, article])
    tokenise = Calls(discovery.near_duplicates.key_sequence)
    tokenise_search = Calls(discovery.search.key_sequence)
    kgrams = Calls(discovery.index.kgram_hashes)
    winnow = Calls(discovery.index.winnow)
    monkeypatch.setattr(discovery.near_duplicates, "key_sequence", tokenise)
    monkeypatch.setattr(discovery.search, "key_sequence", tokenise_search)
    monkeypatch.setattr(discovery.index, "kgram_hashes", kgrams)
    monkeypatch.setattr(discovery.index, "winnow", winnow)
    work.run_step(work.DISCOVERY, article.pk)
    assert IndexState.objects.get(version=article).discovery_status == Status.DONE
    assert (tokenise.count, tokenise_search.count, winnow.count) == (0, 0, 0)
    assert kgrams.count <= 1  # near-duplicate check and search share one hashing
