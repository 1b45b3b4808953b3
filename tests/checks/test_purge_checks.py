"""Checks are kept for the retention period the admin sets, then purged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from checks.models import Check, CheckSettings

pytestmark = pytest.mark.django_db


def _check(owner: User, age_days: float) -> Check:
    return Check.objects.create(
        owner=owner,
        title=f"{age_days} days old",
        text="Some article text.",
        created_at=timezone.now() - timedelta(days=age_days),
    )


def test_purge_checks_deletes_only_checks_past_the_retention_period(educator: User) -> None:
    row = CheckSettings.load()
    row.retention_days = 7
    row.save()
    fresh, old = _check(educator, 6.9), _check(educator, 7.1)
    out = StringIO()
    call_command("purge_checks", stdout=out)
    assert "Deleted 1 expired check." in out.getvalue()
    assert list(Check.objects.all()) == [fresh]
    assert not Check.objects.filter(pk=old.pk).exists()


def test_an_expired_check_is_gone_from_its_owner_before_the_purge(
    client_for: Callable[[User], Client], educator: User
) -> None:
    check = _check(educator, 31)
    assert CheckSettings.load().retention_days == 30
    assert client_for(educator).get(check.get_absolute_url()).status_code == 404


def test_the_retention_period_is_edited_in_the_admin(
    client_for: Callable[[User], Client], admin_member: User
) -> None:
    row = CheckSettings.load()
    url = f"/admin/checks/checksettings/{row.pk}/change/"
    client = client_for(admin_member)
    assert client.get(url).status_code == 200
    response = client.post(url, {"retention_days": "3", "token_hourly_limit": "10"})
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.retention_days, row.token_hourly_limit) == (3, 10)
    assert CheckSettings.objects.count() == 1
