"""The inbox, marking read, the watch buttons and "My watches", as each persona sees them."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User

from alerts.actions import do_raise_alerts, do_watch
from alerts.models import Alert, DigestSettings, Watch
from alerts.rules import Draft
from documents.models import Document, Outlet

pytestmark = pytest.mark.django_db


def raise_alerts(watch: Watch, count: int) -> list[Alert]:
    drafts = [
        Draft(watch, Alert.Kind.REUSED, f"reused:d{i}", f"Story {i} reuses the release.")
        for i in range(count)
    ]
    return do_raise_alerts(drafts)


@pytest.fixture
def watch(release: Document, educator: User) -> Watch:
    return do_watch(educator, Watch.Kind.RELEASE, document=release)


def test_the_header_shows_the_unread_count(watch: Watch, educator: User, client_for: Any) -> None:
    raise_alerts(watch, 3)
    page = client_for(educator).get("/documents/").content.decode()
    assert '<span class="unread-count" id="unread-count">3<span class="vh"> unread</span>' in page


def test_the_inbox_pages_and_has_an_empty_state(
    watch: Watch, educator: User, client_for: Any
) -> None:
    client = client_for(educator)
    assert "No alerts yet" in client.get("/alerts/").content.decode()
    raise_alerts(watch, 25)
    first = client.get("/alerts/").content.decode()
    assert first.count('class="alert-item') == 20
    assert "Page 1 of 2" in first
    assert client.get("/alerts/?page=2").content.decode().count('class="alert-item') == 5


def test_opening_an_alert_marks_it_read_and_goes_to_its_target(
    watch: Watch, educator: User, client_for: Any
) -> None:
    alert = raise_alerts(watch, 1)[0]
    response = client_for(educator).post(f"/alerts/{alert.pk}/open/")
    assert response.status_code == 302
    assert response["Location"] == alert.target_url()
    alert.refresh_from_db()
    assert alert.read_at is not None


def test_mark_read_and_mark_all_read(watch: Watch, educator: User, client_for: Any) -> None:
    one, *_rest = raise_alerts(watch, 3)
    client = client_for(educator)
    client.post(f"/alerts/{one.pk}/read/")
    assert Alert.objects.unread().count() == 2
    client.post("/alerts/read-all/")
    assert not Alert.objects.unread().exists()


def test_mark_read_refuses_a_get(watch: Watch, educator: User, client_for: Any) -> None:
    alert = raise_alerts(watch, 1)[0]
    assert client_for(educator).get(f"/alerts/{alert.pk}/read/").status_code == 405
    assert Alert.objects.unread().count() == 1


def test_another_users_alert_is_not_found(watch: Watch, moderator: User, client_for: Any) -> None:
    alert = raise_alerts(watch, 1)[0]
    client = client_for(moderator)
    assert client.post(f"/alerts/{alert.pk}/open/").status_code == 404
    assert client.post(f"/alerts/{alert.pk}/read/").status_code == 404
    assert alert.message not in client.get("/alerts/").content.decode()
    client.post("/alerts/read-all/")
    assert Alert.objects.unread().count() == 1


def test_the_inbox_asks_anonymous_visitors_to_sign_in(client: Any) -> None:
    assert client.get("/alerts/").status_code == 302


def test_a_release_page_offers_watch_and_unwatch(
    release: Document, educator: User, client_for: Any
) -> None:
    client = client_for(educator)
    page = client.get(f"/documents/{release.pk}/").content.decode()
    assert "Watch this release" in page
    data = {"kind": "release", "document": release.pk, "next": f"/documents/{release.pk}/"}
    response = client.post("/alerts/watches/new/", data)
    assert response["Location"] == f"/documents/{release.pk}/"
    watch = Watch.objects.get(user=educator)
    page = client.get(f"/documents/{release.pk}/").content.decode()
    assert "Stop watching this release" in page
    client.post(f"/alerts/watches/{watch.pk}/remove/")
    assert not Watch.objects.exists()


def test_watching_an_outlet_and_a_person(educator: User, client_for: Any) -> None:
    outlet = Outlet.objects.create(name="Alder Gazette")
    client = client_for(educator)
    client.post("/alerts/watches/new/", {"kind": "outlet", "outlet": outlet.pk})
    client.post("/alerts/watches/new/", {"kind": "person", "person": " Jane   Morrow "})
    page = client.get("/alerts/watches/").content.decode()
    assert "Alder Gazette" in page and "Jane Morrow" in page
    assert Watch.objects.filter(kind="person", person="Jane Morrow").count() == 1


def test_a_bad_watch_gets_a_message_not_an_error(educator: User, client_for: Any) -> None:
    client = client_for(educator)
    response = client.post("/alerts/watches/new/", {"kind": "person", "person": "x"}, follow=True)
    assert response.status_code == 200
    assert "Give the person&#x27;s name" in response.content.decode()
    response = client.post("/alerts/watches/new/", {"kind": "outlet", "outlet": "nope"})
    assert response.status_code == 302
    assert not Watch.objects.exists()


def test_an_unsafe_next_is_not_followed(release: Document, educator: User, client_for: Any) -> None:
    data = {"kind": "release", "document": release.pk, "next": "https://evil.example/"}
    response = client_for(educator).post("/alerts/watches/new/", data)
    assert response["Location"] == "/alerts/watches/"


def test_a_hidden_document_cannot_be_watched(
    release: Document, educator: User, client_for: Any
) -> None:
    release.archived_at = release.created_at
    release.save()
    response = client_for(educator).post(
        "/alerts/watches/new/", {"kind": "release", "document": release.pk}
    )
    assert response.status_code == 404
    assert not Watch.objects.exists()


def test_the_digest_choice_is_saved(educator: User, client_for: Any) -> None:
    client = client_for(educator)
    client.post("/alerts/digest/", {"frequency": "daily"})
    assert DigestSettings.objects.get(user=educator).frequency == "daily"
    assert client.post("/alerts/digest/", {"frequency": "weekly"}).status_code == 400
    assert DigestSettings.objects.get(user=educator).frequency == "daily"


def test_unwatching_keeps_the_alerts_already_raised(
    watch: Watch, educator: User, client_for: Any
) -> None:
    raise_alerts(watch, 2)
    client = client_for(educator)
    client.post(f"/alerts/watches/{watch.pk}/remove/")
    assert not Watch.objects.exists()
    assert Alert.objects.filter(user=educator).count() == 2
    page = client.get("/alerts/").content.decode()
    assert page.count('class="alert-item') == 2
