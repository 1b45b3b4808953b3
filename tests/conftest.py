"""Shared test base: one persona per role, signed-in clients for each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    # Imported lazily below so engine and bench tests run without Django (-p no:django).
    from django.contrib.auth.models import User
    from django.db.models import Model
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


# The apps whose rows loading the seeds makes (documents, their analyses, index and
# roles, the audit entries of the upload). Labels and roles come from migrations.
SNAPSHOT_APPS = ("documents", "audit", "comparisons", "discovery")


@dataclass
class Snapshot:
    """The rows a seed load left, kept in memory, and the seed numbers' document ids."""

    rows: list[tuple[type[Model], list[dict[str, Any]]]]
    ids: dict[str, int]


_snapshots: dict[str, Snapshot] = {}


def _content_models() -> list[type[Model]]:
    from django.apps import apps

    return [m for name in SNAPSHOT_APPS for m in apps.get_app_config(name).get_models()]


def _columns(model: type[Model]) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields if f.column]


def _snapshotting() -> bool:
    """Only inside a test's transaction, and only into empty content tables."""
    from django.db import connection

    if not connection.in_atomic_block:
        return False  # a live-server test commits: its on-commit hooks run for real
    return not any(model._default_manager.exists() for model in _content_models())


def snapshot_load(kind: str, load: Callable[[], dict[str, Document]]) -> dict[str, Document]:
    """Load the seeds once per test run; later tests get the same rows back in one insert each.

    Loading runs the whole pipeline (ingest, analysis, indexing, discovery, the engine),
    seconds per test; putting back the rows it made costs a few bulk inserts. The rows
    keep their ids, so every test sees the same corpus with the same ids, as before.
    Outside a test's transaction, or into tables already holding rows, it just loads.
    """
    from django.core.management.color import no_style
    from django.db import connection, transaction

    from documents.models import Document

    if not _snapshotting():
        return load()
    snap = _snapshots.get(kind)
    if snap is None:
        seeds = load()
        rows = [(m, list(m._default_manager.values(*_columns(m)))) for m in _content_models()]
        _snapshots[kind] = Snapshot(rows, {n: d.pk for n, d in seeds.items()})
        return seeds
    with transaction.atomic():
        for model, values in snap.rows:
            model._default_manager.bulk_create([model(**row) for row in values])
        # PostgreSQL's sequences do not move for rows inserted with their ids.
        models = [model for model, _ in snap.rows]
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
    by_id = Document.objects.select_related("current_version").in_bulk(snap.ids.values())
    return {number: by_id[pk] for number, pk in snap.ids.items()}


def load_seeds() -> dict[str, Document]:
    """Load the five seeds with `load_demo` and return them by seed number ("000" … "004")."""
    from documents.demo import load_demo

    def load() -> dict[str, Document]:
        return {number: outcome.document for number, outcome in load_demo().items()}

    return snapshot_load("uploaded", load)


def load_indexed_seeds(capture: Callable[..., Any]) -> dict[str, Document]:
    """The seeds loaded in file order, each indexed and discovered as it arrives.

    Tests run tasks with the immediate backend, so running the on-commit hooks (`capture`
    is pytest-django's `django_capture_on_commit_callbacks`) runs the whole chain:
    version_created → index task → discovery task.
    """
    from documents.demo import load_demo

    def load() -> dict[str, Document]:
        with capture(execute=True):
            outcomes = load_demo()
        return {number: outcome.document for number, outcome in outcomes.items()}

    return snapshot_load("indexed", load)


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
