"""Hand-edited filters of the graph page are answered with a message, never a 500."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("outlet=abc", "no such outlet"),
        ("outlet=999999", "no such outlet"),
        ("outlet=1%00", "Null characters are not allowed"),
        ("document=abc", "by its number"),
        ("document=-3", "greater than or equal to 1"),
    ],
)
def test_bad_filters_are_explained(
    client_for: Callable[[User], Client], educator: User, query: str, message: str
) -> None:
    page = client_for(educator).get(f"/discovery/graph/?{query}")
    assert page.status_code == 400
    assert message in page.content.decode()


def test_good_filters_still_draw_the_graph(
    client_for: Callable[[User], Client], educator: User
) -> None:
    page = client_for(educator).get("/discovery/graph/?q=officers&outlet=")
    assert page.status_code == 200
