"""Who may do what to an annotation; views and the workflow both ask here.

Built on `provenance.roles` capabilities: moderators create annotations, edit
their own and review other people's; admins do everything; educators read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from provenance import roles

if TYPE_CHECKING:
    from annotations.models import Annotation
    from provenance.roles import AnyUser


def is_admin(user: AnyUser) -> bool:
    return roles.ADMINS in roles.roles_of(user)


def can_create(user: AnyUser) -> bool:
    return roles.can_annotate(user)


def is_author(user: AnyUser, annotation: Annotation) -> bool:
    return user.is_authenticated and annotation.created_by_id == user.pk


def can_edit(user: AnyUser, annotation: Annotation) -> bool:
    """Admins edit any annotation; moderators only their own."""
    return is_admin(user) or (roles.can_annotate(user) and is_author(user, annotation))


def can_set_status(user: AnyUser, annotation: Annotation, status: str) -> bool:
    """Review others' annotations; an author may withdraw (dismiss) and restore their own.

    Only confirming is a judgement a second pair of eyes must make, so a
    moderator never confirms their own annotation; admins may (`can_review_any`).
    """
    from annotations.models import Annotation

    if not roles.can_annotate(user):
        return False
    if roles.can_review_any(user) or not is_author(user, annotation):
        return True
    if status == Annotation.Status.DISMISSED:
        return True
    return status == Annotation.Status.OPEN and annotation.status == Annotation.Status.DISMISSED


def can_reply(user: AnyUser) -> bool:
    return roles.can_annotate(user)


def can_reattach(user: AnyUser, annotation: Annotation) -> bool:
    """Any annotator may rescue an orphan: the moderators share the orphan list."""
    return roles.can_annotate(user)


def can_manage_labels(user: AnyUser) -> bool:
    return is_admin(user)


def can_import(user: AnyUser) -> bool:
    return is_admin(user)
