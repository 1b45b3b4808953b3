"""Review cannot be bypassed: re-attaching is for orphans, and a reviewed annotation that
moves or goes public is back in review (and off share links) until someone confirms it."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from annotations import workflow
from annotations.models import Annotation
from comparisons import sharing
from comparisons.models import Comparison
from documents.models import Document, DocumentVersion
from tests.annotations.conftest import AnnotateFn, new_version
from tests.annotations.test_reanchoring import QUOTE, edited_release

pytestmark = pytest.mark.django_db
Status = Annotation.Status
ClientFor = Callable[[User], Client]


def shared_ids(client: Client, comparison: Comparison, educator: User) -> set[int]:
    page = client.get(sharing.create_link(comparison, educator, None).get_absolute_url())
    text = page.content.decode()
    start = text.index('id="anno-config"')
    config = json.loads(text[text.index(">", start) + 1 : text.index("</script>", start)])
    return {m["id"] for m in config["marks"]}


@pytest.fixture
def confirmed(
    release: DocumentVersion, moderator: User, moderator2: User, annotate: AnnotateFn
) -> Annotation:
    annotation = annotate(moderator, release, "increase by 40%", public=True)
    workflow.do_set_status(annotation, moderator2, Status.CONFIRMED)
    return annotation


def test_reattaching_a_placed_confirmed_annotation_is_refused(
    confirmed: Annotation, moderator2: User, release: DocumentVersion
) -> None:
    start = release.text.index("30,000")
    with pytest.raises(ValidationError, match="lost its place"):
        workflow.do_reattach(
            confirmed, moderator2, release, start, start + 6, base_revision=confirmed.revision
        )
    confirmed.refresh_from_db()
    assert (confirmed.status, confirmed.exact) == (Status.CONFIRMED, "increase by 40%")


def test_reattach_page_refuses_a_placed_annotation(
    client_for: ClientFor, confirmed: Annotation, moderator2: User
) -> None:
    response = client_for(moderator2).post(
        reverse("annotations:reattach", args=[confirmed.pk]),
        {"words": "30,000", "revision": confirmed.revision},
    )
    assert response.status_code == 400
    assert b"lost its place" in response.content
    confirmed.refresh_from_db()
    assert confirmed.exact == "increase by 40%"


def test_a_reattached_confirmed_orphan_goes_back_to_review(
    seeds: dict[str, Document],
    release: DocumentVersion,
    moderator: User,
    moderator2: User,
    annotate: AnnotateFn,
) -> None:
    quote = annotate(moderator, release, QUOTE, public=True)
    workflow.do_set_status(quote, moderator2, Status.CONFIRMED)
    v2 = new_version(seeds["001"], edited_release(release.text)).version
    workflow.reanchor_annotations(release, v2)
    orphan = Annotation.objects.get(pk=quote.pk)
    assert orphan.is_orphaned and orphan.status == Status.CONFIRMED
    start, end = workflow.find_in_version(v2, "a global challenge requiring global solutions")
    workflow.do_reattach(orphan, moderator2, v2, start, end, base_revision=orphan.revision)
    orphan.refresh_from_db()
    assert not orphan.is_orphaned
    assert (orphan.status, orphan.reviewed_by, orphan.reviewed_at) == (Status.OPEN, None, None)
    assert not Annotation.objects.confirmed().public().filter(pk=orphan.pk).exists()


def test_making_a_confirmed_private_note_public_sends_it_back_to_review(
    client: Client,
    demo_comparison: Comparison,
    moderator: User,
    moderator2: User,
    educator: User,
    annotate: AnnotateFn,
) -> None:
    note = annotate(moderator, demo_comparison.derivative_version, "Suella Braverman")
    workflow.do_set_status(note, moderator2, Status.CONFIRMED)
    assert workflow.do_edit_annotation(
        note, moderator, base_revision=note.revision, label=note.label, note=note.note, public=True
    )
    note.refresh_from_db()
    assert note.public and note.status == Status.OPEN and note.reviewed_by is None
    assert note.pk not in shared_ids(client, demo_comparison, educator)
    # Once a reviewer confirms it as public, the share link shows it.
    workflow.do_set_status(note, moderator2, Status.CONFIRMED)
    assert note.pk in shared_ids(client, demo_comparison, educator)


def test_making_a_dismissed_note_public_reopens_it(
    release: DocumentVersion, moderator: User, moderator2: User, annotate: AnnotateFn
) -> None:
    note = annotate(moderator, release, "increase by 40%")
    workflow.do_set_status(note, moderator2, Status.DISMISSED)
    workflow.do_edit_annotation(
        note, moderator, base_revision=note.revision, label=note.label, note=note.note, public=True
    )
    note.refresh_from_db()
    assert note.status == Status.OPEN


def test_making_a_confirmed_note_private_keeps_its_review(
    confirmed: Annotation, moderator: User
) -> None:
    workflow.do_edit_annotation(
        confirmed,
        moderator,
        base_revision=confirmed.revision,
        label=confirmed.label,
        note=confirmed.note,
        public=False,
    )
    confirmed.refresh_from_db()
    assert confirmed.status == Status.CONFIRMED and not confirmed.public


def test_a_confirmed_annotation_placed_on_reworded_text_goes_back_to_review(
    seeds: dict[str, Document],
    release: DocumentVersion,
    moderator: User,
    moderator2: User,
    annotate: AnnotateFn,
) -> None:
    words = "specialist UK officers\n  will also be embedded with their French counterparts"
    reworded = annotate(moderator, release, words, public=True)
    same = annotate(moderator, release, "increase by 40%", public=True)
    for annotation in (reworded, same):
        workflow.do_set_status(annotation, moderator2, Status.CONFIRMED)
    text = release.text.replace("will also be embedded", "will also be closely embedded")
    v2 = new_version(seeds["001"], text).version
    workflow.reanchor_annotations(release, v2)
    reworded.refresh_from_db()
    same.refresh_from_db()
    assert "closely embedded" in reworded.exact and reworded.status == Status.OPEN
    # Found word for word in the new version: the review still holds.
    assert same.document_version == v2 and same.status == Status.CONFIRMED
