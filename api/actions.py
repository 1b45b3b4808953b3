"""The API's own writes (its tokens), each one action: actor in, audit entry inside.

The writes to documents and imports moved to `documents.actions`, which the pages,
the API and the commands share.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from api import tokens
from api.models import ApiToken
from audit.log import Action, record

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.http import HttpRequest


def do_create_token(
    actor: User,
    request: HttpRequest | None,
    name: str,
    *,
    days: int = tokens.DEFAULT_DAYS,
    scope: str = ApiToken.Scope.WRITE,
) -> tuple[ApiToken, str]:
    """Make a token for `actor`; return it and its secret (shown once)."""
    with transaction.atomic(durable=True):
        token, raw = tokens.create_token(actor, name, days=days, scope=scope)
        details = {"scope": token.scope, "expires_at": str(token.expires_at)}
        record(request, Action.API_TOKEN_CREATED, token, actor=actor, details=details)
    return token, raw


def do_revoke_token(actor: User, request: HttpRequest | None, token: ApiToken) -> bool:
    """Revoke one of `actor`'s tokens; False (and no entry) if it already was."""
    with transaction.atomic(durable=True):
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if not tokens.revoke(token):
            return False
        record(request, Action.API_TOKEN_REVOKED, token, actor=actor)
    return True
