"""A write that meets a locked SQLite database answers 503 with Retry-After, never a 500."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.urls import reverse

from documents.models import Document
from tests.documents.factories import ARTICLE

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def admin_client(admin_member: User, client_for: Callable[[User], Client]) -> Client:
    return client_for(admin_member)  # signed in (a write) before the lock is taken


@pytest.fixture
def locked(admin_client: Client, settings: Any, tmp_path: Path) -> Iterator[None]:
    """Hold SQLite's write lock from a second connection, and wait only briefly for it."""
    if connection.vendor != "sqlite":
        pytest.skip("Only SQLite locks the whole database for a writer.")
    settings.MEDIA_ROOT = tmp_path
    connection.ensure_connection()
    options = connection.settings_dict["OPTIONS"]
    saved = options["timeout"]
    options["timeout"] = 0.2  # read when the next connection opens
    connection.close()
    other = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()
        connection.close()
        options["timeout"] = saved


def test_an_upload_into_a_locked_database_answers_503_with_retry_after(
    admin_client: Client, locked: None
) -> None:
    response = admin_client.post(reverse("documents:upload"), {"kind": "article", "text": ARTICLE})
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert b"Busy, please try again" in response.content
    assert b"Nothing was\n      changed" in response.content
    assert not Document.objects.exists()


def test_the_upload_goes_through_once_the_lock_is_gone(
    admin_member: User, client_for: Callable[[User], Client], settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    client = client_for(admin_member)
    response = client.post(reverse("documents:upload"), {"kind": "article", "text": ARTICLE})
    assert response.status_code == 302
    assert Document.objects.count() == 1
