"""The documents list shows where each document came from and how much it reused."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from documents.models import Document
from tests.conftest import load_indexed_seeds

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeds(db: None, django_capture_on_commit_callbacks: Callable[..., Any]) -> dict[str, Document]:
    """The seeds through the real pipeline, so discovery has typed their sources."""
    return load_indexed_seeds(django_capture_on_commit_callbacks)


def _row(html: str, title: str) -> str:
    start = html.index(f">{title}</a>")
    return html[start : html.index("</tr>", start)]


def test_each_article_shows_its_origin_and_reuse_share_from_one_batch(
    client_for: Callable[[User], Client],
    educator: User,
    seeds: dict[str, Document],
    django_assert_max_num_queries: Callable[..., Any],
) -> None:
    client = client_for(educator)
    client.get(reverse("documents:list"))  # warm the session
    # Session, user, roles, the header's unread alerts, count, the page, the origins (and
    # their documents): three of the five rows have an origin, so a query per row would
    # break this bound.
    with django_assert_max_num_queries(8):
        html = client.get(reverse("documents:list")).content.decode()
    row = _row(html, seeds["000"].title)
    assert seeds["001"].get_absolute_url() in row and "origin" in row
    assert 'data-label="Reused"' in row and "%</a>" in row
    # A release is where reuse starts: no source is expected, and none missing is a failure.
    release = _row(html, seeds["001"].title)
    assert "release (no source expected)" in release and "no source found" not in release
    assert "no source found" in _row(html, seeds["004"].title)  # an article with none
