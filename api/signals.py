"""A new password or a deactivated account revokes the user's API tokens.

Hooked to the user model's saves rather than to each page that changes a password (the
account page, a reset link, the admin, `changepassword`), so no path can miss it.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.hashers import check_password
from django.contrib.auth.models import User

from api import tokens


def note_credential_change(sender: type[User], instance: User, **kwargs: Any) -> None:
    """Before a save: remember whether this save changes the password or deactivates."""
    if instance.pk is None:
        return
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and not {"password", "is_active"} & set(update_fields):
        return  # e.g. the last_login written on every sign-in
    old = User.objects.filter(pk=instance.pk).values("password", "is_active").first()
    if old is None:
        return
    new_password = old["password"] != instance.password
    raw = getattr(instance, "_password", None)
    if new_password and raw is not None and check_password(raw, old["password"]):
        # The same password stored with a stronger hash (Django upgrades it on sign-in).
        new_password = False
    deactivated = old["is_active"] and not instance.is_active
    instance._revoke_api_tokens = new_password or deactivated  # type: ignore[attr-defined]


def revoke_after_change(sender: type[User], instance: User, **kwargs: Any) -> None:
    if getattr(instance, "_revoke_api_tokens", False):
        tokens.revoke_all(instance)
        instance._revoke_api_tokens = False  # type: ignore[attr-defined]
