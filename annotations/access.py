"""The one way any page, export or API path fetches an annotation for a user.

Goes through `Annotation.objects.visible_to` (the rule lives in
`documents.models.visible_filter`): an annotation on an archived document
answers 404 to everyone but admins. What a user may then do with it is asked of
`annotations.permissions` (403 for read-only roles).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.shortcuts import get_object_or_404

from annotations.models import Annotation

if TYPE_CHECKING:
    from provenance.roles import AnyUser


def get_annotation_for(user: AnyUser, pk: int) -> Annotation:
    """Return the annotation (label, people and document fetched) if this user may see it."""
    return get_object_or_404(Annotation.objects.visible_to(user).with_related(), pk=pk)
