"""Template filters for the share-link panel: the on-screen QR code and the undo window."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from comparisons import sharing
from comparisons.handout import qr_svg
from comparisons.models import ShareLink

register = template.Library()


@register.filter
def share_qr(url: str) -> SafeString:
    """Draw the link's QR code as inline SVG, so a class can scan it off the projector."""
    return qr_svg(url)


@register.filter
def undoable(link: ShareLink) -> bool:
    return sharing.can_undo(link)
