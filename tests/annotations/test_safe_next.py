"""A `next` address from the query string never becomes a script link or an off-site link."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from comparisons.models import Comparison
from tests.annotations.conftest import span_of

ClientFor = Callable[[User], Client]

HOSTILE = [
    "javascript:alert(document.domain)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "data:text/html,<script>alert(1)</script>",
]


def _form(client_for: ClientFor, user: User, comparison: Comparison, next_url: str) -> str:
    version = comparison.derivative_version
    start, end = span_of(version, "Suella Braverman")
    query = {"version": version.pk, "start": start, "end": end, "next": next_url}
    page = client_for(user).get(reverse("annotations:create"), query)
    assert page.status_code == 200
    return page.content.decode()


@pytest.mark.parametrize("next_url", HOSTILE)
def test_a_hostile_next_gives_no_cancel_link(
    client_for: ClientFor, moderator: User, demo_comparison: Comparison, next_url: str
) -> None:
    html = _form(client_for, moderator, demo_comparison, next_url)
    assert ">Cancel</a>" not in html
    assert "evil.example" not in html.split('name="next"')[0]
    assert 'href="javascript' not in html.lower()


def test_a_next_on_this_site_is_the_cancel_link(
    client_for: ClientFor, moderator: User, demo_comparison: Comparison
) -> None:
    html = _form(client_for, moderator, demo_comparison, demo_comparison.get_absolute_url())
    assert f'<a href="{demo_comparison.get_absolute_url()}">Cancel</a>' in html
