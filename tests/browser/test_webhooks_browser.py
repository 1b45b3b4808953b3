"""Webhooks in Chromium: an admin registers one, sees the secret once, reads the log, redelivers."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import override_settings

from alerts.actions import do_queue_deliveries
from alerts.delivery import queue
from alerts.models import Delivery, Webhook
from tests.alerts.receiver import receiver
from tests.browser.conftest import Pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@override_settings(FETCH_ALLOW_PRIVATE=True)
def test_register_read_the_log_and_redeliver(
    pages: Pages, admin_member: User, screenshots: Path
) -> None:
    with receiver("", answers=[500]) as got:
        page = pages.open("/alerts/webhooks/", admin_member)
        page.get_by_label("Address (URL)").fill(got.url)
        page.get_by_label("import.finished").check()
        page.get_by_role("button", name="Register").click()
        page.wait_for_load_state()
        hook = Webhook.objects.get()
        secret = page.get_by_label("Secret", exact=True)
        assert secret.input_value() == hook.secret
        page.screenshot(path=screenshots / "webhooks-registered.png", full_page=True)
        got.secret = hook.secret

        # An import finishes: the first attempt is answered 500, the retry 200.
        do_queue_deliveries("import.finished", {"job_id": 3, "status": "done"}, queue)
        assert [c["code"] for c in got.calls] == [500, 200]

        page.get_by_role("link", name=got.url).click()
        page.wait_for_load_state()
        assert hook.secret not in page.content()
        row = page.locator("tbody tr").first
        assert "Delivered" in row.inner_text() and "500, 200" in row.inner_text()
        page.screenshot(path=screenshots / "webhooks-deliveries.png", full_page=True)

        first = Delivery.objects.get()
        page.get_by_role("button", name=f"Redeliver delivery {first.pk}").click()
        page.wait_for_load_state()
        assert page.get_by_text("Queued again as delivery").is_visible()
        assert page.locator("tbody tr").count() == 2
        assert len(got.calls) == 3 and all(c["valid"] for c in got.calls)
    assert Delivery.objects.exclude(pk=first.pk).get().status == Delivery.Status.DELIVERED
    assert pages.errors == []


def test_a_private_address_is_refused_in_plain_words(
    pages: Pages, admin_member: User, screenshots: Path
) -> None:
    page = pages.open("/alerts/webhooks/", admin_member)
    page.get_by_label("Address (URL)").fill("http://127.0.0.1:8181/hook")
    page.get_by_label("alert.raised").check()
    page.get_by_role("button", name="Register").click()
    page.wait_for_load_state()
    error = page.get_by_role("alert")
    assert "private, local or reserved" in error.inner_text()
    assert error.is_visible()
    page.screenshot(path=screenshots / "webhooks-refused.png", full_page=True)
    assert not Webhook.objects.exists()


def test_my_watches_person_digest_and_unwatch(
    pages: Pages, educator: User, screenshots: Path
) -> None:
    page = pages.open("/alerts/watches/", educator)
    assert page.get_by_text("You watch nothing yet.").is_visible()
    page.get_by_label("Watch a person").fill("Jane Morrow")
    page.get_by_role("button", name="Watch", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_text("You are watching Jane Morrow.").is_visible()
    page.get_by_label("Once a day").check()
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    assert page.get_by_text("Your digest choice is saved.").is_visible()
    assert page.get_by_label("Once a day").is_checked()
    page.screenshot(path=screenshots / "alerts-my-watches.png", full_page=True)
    page.get_by_role("button", name="Stop watching Jane Morrow").click()
    page.wait_for_load_state()
    assert page.get_by_text("You no longer watch Jane Morrow.").is_visible()
    assert pages.errors == []
