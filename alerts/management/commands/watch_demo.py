"""Make the demo educator watch the demo release (seed 001), with the alerts it has earned."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from alerts.actions import do_raise_alerts, do_watch
from alerts.models import Watch
from alerts.rules import drafts_for_release
from comparisons.compare import demo_document
from documents.models import Document

DEMO_WATCHER = "educator"
DEMO_RELEASE = "001"


class Command(BaseCommand):
    help = "Make the demo educator watch seed 001 and raise the alerts its comparisons call for."

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=DEMO_WATCHER).first()
        release = demo_document(Document, DEMO_RELEASE)
        if user is None or release is None:
            self.stdout.write("The demo educator or seed 001 is missing; run setup_demo.")
            return
        watch = do_watch(user, Watch.Kind.RELEASE, document=release)
        # Comparisons made before the watch existed raised nothing; catch up on them, so the
        # demo's inbox is filled as soon as the seeds are compared. Later ones (discovery in
        # the worker) raise their own, and an alert is never raised twice.
        raised = do_raise_alerts(drafts_for_release(release.pk))
        self.stdout.write(
            f"{user.get_username()} watches “{watch.target_name}” ({len(raised)} alerts raised)."
        )
