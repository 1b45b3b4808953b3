"""User management by the admins role: invite, give a role, deactivate, reactivate.

Each write is a `check_…` here (raises PermissionDenied or ValidationError) and a
`do_…` action in `accounts.actions` that writes the change and its audit entry in
one transaction. Roles are the groups of `provenance.roles`; a user holds at most
one of them through this page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.models import Group, User
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from provenance import roles, site

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
    return site.absolute(path)  # SITE_URL, else the address the admin is using


def send_invitation(user: User, inviter: User) -> None:
    context = {"user": user, "inviter": inviter, "link": set_password_link(user)}
    send_mail(
        render_to_string("accounts/invite_subject.txt", context).strip(),
        render_to_string("accounts/invite_email.txt", context),
        None,
        [user.email],
    )


def give_role(user: User, role: str) -> None:
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


def check_set_role(actor: AnyUser, target: User, role: str) -> None:
    check_manage(actor, target)
    if role not in dict(ROLE_CHOICES):
        raise ValidationError("Pick a role from the list.")
    if target.pk == actor.pk and role != roles.ADMINS:
        raise ValidationError("You cannot take the admin role from yourself; ask another admin.")


def check_set_active(actor: AnyUser, target: User, active: bool) -> None:
    check_manage(actor, target)
    if target.pk == actor.pk and not active:
        raise ValidationError("You cannot deactivate your own account.")
