"""The in-worker schedule: named periodic jobs, due times in the database, one winner a turn."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.utils import timezone

from provenance import schedule
from provenance.schedule import ScheduledJob

pytestmark = pytest.mark.django_db


@pytest.fixture
def only_test_jobs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    calls: list[str] = []
    monkeypatch.setattr(schedule, "_registry", {})
    schedule.register("test.tick", lambda: timedelta(minutes=5), lambda: calls.append("tick"))
    yield calls


def test_a_due_job_runs_once_per_turn(only_test_jobs: list[str]) -> None:
    now = timezone.now()
    assert schedule.run_due(now) == ["test.tick"]
    assert schedule.run_due(now + timedelta(minutes=1)) == []  # not due again yet
    assert schedule.run_due(now + timedelta(minutes=5)) == ["test.tick"]
    assert only_test_jobs == ["tick", "tick"]


def test_the_due_time_is_stored_so_a_restart_keeps_it(only_test_jobs: list[str]) -> None:
    now = timezone.now()
    schedule.run_due(now)
    # A new worker process starts with an empty memory but reads the same row.
    row = ScheduledJob.objects.get(name="test.tick")
    assert row.next_at == now + timedelta(minutes=5)
    assert row.last_finished_at is not None and row.last_error == ""


def test_of_two_claims_of_one_turn_only_one_wins(only_test_jobs: list[str]) -> None:
    now = timezone.now()
    results = [schedule.claim("test.tick", timedelta(minutes=5), now) for _ in range(2)]
    assert results == [True, False]


def test_a_failing_job_keeps_its_error_and_the_others_still_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(schedule, "_registry", {})

    def broken() -> None:
        raise RuntimeError("no luck")

    schedule.register("a.broken", lambda: timedelta(minutes=1), broken)
    schedule.register("b.fine", lambda: timedelta(minutes=1), lambda: calls.append("fine"))
    assert schedule.run_due() == ["a.broken", "b.fine"]
    assert calls == ["fine"]
    assert ScheduledJob.objects.get(name="a.broken").last_error == "RuntimeError: no luck"


def test_feeds_register_their_poll() -> None:
    assert "feeds.poll" in schedule.registered()


def test_the_worker_loop_runs_the_schedule(monkeypatch: pytest.MonkeyPatch) -> None:
    from provenance.management.commands import run_worker

    ran: list[str] = []
    worker = run_worker.BeatingWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="schedule-test",
        excluded_queue_names=[],
    )
    monkeypatch.setattr(run_worker.schedule, "run_due", lambda: ran.append("due"))

    def one_batch(self: object) -> None:
        worker.running = False

    monkeypatch.setattr(run_worker.Worker, "run", one_batch)
    worker.run()
    assert ran == ["due"]
