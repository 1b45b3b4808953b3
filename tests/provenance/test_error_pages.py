"""Errors in production dress: the app's own 410 and 500 pages, in its layout (404 and 403
were already the app's own: templates/404.html, 403.html)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings
from django.utils import timezone

from comparisons.models import Comparison, ShareLink

pytestmark = pytest.mark.django_db

SITE_LAYOUT = '<a class="brand" href="/">Provenance</a>'


def _assert_own_page(body: str) -> None:
    assert SITE_LAYOUT in body and 'id="main"' in body
    assert "Traceback" not in body and "technical" not in body.lower()


@override_settings(DEBUG=False)
def test_a_revoked_share_link_shows_the_withdrawn_page(
    client: Client, educator: User, demo_comparison: Comparison
) -> None:
    link = ShareLink.objects.create(
        comparison=demo_comparison, created_by=educator, revoked_at=timezone.now()
    )
    response = client.get(link.get_absolute_url())
    assert response.status_code == 410
    body = response.content.decode()
    _assert_own_page(body)
    assert "This link was revoked" in body
    assert demo_comparison.source_version.document.title not in body


@override_settings(DEBUG=False)
@pytest.mark.urls("tests.provenance.error_urls")
def test_a_fault_is_the_apps_own_500_without_details(db: None) -> None:
    response = Client(raise_request_exception=False).get("/broken/")
    assert response.status_code == 500
    body = response.content.decode()
    _assert_own_page(body)
    assert "Something went wrong" in body
    assert "a fault the page must not show" not in body
