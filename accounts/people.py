"""User management by the admins role: invite, give a role, deactivate, reactivate.

Each write is a `check_…`/`do_…` pair like the annotation workflow: the check
raises PermissionDenied or ValidationError, the do writes the change and its
audit entry in one transaction. Roles are the groups of `provenance.roles`; a
user holds at most one of them through this page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from audit.log import Action, record
from provenance import roles

if TYPE_CHECKING:
    from provenance.roles import AnyUser

NO_ROLE = ""
ROLE_CHOICES = [
    (NO_ROLE, "No role (sees nothing)"),
    (roles.ADMINS, "Admin"),
    (roles.MODERATORS, "Moderator"),
    (roles.EDUCATORS, "Educator"),
]


def role_of(user: User) -> str:
    """The one role this page shows for a user (the strongest, if they hold several).

    Reads `user.groups.all()`, so a list that prefetched the groups asks no more queries;
    a deactivated user keeps their role here, to have it back when reactivated.
    """
    held = set(roles.ROLES) if user.is_superuser else {g.name for g in user.groups.all()}
    return next((r for r in roles.ROLES if r in held), NO_ROLE)


def check_manage(actor: AnyUser, target: User | None = None) -> None:
    if not roles.can_manage_users(actor):
        raise PermissionDenied("Only admins can manage users.")
    if target is not None and target.is_superuser and not actor.is_superuser:
        # A superuser holds every role; only another superuser may change one.
        raise PermissionDenied("Only a superuser can change a superuser's account.")


def set_password_link(user: User) -> str:
    """The one-time link (Django's password-reset token) that lets a user set a password."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("password_reset_confirm", args=[uid, token])
    return settings.SITE_URL.rstrip("/") + path


def _send_invitation(user: User, inviter: User) -> None:
    context = {"user": user, "inviter": inviter, "link": set_password_link(user)}
    send_mail(
        render_to_string("accounts/invite_subject.txt", context).strip(),
        render_to_string("accounts/invite_email.txt", context),
        None,
        [user.email],
    )


def _give_role(user: User, role: str) -> None:
    user.groups.remove(*Group.objects.filter(name__in=roles.ROLES))
    if role:
        user.groups.add(Group.objects.get(name=role))
    # Admins use the Django admin site too, which needs the staff flag.
    if not user.is_superuser and user.is_staff != (role == roles.ADMINS):
        user.is_staff = role == roles.ADMINS
        user.save(update_fields=["is_staff"])
    if hasattr(user, "_provenance_roles"):
        delattr(user, "_provenance_roles")


def check_invite(actor: AnyUser, username: str, email: str) -> None:
    check_manage(actor)
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(f"There is already a user called “{username}”.")
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(f"There is already a user with the address {email}.")


def do_invite(request: HttpRequest, username: str, email: str, role: str) -> User:
    """Create a user with no usable password and mail them a link to set one."""
    actor = request.user
    check_invite(actor, username, email)
    assert isinstance(actor, User)
    with transaction.atomic():
        user = User.objects.create_user(username=username, email=email, password=None)
        _give_role(user, role)
        record(request, Action.USER_INVITED, user, details={"email": email, "role": role})
        # Mail only once the account exists for good, so the link never names a rolled-back user.
        transaction.on_commit(lambda: _send_invitation(user, actor))
    return user


def do_resend_invitation(request: HttpRequest, target: User) -> None:
    """Mail a fresh set-password link to a user who has not set a password yet.

    Django's password reset skips accounts without a usable password, so an invited
    user whose link expired needs an admin to send a new one.
    """
    actor = request.user
    check_manage(actor, target)
    assert isinstance(actor, User)
    if target.has_usable_password() or not target.email:
        raise ValidationError("They have set a password already: they can reset it themselves.")
    with transaction.atomic():
        record(request, Action.USER_INVITED, target, details={"email": target.email, "again": True})
        transaction.on_commit(lambda: _send_invitation(target, actor))


def check_set_role(actor: AnyUser, target: User, role: str) -> None:
    check_manage(actor, target)
    if role not in dict(ROLE_CHOICES):
        raise ValidationError("Pick a role from the list.")
    if target.pk == actor.pk and role != roles.ADMINS:
        raise ValidationError("You cannot take the admin role from yourself; ask another admin.")


def do_set_role(request: HttpRequest, target: User, role: str) -> bool:
    """Give `target` exactly this role; return False when they already held it."""
    check_set_role(request.user, target, role)
    before = role_of(target)
    if before == role:
        return False
    with transaction.atomic():
        _give_role(target, role)
        record(request, Action.USER_ROLE, target, details={"from": before, "to": role})
    return True


def check_set_active(actor: AnyUser, target: User, active: bool) -> None:
    check_manage(actor, target)
    if target.pk == actor.pk and not active:
        raise ValidationError("You cannot deactivate your own account.")


def do_set_active(request: HttpRequest, target: User, active: bool) -> bool:
    """Deactivate (they can no longer sign in; their work stays) or reactivate a user."""
    check_set_active(request.user, target, active)
    if target.is_active == active:
        return False
    with transaction.atomic():
        target.is_active = active
        target.save(update_fields=["is_active"])
        action = Action.USER_REACTIVATED if active else Action.USER_DEACTIVATED
        record(request, action, target)
    return True
