"""Near-duplicates are found through the fingerprint index, outside the ingest transaction."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.db.models import OuterRef, Subquery
from django.test import Client
from django.utils import timezone

from discovery.index import bulk_index
from discovery.work import requeue
from documents import duplicates
from documents.bulk import create_job
from documents.ingest import Outcome, Status, Submission, ingest
from documents.metadata import Metadata
from documents.models import Document, DocumentVersion, ImportJob
from tests.documents.factories import ARTICLE, zip_bytes

pytestmark = pytest.mark.django_db

EDITED = ARTICLE.replace("every night", "every single night")
DIFFERENT = (
    "Farmers in the valley began the apple harvest early this year after a warm spring.\n\n"
    "Prices at the market fell by a third, the growers' association said on Friday."
)


def paste(text: str) -> Outcome:
    return ingest(Submission(text=text), Metadata(kind="article"))


def generated_text(rng: random.Random, vocabulary: list[str], words: int = 80) -> str:
    return " ".join(rng.choice(vocabulary) for _ in range(words)) + "."


def add_unindexed(texts: list[str]) -> list[DocumentVersion]:
    """Store documents in bulk, bypassing ingest (no signals, nothing indexed yet)."""
    now = timezone.now()
    documents = Document.objects.bulk_create(
        [Document(title=f"Generated {i}", created_at=now) for i in range(len(texts))],
        batch_size=500,
    )
    versions = DocumentVersion.objects.bulk_create(
        [
            DocumentVersion(
                document=document,
                number=1,
                original=text.encode(),
                content_type="text/plain",
                size=len(text),
                sha256=hashlib.sha256(text.encode()).hexdigest(),
                text=text,
                text_sha256=duplicates.text_digest(text),
                created_at=now,
            )
            for document, text in zip(documents, texts, strict=True)
        ],
        batch_size=500,
    )
    first = DocumentVersion.objects.filter(document=OuterRef("pk")).values("pk")[:1]
    Document.objects.filter(pk__in=[d.pk for d in documents]).update(
        current_version=Subquery(first)
    )
    return versions


@pytest.mark.slow
def test_a_near_duplicate_is_found_among_5000_newer_documents_of_the_same_length() -> None:
    rng = random.Random(14)
    vocabulary = [f"{a}{b}{c}" for a in "bdfgklmnprst" for b in "aeiou" for c in "nrstlm"]
    original_text = generated_text(rng, vocabulary)
    [original] = add_unindexed([original_text])
    Document.objects.filter(pk=original.document_id).update(
        created_at=timezone.now() - timezone.timedelta(days=30)
    )
    DocumentVersion.objects.filter(pk=original.pk).update(
        created_at=timezone.now() - timezone.timedelta(days=30)
    )
    # The old check read only the 2,000 newest texts of similar length: these hide the original.
    others = add_unindexed([generated_text(rng, vocabulary) for _ in range(5_000)])
    versions = DocumentVersion.objects.filter(pk__in=[original.pk, *(v.pk for v in others)])
    for _ in bulk_index(versions.order_by("pk").iterator(chunk_size=1000)):
        pass
    words = original_text.split()
    words[40] = "replaced"
    outcome = paste(" ".join(words))
    assert outcome.status == Status.NEAR_DUPLICATE
    assert outcome.document.pk == original.document_id
    assert 0.8 <= outcome.similarity < 1
    assert DocumentVersion.objects.count() == 5_001


@pytest.mark.django_db(transaction=True)
def test_the_near_duplicate_lookup_runs_before_the_ingest_transaction_opens(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = paste(ARTICLE)  # committed, so the immediate backend has indexed it
    assert first.status == Status.ADDED
    looked_up: list[bool] = []
    lookup = duplicates.find_near_duplicate

    def spy(text: str) -> duplicates.NearDuplicate | None:
        looked_up.append(connection.in_atomic_block)
        return lookup(text)

    monkeypatch.setattr(duplicates, "find_near_duplicate", spy)
    outcome = paste(EDITED)
    assert looked_up == [False]
    assert outcome.status == Status.NEAR_DUPLICATE
    assert outcome.document == first.document


def test_an_exact_duplicate_is_still_a_duplicate_and_notes_nothing(
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        first = paste(ARTICLE)
        again = paste(ARTICLE.replace(" the ", "\nthe "))
    assert again.status == Status.DUPLICATE
    assert again.version == first.version
    version = DocumentVersion.objects.get()
    assert version.near_duplicate_of is None
    assert version.near_duplicate_similarity is None


def test_a_clearly_different_text_is_added_and_noted_as_nothing(
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        paste(ARTICLE)
        other = paste(DIFFERENT)
    assert other.status == Status.ADDED
    other.version.refresh_from_db()
    assert other.version.index_state.discovery_status == "done"
    assert other.version.near_duplicate_of is None
    assert other.version.near_duplicate_similarity is None


def test_a_near_duplicate_not_yet_indexed_at_upload_is_noted_once_indexed(
    django_capture_on_commit_callbacks: Callable[..., Any],
    admin_member: Any,
    client_for: Callable[[Any], Client],
) -> None:
    first = paste(ARTICLE)  # its on-commit hooks never run: the index does not hold it yet
    second = paste(EDITED)
    assert second.status == Status.ADDED
    with django_capture_on_commit_callbacks(execute=True):
        requeue(first.version)
        requeue(second.version)
    second.version.refresh_from_db()
    first.version.refresh_from_db()
    assert second.version.near_duplicate_of == first.document
    assert 0.8 <= second.version.near_duplicate_similarity < 1
    assert first.version.near_duplicate_of is None  # the original is not a copy of its copy
    page = client_for(admin_member).get(second.document.get_absolute_url()).content.decode()
    share = round(100 * second.version.near_duplicate_similarity)
    assert f'This is very like <a href="{first.document.get_absolute_url()}">' in page
    assert f"({share}% the same)" in page


def test_a_bulk_import_notes_a_near_duplicate_of_an_item_indexed_after_it_was_checked(
    django_capture_on_commit_callbacks: Callable[..., Any],
    admin_member: Any,
    client_for: Callable[[Any], Client],
) -> None:
    data = zip_bytes({"a.txt": ARTICLE.encode(), "b.txt": EDITED.encode()})
    # The hooks run once the job is done, as when the worker indexes behind the import.
    with django_capture_on_commit_callbacks(execute=True):
        job = create_job("two.zip", data, "zip", Metadata(kind="article"))
    job = ImportJob.objects.get(pk=job.pk)
    items = {item.name: item for item in job.items.select_related("version")}
    assert [items[name].outcome for name in ("a.txt", "b.txt")] == ["added", "added"]
    assert items["b.txt"].version.near_duplicate_of == items["a.txt"].document
    page = client_for(admin_member).get(job.get_absolute_url()).content.decode()
    assert page.count("Very like <a href=") == 1
    assert f"“{items['a.txt'].document.title}”" in page


def test_near_duplicates_read_words_as_the_engine_does() -> None:
    # One tokeniser for the whole project: the engine's keys fold case, accents, quotes
    # and "per cent", so a copy that only retypes them is the same text.
    from documents.duplicates import similarity

    typed = "The Minister said “costs rose 40 per cent” in Zoë’s report to the council today."
    retyped = 'The minister said "costs rose 40%" in Zoe\'s report to the council today.'
    assert similarity(typed, retyped) == 1.0
