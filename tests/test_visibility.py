"""One visibility rule: an archived document, and all that hangs off it, only admins see.

The world: the release (seed 001) compared with the MP's post (seed 000) and with
the newspaper (seed 002); a share link and an annotation on each side of the
001 → 000 comparison; then the MP's post is archived. Every path to the hidden
objects answers 404 (410 for the share link) to educators and moderators and
works for admins, and the objects that stay visible still work for every role.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from annotations import workflow
from annotations.models import Annotation, Label
from comparisons import sharing
from comparisons.compare import get_or_compute
from comparisons.models import Comparison, ShareLink
from discovery.search import ensure_discovered
from documents.models import Document, DocumentVersion

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]


@dataclass
class World:
    release: Document
    archived: Document
    hidden: Comparison  # release → archived document
    shown: Comparison  # release → newspaper
    hidden_link: ShareLink
    shown_link: ShareLink
    on_archived: Annotation  # on the archived document's text
    on_release: Annotation  # on the release, which stays visible


def annotate(user: User, version: DocumentVersion | None, comparison: Comparison) -> Annotation:
    assert version is not None
    target = workflow.target_from_span(version, 0, 40, comparison)
    return workflow.do_create_annotation(user, target, Label.objects.get(slug="changed-figure"))


@pytest.fixture
def world(seeds: dict[str, Document], moderator2: User, educator: User) -> World:
    release, archived = seeds["001"], seeds["000"]
    hidden = get_or_compute(release.current_version, archived.current_version)
    shown = get_or_compute(release.current_version, seeds["002"].current_version)
    built = World(
        release=release,
        archived=archived,
        hidden=hidden,
        shown=shown,
        hidden_link=sharing.create_link(hidden, educator, None),
        shown_link=sharing.create_link(shown, educator, None),
        on_archived=annotate(moderator2, archived.current_version, hidden),
        on_release=annotate(moderator2, release.current_version, hidden),
    )
    Document.objects.filter(pk=archived.pk).update(archived_at=timezone.now())
    # The worker's discovery of the release (a page only reads what it stored).
    ensure_discovered(release)
    return built


@pytest.fixture
def readers(educator: User, moderator: User, client_for: ClientFor) -> list[Client]:
    """The read-only educator and the annotating moderator: neither sees archived documents."""
    return [client_for(educator), client_for(moderator)]


@pytest.fixture
def admin(admin_member: User, client_for: ClientFor) -> Client:
    return client_for(admin_member)


def cmp_url(comparison: Comparison) -> str:
    return f"/comparisons/{comparison.pk}/"


# Comparisons -------------------------------------------------------------------------


def test_a_comparison_with_an_archived_side_is_404_to_readers_but_opens_for_admins(
    world: World, readers: list[Client], admin: Client
) -> None:
    for c in readers:
        assert c.get(cmp_url(world.hidden)).status_code == 404
        assert c.get(f"{cmp_url(world.hidden)}status/").status_code == 404
        assert c.post(f"{cmp_url(world.hidden)}retry/").status_code == 404
        assert c.get(f"{cmp_url(world.hidden)}findings.csv").status_code == 404
        assert c.get(cmp_url(world.shown)).status_code == 200
        assert c.get(f"{cmp_url(world.shown)}findings.csv").status_code == 200
        assert c.get(f"{cmp_url(world.shown)}status/").status_code == 200
    assert admin.get(cmp_url(world.hidden)).status_code == 200
    assert admin.get(f"{cmp_url(world.hidden)}status/").json()["status"] == "done"


def test_an_educator_cannot_share_or_revoke_on_a_hidden_comparison(
    world: World, educator: User, client_for: ClientFor
) -> None:
    c = client_for(educator)
    assert c.post(f"{cmp_url(world.hidden)}share/", {"expires_in": ""}).status_code == 404
    assert c.post(f"/share-links/{world.hidden_link.pk}/revoke/").status_code == 404
    assert ShareLink.objects.filter(comparison=world.hidden).count() == 1
    assert c.post(f"{cmp_url(world.shown)}share/", {"expires_in": ""}).status_code == 302


def test_a_share_link_to_an_archived_document_answers_410_to_everyone(
    world: World, client: Client, admin: Client
) -> None:
    for who in (client, admin):
        gone = who.get(world.hidden_link.get_absolute_url())
        assert gone.status_code == 410
        html = gone.content.decode()
        assert "This link has been withdrawn" in html
        # The page says nothing about what the link opened.
        assert world.archived.title not in html and world.release.title not in html
        assert gone["Cache-Control"] == "private, no-store"
    assert client.get(world.shown_link.get_absolute_url()).status_code == 200


def test_a_share_link_opens_again_when_its_document_is_unarchived(
    world: World, client: Client
) -> None:
    assert client.get(world.hidden_link.get_absolute_url()).status_code == 410
    Document.objects.filter(pk=world.archived.pk).update(archived_at=None)
    assert client.get(world.hidden_link.get_absolute_url()).status_code == 200


def test_the_picker_lists_hidden_comparisons_to_admins_only(
    world: World, readers: list[Client], admin: Client
) -> None:
    for c in readers:
        html = c.get("/compare/").content.decode()
        assert cmp_url(world.hidden) not in html
        assert cmp_url(world.shown) in html
    assert cmp_url(world.hidden) in admin.get("/compare/").content.decode()


# Annotations -------------------------------------------------------------------------


def test_an_annotation_on_an_archived_document_is_404_to_readers_but_opens_for_admins(
    world: World, readers: list[Client], admin: Client
) -> None:
    for c in readers:
        assert c.get(world.on_archived.get_absolute_url()).status_code == 404
        assert c.get(world.on_release.get_absolute_url()).status_code == 200
    assert admin.get(world.on_archived.get_absolute_url()).status_code == 200


def test_moderators_cannot_act_on_an_annotation_on_an_archived_document(
    world: World, moderator: User, client_for: ClientFor
) -> None:
    c = client_for(moderator)
    url, revision = world.on_archived.get_absolute_url(), world.on_archived.revision
    assert c.post(f"{url}status/", {"status": "confirmed", "revision": revision}).status_code == 404
    assert c.post(f"{url}replies/", {"body": "Seen it."}).status_code == 404
    assert c.post(f"{url}reattach/", {"words": "x", "revision": revision}).status_code == 404
    edit = {"label": world.on_archived.label_id, "note": "n", "revision": revision}
    assert c.post(f"{url}edit/", edit).status_code == 404
    world.on_archived.refresh_from_db()
    assert world.on_archived.status == Annotation.Status.OPEN
    assert not world.on_archived.replies.exists()
    # The visible one still takes a reply.
    reply = c.post(f"{world.on_release.get_absolute_url()}replies/", {"body": "Seen it."})
    assert reply.status_code == 302


def test_a_moderator_cannot_annotate_an_archived_document(
    world: World, moderator: User, client_for: ClientFor
) -> None:
    c = client_for(moderator)
    version = world.archived.current_version
    assert version is not None
    span = {"version": version.pk, "start": 0, "end": 40}
    assert c.get("/annotations/new/", span).status_code == 404
    passage = {"comparison": world.hidden.pk, "passage": 0}
    assert c.get("/annotations/new/", passage).status_code == 404
    shown = {"comparison": world.shown.pk, "passage": 0}
    assert c.get("/annotations/new/", shown).status_code == 200


def test_the_queue_leaves_out_annotations_and_titles_of_archived_documents_but_for_admins(
    world: World, readers: list[Client], admin: Client
) -> None:
    for c in readers:
        html = c.get("/annotations/").content.decode()
        assert f'href="{world.on_archived.get_absolute_url()}"' not in html
        assert f'href="{world.on_release.get_absolute_url()}"' in html
        assert world.archived.title not in html  # not even in the document filter
    html = admin.get("/annotations/").content.decode()
    assert f'href="{world.on_archived.get_absolute_url()}"' in html


def test_an_annotation_page_does_not_list_a_hidden_comparison(
    world: World, readers: list[Client]
) -> None:
    for c in readers:
        html = c.get(world.on_release.get_absolute_url()).content.decode()
        assert cmp_url(world.hidden) not in html
        # The newspaper comparison uses the same release version, so it is listed.
        assert cmp_url(world.shown) in html


# Exports -----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "jsonld"])
def test_exports_of_an_archived_document_or_its_comparisons_are_404_but_to_admins(
    world: World, readers: list[Client], admin: Client, fmt: str
) -> None:
    base = "/annotations/export"
    for c in readers:
        assert c.get(f"{base}/document/{world.archived.pk}.{fmt}").status_code == 404
        assert c.get(f"{base}/comparison/{world.hidden.pk}.{fmt}").status_code == 404
        assert c.get(f"{base}/document/{world.release.pk}.{fmt}").status_code == 200
        assert c.get(f"{base}/comparison/{world.shown.pk}.{fmt}").status_code == 200
    response = admin.get(f"{base}/document/{world.archived.pk}.{fmt}")
    assert response.status_code == 200
    assert world.on_archived.get_absolute_url() in response.content.decode()


def test_the_export_command_leaves_archived_documents_out_unless_asked(world: World) -> None:
    def export(*args: str) -> str:
        out = StringIO()
        call_command("export_annotations", *args, "--format", "csv", stdout=out)
        return out.getvalue()

    def ids(text: str) -> set[str]:
        return {row[0] for row in list(csv.reader(StringIO(text)))[1:]}

    everything = export("--all")
    assert str(world.on_release.pk) in ids(everything)
    assert str(world.on_archived.pk) not in ids(everything)
    assert str(world.on_archived.pk) in ids(export("--all", "--include-archived"))
    with pytest.raises(CommandError, match="include-archived"):
        export("--document", str(world.archived.pk))
    with pytest.raises(CommandError, match="include-archived"):
        export("--comparison", str(world.hidden.pk))
    archived = export("--document", str(world.archived.pk), "--include-archived")
    assert ids(archived) == {str(world.on_archived.pk)}


# Discovery pages ---------------------------------------------------------------------


def test_discovery_pages_of_the_release_list_the_archived_derivative_to_admins_only(
    world: World, readers: list[Client], admin: Client
) -> None:
    for url in (
        world.release.get_absolute_url(),  # the provenance panel
        f"/discovery/documents/{world.release.pk}/fan-out/",
        f"/discovery/documents/{world.release.pk}/trim-map/",
    ):
        for c in readers:
            html = c.get(url).content.decode()
            assert cmp_url(world.hidden) not in html, url
            assert cmp_url(world.shown) in html, url
        assert cmp_url(world.hidden) in admin.get(url).content.decode(), url


# The QuerySets the lists are built on --------------------------------------------------


def test_visible_to_applies_one_rule_to_every_model(
    world: World, educator: User, admin_member: User, outsider: User
) -> None:
    assert world.archived not in Document.objects.visible_to(educator)
    assert world.archived in Document.objects.visible_to(admin_member)
    assert not Document.objects.visible_to(outsider).exists()
    assert set(Comparison.objects.visible_to(educator)) == {world.shown}
    assert set(Comparison.objects.visible_to(admin_member)) == {world.shown, world.hidden}
    assert set(Annotation.objects.visible_to(educator)) == {world.on_release}
    assert not Annotation.objects.visible_to(outsider).exists()
    version = world.archived.current_version
    assert version not in DocumentVersion.objects.visible_to(educator)
    assert version in DocumentVersion.objects.visible_to(admin_member)


def test_an_admin_cannot_share_a_comparison_whose_links_are_withdrawn(
    world: World, admin: Client
) -> None:
    page = admin.get(cmp_url(world.hidden)).content.decode()
    assert "its share links are withdrawn" in page
    assert "Make a share link" not in page
    response = admin.post(f"{cmp_url(world.hidden)}share/", {"expires_in": ""}, follow=True)
    assert "it cannot be shared" in response.content.decode()
    assert ShareLink.objects.filter(comparison=world.hidden).count() == 1
    assert "Make a share link" in admin.get(cmp_url(world.shown)).content.decode()
