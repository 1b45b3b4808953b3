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
# Writing last_used_at on every call would make every GET a write; once a minute is enough.
TOUCH_EVERY = timedelta(minutes=1)


def digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def create_token(user: User, name: str) -> tuple[ApiToken, str]:
    """Make a token named `name`; return the row and the token itself (never stored)."""
    name = name.strip()
    if not name:
        raise ValidationError("Give the token a name, e.g. the script that will use it.")
    if len(name) > NAME_MAX:
        raise ValidationError(f"Keep the name under {NAME_MAX} characters.")
    raw = "pvn_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, digest=digest(raw), prefix=raw[:8])
    return token, raw


def user_for(raw: str) -> User | None:
    """Return the active user holding this active token, else None.

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
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def revoke(token: ApiToken) -> bool:
    """Stop a token working; return False if it already was revoked."""
    if token.revoked_at is not None:
        return False
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    return True
