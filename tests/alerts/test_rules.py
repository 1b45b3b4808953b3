"""Watches raise alerts: a watched release's new derivative, a watched person's quotation."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User

from alerts.actions import do_watch
from alerts.models import Alert, Watch
from comparisons.compare import get_or_compute, run_comparison
from documents.models import Document, Outlet
from tests.alerts.conftest import ALTERED, FAITHFUL
from tests.conftest import make_document, make_user

pytestmark = pytest.mark.django_db


def arrive(release: Document, text: str, capture: Any, title: str = "Clean-up story") -> Any:
    """A derivative arrives and is compared with the release; run what that commits."""
    article = make_document(title, text)
    with capture(execute=True):
        return get_or_compute(release.current_version, article.current_version)


def test_a_watched_release_alerts_on_a_derivative_with_an_altered_quotation(
    release: Document, educator: User, django_capture_on_commit_callbacks: Any
) -> None:
    do_watch(educator, Watch.Kind.RELEASE, document=release)
    comparison = arrive(release, ALTERED, django_capture_on_commit_callbacks)

    alert = Alert.objects.get(user=educator)
    assert alert.kind == Alert.Kind.FINDING
    assert alert.comparison == comparison
    assert "quotation" in alert.message and "restore" in alert.message
    assert alert.read_at is None
    # The link lands on the finding's mark in the article's text.
    findings = comparison.engine_result.findings
    index = next(i for i, f in enumerate(findings) if f.type == "quote_altered")
    assert alert.target_url() == f"/comparisons/{comparison.pk}/#d-f{index}"


def test_the_anchor_exists_on_the_comparison_page(
    release: Document, educator: User, client_for: Any, django_capture_on_commit_callbacks: Any
) -> None:
    do_watch(educator, Watch.Kind.RELEASE, document=release)
    arrive(release, ALTERED, django_capture_on_commit_callbacks)
    alert = Alert.objects.get(user=educator)
    page = client_for(educator).get(alert.target_url()).content.decode()
    assert f'id="{alert.anchor}"' in page


def test_a_faithful_derivative_raises_no_finding_alert(
    release: Document, educator: User, django_capture_on_commit_callbacks: Any
) -> None:
    do_watch(educator, Watch.Kind.RELEASE, document=release)
    arrive(release, FAITHFUL, django_capture_on_commit_callbacks)
    assert not Alert.objects.exists()


def test_an_unwatched_release_alerts_nobody(
    release: Document, educator: User, django_capture_on_commit_callbacks: Any
) -> None:
    other = make_document("Another release", "Nothing to do with rivers at all.", "press_release")
    do_watch(educator, Watch.Kind.RELEASE, document=other)
    arrive(release, ALTERED, django_capture_on_commit_callbacks)
    assert not Alert.objects.exists()


def test_a_recomputed_comparison_does_not_alert_twice(
    release: Document, educator: User, django_capture_on_commit_callbacks: Any
) -> None:
    do_watch(educator, Watch.Kind.RELEASE, document=release)
    comparison = arrive(release, ALTERED, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True) as sent:
        run_comparison(comparison)  # as after an engine upgrade
    assert sent  # the event went out again…
    assert Alert.objects.filter(user=educator).count() == 1  # …but the alert is not repeated


def test_a_user_without_a_role_is_not_alerted(
    release: Document, django_capture_on_commit_callbacks: Any
) -> None:
    nobody = make_user("norole")
    Watch.objects.create(user=nobody, kind=Watch.Kind.RELEASE, document=release)
    arrive(release, ALTERED, django_capture_on_commit_callbacks)
    assert not Alert.objects.exists()


def test_a_watched_person_is_alerted_when_their_quotation_is_altered_anywhere(
    release: Document, educator: User, moderator: User, django_capture_on_commit_callbacks: Any
) -> None:
    do_watch(educator, Watch.Kind.PERSON, person="Jane  Morrow")
    do_watch(moderator, Watch.Kind.PERSON, person="Richard Fuller")
    arrive(release, ALTERED, django_capture_on_commit_callbacks)
    alert = Alert.objects.get()
    assert alert.user == educator
    assert alert.kind == Alert.Kind.QUOTE
    assert alert.message.startswith("A quotation of Jane Morrow is altered")


def test_a_watched_outlet_alerts_on_its_new_document(
    educator: User, admin_member: User, django_capture_on_commit_callbacks: Any
) -> None:
    from documents.ingest import Submission
    from documents.metadata import Metadata
    from tests.alerts.conftest import RELEASE

    outlet = Outlet.objects.create(name="Alder Gazette")
    do_watch(educator, Watch.Kind.OUTLET, outlet=outlet)
    from documents.actions import do_add_document

    submission = Submission(text=RELEASE)
    with django_capture_on_commit_callbacks(execute=True):
        outcome = do_add_document(
            admin_member, None, submission, Metadata(title="Gazette story", outlet="Alder Gazette")
        )
    alert = Alert.objects.get(user=educator)
    assert alert.kind == Alert.Kind.NEW_DOCUMENT
    assert alert.document == outcome.document
    assert "Alder Gazette published “Gazette story”" in alert.message
