"""Batched indexing: a task claims the pending uploads and indexes them together."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from discovery import work
from discovery.index import clear_index, index_version
from discovery.models import Fingerprint, IndexState, Status, Term, TermPosting
from discovery.tasks import index_version_task
from documents.models import Document, DocumentVersion
from tests.discovery.test_terms import PARAPHRASE, RELEASE, UNRELATED, make

pytestmark = pytest.mark.django_db

TEXTS = [
    RELEASE,
    PARAPHRASE,
    UNRELATED,
    RELEASE + " The Cardiff team will publish the arthritis results next spring.",
]


def uploads(count: int = len(TEXTS)) -> list[DocumentVersion]:
    """New versions whose state rows say pending, as `version_created` leaves them."""
    versions = [make(TEXTS[i % len(TEXTS)], f"upload {i}") for i in range(count)]
    IndexState.objects.bulk_create([IndexState(version=v) for v in versions])
    return versions


def index_snapshot() -> tuple[set[Any], set[Any], set[Any]]:
    return (
        set(Fingerprint.objects.values_list("hash", "version_id")),
        set(TermPosting.objects.values_list("hash", "version_id")),
        set(Term.objects.filter(df__gt=0).values_list("hash", "df")),
    )


def no_single_indexing(version: Any) -> int:
    raise AssertionError("indexed one by one, not as a batch")


def test_a_batch_indexes_several_versions_in_one_go_and_marks_each_done(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    versions = uploads()
    batches: list[list[int]] = []
    real = work.index_versions

    def spy(batch: list[DocumentVersion]) -> dict[int, int]:
        batches.append([v.pk for v in batch])
        return real(batch)

    monkeypatch.setattr(work, "index_versions", spy)
    monkeypatch.setattr(work, "index_version", no_single_indexing)
    index_version_task.call(versions[2].pk)  # any upload's task takes them all
    assert batches == [sorted(v.pk for v in versions)]
    for state in IndexState.objects.filter(version__in=versions):
        assert (state.index_status, state.discovery_status, state.attempts) == (
            Status.DONE,
            Status.DONE,
            0,
        )
        assert state.fingerprints > 0
        assert state.terms > 0
    # The same index as indexing the uploads one after another.
    batched = index_snapshot()
    clear_index()
    for version in versions:
        index_version(version)
    assert index_snapshot() == batched


def test_a_batch_replaces_the_postings_of_an_older_version(seeds: dict[str, Document]) -> None:
    document = seeds["003"]
    old = document.current_version
    assert Fingerprint.objects.filter(version=old).exists()
    new = DocumentVersion.objects.create(
        document=document,
        number=old.number + 1,
        original=b"x",
        content_type="text/plain",
        size=1,
        sha256="x",
        text=UNRELATED,
        text_sha256="y",
    )
    document.current_version = new
    document.save(update_fields=["current_version"])
    others = uploads(2)
    IndexState.objects.create(version=new)
    assert sorted(work.index_batch(new.pk)) == sorted([new.pk, *(v.pk for v in others)])
    assert not Fingerprint.objects.filter(version=old).exists()
    assert not TermPosting.objects.filter(version=old).exists()
    assert Fingerprint.objects.filter(version=new).exists()


def test_one_failing_version_is_isolated_and_marked_failed_with_its_error(
    monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    versions = uploads()
    bad = versions[1]

    def broken_batch(batch: list[DocumentVersion]) -> dict[int, int]:
        raise RuntimeError("batch failed")

    def index(version: DocumentVersion) -> int:
        if version.pk == bad.pk:
            raise ValueError("unreadable text")
        return index_version(version)

    monkeypatch.setattr(work, "index_versions", broken_batch)
    monkeypatch.setattr(work, "index_version", index)
    index_version_task.call(versions[0].pk)
    state = IndexState.objects.get(version=bad)
    # Retried alone (its own task, after back-off) until the attempts ran out.
    assert state.index_status == Status.FAILED
    assert state.attempts == settings.DISCOVERY_MAX_ATTEMPTS
    assert state.error == "ValueError: unreadable text"
    assert not Fingerprint.objects.filter(version=bad).exists()
    for version in versions:
        if version != bad:
            state = IndexState.objects.get(version=version)
            assert (state.index_status, state.discovery_status, state.error) == (
                Status.DONE,
                Status.DONE,
                "",
            )
            assert Fingerprint.objects.filter(version=version).exists()


def test_a_second_task_for_an_indexed_version_does_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    versions = uploads()
    index_version_task.call(versions[0].pk)
    before = {s.version_id: s.updated_at for s in IndexState.objects.filter(version__in=versions)}
    monkeypatch.setattr(work, "index_versions", no_single_indexing)
    monkeypatch.setattr(work, "index_version", no_single_indexing)
    with CaptureQueriesContext(connection) as queries:
        index_version_task.call(versions[3].pk)
    assert len(queries) == 1  # one read of its state, no transaction, no write
    after = {s.version_id: s.updated_at for s in IndexState.objects.filter(version__in=versions)}
    assert after == before


def test_claiming_never_hands_a_version_to_two_batches() -> None:
    versions = uploads(6)
    ids = [v.pk for v in versions]
    first = work.claim(ids[0], limit=3)
    assert first == ids[:3]
    second = work.claim(ids[4], limit=10)
    assert second == [ids[4], ids[3], ids[5]]
    assert not set(first) & set(second)
    # Every version is now running for one worker: a later task for any takes nothing.
    assert all(work.claim(pk, limit=10) == [] for pk in ids)
    assert set(
        IndexState.objects.filter(version__in=versions).values_list("index_status", flat=True)
    ) == {Status.RUNNING}


@pytest.mark.django_db(transaction=True)
def test_concurrent_workers_claim_disjoint_batches() -> None:
    """Workers on their own connections, at once: every version goes to exactly one."""
    ids = [v.pk for v in uploads(24)]
    start = threading.Barrier(4)
    claimed: list[list[int]] = []

    def worker(n: int) -> None:
        try:
            start.wait()
            for pk in ids[n::4]:
                claimed.append(work.claim(pk, limit=5))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    taken = [pk for batch in claimed for pk in batch]
    assert sorted(taken) == sorted(ids)  # each once: no version in two batches


def test_a_version_under_retry_is_left_to_its_own_task() -> None:
    fresh, retrying = uploads(2)
    IndexState.objects.filter(version=retrying).update(attempts=1, error="boom")
    assert work.claim(fresh.pk, limit=10) == [fresh.pk]
    assert work.claim(retrying.pk, limit=10) == [retrying.pk]


def test_the_batch_size_is_a_setting(settings: Any) -> None:
    settings.DISCOVERY_INDEX_BATCH = 2
    versions = uploads()
    assert work.index_batch(versions[0].pk) == [versions[0].pk, versions[1].pk]
    states = dict(
        IndexState.objects.filter(version__in=versions).values_list("version_id", "index_status")
    )
    assert [states[v.pk] for v in versions] == [
        Status.DONE,
        Status.DONE,
        Status.PENDING,
        Status.PENDING,
    ]
