"""The one way any page, export or API path fetches a comparison or a share link.

Comparisons go through `Comparison.objects.visible_to` (both documents visible to
the user, see `documents.models.visible_filter`), so an archived document's
comparisons answer 404 to everyone but admins. A share link answers 404 for a
token that never existed and 410 (`LinkWithdrawn`) for one that no longer opens:
revoked, expired, or on a comparison whose document was archived.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404
from django.shortcuts import get_object_or_404

from comparisons.models import DERIVATIVE, SOURCE, Comparison, ShareLink
from documents.models import not_archived

if TYPE_CHECKING:
    from provenance.roles import AnyUser

TOKEN_MAX = 64


class LinkWithdrawn(Exception):
    """A share link that existed but no longer opens its comparison (answered with 410)."""

    def __init__(self, link: ShareLink) -> None:
        super().__init__(f"Share link {link.pk} no longer opens its comparison.")
        self.link = link


def get_comparison_for(user: AnyUser, pk: int) -> Comparison:
    """Return the comparison (both documents fetched) if this user may see it, else 404."""
    return get_object_or_404(Comparison.objects.visible_to(user).with_documents(), pk=pk)


def get_share_link(token: str) -> ShareLink:
    """Return the link if it opens its comparison now; 404 if unknown, LinkWithdrawn if not."""
    if not token or len(token) > TOKEN_MAX:
        raise Http404("No such share link.")
    link = (
        ShareLink.objects.with_opens()
        .select_related(
            "comparison__source_version__document__outlet",
            "comparison__derivative_version__document__outlet",
        )
        .filter(token=token)
        .first()
    )
    if link is None:
        raise Http404("No such share link.")
    if not link.opens:
        raise LinkWithdrawn(link)
    return link


def links_withdrawn(comparison: Comparison) -> bool:
    """Tell whether the comparison's share links are withdrawn (a document of it is archived)."""
    live = Comparison.objects.filter(not_archived(SOURCE), not_archived(DERIVATIVE))
    return not live.filter(pk=comparison.pk).exists()


def get_share_link_for(user: AnyUser, pk: int) -> ShareLink:
    """Return a link, by id, on a comparison this user may see (to manage it), else 404."""
    links = ShareLink.objects.visible_to(user).select_related("comparison")
    return get_object_or_404(links, pk=pk)
