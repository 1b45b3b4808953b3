"""The writes of annotations, each an action: the actor first, the audit entry inside.

The rules (who may, what a change reopens, the compare-and-set on `revision`, the
annotation's own history) stay in `annotations.workflow` and `annotations.interchange`;
these functions are the one door pages, the API and commands use, so every change is
one durable transaction with its audit entry. Re-anchoring after a new version is the
system's doing (actor None) and keeps to the annotation's history, not the audit log.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from annotations import interchange, workflow
from annotations.models import Annotation, Label, Reply
from audit.log import Action, record
from documents.models import DocumentVersion
from provenance.actions import action

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.http import HttpRequest

    from annotations.forms import LabelForm
    from provenance.roles import AnyUser

logger = logging.getLogger(__name__)


def _details(annotation: Annotation, **extra: Any) -> dict[str, Any]:
    return {"revision": annotation.revision, **extra}


@action
def do_annotate(
    actor: User,
    request: HttpRequest | None,
    target: workflow.Target,
    label: Label,
    note: str = "",
    public: bool = False,
) -> Annotation:
    """Annotate a span: an open annotation, its first history entry, an audit entry."""
    annotation = workflow.do_create_annotation(actor, target, label, note, public)
    details = _details(annotation, label=label.slug, public=public)
    record(request, Action.ANNOTATION_CREATED, annotation, actor=actor, details=details)
    return annotation


@action
def do_edit(
    actor: AnyUser,
    request: HttpRequest | None,
    annotation: Annotation,
    *,
    base_revision: int,
    label: Label,
    note: str,
    public: bool,
) -> bool:
    """Save an edit made on `base_revision` (EditConflict if it moved on); False for a no-op."""
    changed = workflow.do_edit_annotation(
        annotation, actor, base_revision=base_revision, label=label, note=note, public=public
    )
    if changed:
        record(
            request, Action.ANNOTATION_EDITED, annotation, actor=actor, details=_details(annotation)
        )
    return changed


@action
def do_review(
    actor: AnyUser,
    request: HttpRequest | None,
    annotation: Annotation,
    status: str,
    *,
    base_revision: int | None = None,
) -> bool:
    """Confirm, dismiss or reopen; False for a no-op."""
    changed = workflow.do_set_status(annotation, actor, status, base_revision=base_revision)
    if changed:
        details = _details(annotation, status=status)
        record(request, Action.ANNOTATION_REVIEWED, annotation, actor=actor, details=details)
    return changed


@action
def do_reply(
    actor: User,
    request: HttpRequest | None,
    annotation: Annotation,
    body: str,
    parent: Reply | None = None,
) -> Reply:
    reply = workflow.do_add_reply(annotation, actor, body, parent)
    details = {"reply": reply.pk}
    record(request, Action.ANNOTATION_REPLIED, annotation, actor=actor, details=details)
    return reply


@action
def do_reattach(
    actor: AnyUser,
    request: HttpRequest | None,
    annotation: Annotation,
    version: DocumentVersion,
    start: int,
    end: int,
    *,
    base_revision: int,
) -> None:
    """Anchor an orphan to a span a moderator picked (a reviewed one goes back to review)."""
    workflow.do_reattach(annotation, actor, version, start, end, base_revision=base_revision)
    details = _details(annotation, version=version.number)
    record(request, Action.ANNOTATION_REATTACHED, annotation, actor=actor, details=details)


@action
def do_delete(
    actor: User, request: HttpRequest | None, annotation: Annotation, *, base_revision: int
) -> None:
    """Delete an annotation seen at `base_revision`; the audit entry keeps what it said."""
    workflow.do_delete_annotation(annotation, actor, base_revision=base_revision, request=request)


@action
def do_import_annotations(
    actor: User, request: HttpRequest | None, data: Any
) -> interchange.ImportReport:
    """Recreate annotations from a JSON-LD export (refused whole if any field is bad)."""
    report = interchange.do_import_jsonld(data, actor)
    details = {
        "created": len(report.created),
        "replies": report.replies,
        "skipped": len(report.skipped),
    }
    record(request, Action.ANNOTATIONS_IMPORTED, actor=actor, details=details)
    return report


@action
def do_reanchor(
    actor: User | None, old_version: DocumentVersion, new_version: DocumentVersion
) -> workflow.ReanchorReport:
    """Move a version's annotations onto a newer version (the system's doing: no audit entry)."""
    return workflow.reanchor_annotations(old_version, new_version)


@action
def do_add_label(actor: User, request: HttpRequest | None, form: LabelForm) -> Label:
    label: Label = form.save()
    record(request, Action.LABEL_ADDED, label, actor=actor)
    return label


@action
def do_retire_label(actor: User, request: HttpRequest | None, label: Label, retire: bool) -> bool:
    """Retire a label (or bring it back); False when it already was. Its annotations keep it."""
    if retire == label.is_retired:
        return False
    label.retired_at = timezone.now() if retire else None
    label.save(update_fields=["retired_at"])
    record(request, Action.LABEL_RETIRED if retire else Action.LABEL_RESTORED, label, actor=actor)
    return True


def on_version_created(sender: Any, version: DocumentVersion, **_kwargs: Any) -> None:
    """Signal receiver: bring a document's annotations onto its new version."""
    older = (
        Annotation.objects.anchored()
        .filter(document_version__document_id=version.document_id)
        .exclude(document_version=version)
        .values_list("document_version_id", flat=True)
        .distinct()
    )
    for old in DocumentVersion.objects.filter(pk__in=list(older), number__lt=version.number):
        report = do_reanchor(None, old, version)
        logger.info(
            "Re-anchored annotations from version %s to %s: %d exact, %d fuzzy, %d orphaned",
            old.pk,
            version.pk,
            len(report.moved),
            len(report.fuzzy),
            len(report.orphaned),
        )
