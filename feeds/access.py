"""The one getter for a feed: admins only (everyone else has been refused by the view)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from feeds.models import Feed


def get_feed_for(user: object, pk: int) -> Feed:
    """The feed `pk` for an admin; 404 for an unknown id. Callers check the role first."""
    return get_object_or_404(Feed, pk=pk)
