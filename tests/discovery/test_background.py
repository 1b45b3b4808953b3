"""Background work: states, retries, and resuming after a worker restart."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from discovery import work
from discovery.models import Fingerprint, IndexState, Status
from documents.models import Document

pytestmark = pytest.mark.django_db


def failing(times: int) -> Callable[..., Any]:
    """An index function that fails `times` times, then does the real work."""
    calls = {"n": 0}
    real = work.index_version

    def index(version: Any) -> int:
        calls["n"] += 1
        if calls["n"] <= times:
            raise RuntimeError("database is locked")
        return real(version)

    return index


def queue_index(version: Any) -> None:
    """Queue indexing as an upload does: the state says pending (a done version is skipped)."""
    IndexState.objects.filter(version=version).update(index_status=Status.PENDING)
    work.enqueue(work.INDEX, version.pk)


def test_a_failed_step_is_retried_until_it_succeeds(
    seeds: dict[str, Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(work, "index_version", failing(1))
    version = seeds["003"].current_version
    queue_index(version)
    state = IndexState.objects.get(version=version)
    assert (state.index_status, state.discovery_status) == (Status.DONE, Status.DONE)
    assert state.attempts == 0
    assert state.error == ""


def test_a_step_that_keeps_failing_is_marked_failed_with_its_error(
    seeds: dict[str, Document], monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    monkeypatch.setattr(work, "index_version", failing(99))
    version = seeds["003"].current_version
    queue_index(version)
    state = IndexState.objects.get(version=version)
    assert state.index_status == Status.FAILED
    assert state.attempts == settings.DISCOVERY_MAX_ATTEMPTS
    assert "RuntimeError: database is locked" in state.error


def test_retry_failed_gives_a_failed_step_fresh_attempts(
    seeds: dict[str, Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    version = seeds["003"].current_version
    IndexState.objects.filter(version=version).update(
        index_status=Status.FAILED, attempts=3, error="boom"
    )
    assert work.retry_failed() == 1
    state = IndexState.objects.get(version=version)
    assert (state.index_status, state.discovery_status, state.error) == (
        Status.DONE,
        Status.DONE,
        "",
    )


def test_resume_requeues_pending_and_stale_running_work(seeds: dict[str, Document]) -> None:
    stale = seeds["003"].current_version
    fresh = seeds["004"].current_version
    # A worker died while indexing it: the index transaction never committed, so the
    # version has no postings and its state row counts none.
    Fingerprint.objects.filter(version=stale).delete()
    IndexState.objects.filter(version=stale).update(
        index_status=Status.RUNNING,
        updated_at=timezone.now() - timedelta(hours=1),
        fingerprints=0,
        terms=0,
    )
    IndexState.objects.filter(version=fresh).update(index_status=Status.RUNNING)
    counts = work.resume()
    assert counts[work.INDEX] == 1
    assert IndexState.objects.get(version=stale).index_status == Status.DONE
    assert Fingerprint.objects.filter(version=stale).exists()
    # A recent "running" row belongs to a live worker: left alone.
    assert IndexState.objects.get(version=fresh).index_status == Status.RUNNING


def test_resume_indexes_versions_that_never_got_a_state(seeds: dict[str, Document]) -> None:
    version = seeds["004"].current_version
    IndexState.objects.filter(version=version).delete()
    Fingerprint.objects.filter(version=version).delete()
    work.resume()
    assert IndexState.objects.get(version=version).index_status == Status.DONE
