from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser, Group, User

from provenance import roles

pytestmark = pytest.mark.django_db


def perms_of(group: str) -> set[str]:
    return {
        f"{app}.{code}"
        for app, code in Group.objects.get(name=group).permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def test_groups_get_their_model_permissions_after_migrate() -> None:
    admins, moderators, educators = (
        perms_of("admins"),
        perms_of("moderators"),
        perms_of("educators"),
    )
    assert "documents.add_document" in admins
    assert "documents.add_document" not in moderators | educators
    assert "documents.view_document" in admins & moderators & educators
    assert "annotations.add_annotation" in moderators
    assert "annotations.add_annotation" not in educators
    assert "comparisons.add_sharelink" in educators
    assert "comparisons.add_sharelink" not in moderators


def test_capabilities_follow_roles(
    admin_member: User, moderator: User, educator: User, outsider: User
) -> None:
    assert roles.can_upload(admin_member)
    assert not roles.can_upload(moderator) and not roles.can_upload(educator)
    assert roles.can_annotate(moderator) and not roles.can_annotate(educator)
    assert roles.can_share(educator) and not roles.can_share(moderator)
    assert roles.can_review_any(admin_member) and not roles.can_review_any(moderator)
    assert not roles.has_any_role(outsider)
    assert not roles.has_any_role(AnonymousUser())


def test_superuser_holds_every_role() -> None:
    boss = User.objects.create_superuser("boss", password="x-long-password-1")
    assert roles.roles_of(boss) == frozenset(roles.ROLES)


def test_inactive_user_holds_no_role(moderator: User) -> None:
    moderator.is_active = False
    assert roles.roles_of(moderator) == frozenset()
