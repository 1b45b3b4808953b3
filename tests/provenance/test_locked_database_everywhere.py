"""A locked SQLite database: API writes answer 503 with Retry-After like the pages, and a
page view never fails because the idle timer's session save met the lock."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

from accounts.idle import LAST_SEEN
from api.tokens import create_token
from documents.models import Document
from tests.documents.factories import ARTICLE

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def hold_lock(settings: Any) -> Iterator[Callable[[], None]]:
    """Return a function that takes SQLite's write lock from a second connection."""
    if connection.vendor != "sqlite":
        pytest.skip("Only SQLite locks the whole database for a writer.")
    connection.ensure_connection()
    options = connection.settings_dict["OPTIONS"]
    saved = options["timeout"]
    held: list[sqlite3.Connection] = []

    def take() -> None:
        options["timeout"] = 0.2  # read when the next connection opens
        connection.close()
        other = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        held.append(other)

    yield take
    for other in held:
        other.execute("ROLLBACK")
        other.close()
    connection.close()
    options["timeout"] = saved


def test_an_api_write_under_the_lock_is_a_503_problem_with_retry_after(
    admin_member: User, hold_lock: Callable[[], None]
) -> None:
    _row, token = create_token(admin_member, "tests")
    hold_lock()
    response = Client().post(
        "/api/v1/documents",
        {"text": ARTICLE},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["Content-Type"].startswith("application/problem+json")
    assert "busy" in response.json()["detail"]
    assert not Document.objects.exists()


def test_a_page_view_whose_idle_timestamp_cannot_be_saved_still_answers(
    educator: User, client_for: Callable[[User], Client], hold_lock: Callable[[], None]
) -> None:
    client = client_for(educator)
    session = client.session
    session[LAST_SEEN] = time.time() - 120  # due for a refresh, far from the idle limit
    session.save()
    hold_lock()
    response = client.get("/documents/")
    assert response.status_code == 200
