from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from discovery.models import Candidate, Fingerprint, IndexState, Status, Term, TermPosting
from discovery.relations import sources_of
from documents.models import Document

pytestmark = pytest.mark.django_db


def test_it_rebuilds_the_same_index_and_finds_the_same_sources(
    seeds: dict[str, Document],
) -> None:
    before = set(Fingerprint.objects.values_list("hash", "version_id"))
    counts = set(Term.objects.filter(df__gt=0).values_list("hash", "df"))
    Candidate.objects.all().delete()
    out, err = StringIO(), StringIO()
    call_command("reindex", stdout=out, stderr=err)
    assert set(Fingerprint.objects.values_list("hash", "version_id")) == before
    # Term counts kept up to date upload by upload equal a recount from scratch.
    assert set(Term.objects.filter(df__gt=0).values_list("hash", "df")) == counts
    assert TermPosting.objects.count() > 0
    assert "Indexed 5 version(s)" in out.getvalue()
    assert "Indexing" in err.getvalue()  # the progress bar
    assert sources_of(seeds["000"])[0].document == seeds["001"]
    assert not IndexState.objects.exclude(discovery_status=Status.DONE).exists()


def test_failed_requeues_failed_steps(seeds: dict[str, Document]) -> None:
    version = seeds["004"].current_version
    IndexState.objects.filter(version=version).update(index_status=Status.FAILED, attempts=3)
    out = StringIO()
    call_command("reindex", "--failed", stdout=out)
    assert "Queued 1 failed step(s)" in out.getvalue()
    assert IndexState.objects.get(version=version).index_status == Status.DONE


def test_resume_queues_pending_work(seeds: dict[str, Document]) -> None:
    IndexState.objects.filter(version=seeds["004"].current_version).update(
        discovery_status=Status.PENDING
    )
    out = StringIO()
    call_command("reindex", "--resume", stdout=out)
    assert "1 to search for sources" in out.getvalue()
