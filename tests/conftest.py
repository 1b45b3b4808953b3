"""Shared test base: one persona per role, signed-in clients for each."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    # Imported lazily below so engine and bench tests run without Django (-p no:django).
    from django.contrib.auth.models import User
    from django.test import Client

    from documents.models import Document

PASSWORD = "correct-horse-battery-staple"


def make_user(username: str, *role_names: str, **extra: object) -> User:
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(username=username, password=PASSWORD, **extra)
    for name in role_names:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def admin_member(db: None) -> User:
    return make_user("alice", "admins", is_staff=True)


@pytest.fixture
def moderator(db: None) -> User:
    return make_user("mo", "moderators")


@pytest.fixture
def moderator2(db: None) -> User:
    return make_user("max", "moderators")


@pytest.fixture
def educator(db: None) -> User:
    return make_user("eddie", "educators")


@pytest.fixture
def outsider(db: None) -> User:
    """Signed in, but holds no role."""
    return make_user("olive")


@pytest.fixture
def client_for() -> Callable[[User], Client]:
    from django.test import Client

    def make(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def demo_corpus(db: None) -> dict[str, Document]:
    """The five seeds loaded with `load_demo`, by seed number ("000" … "004")."""
    from documents.demo import load_demo

    outcomes = load_demo()
    return {number: outcome.document for number, outcome in outcomes.items()}
