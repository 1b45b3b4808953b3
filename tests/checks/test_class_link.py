"""A class link: students check articles without accounts, until it is revoked or used up."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from checks.models import Check, CheckSettings, ClassToken
from documents.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def class_token(client_for: Callable[[User], Client], educator: User) -> ClassToken:
    response = client_for(educator).post(reverse("checks:token_create"), {"label": "Year 10"})
    assert response.status_code == 302
    return ClassToken.objects.get(created_by=educator)


def test_a_class_checks_an_article_without_an_account(
    client: Client,
    client_for: Callable[[User], Client],
    educator: User,
    class_token: ClassToken,
    seeds: dict[str, Document],
    article: str,
) -> None:
    response = client.post(class_token.get_absolute_url(), {"text": article, "url": ""})
    check = Check.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "checks:class_detail", args=[class_token.token, check.pk]
    )
    assert (check.owner, check.class_token) == (educator, class_token)
    page = client.get(response["Location"])
    assert page.status_code == 200 and seeds["001"].title in page.content.decode()
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    # The educator sees the class's check among their own.
    listed = client_for(educator).get(reverse("checks:list")).content.decode()
    assert check.title in listed and "Year 10" in listed


def test_a_class_link_opens_only_its_own_checks(
    client: Client,
    client_for: Callable[[User], Client],
    educator: User,
    class_token: ClassToken,
    seeds: dict[str, Document],
    article: str,
) -> None:
    client_for(educator).post(reverse("checks:list"), {"text": article, "url": ""})
    own = Check.objects.get()
    url = reverse("checks:class_detail", args=[class_token.token, own.pk])
    assert client.get(url).status_code == 404


def test_a_revoked_class_link_answers_410_and_checks_nothing(
    client: Client,
    client_for: Callable[[User], Client],
    class_token: ClassToken,
    seeds: dict[str, Document],
    article: str,
) -> None:
    client_for(class_token.created_by).post(reverse("checks:token_revoke", args=[class_token.pk]))
    response = client.post(class_token.get_absolute_url(), {"text": article, "url": ""})
    assert response.status_code == 410
    assert "withdrawn" in response.content.decode()
    assert not Check.objects.exists()


def test_only_its_educator_can_revoke_a_class_link(
    client_for: Callable[[User], Client], admin_member: User, class_token: ClassToken
) -> None:
    response = client_for(admin_member).post(reverse("checks:token_revoke", args=[class_token.pk]))
    assert response.status_code == 404
    class_token.refresh_from_db()
    assert class_token.is_active


def test_an_unknown_class_link_is_not_found(client: Client, db: None) -> None:
    assert client.get(reverse("checks:class", args=["nope"])).status_code == 404


def test_a_class_link_stops_at_its_hourly_limit(
    client: Client, class_token: ClassToken, seeds: dict[str, Document], article: str
) -> None:
    settings_row = CheckSettings.load()
    settings_row.token_hourly_limit = 2
    settings_row.save()
    statuses = [
        client.post(class_token.get_absolute_url(), {"text": article, "url": ""}).status_code
        for _ in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert Check.objects.count() == 2
    assert (
        "for this hour"
        in client.post(
            class_token.get_absolute_url(), {"text": article, "url": ""}
        ).content.decode()
    )


def test_the_hourly_allowance_comes_back_after_an_hour(class_token: ClassToken) -> None:
    from datetime import timedelta

    start = class_token.window_started_at
    assert class_token.take_use(1, now=start)
    assert not class_token.take_use(1, now=start + timedelta(minutes=59))
    assert class_token.take_use(1, now=start + timedelta(minutes=61))
