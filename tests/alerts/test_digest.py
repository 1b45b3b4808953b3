"""The email digest: due users get their new alerts once; others get nothing."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from alerts.actions import do_raise_alerts, do_set_digest, do_watch
from alerts.digest import send_due_digests
from alerts.models import Alert, Watch
from alerts.rules import Draft
from documents.models import Document

pytestmark = pytest.mark.django_db


def alert_for(user: User, release: Document, key: str) -> Alert:
    watch = do_watch(user, Watch.Kind.RELEASE, document=release)
    draft = Draft(watch, Alert.Kind.REUSED, key, f"Alert {key}", document_id=release.pk)
    return do_raise_alerts([draft])[0]


def test_a_due_user_gets_one_digest_of_their_new_alerts(release: Document, educator: User) -> None:
    educator.email = "eddie@example.org"
    educator.save()
    do_set_digest(educator, "hourly")
    alert = alert_for(educator, release, "a")
    now = timezone.now()

    assert send_due_digests(now) == 1
    [message] = mail.outbox
    assert message.to == ["eddie@example.org"]
    assert "Alert a" in message.body
    assert f"http://localhost/documents/{release.pk}/" in message.body
    alert.refresh_from_db()
    assert alert.emailed_at == now

    # Called again within the hour (the schedule calls it often): nothing more is sent.
    alert_for(educator, release, "b")
    assert send_due_digests(now + timedelta(minutes=10)) == 0
    # After the hour, only the alert not yet emailed.
    assert send_due_digests(now + timedelta(hours=1, minutes=1)) == 1
    assert "Alert b" in mail.outbox[1].body and "Alert a" not in mail.outbox[1].body


def test_no_digest_for_never_read_alerts_or_no_email(
    release: Document, educator: User, moderator: User
) -> None:
    educator.email = "eddie@example.org"
    educator.save()
    alert_for(educator, release, "a")  # digest left at "never"
    do_set_digest(moderator, "daily")  # no email address
    alert_for(moderator, release, "b")
    do_set_digest(educator, "daily")
    Alert.objects.filter(user=educator).update(read_at=timezone.now())
    assert send_due_digests(timezone.now()) == 0
    assert not mail.outbox


def test_the_command_sends_due_digests(release: Document, educator: User) -> None:
    educator.email = "eddie@example.org"
    educator.save()
    do_set_digest(educator, "daily")
    alert_for(educator, release, "a")
    out = StringIO()
    call_command("send_digests", stdout=out)
    assert "Sent 1 digest." in out.getvalue()
    assert len(mail.outbox) == 1


def test_the_worker_schedule_sends_due_digests(release: Document, educator: User) -> None:
    from provenance import schedule

    educator.email = "eddie@example.org"
    educator.save()
    do_set_digest(educator, "hourly")
    alert_for(educator, release, "a")
    assert "alerts.digest" in schedule.run_due()
    assert [m.to for m in mail.outbox] == [["eddie@example.org"]]
