"""Shared test base: one persona per role, signed-in clients for each."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from provenance import roles

PASSWORD = "correct-horse-battery-staple"


def make_user(username: str, *role_names: str, **extra: object) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, **extra)
    for name in role_names:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def admin_member(db: None) -> User:
    return make_user("alice", roles.ADMINS, is_staff=True)


@pytest.fixture
def moderator(db: None) -> User:
    return make_user("mo", roles.MODERATORS)


@pytest.fixture
def moderator2(db: None) -> User:
    return make_user("max", roles.MODERATORS)


@pytest.fixture
def educator(db: None) -> User:
    return make_user("eddie", roles.EDUCATORS)


@pytest.fixture
def outsider(db: None) -> User:
    """Signed in, but holds no role."""
    return make_user("olive")


@pytest.fixture
def client_for() -> Callable[[User], Client]:
    def make(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make
