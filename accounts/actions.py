"""The writes of accounts, each an action: the actor first, the audit entry inside.

Managing people (invite, role, deactivate, reactivate) checks with `accounts.people`
first, then writes. Signing in and out and setting a password go through Django's own
functions (`login`, `logout`, a password form's `save`), run here so that what they
write (the last sign-in time, the new password hash, tokens revoked by
`api.signals`) is part of an action like any other write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.db import transaction

from accounts import people
from audit.log import Action, record
from provenance.actions import acting, action, in_action

if TYPE_CHECKING:
    from django.contrib.auth.forms import SetPasswordForm
    from django.http import HttpRequest


@action
def do_invite(
    actor: User, request: HttpRequest | None, username: str, email: str, role: str
) -> User:
    """Create a user with no usable password and mail them a link to set one."""
    people.check_invite(actor, username, email)
    user = User.objects.create_user(username=username, email=email, password=None)
    people.give_role(user, role)
    record(request, Action.USER_INVITED, user, actor=actor, details={"email": email, "role": role})
    # Mail only once the account exists for good, so the link never names a rolled-back user.
    transaction.on_commit(lambda: people.send_invitation(user, actor))
    return user


@action
def do_resend_invitation(actor: User, request: HttpRequest | None, target: User) -> None:
    """Mail a fresh set-password link to a user who has not set a password yet.

    Django's password reset skips accounts without a usable password, so an invited
    user whose link expired needs an admin to send a new one.
    """
    people.check_manage(actor, target)
    if target.has_usable_password() or not target.email:
        raise ValidationError("They have set a password already: they can reset it themselves.")
    details = {"email": target.email, "again": True}
    record(request, Action.USER_INVITED, target, actor=actor, details=details)
    transaction.on_commit(lambda: people.send_invitation(target, actor))


@action
def do_set_role(actor: User, request: HttpRequest | None, target: User, role: str) -> bool:
    """Give `target` exactly this role; return False when they already held it."""
    people.check_set_role(actor, target, role)
    before = people.role_of(target)
    if before == role:
        return False
    people.give_role(target, role)
    record(request, Action.USER_ROLE, target, actor=actor, details={"from": before, "to": role})
    return True


@action
def do_set_active(actor: User, request: HttpRequest | None, target: User, active: bool) -> bool:
    """Deactivate (no more sign-ins, every API token revoked; their work stays) or reactivate.

    The tokens are revoked by `api.signals` on the user's save, inside this transaction.
    """
    people.check_set_active(actor, target, active)
    if target.is_active == active:
        return False
    target.is_active = active
    target.save(update_fields=["is_active"])
    record(
        request, Action.USER_REACTIVATED if active else Action.USER_DEACTIVATED, target, actor=actor
    )
    return True


@action
def do_change_password(actor: User, request: HttpRequest, form: SetPasswordForm[Any]) -> None:
    """Store the new password from a valid form; keep this session signed in."""
    form.save()
    update_session_auth_hash(request, form.user)
    record(request, Action.PASSWORD_CHANGED, form.user, actor=actor)


@action
def do_reset_password(request: HttpRequest, form: SetPasswordForm[Any]) -> None:
    """Store the password set from a reset link; its user is the actor."""
    form.save()
    record(request, Action.PASSWORD_RESET, form.user, actor=form.user)


@action
def do_note_reset_sent(request: HttpRequest, email: str) -> None:
    """Record that reset mail was asked for (the page never says whether the address is known)."""
    record(request, Action.PASSWORD_RESET_SENT, details={"email": email})


@action
def do_sign_in(user: User, request: HttpRequest) -> None:
    """Sign `user` in; the audit entry is written by `accounts.signins` on Django's signal."""
    login(request, user)


@action
def do_sign_out(request: HttpRequest, *, idle: bool = False) -> None:
    """Sign the request's user out; an idle sign-out is recorded here, others by the signal."""
    if idle and request.user.is_authenticated:
        record(request, Action.IDLE_LOGOUT, request.user, actor=request.user)
    logout(request)


def note_sign_in_event(request: HttpRequest | None, action_name: str, **fields: Any) -> None:
    """Record a sign-in event sent by Django or django-axes (a failure, a lockout).

    Those signals fire from `authenticate`, which the sign-in page, the API's password
    check and the admin call outside any action, and also from inside `do_sign_in`:
    the entry is its own action unless one is already running.
    """
    if in_action():
        record(request, action_name, **fields)
        return
    with acting():
        record(request, action_name, **fields)


@action
def do_create_demo_user(username: str, password: str, role: str, *, is_staff: bool) -> User:
    """Create or reset one demo account (the system's doing, from `create_demo_users`)."""
    user, _ = User.objects.get_or_create(username=username)
    user.set_password(password)
    user.is_staff = is_staff
    user.save()
    user.groups.add(Group.objects.get(name=role))
    record(None, Action.USER_INVITED, user, details={"demo": True, "role": role})
    return user
