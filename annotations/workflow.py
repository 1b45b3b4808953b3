"""The annotation workflow: create, edit, review, reply, re-anchor, re-attach.

Each write is a `check_…` (validate, raise) and `do_…` (write, inside
`transaction.atomic()`) pair, and every change to an annotation records an
AnnotationEvent in the same transaction, so history cannot miss a change. Pages, the
API and commands call them only through `annotations.actions`, which makes each one
an action with its audit entry.
Every write bumps `Annotation.revision`; an edit or review based on an older
revision is refused with `EditConflict` instead of overwriting someone's work.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from annotations import anchoring, permissions
from annotations.models import Annotation, AnnotationEvent, Label, Reply
from audit.log import Action as AuditAction
from audit.log import record
from documents.models import DocumentVersion
from provenance import events

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from comparisons.models import Comparison
    from provenance.roles import AnyUser

Status = Annotation.Status
Action = AnnotationEvent.Action
# A reviewer's verdict: confirmed or dismissed (rejected).
REVIEWED = frozenset({Status.CONFIRMED, Status.DISMISSED})
# What an annotation's fields become when a change needs a reviewer's eyes again.
BACK_TO_REVIEW: dict[str, Any] = {"status": Status.OPEN, "reviewed_by": None, "reviewed_at": None}


class EditConflict(Exception):
    """Someone else saved the annotation first; `current` is what they saved."""

    def __init__(self, current: Annotation) -> None:
        super().__init__(
            "Someone else changed this annotation while you were editing it. "
            "Your change was not saved; here is the current version."
        )
        self.current = current


@dataclass(frozen=True)
class Target:
    """What a new annotation points at: a span of one version, maybe from a comparison."""

    version: DocumentVersion
    start: int
    end: int
    comparison: Comparison | None = None
    passage_index: int | None = None
    finding_index: int | None = None


def _record(annotation: Annotation, actor: Any, action: str, changes: dict[str, Any]) -> None:
    AnnotationEvent.objects.create(
        annotation=annotation,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        changes=changes,
    )


def _diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {k: [before[k], after[k]] for k in after if before.get(k) != after[k]}


# Targets ------------------------------------------------------------------------------


def target_from_span(
    version: DocumentVersion, start: int, end: int, comparison: Comparison | None = None
) -> Target:
    """Check a selected span; trim whitespace at its ends so quotes start on words."""
    text = version.text
    if not 0 <= start < end <= len(text):
        raise ValidationError("The selection is not inside the text. Select some words again.")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise ValidationError("The selection holds only spaces. Select some words.")
    if comparison is not None and version.pk not in (
        comparison.source_version_id,
        comparison.derivative_version_id,
    ):
        raise ValidationError("That text is not part of this comparison.")
    return Target(version, start, end, comparison)


def _side_span(item: Any, side: str | None) -> tuple[str, tuple[int, int]]:
    # The derivative is the text being checked, so a passage or finding lands there by default.
    order = ["source", "derivative"] if side == "source" else ["derivative", "source"]
    for name in order:
        span = getattr(item, f"{name}_span")
        if span is not None and span[1] > span[0]:
            return name, span
    raise ValidationError("That passage or finding has no text to annotate.")


def target_from_comparison(
    comparison: Comparison,
    *,
    passage: int | None = None,
    finding: int | None = None,
    side: str | None = None,
) -> Target:
    """The span of one passage or finding of a done comparison."""
    result = comparison.engine_result
    items = result.passages if passage is not None else result.findings
    index = passage if passage is not None else finding
    if index is None or not 0 <= index < len(items):
        raise ValidationError("That passage or finding is not in this comparison.")
    name, (start, end) = _side_span(items[index], side)
    version = comparison.source_version if name == "source" else comparison.derivative_version
    target = target_from_span(version, start, end, comparison)
    return Target(
        version,
        target.start,
        target.end,
        comparison,
        passage_index=passage,
        finding_index=finding,
    )


# Create and edit ----------------------------------------------------------------------


def check_create(user: AnyUser, target: Target, label: Label) -> anchoring.Quote:
    if not permissions.can_create(user):
        raise PermissionDenied("Only moderators and admins can annotate.")
    if label.is_retired:
        raise ValidationError(f"The label “{label}” is retired. Pick another.")
    return anchoring.quote_for(target.version.text, target.start, target.end)


def do_create_annotation(
    user: User, target: Target, label: Label, note: str = "", public: bool = False
) -> Annotation:
    """Create an open annotation and its first history entry."""
    quote = check_create(user, target, label)
    with transaction.atomic():
        annotation = Annotation.objects.create(
            document_version=target.version,
            comparison=target.comparison,
            start=quote.start,
            end=quote.end,
            exact=quote.exact,
            prefix=quote.prefix,
            suffix=quote.suffix,
            passage_index=target.passage_index,
            finding_index=target.finding_index,
            label=label,
            note=note,
            public=public,
            created_by=user,
        )
        _record(annotation, user, Action.CREATED, annotation.snapshot())
    return annotation


def check_edit(user: AnyUser, annotation: Annotation, label: Label) -> None:
    if not permissions.can_edit(user, annotation):
        raise PermissionDenied("Moderators can edit only their own annotations.")
    if label.is_retired and label.pk != annotation.label_id:
        raise ValidationError(f"The label “{label}” is retired. Pick another.")


def do_edit_annotation(
    annotation: Annotation,
    user: AnyUser,
    *,
    base_revision: int,
    label: Label,
    note: str,
    public: bool,
) -> bool:
    """Save an edit made on `base_revision`; return False for a no-op.

    Raises EditConflict when the annotation changed since that revision. A new
    label or note reopens a confirmed annotation: the confirmation covered the
    old wording, and share links must not show words nobody reviewed. Making a
    reviewed annotation public reopens it too: it was judged as a private note,
    and going public on share links is a new decision a reviewer must make.
    """
    check_edit(user, annotation, label)
    with transaction.atomic():
        current = _fresh(annotation.pk)
        if current.revision != base_revision:
            raise EditConflict(current)
        before = current.snapshot()
        fields: dict[str, Any] = {"label": label, "note": note, "public": public}
        wording_changed = label.pk != current.label_id or note != current.note
        if not wording_changed and public == current.public:
            return False
        made_public = public and not current.public
        if (wording_changed and current.status == Status.CONFIRMED) or (
            made_public and current.status in REVIEWED
        ):
            fields.update(BACK_TO_REVIEW)
        _update(current, base_revision, fields)
        _record(current, user, Action.EDITED, _diff(before, current.snapshot()))
    _copy(current, annotation)
    return True


def _fresh(pk: int) -> Annotation:
    return Annotation.objects.select_for_update().select_related("label").get(pk=pk)


def _update(current: Annotation, base_revision: int, fields: dict[str, Any]) -> None:
    """Write `fields` only if nobody saved since `base_revision` (the compare-and-set)."""
    now = timezone.now()
    written = Annotation.objects.filter(pk=current.pk, revision=base_revision).update(
        **fields, revision=base_revision + 1, updated_at=now
    )
    if written == 0:
        raise EditConflict(Annotation.objects.select_related("label").get(pk=current.pk))
    for name, value in fields.items():
        setattr(current, name, value)
    current.revision = base_revision + 1
    current.updated_at = now


def _copy(source: Annotation, target: Annotation) -> None:
    for f in Annotation._meta.concrete_fields:
        setattr(target, f.attname, getattr(source, f.attname))
    target.label = source.label


# Review -------------------------------------------------------------------------------


def check_set_status(user: AnyUser, annotation: Annotation, status: str) -> None:
    if status not in Status.values:
        raise ValidationError("Pick open, confirmed or dismissed.")
    if not permissions.can_set_status(user, annotation, status):
        if status == Status.CONFIRMED and permissions.is_author(user, annotation):
            raise PermissionDenied(
                "You cannot confirm your own annotation: another moderator must review it."
            )
        raise PermissionDenied("You may not change the status of this annotation.")


def do_set_status(
    annotation: Annotation, user: AnyUser, status: str, *, base_revision: int | None = None
) -> bool:
    """Confirm, dismiss or reopen; record who and when. Return False for a no-op."""
    check_set_status(user, annotation, status)
    with transaction.atomic():
        current = _fresh(annotation.pk)
        revision = current.revision if base_revision is None else base_revision
        if current.revision != revision:
            raise EditConflict(current)
        if current.status == status:
            return False
        before = current.snapshot()
        fields = {"status": status, "reviewed_by": user, "reviewed_at": timezone.now()}
        _update(current, revision, fields)
        _record(current, user, Action.STATUS, _diff(before, current.snapshot()))
        events.emit(events.annotation_reviewed, events.annotation_reviewed_payload(current))
    _copy(current, annotation)
    return True


# Replies ------------------------------------------------------------------------------


def do_add_reply(
    annotation: Annotation, user: User, body: str, parent: Reply | None = None
) -> Reply:
    if not permissions.can_reply(user):
        raise PermissionDenied("Only moderators and admins can reply.")
    if not body.strip():
        raise ValidationError("Write something to reply.")
    if parent is not None and parent.annotation_id != annotation.pk:
        raise ValidationError("That reply belongs to another annotation.")
    return Reply.objects.create(annotation=annotation, author=user, body=body, parent=parent)


# Re-anchoring -------------------------------------------------------------------------


@dataclass
class ReanchorReport:
    moved: list[Annotation] = field(default_factory=list)
    fuzzy: list[Annotation] = field(default_factory=list)
    orphaned: list[Annotation] = field(default_factory=list)


def reanchor_annotations(
    old_version: DocumentVersion, new_version: DocumentVersion
) -> ReanchorReport:
    """Move the anchored annotations on old_version to new_version, or make them orphans.

    One transaction for the lot: a version's annotations move together or not at all.
    """
    report = ReanchorReport()
    if old_version.pk == new_version.pk:
        return report
    positions = anchoring.PositionMap(old_version.text, new_version.text)
    with transaction.atomic():
        todo = Annotation.objects.anchored().on_version(old_version).select_for_update()
        for annotation in todo.select_related("label"):
            quote = anchoring.Quote(
                annotation.start,
                annotation.end,
                annotation.exact,
                annotation.prefix,
                annotation.suffix,
            )
            placed = anchoring.place(quote, new_version.text, positions)
            before = annotation.snapshot()
            if placed is None:
                fields: dict[str, Any] = {
                    "anchor_state": Annotation.Anchor.ORPHANED,
                    "orphaned_on": new_version,
                }
                extra: dict[str, object] = {"new_version": new_version.pk}
                action = Action.ORPHANED
                report.orphaned.append(annotation)
            else:
                q = placed.quote
                fields = {
                    "document_version": new_version,
                    "start": q.start,
                    "end": q.end,
                    "exact": q.exact,
                    "prefix": q.prefix,
                    "suffix": q.suffix,
                }
                moved_words = q.exact != annotation.exact or not placed.in_context
                if moved_words and annotation.status in REVIEWED:
                    # Placed on reworded text, or on the same words in another sentence:
                    # the review judged something else.
                    fields.update(BACK_TO_REVIEW)
                action = Action.REANCHORED
                extra = {
                    "method": placed.method,
                    "similarity": round(placed.similarity, 3),
                    "in_context": placed.in_context,
                }
                (report.fuzzy if placed.method == "fuzzy" else report.moved).append(annotation)
            _update(annotation, annotation.revision, fields)
            _record(annotation, None, action, {**_diff(before, annotation.snapshot()), **extra})
    return report


def check_reattach(user: AnyUser, annotation: Annotation) -> None:
    if not permissions.can_reattach(user, annotation):
        raise PermissionDenied("Only moderators and admins can re-attach annotations.")
    if not annotation.is_orphaned:
        # Moving a placed annotation would carry its review over to words nobody reviewed.
        raise ValidationError(
            "Only an annotation that lost its place in a new version can be re-attached."
        )


def do_reattach(
    annotation: Annotation,
    user: AnyUser,
    version: DocumentVersion,
    start: int,
    end: int,
    *,
    base_revision: int,
) -> None:
    """Anchor an orphan to a span a moderator picked; a reviewed one goes back to review.

    The review judged the old words: on new words it is open again, and a public
    one is off share links until someone confirms it.
    """
    check_reattach(user, annotation)
    if version.document_id != annotation.document_version.document_id:
        raise ValidationError("An annotation can only move within its own document.")
    target = target_from_span(version, start, end)
    quote = anchoring.quote_for(version.text, target.start, target.end)
    with transaction.atomic():
        current = _fresh(annotation.pk)
        if current.revision != base_revision:
            raise EditConflict(current)
        if not current.is_orphaned:
            raise ValidationError("Someone else already re-attached this annotation.")
        before = current.snapshot()
        fields: dict[str, Any] = {
            "document_version": version,
            "start": quote.start,
            "end": quote.end,
            "exact": quote.exact,
            "prefix": quote.prefix,
            "suffix": quote.suffix,
            "anchor_state": Annotation.Anchor.ANCHORED,
            "orphaned_on": None,
        }
        if current.status in REVIEWED:
            fields.update(BACK_TO_REVIEW)
        _update(current, base_revision, fields)
        _record(current, user, Action.REATTACHED, _diff(before, current.snapshot()))
    _copy(current, annotation)


def find_in_version(version: DocumentVersion, words: str, near: int = 0) -> tuple[int, int]:
    """Locate words a moderator typed (for re-attaching without JavaScript)."""
    words = words.strip()
    if not words:
        raise ValidationError("Type the words to attach the annotation to.")
    quote = anchoring.Quote(near, near + len(words), words, "", "")
    placed = anchoring.place(quote, version.text)
    if placed is None:
        raise ValidationError("Those words are not in the current version of the text.")
    return placed.quote.start, placed.quote.end


# Delete -------------------------------------------------------------------------------


def check_delete(user: AnyUser, annotation: Annotation) -> None:
    if not permissions.can_edit(user, annotation):
        raise PermissionDenied("Moderators can delete only their own annotations.")


def do_delete_annotation(
    annotation: Annotation, user: User, *, base_revision: int, request: Any = None
) -> None:
    """Delete an annotation seen at `base_revision`, with its replies and history.

    Raises EditConflict when it changed since: nobody deletes words they have not
    seen. Its history goes with it, so the audit log keeps what was deleted, written
    in the same transaction.
    """
    check_delete(user, annotation)
    with transaction.atomic():
        current = _fresh(annotation.pk)
        if current.revision != base_revision:
            raise EditConflict(current)
        details = {**current.snapshot(), "revision": current.revision}
        record(request, AuditAction.ANNOTATION_DELETED, current, actor=user, details=details)
        current.delete()
