"""The writes of "Check an article", each one action (`provenance.actions`).

A check is the educator's own working copy (found sources, kept for the retention
period), so making one is not audited; deleting one, and making or withdrawing a
class's link, are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone

from audit.log import Action, record
from checks import workflow
from checks.models import ClassToken
from provenance.actions import action

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.http import HttpRequest

    from checks.models import Check
    from checks.workflow import Article


@action
def do_check(owner: User, article: Article, token: ClassToken | None = None) -> Check:
    """Keep a check: done at once for a pasted text, queued for the worker for an address."""
    return workflow.keep_check(owner, article, token)


@action
def do_take_class_use(token: ClassToken, limit: int) -> bool:
    """Count one check against a class link's hourly allowance; False when it is used up."""
    return token.take_use(limit)


@action
def do_delete_check(actor: User, request: HttpRequest | None, check: Check) -> None:
    record(request, Action.CHECK_DELETED, check, actor=actor)
    check.delete()


@action
def do_create_class_link(actor: User, request: HttpRequest | None, label: str) -> ClassToken:
    """Make a link a class uses to check articles without accounts."""
    token = ClassToken.objects.create(label=label, created_by=actor)
    record(request, Action.CLASS_LINK_CREATED, token, actor=actor)
    return token


@action
def do_revoke_class_link(actor: User, request: HttpRequest | None, token: ClassToken) -> bool:
    """Withdraw a class link; False (and no entry) if it already was."""
    token = ClassToken.objects.select_for_update().get(pk=token.pk)
    if not token.is_active:
        return False
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record(request, Action.CLASS_LINK_REVOKED, token, actor=actor)
    return True


@action
def do_purge_expired_checks() -> int:
    """Delete every check past the retention period (the purge command; no actor)."""
    return workflow.purge_expired()


@action
def do_resume_checks() -> dict[str, int]:
    """The start-up sweep (no actor): queue again address checks whose worker stopped."""
    return workflow.resume()
