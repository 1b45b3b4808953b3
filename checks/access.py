"""The one way a page fetches a check or a class token.

A check is its owner's alone (404 to anyone else, admins included: it holds an
article someone pasted, not a corpus document). A class token answers 404 when
unknown and 410 (`TokenWithdrawn`) once its educator revoked it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404
from django.shortcuts import get_object_or_404

from checks.models import Check, ClassToken

if TYPE_CHECKING:
    from provenance.roles import AnyUser

TOKEN_MAX = 64


class TokenWithdrawn(Exception):
    """A class token its educator revoked (answered with 410)."""


def get_check_for(user: AnyUser, pk: int) -> Check:
    return get_object_or_404(Check.objects.visible_to(user), pk=pk)


def get_class_token(token: str) -> ClassToken:
    """Return an active class token; 404 if unknown, TokenWithdrawn if revoked."""
    if not token or len(token) > TOKEN_MAX:
        raise Http404("No such class link.")
    found = ClassToken.objects.select_related("created_by").filter(token=token).first()
    if found is None:
        raise Http404("No such class link.")
    if not found.is_active:
        raise TokenWithdrawn(token)
    return found


def get_class_check(token: ClassToken, pk: int) -> Check:
    return get_object_or_404(Check.objects.for_token(token), pk=pk)


def get_token_for(user: AnyUser, pk: int) -> ClassToken:
    """One of the user's own class tokens, by id (to revoke it), else 404."""
    if not user.is_authenticated:
        raise Http404("No such class link.")
    return get_object_or_404(ClassToken.objects.filter(created_by=user), pk=pk)
