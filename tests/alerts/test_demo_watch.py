"""The demo: the demo educator watches the release (seed 001) and finds alerts waiting."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from alerts.models import Alert, Watch

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=True)
def test_setup_demo_makes_the_educator_watch_001_with_alerts_waiting() -> None:
    out = StringIO()
    call_command("setup_demo", stdout=out)
    watch = Watch.objects.get(user__username="educator")
    assert watch.kind == Watch.Kind.RELEASE
    assert watch.document is not None
    assert watch.document.current_version.original_name.startswith("001_")
    alerts = Alert.objects.filter(user__username="educator", kind=Alert.Kind.FINDING)
    # The MP's post puts the minister's words in another mouth; the newspaper alters a quotation.
    messages = sorted(alert.message for alert in alerts)
    assert len(messages) == 2
    assert any("quotation" in m for m in messages)
    assert "educator watches" in out.getvalue()

    # Run again (the demo script may): nothing is repeated.
    call_command("setup_demo", stdout=StringIO())
    assert Watch.objects.count() == 1
    assert Alert.objects.count() == 2
