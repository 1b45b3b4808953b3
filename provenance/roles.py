"""Roles and what each may do.

Roles are Django groups (created by a data migration). Code asks about
capabilities (`can_upload(user)`), never about group names, so the mapping
from roles to capabilities lives here and nowhere else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    # What `request.user` is under django-stubs: the configured user model or the anonymous one.
    AnyUser = User | AnonymousUser

ADMINS = "admins"
MODERATORS = "moderators"
EDUCATORS = "educators"
ROLES = (ADMINS, MODERATORS, EDUCATORS)


def _perms(app_model: str, *actions: str) -> tuple[str, ...]:
    app_label, model = app_model.split(".")
    return tuple(f"{app_label}.{action}_{model}" for action in actions)


_READ = (
    *_perms("documents.document", "view"),
    *_perms("documents.documentversion", "view"),
    *_perms("documents.outlet", "view"),
    *_perms("comparisons.comparison", "add", "view"),
    *_perms("annotations.annotation", "view"),
    *_perms("annotations.label", "view"),
    *_perms("annotations.reply", "view"),
    *_perms("annotations.annotationevent", "view"),
    *_perms("discovery.indexstate", "view"),
)

# Model permissions each group holds, as "app_label.codename". Models that do
# not exist yet are skipped, and `sync_role_permissions` runs after every
# migrate, so a new model's permissions reach the groups as soon as it lands.
ROLE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    ADMINS: (
        *_READ,
        *_perms("documents.document", "add", "change"),
        *_perms("documents.documentversion", "add"),
        *_perms("documents.outlet", "add", "change"),
        *_perms("documents.importjob", "add", "view"),
        *_perms("documents.importitem", "view"),
        *_perms("comparisons.comparison", "change"),
        *_perms("comparisons.sharelink", "add", "change", "view"),
        *_perms("annotations.annotation", "add", "change", "delete"),
        *_perms("annotations.label", "add", "change", "delete"),
        *_perms("annotations.reply", "add", "change", "delete"),
        *_perms("discovery.candidate", "view"),
        *_perms("audit.auditentry", "view"),
    ),
    MODERATORS: (
        *_READ,
        *_perms("annotations.annotation", "add", "change"),
        *_perms("annotations.reply", "add", "change"),
    ),
    EDUCATORS: (
        *_READ,
        *_perms("comparisons.sharelink", "add", "change", "view"),
    ),
}


def roles_of(user: AnyUser) -> frozenset[str]:
    """Return the role names the user holds; a superuser holds them all."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return frozenset(ROLES)
    cached: frozenset[str] | None = getattr(user, "_provenance_roles", None)
    if cached is None:
        names = user.groups.filter(name__in=ROLES).values_list("name", flat=True)
        cached = frozenset(names)
        # A per-instance cache, so one request asks the database once; not a model field.
        setattr(user, "_provenance_roles", cached)  # noqa: B010
    return cached


def has_any_role(user: AnyUser) -> bool:
    """Signed-in users with no role see nothing but their own account."""
    return bool(roles_of(user))


def can_upload(user: AnyUser) -> bool:
    return ADMINS in roles_of(user)


def can_annotate(user: AnyUser) -> bool:
    return bool(roles_of(user) & {ADMINS, MODERATORS})


def can_review_any(user: AnyUser) -> bool:
    """Admins may confirm even their own annotations; moderators only others'."""
    return ADMINS in roles_of(user)


def can_share(user: AnyUser) -> bool:
    return bool(roles_of(user) & {ADMINS, EDUCATORS})


def can_see_archived(user: AnyUser) -> bool:
    """Admins archive documents, so only they still see them (and all that hangs off them)."""
    return ADMINS in roles_of(user)


def can_manage_users(user: AnyUser) -> bool:
    """Invite users, give roles, deactivate: the admins role, not only Django staff."""
    return ADMINS in roles_of(user)


def can_read_audit(user: AnyUser) -> bool:
    return ADMINS in roles_of(user)


def sync_role_permissions(**_kwargs: object) -> None:
    """Create the role groups and give each exactly its listed permissions."""
    from django.contrib.auth.models import Group, Permission

    for role, wanted in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        perms = []
        for dotted in wanted:
            app_label, codename = dotted.split(".", 1)
            perm = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if perm is not None:
                perms.append(perm)
        group.permissions.set(perms)
