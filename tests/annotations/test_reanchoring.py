"""Annotations follow a document to its new version; what cannot be placed is orphaned, listed."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from annotations import workflow
from annotations.models import Annotation, AnnotationEvent
from documents.models import Document, DocumentVersion
from tests.annotations.conftest import AnnotateFn, new_version

pytestmark = pytest.mark.django_db

FIGURE = "Numbers of officers in northern France will increase by 40%"
CLOSING = "agreement signed today"
QUOTE = "We must do everything we can to stop people making these"


def edited_release(text: str) -> str:
    """The release with edits around FIGURE, CLOSING reworded, and QUOTE's sentence deleted."""
    text = text.replace("UK-France joint statement:", "UPDATED: UK-France joint statement:")
    text = text.replace("over\n  the coming months", "over\n  the next few months")
    text = text.replace("The Home Secretary, , is", "The Home Secretary, Suella Braverman, is")
    start = text.index(QUOTE)
    end = text.index(".", start) + 1
    return text[:start] + text[end:]


@pytest.fixture
def three(
    seeds: dict[str, Document], release: DocumentVersion, moderator: User, annotate: AnnotateFn
) -> dict[str, Annotation]:
    return {
        "figure": annotate(moderator, release, FIGURE, note="40% of what?"),
        "today": annotate(moderator, release, "following a new UK\n  and France agreement"),
        "quote": annotate(moderator, release, QUOTE),
    }


def test_annotation_on_seed_001_survives_a_new_version_with_edits_around_it(
    seeds: dict[str, Document],
    release: DocumentVersion,
    three: dict[str, Annotation],
    django_capture_on_commit_callbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        outcome = new_version(seeds["001"], edited_release(release.text))
    v2 = outcome.version
    figure = Annotation.objects.get(pk=three["figure"].pk)
    assert figure.document_version == v2
    assert figure.is_orphaned is False
    assert v2.text[figure.start : figure.end] == FIGURE
    assert figure.note == "40% of what?"
    assert figure.prefix == v2.text[figure.start - len(figure.prefix) : figure.start]
    event = figure.events.get(action=AnnotationEvent.Action.REANCHORED)
    assert event.changes["method"] == "exact"
    assert event.changes["version"] == [release.pk, v2.pk]


def test_annotation_whose_text_was_deleted_becomes_a_listed_orphan(
    seeds: dict[str, Document],
    release: DocumentVersion,
    three: dict[str, Annotation],
    django_capture_on_commit_callbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        v2 = new_version(seeds["001"], edited_release(release.text)).version
    quote = Annotation.objects.get(pk=three["quote"].pk)
    assert quote.is_orphaned
    assert quote.document_version == release  # kept on the version it was placed in
    assert quote.orphaned_on == v2
    assert quote.exact == QUOTE
    assert list(Annotation.objects.orphaned()) == [quote]
    assert quote.events.filter(action=AnnotationEvent.Action.ORPHANED).exists()
    # Nothing disappeared: every annotation is still there, anchored or orphaned.
    assert Annotation.objects.count() == 3


def test_a_reworded_passage_is_placed_fuzzily_and_its_quote_updated(
    seeds: dict[str, Document], release: DocumentVersion, moderator: User, annotate: AnnotateFn
) -> None:
    long_quote = "specialist UK officers\n  will also be embedded with their French counterparts"
    annotation = annotate(moderator, release, long_quote)
    text = release.text.replace("will also be embedded", "will also be closely embedded")
    v2 = new_version(seeds["001"], text).version
    report = workflow.reanchor_annotations(release, v2)
    annotation.refresh_from_db()
    assert report.fuzzy == [annotation]
    assert annotation.document_version == v2
    assert "closely embedded" in annotation.exact
    assert v2.text[annotation.start : annotation.end] == annotation.exact
    event = annotation.events.get(action=AnnotationEvent.Action.REANCHORED)
    assert event.changes["method"] == "fuzzy"
    assert event.changes["exact"][0] == long_quote


def test_reanchoring_bumps_the_revision_so_stale_edits_are_refused(
    seeds: dict[str, Document], release: DocumentVersion, moderator: User, annotate: AnnotateFn
) -> None:
    annotation = annotate(moderator, release, FIGURE)
    v2 = new_version(seeds["001"], "Intro.\n" + release.text).version
    workflow.reanchor_annotations(release, v2)
    with pytest.raises(workflow.EditConflict):
        workflow.do_edit_annotation(
            annotation,
            moderator,
            base_revision=1,
            label=annotation.label,
            note="late edit",
            public=False,
        )


def test_an_orphan_can_be_reattached_to_the_new_version(
    seeds: dict[str, Document],
    release: DocumentVersion,
    three: dict[str, Annotation],
    moderator2: User,
) -> None:
    v2 = new_version(seeds["001"], edited_release(release.text)).version
    workflow.reanchor_annotations(release, v2)
    orphan = Annotation.objects.get(pk=three["quote"].pk)
    start, end = workflow.find_in_version(v2, "a global challenge requiring global solutions")
    workflow.do_reattach(orphan, moderator2, v2, start, end, base_revision=orphan.revision)
    orphan.refresh_from_db()
    assert not orphan.is_orphaned
    assert orphan.document_version == v2
    assert orphan.exact == "a global challenge requiring global solutions"
    assert orphan.events.filter(action=AnnotationEvent.Action.REATTACHED, actor=moderator2).exists()
    assert not Annotation.objects.orphaned().exists()
