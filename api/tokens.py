"""The API-token workflow: make one (shown once), find its user, revoke it."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils import timezone

from api.models import ApiToken

if TYPE_CHECKING:
    from django.contrib.auth.models import User

NAME_MAX = 100
# A token lives this many days unless its maker asks otherwise, and at most MAX_DAYS:
# a forgotten token in an old script should stop working on its own.
DEFAULT_DAYS = 90
MAX_DAYS = 365
# Writing last_used_at on every call would make every GET a write; once a minute is enough.
TOUCH_EVERY = timedelta(minutes=1)


def digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def check_token(name: str, days: int) -> str:
    """Validate a new token's name and lifetime; return the cleaned name."""
    name = name.strip()
    if not name:
        raise ValidationError("Give the token a name, e.g. the script that will use it.")
    if len(name) > NAME_MAX:
        raise ValidationError(f"Keep the name under {NAME_MAX} characters.")
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError(f"A token lasts from 1 to {MAX_DAYS} days.")
    return name


def create_token(
    user: User,
    name: str,
    *,
    days: int = DEFAULT_DAYS,
    scope: str = ApiToken.Scope.WRITE,
) -> tuple[ApiToken, str]:
    """Make a token named `name`; return the row and the token itself (never stored)."""
    name = check_token(name, days)
    raw = "pvn_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name,
        digest=digest(raw),
        prefix=raw[:8],
        scope=scope,
        expires_at=timezone.now() + timedelta(days=days),
    )
    return token, raw


def token_for(raw: str) -> ApiToken | None:
    """Return this active token of an active user, else None.

    The lookup is by digest (an index), then the digests are compared in constant time,
    so neither the query nor the comparison tells an attacker how much of a guess was right.
    """
    if not raw or len(raw) > 200:
        return None
    wanted = digest(raw)
    token = ApiToken.objects.active().select_related("user").filter(digest=wanted).first()
    if token is None or not hmac.compare_digest(token.digest, wanted):
        return None
    if not token.user.is_active:
        return None
    return token


def needs_touch(token: ApiToken) -> bool:
    """Tell whether the token's last-used time is old enough to be written again."""
    return token.last_used_at is None or timezone.now() - token.last_used_at > TOUCH_EVERY


def touch(token: ApiToken) -> None:
    """Write the token's last-used time (call through `token_actions.do_note_token_use`)."""
    now = timezone.now()
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now


def user_for(raw: str) -> User | None:
    token = token_for(raw)
    return token.user if token is not None else None


def revoke(token: ApiToken) -> bool:
    """Stop a token working; return False if it already was revoked."""
    if token.revoked_at is not None:
        return False
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    return True


def revoke_all(user: User) -> int:
    """Revoke every active token of `user` (a new password, a deactivated account)."""
    return ApiToken.objects.of(user).active().update(revoked_at=timezone.now())
