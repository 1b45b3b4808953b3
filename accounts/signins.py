"""Sign-ins, failures, lockouts and sign-outs go to the audit log and to Python logging.

django-axes counts the failures and locks an account out (settings.AXES_*); this
module only records what happened, from Django's and axes' signals, each entry an
action (see `accounts.actions.note_sign_in_event`).
"""

from __future__ import annotations

import logging
from typing import Any

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.http import HttpRequest

from accounts.actions import note_sign_in_event
from audit.log import Action, client_ip

logger = logging.getLogger("provenance.signins")


def _tried_name(credentials: dict[str, Any]) -> str:
    return str(credentials.get("username") or "")[:150]


def on_login(sender: Any, request: HttpRequest | None, user: Any, **_kwargs: Any) -> None:
    logger.info("sign-in: %s from %s", user.get_username(), client_ip(request) or "-")
    note_sign_in_event(request, Action.LOGIN, obj=user, actor=user)


def on_login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **_kwargs: Any
) -> None:
    # axes' own receiver ran first (its app is installed earlier): during a lockout the
    # lockout entry says it all, so a failure entry per refused guess would only be noise.
    if request is not None and getattr(request, "axes_locked_out", False):
        return
    name = _tried_name(credentials)
    logger.warning("failed sign-in: %r from %s", name, client_ip(request) or "-")
    note_sign_in_event(request, Action.LOGIN_FAILED, actor_name=name)


def on_locked_out(
    sender: Any, request: HttpRequest | None, username: str | None, **_kwargs: Any
) -> None:
    name = str(username or "")[:150]
    logger.warning(
        "locked out: %r from %s after %s failures",
        name,
        client_ip(request) or "-",
        settings.AXES_FAILURE_LIMIT,
    )
    note_sign_in_event(request, Action.LOCKED_OUT, actor_name=name)


def on_logout(sender: Any, request: HttpRequest | None, user: Any, **_kwargs: Any) -> None:
    if user is not None:
        note_sign_in_event(request, Action.LOGOUT, obj=user, actor=user)


def connect() -> None:
    user_logged_in.connect(on_login, dispatch_uid="accounts.signins.login")
    user_login_failed.connect(on_login_failed, dispatch_uid="accounts.signins.failed")
    user_locked_out.connect(on_locked_out, dispatch_uid="accounts.signins.locked")
    user_logged_out.connect(on_logout, dispatch_uid="accounts.signins.logout")
