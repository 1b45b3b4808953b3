"""The annotation workflow: who may do what, status transitions, history and concurrency."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from annotations import workflow
from annotations.models import Annotation, AnnotationEvent, Label, Reply
from comparisons.models import Comparison
from documents.models import DocumentVersion
from tests.annotations.conftest import AnnotateFn, span_of

pytestmark = pytest.mark.django_db
Status = Annotation.Status
Action = AnnotationEvent.Action
WORDS = "Numbers of officers in northern France will increase by 40%"


@pytest.fixture
def mine(release: DocumentVersion, moderator: User, annotate: AnnotateFn) -> Annotation:
    return annotate(moderator, release, WORDS, note="Was it 40%?")


def edit(annotation: Annotation, user: User, **changes: object) -> bool:
    values = {
        "base_revision": annotation.revision,
        "label": annotation.label,
        "note": annotation.note,
        "public": annotation.public,
        **changes,
    }
    return workflow.do_edit_annotation(annotation, user, **values)  # type: ignore[arg-type]


# Creating ---------------------------------------------------------------------------


def test_moderator_creates_an_open_annotation_with_selectors(mine: Annotation) -> None:
    assert mine.status == Status.OPEN
    assert mine.exact == WORDS
    assert mine.document_version.text[mine.start : mine.end] == WORDS
    assert mine.revision == 1
    assert mine.events.get().action == Action.CREATED


@pytest.mark.parametrize("persona", ["educator", "outsider"])
def test_readers_and_outsiders_cannot_annotate(
    persona: str, request: pytest.FixtureRequest, release: DocumentVersion, annotate: AnnotateFn
) -> None:
    with pytest.raises(PermissionDenied):
        annotate(request.getfixturevalue(persona), release, WORDS)
    assert not Annotation.objects.exists()


def test_admin_annotates(
    admin_member: User, release: DocumentVersion, annotate: AnnotateFn
) -> None:
    assert annotate(admin_member, release, WORDS).created_by == admin_member


def test_a_retired_label_cannot_be_used(
    moderator: User, release: DocumentVersion, annotate: AnnotateFn, label: Label
) -> None:
    label.retired_at = timezone.now()
    label.save(update_fields=["retired_at"])
    with pytest.raises(ValidationError, match="retired"):
        annotate(moderator, release, WORDS)


def test_selection_whitespace_is_trimmed_and_empty_selection_refused(
    release: DocumentVersion,
) -> None:
    start, end = span_of(release, WORDS)
    target = workflow.target_from_span(release, start - 2, end + 1)
    assert release.text[target.start : target.end] == WORDS
    with pytest.raises(ValidationError):
        workflow.target_from_span(release, 0, len(release.text) + 5)


def test_a_finding_targets_its_derivative_span(
    demo_comparison: Comparison, moderator: User, label: Label
) -> None:
    findings = demo_comparison.engine_result.findings
    index = next(i for i, f in enumerate(findings) if f.type == "name_added")
    target = workflow.target_from_comparison(demo_comparison, finding=index)
    assert target.version == demo_comparison.derivative_version
    assert "Suella Braverman" in target.version.text[target.start : target.end]
    annotation = workflow.do_create_annotation(moderator, target, label)
    assert annotation.finding_index == index
    assert annotation.comparison == demo_comparison


def test_a_passage_on_another_comparison_side_can_be_asked_for(
    demo_comparison: Comparison,
) -> None:
    passages = demo_comparison.engine_result.passages
    index = next(i for i, p in enumerate(passages) if p.kind == "omitted")
    target = workflow.target_from_comparison(demo_comparison, passage=index)
    assert target.version == demo_comparison.source_version
    assert target.passage_index == index


# Editing ----------------------------------------------------------------------------


def test_author_edits_and_history_records_what_changed(mine: Annotation, moderator: User) -> None:
    other = Label.objects.get(slug="trimmed-context")
    assert edit(mine, moderator, label=other, note="Trimmed, not changed.", public=True)
    mine.refresh_from_db()
    assert (mine.label, mine.note, mine.public, mine.revision) == (
        other,
        "Trimmed, not changed.",
        True,
        2,
    )
    event = mine.events.get(action=Action.EDITED)
    assert event.actor == moderator
    assert event.changes == {
        "label": ["Changed figure", "Trimmed context"],
        "note": ["Was it 40%?", "Trimmed, not changed."],
        "public": [False, True],
    }


def test_an_unchanged_edit_is_a_no_op(mine: Annotation, moderator: User) -> None:
    assert edit(mine, moderator) is False
    mine.refresh_from_db()
    assert mine.revision == 1
    assert mine.events.count() == 1


def test_moderator_cannot_edit_another_moderators_annotation(
    mine: Annotation, moderator2: User
) -> None:
    with pytest.raises(PermissionDenied):
        edit(mine, moderator2, note="mine now")


@pytest.mark.parametrize("persona", ["educator", "outsider"])
def test_readers_cannot_edit(
    persona: str, request: pytest.FixtureRequest, mine: Annotation
) -> None:
    with pytest.raises(PermissionDenied):
        edit(mine, request.getfixturevalue(persona), note="x")


def test_admin_edits_anyones_annotation(mine: Annotation, admin_member: User) -> None:
    assert edit(mine, admin_member, note="Checked against the archive.")
    assert mine.events.last().actor == admin_member


def test_the_second_of_two_concurrent_edits_is_refused_with_the_current_text(
    mine: Annotation, moderator: User, admin_member: User
) -> None:
    stale = Annotation.objects.get(pk=mine.pk)  # a second browser tab, loaded at revision 1
    edit(mine, admin_member, note="The admin's wording.")
    with pytest.raises(workflow.EditConflict) as refused:
        edit(stale, moderator, note="The moderator's wording.")
    assert refused.value.current.note == "The admin's wording."
    assert "not saved" in str(refused.value)
    mine.refresh_from_db()
    assert mine.note == "The admin's wording."
    assert mine.events.filter(action=Action.EDITED).count() == 1


def test_editing_the_wording_of_a_confirmed_annotation_reopens_it(
    mine: Annotation, moderator: User, moderator2: User
) -> None:
    workflow.do_set_status(mine, moderator2, Status.CONFIRMED)
    edit(mine, moderator, note="A different claim now.")
    mine.refresh_from_db()
    assert mine.status == Status.OPEN
    assert mine.reviewed_by is None
    assert mine.events.last().changes["status"] == ["confirmed", "open"]


def test_making_a_confirmed_annotation_public_sends_it_back_to_review(
    mine: Annotation, moderator: User, moderator2: User
) -> None:
    # Confirmed as a private note is not confirmed for share links (issue 15).
    workflow.do_set_status(mine, moderator2, Status.CONFIRMED)
    edit(mine, moderator, public=True)
    mine.refresh_from_db()
    assert (mine.status, mine.public) == (Status.OPEN, True)


# Reviewing --------------------------------------------------------------------------


def test_another_moderator_confirms_and_the_review_is_recorded(
    mine: Annotation, moderator2: User
) -> None:
    assert workflow.do_set_status(mine, moderator2, Status.CONFIRMED)
    mine.refresh_from_db()
    assert mine.status == Status.CONFIRMED
    assert mine.reviewed_by == moderator2
    assert mine.reviewed_at is not None
    event = mine.events.get(action=Action.STATUS)
    assert (event.actor, event.changes["status"]) == (moderator2, ["open", "confirmed"])


def test_a_moderator_cannot_confirm_their_own_annotation(mine: Annotation, moderator: User) -> None:
    with pytest.raises(PermissionDenied, match="own annotation"):
        workflow.do_set_status(mine, moderator, Status.CONFIRMED)
    mine.refresh_from_db()
    assert mine.status == Status.OPEN


def test_an_admin_may_confirm_their_own_annotation(
    admin_member: User, release: DocumentVersion, annotate: AnnotateFn
) -> None:
    annotation = annotate(admin_member, release, WORDS)
    assert workflow.do_set_status(annotation, admin_member, Status.CONFIRMED)


def test_another_moderator_dismisses_and_then_reopens(mine: Annotation, moderator2: User) -> None:
    workflow.do_set_status(mine, moderator2, Status.DISMISSED)
    assert mine.status == Status.DISMISSED
    workflow.do_set_status(mine, moderator2, Status.OPEN)
    assert mine.status == Status.OPEN
    actions = [e.changes["status"] for e in mine.events.filter(action=Action.STATUS)]
    assert actions == [["open", "dismissed"], ["dismissed", "open"]]


def test_a_confirmed_annotation_can_be_reopened(mine: Annotation, moderator2: User) -> None:
    workflow.do_set_status(mine, moderator2, Status.CONFIRMED)
    workflow.do_set_status(mine, moderator2, Status.OPEN)
    mine.refresh_from_db()
    assert mine.status == Status.OPEN


def test_an_author_may_withdraw_and_restore_but_not_reopen_a_confirmation(
    mine: Annotation, moderator: User, moderator2: User
) -> None:
    workflow.do_set_status(mine, moderator, Status.DISMISSED)
    workflow.do_set_status(mine, moderator, Status.OPEN)
    workflow.do_set_status(mine, moderator2, Status.CONFIRMED)
    with pytest.raises(PermissionDenied):
        workflow.do_set_status(mine, moderator, Status.OPEN)


def test_educators_cannot_review(mine: Annotation, educator: User) -> None:
    for status in Status.values:
        with pytest.raises(PermissionDenied):
            workflow.do_set_status(mine, educator, status)


def test_setting_the_same_status_is_a_no_op(mine: Annotation, moderator2: User) -> None:
    assert workflow.do_set_status(mine, moderator2, Status.OPEN) is False
    assert not mine.events.filter(action=Action.STATUS).exists()


def test_a_review_based_on_a_stale_page_is_refused(
    mine: Annotation, moderator: User, moderator2: User, admin_member: User
) -> None:
    edit(mine, moderator, note="Reworded after the reviewer loaded the page.")
    with pytest.raises(workflow.EditConflict):
        workflow.do_set_status(mine, moderator2, Status.CONFIRMED, base_revision=1)


def test_an_unknown_status_is_refused(mine: Annotation, moderator2: User) -> None:
    with pytest.raises(ValidationError):
        workflow.do_set_status(mine, moderator2, "approved")


# Replies ----------------------------------------------------------------------------


def test_replies_thread_under_their_parent(
    mine: Annotation, moderator: User, moderator2: User
) -> None:
    question = workflow.do_add_reply(mine, moderator2, "Which figure?")
    answer = workflow.do_add_reply(mine, moderator, "The **40%**.", parent=question)
    assert answer.parent == question
    assert list(question.children.all()) == [answer]
    assert list(mine.replies.all()) == [question, answer]


def test_educators_cannot_reply_and_empty_replies_are_refused(
    mine: Annotation, educator: User, moderator2: User
) -> None:
    with pytest.raises(PermissionDenied):
        workflow.do_add_reply(mine, educator, "Nice")
    with pytest.raises(ValidationError):
        workflow.do_add_reply(mine, moderator2, "   ")
    assert not Reply.objects.exists()


def test_history_lists_every_change_in_order(
    mine: Annotation, moderator: User, moderator2: User
) -> None:
    edit(mine, moderator, public=True)
    workflow.do_set_status(mine, moderator2, Status.CONFIRMED)
    actions = list(mine.events.values_list("action", flat=True))
    assert actions == [Action.CREATED, Action.EDITED, Action.STATUS]
