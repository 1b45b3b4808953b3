"""Shared test base: one persona per role, signed-in clients for each."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    # Imported lazily below so engine and bench tests run without Django (-p no:django).
    from django.contrib.auth.models import User
    from django.test import Client

    from comparisons.models import Comparison
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


def load_seeds() -> dict[str, Document]:
    """Load the five seeds with `load_demo` and return them by seed number ("000" … "004")."""
    from documents.demo import load_demo

    return {number: outcome.document for number, outcome in load_demo().items()}


@pytest.fixture
def seeds(db: None) -> dict[str, Document]:
    """The five demo documents, by seed number."""
    return load_seeds()


@pytest.fixture
def demo_corpus(seeds: dict[str, Document]) -> dict[str, Document]:
    """The same as `seeds`; the documents tests know it by this name."""
    return seeds


@pytest.fixture
def demo_comparison(seeds: dict[str, Document]) -> Comparison:
    """The demo comparison 001 (the release) → 000 (the MP's post)."""
    from comparisons.compare import get_or_compute

    return get_or_compute(seeds["001"].current_version, seeds["000"].current_version)


def make_document(title: str, text: str, kind: str = "article") -> Document:
    """Store a document with one version holding exactly `text` (no extraction)."""
    import hashlib

    from documents.models import Document, DocumentVersion

    data = text.encode()
    digest = hashlib.sha256(data).hexdigest()
    document = Document.objects.create(title=title, kind=kind)
    version = DocumentVersion.objects.create(
        document=document,
        number=1,
        original=data,
        original_name=f"{title}.txt",
        content_type="text/plain",
        size=len(data),
        sha256=digest,
        text=text,
        text_sha256=digest,
    )
    document.current_version = version
    document.save(update_fields=["current_version"])
    return document
