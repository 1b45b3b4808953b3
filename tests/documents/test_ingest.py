from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction

from documents.ingest import NearDuplicates, Status, Submission, ingest
from documents.metadata import Metadata
from documents.models import Document, DocumentVersion, Outlet
from documents.signals import version_created
from tests.documents.factories import ARTICLE

pytestmark = pytest.mark.django_db


def paste(text: str = ARTICLE, **meta: str) -> object:
    return ingest(Submission(text=text), Metadata(kind="article", **meta))


def test_pasted_text_becomes_a_document_with_one_version(admin_member: object) -> None:
    outcome = ingest(
        Submission(text=ARTICLE),
        Metadata(kind="article", title="Coast plan", outlet="The Paper", published="2024-01-31"),
        user=admin_member,
    )
    assert outcome.status == Status.ADDED
    document = outcome.document
    assert document.title == "Coast plan"
    assert document.outlet.name == "The Paper"
    assert str(document.published_on) == "2024-01-31"
    assert document.published_at is None
    version = document.current_version
    assert version.number == 1
    assert version.text == ARTICLE
    assert bytes(version.original) == ARTICLE.encode()
    assert version.size == len(ARTICLE.encode())
    assert len(version.sha256) == 64
    assert version.created_by == admin_member
    assert document.text == ARTICLE


def test_title_defaults_to_the_first_line() -> None:
    outcome = paste()
    assert outcome.document.title == "The minister announced a new plan for the coast today."


def test_the_same_text_twice_is_a_duplicate_not_a_second_copy() -> None:
    first = paste()
    second = paste()
    assert second.status == Status.DUPLICATE
    assert second.document == first.document
    assert second.version == first.version
    assert DocumentVersion.objects.count() == 1


def test_rewrapped_text_is_still_a_duplicate() -> None:
    paste()
    again = paste(ARTICLE.replace(" the ", "\nthe "))
    assert again.status == Status.DUPLICATE


def test_changed_text_at_the_same_url_adds_a_version_and_keeps_the_old_one() -> None:
    first = paste(url="https://example.org/news/1")
    changed = ARTICLE.replace("double", "triple")
    second = paste(changed, url="https://example.org/news/1")
    assert second.status == Status.NEW_VERSION
    assert second.document == first.document
    document = Document.objects.get(pk=first.document.pk)
    assert [v.number for v in document.versions.all()] == [1, 2]
    assert document.current_version.text == changed
    assert document.versions.get(number=1).text == ARTICLE


def test_an_admin_can_choose_the_document_a_version_belongs_to() -> None:
    first = paste()
    other = "A completely different text about something else entirely, written later."
    outcome = ingest(Submission(text=other), Metadata(), version_of=first.document)
    assert outcome.status == Status.NEW_VERSION
    assert outcome.version.number == 2


def test_a_near_duplicate_is_offered_as_a_new_version_and_nothing_is_stored(
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # indexed, as the worker would
        first = paste()
    edited = ARTICLE.replace("every night", "every single night")
    outcome = paste(edited)
    assert outcome.status == Status.NEAR_DUPLICATE
    assert outcome.document == first.document
    assert 0.8 <= outcome.similarity < 1
    assert DocumentVersion.objects.count() == 1


def test_a_near_duplicate_can_be_added_as_a_version_or_kept_separate(
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # indexed, as the worker would
        first = paste()
    edited = ARTICLE.replace("every night", "every single night")
    as_version = ingest(Submission(text=edited), Metadata(), near_duplicates=NearDuplicates.VERSION)
    assert as_version.status == Status.NEW_VERSION
    assert as_version.document == first.document
    edited_again = edited.replace("summer", "autumn")
    separate = ingest(
        Submission(text=edited_again), Metadata(), near_duplicates=NearDuplicates.SEPARATE
    )
    assert separate.status == Status.ADDED
    assert separate.document != first.document


def test_heavy_reuse_by_another_outlet_is_not_a_near_duplicate(
    demo_corpus: dict[str, Document],
) -> None:
    assert demo_corpus["000"] != demo_corpus["001"]
    assert Document.objects.count() == 5


def test_an_outlet_is_shared_by_name_whatever_the_case() -> None:
    paste(outlet="The Paper")
    paste("Another story entirely, about the weather this weekend.", outlet="the paper")
    assert Outlet.objects.count() == 1
    assert Outlet.objects.get().documents.count() == 2


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ({"published": "31st of Smarch"}, "not a date we understand"),
        ({"published": "2024-02-30"}, "not a date we understand"),
        ({"kind": "poem"}, "not a kind of document"),
        ({"url": "javascript:alert(1)"}, "not a valid web address"),
    ],
)
def test_bad_metadata_is_rejected_and_nothing_is_stored(meta: dict, message: str) -> None:
    outcome = ingest(Submission(text=ARTICLE), Metadata(**meta))
    assert outcome.status == Status.REJECTED
    assert message in outcome.reason
    assert not Document.objects.exists()


def test_empty_paste_is_rejected() -> None:
    outcome = ingest(Submission(text="   \n  "), Metadata())
    assert outcome.status == Status.REJECTED
    assert "empty" in outcome.reason


def test_a_date_with_time_keeps_the_time() -> None:
    outcome = paste(published="Wednesday 31 January 2024 03:53 GMT")
    document = outcome.document
    assert str(document.published_on) == "2024-01-31"
    assert document.published_at.isoformat() == "2024-01-31T03:53:00+00:00"


def test_version_created_is_sent_after_commit(
    django_capture_on_commit_callbacks: object,
) -> None:
    received: list[DocumentVersion] = []

    def listener(sender: object, version: DocumentVersion, **kwargs: object) -> None:
        received.append(version)

    version_created.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            outcome = paste()
            assert received == []
        assert received == [outcome.version]
    finally:
        version_created.disconnect(listener)


def test_a_failure_while_writing_leaves_nothing_half_stored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(DocumentVersion.objects, "create", explode)
    with pytest.raises(RuntimeError), transaction.atomic():
        paste(outlet="New Outlet")
    assert not Document.objects.exists()
    assert not Outlet.objects.exists()
