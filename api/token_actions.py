"""The writes of API tokens, each an action: the actor first, the audit entry inside.

These replace the token functions of `api/actions.py` (left there, unused, while the
document and import functions of that module move to their apps' actions).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from api import tokens
from api.models import ApiToken
from audit.log import Action, record
from provenance.actions import action

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.http import HttpRequest


@action
def do_create_token(
    actor: User,
    request: HttpRequest | None,
    name: str,
    *,
    days: int = tokens.DEFAULT_DAYS,
    scope: str = ApiToken.Scope.WRITE,
) -> tuple[ApiToken, str]:
    """Make a token for `actor`; return it and its secret (shown once, never stored)."""
    token, raw = tokens.create_token(actor, name, days=days, scope=scope)
    details = {"scope": token.scope, "expires_at": str(token.expires_at)}
    record(request, Action.API_TOKEN_CREATED, token, actor=actor, details=details)
    return token, raw


@action
def do_revoke_token(actor: User, request: HttpRequest | None, token: ApiToken) -> bool:
    """Revoke one of `actor`'s tokens; False (and no entry) if it already was."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if not tokens.revoke(token):
        return False
    record(request, Action.API_TOKEN_REVOKED, token, actor=actor)
    return True


@action
def do_note_token_use(token: ApiToken) -> None:
    """Move the token's last-used time on (at most every few minutes; no audit entry).

    Bookkeeping the token list shows, written by whoever calls with the token: the
    token's own user is the actor, and a read does not become an audited event.
    """
    tokens.touch(token)
