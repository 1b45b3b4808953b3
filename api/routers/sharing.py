"""Share links: revoke one (made on a comparison, see the comparisons router)."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from ninja import Router

from api.auth import sharer
from api.routers.common import responses
from api.schemas import ShareLinkOut, share_link_out
from comparisons import share_actions
from comparisons.access import get_share_link_for

router = Router(tags=["share links"])


@router.post(
    "/{id:pk}/revoke", response=responses({200: ShareLinkOut}), url_name="share_link_revoke"
)
def share_link_revoke(request: HttpRequest, pk: int) -> ShareLinkOut:
    """Stop a link working (its maker or an admin); revoking twice changes nothing."""
    user = sharer(request)
    link = get_share_link_for(user, pk)
    if not link.can_revoke(user):
        # Educators manage only their own links and never list others': such a link is
        # as unknown to them as one that does not exist.
        raise Http404("No such share link.")
    share_actions.do_revoke(user, request, link)
    return share_link_out(request, link)
