"""The writes of share links, each an action: the actor first, the audit entry inside.

A module of its own beside `comparisons.actions` (the comparisons' writes, kept by
another part of the project) so that sharing, a people-facing permission, has its one
door here. The rules (expiry, the minute in which a revocation can be undone) stay in
`comparisons.sharing`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from audit.log import Action, record
from comparisons import sharing
from comparisons.models import ShareLink
from provenance.actions import action

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.http import HttpRequest

    from comparisons.models import Comparison


def _locked(link: ShareLink) -> ShareLink:
    # Two admins revoking at once: the second finds it revoked and changes nothing.
    return ShareLink.objects.select_for_update().get(pk=link.pk)


@action
def do_share(
    actor: User, request: HttpRequest | None, comparison: Comparison, expires_in_days: int | None
) -> ShareLink:
    """Make a new read-only link to `comparison`."""
    link = sharing.create_link(comparison, actor, expires_in_days)
    details = {"comparison": comparison.pk, "expires_at": str(link.expires_at or "")}
    record(request, Action.SHARE_LINK_CREATED, link, actor=actor, details=details)
    return link


@action
def do_revoke(actor: User, request: HttpRequest | None, link: ShareLink) -> bool:
    """Stop a link working; False (and no entry) if it already was revoked."""
    current = _locked(link)
    if not sharing.revoke(current):
        return False
    link.revoked_at = current.revoked_at
    record(request, Action.SHARE_LINK_REVOKED, current, actor=actor)
    return True


@action
def do_restore(actor: User, request: HttpRequest | None, link: ShareLink) -> bool:
    """Undo a revocation made within the undo window; False (changing nothing) if too late."""
    current = _locked(link)
    if not sharing.restore(current):
        return False
    link.revoked_at = None
    record(request, Action.SHARE_LINK_RESTORED, current, actor=actor)
    return True
