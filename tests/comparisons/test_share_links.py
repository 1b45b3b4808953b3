"""Share links: made by educators and admins, read-only, revocable, expiring."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from comparisons.models import Comparison, ShareLink

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]
CONFIRM = {"confirm": "yes"}


def make_link(c: Client, comparison: Comparison, expires_in: str = "") -> ShareLink:
    response = c.post(f"/comparisons/{comparison.pk}/share/", {"expires_in": expires_in})
    assert response.status_code == 302
    return ShareLink.objects.latest("created_at")


def test_educator_makes_a_link_that_opens_signed_out(
    educator: User, client_for: ClientFor, client: Client, demo_comparison: Comparison
) -> None:
    link = make_link(client_for(educator), demo_comparison)
    assert len(link.token) >= 40 and link.created_by == educator
    response = client.get(f"/s/{link.token}/")
    assert response.status_code == 200
    assert response["X-Robots-Tag"].startswith("noindex")
    assert response["Referrer-Policy"] == "no-referrer"
    html = response.content.decode()
    assert 'id="der-text"' in html
    # Nothing else of the site: no nav, no share panel, no document links.
    assert 'href="/documents/"' not in html
    assert 'href="/compare/"' not in html
    assert "Make a share link" not in html
    assert client.get(f"/s/{link.token}/", {"view": "steps"}).status_code == 200


def test_a_revoked_link_stops_working(
    educator: User, client_for: ClientFor, client: Client, demo_comparison: Comparison
) -> None:
    c = client_for(educator)
    link = make_link(c, demo_comparison)
    assert c.post(f"/share-links/{link.pk}/revoke/", CONFIRM).status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is not None
    gone = client.get(f"/s/{link.token}/")
    assert gone.status_code == 410
    assert "This link was revoked" in gone.content.decode()
    # Revoking again is a no-op.
    revoked_at = link.revoked_at
    c.post(f"/share-links/{link.pk}/revoke/", CONFIRM)
    link.refresh_from_db()
    assert link.revoked_at == revoked_at


def test_an_expired_link_stops_working(
    educator: User, client_for: ClientFor, client: Client, demo_comparison: Comparison
) -> None:
    link = make_link(client_for(educator), demo_comparison, expires_in="7")
    assert link.expires_at > timezone.now() + timedelta(days=6)
    assert client.get(f"/s/{link.token}/").status_code == 200
    ShareLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(f"/s/{link.token}/").status_code == 410
    assert not ShareLink.objects.active().exists()


def test_a_made_up_token_is_404(client: Client, demo_comparison: Comparison) -> None:
    assert client.get("/s/not-a-token/").status_code == 404


def test_moderators_cannot_make_links(
    moderator: User, client_for: ClientFor, demo_comparison: Comparison
) -> None:
    c = client_for(moderator)
    assert c.post(f"/comparisons/{demo_comparison.pk}/share/").status_code == 403
    assert "Make a share link" not in c.get(demo_comparison.get_absolute_url()).content.decode()


def test_only_the_creator_or_an_admin_revokes(
    educator: User,
    admin_member: User,
    client_for: ClientFor,
    demo_comparison: Comparison,
) -> None:
    link = make_link(client_for(educator), demo_comparison)
    other = User.objects.create_user("erin")
    other.groups.add(*educator.groups.all())
    # Another educator never sees this link listed: it is unknown to them (as in the API).
    assert client_for(other).post(f"/share-links/{link.pk}/revoke/").status_code == 404
    assert client_for(other).post(f"/share-links/{link.pk}/revoke/", CONFIRM).status_code == 404
    assert client_for(other).post(f"/share-links/{link.pk}/restore/").status_code == 404
    response = client_for(admin_member).post(f"/share-links/{link.pk}/revoke/", CONFIRM)
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.state == "revoked"


def test_revoking_needs_post(
    educator: User, client_for: ClientFor, demo_comparison: Comparison
) -> None:
    c = client_for(educator)
    link = make_link(c, demo_comparison)
    assert c.get(f"/share-links/{link.pk}/revoke/").status_code == 405
    assert c.get(f"/comparisons/{demo_comparison.pk}/share/").status_code == 405


def test_educators_see_only_their_own_links(
    educator: User, admin_member: User, client_for: ClientFor, demo_comparison: Comparison
) -> None:
    mine = make_link(client_for(educator), demo_comparison)
    theirs = make_link(client_for(admin_member), demo_comparison)
    html = client_for(educator).get(demo_comparison.get_absolute_url()).content.decode()
    assert mine.token in html and theirs.token not in html
    html = client_for(admin_member).get(demo_comparison.get_absolute_url()).content.decode()
    assert mine.token in html and theirs.token in html


def test_revoking_asks_first_and_changes_nothing_until_confirmed(
    educator: User, client_for: ClientFor, client: Client, demo_comparison: Comparison
) -> None:
    c = client_for(educator)
    link = make_link(c, demo_comparison)
    question = c.post(f"/share-links/{link.pk}/revoke/")
    html = question.content.decode()
    assert question.status_code == 200
    assert "Revoke this share link?" in html and 'name="confirm" value="yes"' in html
    assert link.token in html
    link.refresh_from_db()
    assert link.revoked_at is None
    assert client.get(f"/s/{link.token}/").status_code == 200


def test_undo_within_a_minute_restores_the_link_and_not_after(
    educator: User, client_for: ClientFor, client: Client, demo_comparison: Comparison
) -> None:
    c = client_for(educator)
    link = make_link(c, demo_comparison)
    c.post(f"/share-links/{link.pk}/revoke/", CONFIRM)
    page = c.get(demo_comparison.get_absolute_url()).content.decode()
    assert f'action="/share-links/{link.pk}/restore/"' in page
    assert c.post(f"/share-links/{link.pk}/restore/").status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is None
    assert client.get(f"/s/{link.token}/").status_code == 200

    c.post(f"/share-links/{link.pk}/revoke/", CONFIRM)
    a_minute_ago = timezone.now() - timedelta(seconds=61)
    ShareLink.objects.filter(pk=link.pk).update(revoked_at=a_minute_ago)
    page = c.get(demo_comparison.get_absolute_url()).content.decode()
    assert f'action="/share-links/{link.pk}/restore/"' not in page
    response = c.post(f"/share-links/{link.pk}/restore/", follow=True)
    assert "Too late to undo" in response.content.decode()
    link.refresh_from_db()
    assert link.revoked_at == a_minute_ago
    assert client.get(f"/s/{link.token}/").status_code == 410


def test_restoring_needs_post(
    educator: User, client_for: ClientFor, demo_comparison: Comparison
) -> None:
    c = client_for(educator)
    link = make_link(c, demo_comparison)
    assert c.get(f"/share-links/{link.pk}/restore/").status_code == 405


def test_the_withdrawn_page_tells_expired_from_revoked_and_when(
    educator: User, client_for: ClientFor, client: Client, demo_comparison: Comparison
) -> None:
    c = client_for(educator)
    expired = make_link(c, demo_comparison, expires_in="1")
    when = timezone.localtime().replace(year=2026, month=3, day=4, hour=9, minute=30)
    ShareLink.objects.filter(pk=expired.pk).update(expires_at=when)
    revoked = make_link(c, demo_comparison)
    ShareLink.objects.filter(pk=revoked.pk).update(revoked_at=when.replace(day=5))
    expired_html = client.get(f"/s/{expired.token}/").content.decode()
    revoked_html = client.get(f"/s/{revoked.token}/present/").content.decode()
    assert "This link has expired" in expired_html and "4 March 2026 at 09:30" in expired_html
    assert "revoked" not in expired_html.lower()
    assert "This link was revoked" in revoked_html and "5 March 2026 at 09:30" in revoked_html
    assert "expired" not in revoked_html.lower()


def test_an_archived_document_withdraws_the_link_without_saying_why(
    educator: User, client_for: ClientFor, client: Client, demo_comparison: Comparison
) -> None:
    link = make_link(client_for(educator), demo_comparison)
    document = demo_comparison.source_version.document
    document.archived_at = timezone.now()
    document.save(update_fields=["archived_at"])
    html = client.get(f"/s/{link.token}/handout/").content.decode()
    assert "This link has been withdrawn" in html
    assert "revoked" not in html.lower() and "expired" not in html.lower()


def test_an_active_link_shows_in_full_with_a_copy_button_and_a_qr_code(
    educator: User, client_for: ClientFor, demo_comparison: Comparison
) -> None:
    c = client_for(educator)
    link = make_link(c, demo_comparison)
    html = c.get(demo_comparison.get_absolute_url()).content.decode()
    assert (
        f'<code class="share-url" id="share-url-{link.pk}">http://testserver/s/{link.token}/</code>'
        in html
    )
    assert f'data-copy="share-url-{link.pk}"' in html
    assert "<svg" in html and "QR code for the share link" in html
    assert 'src="/static/js/share.js"' in html
