"""A reviewed annotation whose words survive only in another sentence goes back to review,
and off the share link, instead of keeping its verdict on words it never judged."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from annotations import anchoring, workflow
from annotations.models import Annotation
from comparisons.models import Comparison
from tests.annotations.conftest import new_version, span_of
from tests.conftest import make_document

pytestmark = pytest.mark.django_db

V1 = (
    "The minister announced a new fund of £9 million for rural bus routes.\n\n"
    "Councils will bid for the money from April."
)
V2 = (
    "The minister announced a fund for rural bus routes.\n\n"
    "Opposition critics said a further £9 million would be needed to keep routes open.\n\n"
    "Councils will bid for the money from April."
)


def test_the_same_words_in_another_sentence_are_placed_out_of_context() -> None:
    start = V1.index("£9 million")
    quote = anchoring.quote_for(V1, start, start + len("£9 million"))
    placed = anchoring.place(quote, V2)
    assert placed is not None and placed.quote.exact == "£9 million"
    assert placed.in_context is False
    # The same words with their sentence intact stay in context.
    kept = anchoring.place(quote, "Update.\n\n" + V1)
    assert kept is not None and kept.in_context is True


def test_a_confirmed_public_annotation_moved_to_other_words_reopens(
    moderator: User, moderator2: User, label: object, django_capture_on_commit_callbacks
) -> None:
    document = make_document("Bus fund", V1)
    version = document.current_version
    assert version is not None
    start, end = span_of(version, "£9 million")
    target = workflow.target_from_span(version, start, end, None)
    annotation = workflow.do_create_annotation(moderator, target, label, public=True)  # type: ignore[arg-type]
    workflow.do_set_status(annotation, moderator2, Annotation.Status.CONFIRMED)
    with django_capture_on_commit_callbacks(execute=True):
        v2 = new_version(document, V2).version
    annotation.refresh_from_db()
    assert annotation.document_version == v2
    assert v2.text[annotation.start : annotation.end] == "£9 million"
    assert annotation.status == Annotation.Status.OPEN
    assert annotation.reviewed_by is None
    # A share link shows only confirmed public annotations: this one is off it until reviewed.
    source = make_document("Release", V2)
    comparison = Comparison.objects.create(
        source_version=source.current_version, derivative_version=v2
    )
    assert annotation not in Annotation.objects.public_for(comparison)


def test_a_confirmed_annotation_whose_sentence_survives_stays_confirmed(
    moderator: User, moderator2: User, label: object, django_capture_on_commit_callbacks
) -> None:
    document = make_document("Bus fund", V1)
    version = document.current_version
    assert version is not None
    start, end = span_of(version, "£9 million")
    target = workflow.target_from_span(version, start, end, None)
    annotation = workflow.do_create_annotation(moderator, target, label, public=True)  # type: ignore[arg-type]
    workflow.do_set_status(annotation, moderator2, Annotation.Status.CONFIRMED)
    with django_capture_on_commit_callbacks(execute=True):
        new_version(document, "Updated 2 May.\n\n" + V1)
    annotation.refresh_from_db()
    assert annotation.status == Annotation.Status.CONFIRMED
