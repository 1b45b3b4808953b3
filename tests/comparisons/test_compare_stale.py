"""Queued or running comparisons whose worker died are noticed and run again; live ones are not."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comparisons import compare
from comparisons.models import Comparison
from provenance.engine import ENGINE_VERSION
from tests.conftest import make_document

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]

STALE_AFTER = 900
SOURCE = (
    "The council will open three new libraries next spring. "
    "The leader said the plan would cost 4 million pounds. "
    "Residents can comment on the plans until the end of March."
)
DERIVATIVE = (
    "The council will open three new libraries next spring, it announced. "
    "The plan would cost 4 million pounds, the leader said. "
    "Critics said the money should go to schools."
)


@pytest.fixture(autouse=True)
def stale_limit(settings: Any) -> None:
    # Pin the limit so the ages below mean the same whatever the environment sets.
    settings.JOB_STALE_AFTER_SECONDS = STALE_AFTER


@pytest.fixture
def background(settings: Any) -> None:
    """Send every pair to the background task (immediate in tests), as long pairs are."""
    settings.COMPARE_INLINE_MAX_WORDS = 5


@pytest.fixture
def engine_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count engine runs, still running the real engine."""
    calls: list[str] = []
    real = compare.compare

    def counting(source: str, derivative: str) -> Any:
        calls.append(derivative)
        return real(source, derivative)

    monkeypatch.setattr("comparisons.compare.compare", counting)
    return calls


@pytest.fixture
def task_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record the background task's runs (the task looks this function up when it runs)."""
    runs: list[int] = []
    real = compare.run_comparison_by_id

    def recording(comparison_id: int) -> None:
        runs.append(comparison_id)
        real(comparison_id)

    monkeypatch.setattr("comparisons.compare.run_comparison_by_id", recording)
    return runs


def make_row(
    status: str, progress: int, age: timedelta | None, *, title: str = "Release"
) -> Comparison:
    """Store a comparison left in `status` by a run that began `age` ago (None: never recorded)."""
    source = make_document(title, SOURCE, kind="press_release")
    derivative = make_document(f"{title} article", DERIVATIVE)
    comparison = Comparison.objects.create(
        source_version=source.current_version, derivative_version=derivative.current_version
    )
    started_at = None if age is None else timezone.now() - age
    Comparison.objects.filter(pk=comparison.pk).update(
        status=status, progress=progress, started_at=started_at
    )
    return Comparison.objects.with_documents().get(pk=comparison.pk)


def reopen(comparison: Comparison) -> Comparison:
    """What a page does: fetch the pair again through the workflow's entry point."""
    return compare.get_or_compute(comparison.source_version, comparison.derivative_version)


# (a) A running comparison far past the limit is computed again and finishes.
def test_a_stale_running_comparison_is_recomputed(
    engine_calls: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    row = make_row(Comparison.Status.RUNNING, 5, timedelta(hours=1))
    with caplog.at_level(logging.WARNING, logger="comparisons.compare"):
        again = reopen(row)
    again.refresh_from_db()
    assert again.pk == row.pk
    assert again.status == Comparison.Status.DONE
    assert again.engine_version == ENGINE_VERSION
    assert len(engine_calls) == 1
    assert again.started_at is not None
    assert timezone.now() - again.started_at < timedelta(minutes=1)
    assert any("worker seems to have stopped" in r.getMessage() for r in caplog.records)


def test_a_stale_long_running_comparison_goes_back_to_the_worker(
    background: None, task_runs: list[int]
) -> None:
    row = make_row(Comparison.Status.RUNNING, 5, timedelta(hours=1))
    again = compare.ensure_current(row)
    assert task_runs == [row.pk]
    assert again.status == Comparison.Status.DONE


# (b) A fresh running comparison is left to its worker.
def test_a_fresh_running_comparison_is_left_alone(engine_calls: list[str]) -> None:
    row = make_row(Comparison.Status.RUNNING, 40, timedelta(seconds=10))
    started_at = row.started_at
    again = reopen(row)
    again.refresh_from_db()
    assert again.status == Comparison.Status.RUNNING
    assert again.progress == 40
    assert again.started_at == started_at
    assert engine_calls == []


def test_a_fresh_queued_comparison_is_not_queued_twice(
    background: None, task_runs: list[int]
) -> None:
    row = make_row(Comparison.Status.PENDING, 1, timedelta(seconds=10))
    again = compare.ensure_current(row)
    again.refresh_from_db()
    assert task_runs == []
    assert again.is_queued


# (c) A queued comparison whose task never ran is queued again.
def test_a_stale_queued_comparison_is_queued_again(
    background: None, task_runs: list[int], engine_calls: list[str]
) -> None:
    row = make_row(Comparison.Status.PENDING, 1, timedelta(seconds=STALE_AFTER + 60))
    again = reopen(row)
    again.refresh_from_db()
    assert task_runs == [row.pk]
    assert len(engine_calls) == 1
    assert again.status == Comparison.Status.DONE


# (d) Rows from before `started_at` existed have no start time: nothing else would finish them.
@pytest.mark.parametrize(
    ("status", "progress"), [(Comparison.Status.RUNNING, 5), (Comparison.Status.PENDING, 1)]
)
def test_an_in_flight_row_without_a_start_time_is_stale(
    status: str, progress: int, engine_calls: list[str]
) -> None:
    row = make_row(status, progress, None)
    assert row.is_stale_run()
    again = reopen(row)
    again.refresh_from_db()
    assert again.status == Comparison.Status.DONE
    assert len(engine_calls) == 1


def test_two_requests_seeing_the_same_stale_run_restart_it_once(engine_calls: list[str]) -> None:
    row = make_row(Comparison.Status.RUNNING, 5, timedelta(hours=1))
    # A second request loaded the same stale row before the first one restarted it.
    late = Comparison.objects.with_documents().get(pk=row.pk)
    assert compare.ensure_current(row).status == Comparison.Status.DONE
    assert compare.ensure_current(late).status == Comparison.Status.DONE
    assert len(engine_calls) == 1


def test_staleness_counts_only_in_flight_runs() -> None:
    now = timezone.now()
    old = timedelta(hours=2)
    assert make_row(Comparison.Status.RUNNING, 5, old, title="A").is_stale_run(now)
    assert make_row(Comparison.Status.PENDING, 1, old, title="B").is_stale_run(now)
    # A pending row that was never queued, a finished one and a failed one are not runs.
    assert not make_row(Comparison.Status.PENDING, 0, old, title="C").is_stale_run(now)
    assert not make_row(Comparison.Status.DONE, 100, old, title="D").is_stale_run(now)
    assert not make_row(Comparison.Status.FAILED, 0, old, title="E").is_stale_run(now)
    running = make_row(Comparison.Status.RUNNING, 5, timedelta(seconds=10), title="F")
    assert not running.is_stale_run(now)
    assert running.is_stale_run(now + timedelta(seconds=STALE_AFTER))


# (e) The progress page says in words when a run is taking long.
@pytest.mark.parametrize(
    ("age", "slow"),
    [(timedelta(seconds=10), False), (timedelta(seconds=STALE_AFTER * 0.6), True)],
)
def test_the_progress_page_says_when_a_run_takes_long(
    background: None,
    educator: User,
    client_for: ClientFor,
    age: timedelta,
    slow: bool,
) -> None:
    row = make_row(Comparison.Status.RUNNING, 40, age)
    response = client_for(educator).get(row.get_absolute_url())
    html = response.content.decode()
    assert 'value="40"' in html  # still the progress page: the run was not restarted
    assert ("taking longer than expected" in html) is slow
    assert ("restarted when a worker starts again" in html) is slow


def test_the_progress_page_of_a_stale_run_offers_to_restart_it(
    background: None, educator: User, client_for: ClientFor, task_runs: list[int]
) -> None:
    row = make_row(Comparison.Status.RUNNING, 40, timedelta(hours=1))
    client = client_for(educator)
    html = client.get(row.get_absolute_url()).content.decode()
    assert task_runs == []  # a GET only reads: the page says so and offers the POST
    assert "taking longer than expected" in html
    retry = reverse("comparisons:retry", args=[row.pk])
    assert f'action="{retry}"' in html
    client.post(retry)
    assert task_runs == [row.pk]


# (f) Queuing and starting a run both date it.
def test_enqueue_sets_started_at(monkeypatch: pytest.MonkeyPatch) -> None:
    # Keep the task from running at once, as a real queue would until a worker takes it.
    monkeypatch.setattr("comparisons.compare.run_comparison_by_id", lambda _pk: None)
    row = make_row(Comparison.Status.PENDING, 0, None)
    before = timezone.now()
    compare._enqueue(row)
    stored = Comparison.objects.get(pk=row.pk)
    assert stored.is_queued
    assert stored.started_at is not None
    assert before <= stored.started_at <= timezone.now()


def test_run_comparison_sets_started_at_when_it_begins(monkeypatch: pytest.MonkeyPatch) -> None:
    row = make_row(Comparison.Status.PENDING, 1, timedelta(hours=1))
    seen: list[tuple[str, Any]] = []

    def engine(source: str, derivative: str) -> Any:
        # What the database holds while the engine runs: what another request would see.
        stored = Comparison.objects.get(pk=row.pk)
        seen.append((stored.status, stored.started_at))
        raise ValueError("stop here")

    monkeypatch.setattr("comparisons.compare.compare", engine)
    before = timezone.now()
    compare.run_comparison(row)
    [(status, started_at)] = seen
    assert status == Comparison.Status.RUNNING
    assert started_at is not None
    assert before <= started_at <= timezone.now()
