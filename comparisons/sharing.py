"""The share-link workflow: make, find and revoke read-only links to a comparison."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.utils import timezone

from comparisons.models import Comparison, ShareLink
from provenance import roles

EXPIRY_CHOICES = [
    ("", "Never (until revoked)"),
    ("1", "In 1 day"),
    ("7", "In 7 days"),
    ("30", "In 30 days"),
    ("365", "In a year"),
]


class ShareForm(forms.Form):
    expires_in = forms.TypedChoiceField(
        choices=EXPIRY_CHOICES, coerce=int, empty_value=None, required=False, label="Expires"
    )


def create_link(comparison: Comparison, user: Any, expires_in_days: int | None) -> ShareLink:
    """Make a new active link; the token is random (256 bits) and shown only to signed-in users."""
    expires_at = None
    if expires_in_days is not None:
        expires_at = timezone.now() + timedelta(days=expires_in_days)
    return ShareLink.objects.create(comparison=comparison, created_by=user, expires_at=expires_at)


# How long a revoked link can be brought back: long enough to undo a slip of the
# finger, short enough that a link someone meant to stop stays stopped.
UNDO_WINDOW = timedelta(seconds=60)


def revoke(link: ShareLink) -> bool:
    """Stop a link working; return False if it was already revoked (a no-op)."""
    if link.revoked_at is not None:
        return False
    link.revoked_at = timezone.now()
    link.save(update_fields=["revoked_at"])
    return True


def can_undo(link: ShareLink) -> bool:
    """Tell whether a revoked link was revoked recently enough to be restored."""
    return link.revoked_at is not None and timezone.now() - link.revoked_at <= UNDO_WINDOW


def restore(link: ShareLink) -> bool:
    """Undo a revocation made within UNDO_WINDOW; return False (changing nothing) if too late."""
    if not can_undo(link):
        return False
    link.revoked_at = None
    link.save(update_fields=["revoked_at"])
    return True


def links_for(comparison: Comparison, user: Any) -> list[ShareLink]:
    """Links a user may see on the comparison page: admins all, educators their own."""
    if not roles.can_share(user):
        return []
    links = comparison.share_links.select_related("created_by")
    if not roles.can_upload(user):
        links = links.filter(created_by=user)
    return list(links)
