"""A document's stored address becomes a link only when it is a web address."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.conftest import make_document


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://example.org/story", True),
        ("javascript:alert(document.domain)", False),
        ("data:text/html,<script>alert(1)</script>", False),
    ],
)
def test_only_web_addresses_are_linked(
    client_for: Callable[[User], Client], admin_member: User, url: str, linked: bool
) -> None:
    document = make_document("A story", "Words of a story.")
    document.url = url
    document.save(update_fields=["url"])
    html = client_for(admin_member).get(document.get_absolute_url()).content.decode()
    assert (f'href="{url}"' in html) is linked
    assert 'href="javascript' not in html and 'href="data:' not in html
