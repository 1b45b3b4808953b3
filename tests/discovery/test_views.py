"""Discovery pages: who may see them, and what they show."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import OperationalError
from django.test import Client
from django.urls import reverse

from discovery.models import IndexState, Status
from documents.models import Document

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]


def read_urls(seeds: dict[str, Document]) -> list[str]:
    release = seeds["001"].pk
    return [
        reverse("discovery:fan_out", args=[release]),
        reverse("discovery:trim_map", args=[release]),
        reverse("discovery:graph"),
        reverse("documents:detail", args=[seeds["000"].pk]),
    ]


def test_every_role_can_read_the_pages(
    seeds: dict[str, Document], client_for: ClientFor, educator: User, moderator: User
) -> None:
    for user in (educator, moderator):
        for url in read_urls(seeds):
            assert client_for(user).get(url).status_code == 200, url


def test_signed_in_users_without_a_role_are_refused(
    seeds: dict[str, Document], client_for: ClientFor, outsider: User
) -> None:
    for url in read_urls(seeds)[:3]:
        assert client_for(outsider).get(url).status_code == 403, url


def test_anonymous_visitors_are_sent_to_sign_in(seeds: dict[str, Document]) -> None:
    for url in read_urls(seeds)[:3]:
        response = Client().get(url)
        assert response.status_code == 302
        assert reverse("login") in response["Location"]


def test_only_admins_see_background_status(
    seeds: dict[str, Document], client_for: ClientFor, admin_member: User, educator: User
) -> None:
    url = reverse("discovery:status")
    assert client_for(educator).get(url).status_code == 403
    response = client_for(admin_member).get(url)
    assert response.status_code == 200
    assert b"Nothing has failed" in response.content


def _still_locked(*args: object, **kwargs: object) -> None:
    raise OperationalError("database is locked")


def test_admins_see_a_failed_step_and_its_error_and_can_retry(
    seeds: dict[str, Document],
    client_for: ClientFor,
    admin_member: User,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    version = seeds["003"].current_version
    IndexState.objects.filter(version=version).update(
        discovery_status=Status.FAILED, attempts=3, error="OperationalError: database is locked"
    )
    client = client_for(admin_member)
    assert b"database is locked" in client.get(reverse("discovery:status")).content
    # The page tries discovery again on demand; while the cause lasts it says it failed.
    with monkeypatch.context() as m:
        m.setattr("discovery.search.discover", _still_locked)
        page = client.get(seeds["003"].get_absolute_url()).content.decode()
    assert "Source discovery: failed" in page
    assert "database is locked" in page
    response = client.post(reverse("discovery:retry"))
    assert response.status_code == 302
    assert IndexState.objects.get(version=version).discovery_status == Status.DONE


def test_the_error_is_hidden_from_non_admins(
    seeds: dict[str, Document],
    client_for: ClientFor,
    educator: User,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    IndexState.objects.filter(version=seeds["003"].current_version).update(
        discovery_status=Status.FAILED, error="secret detail"
    )
    with monkeypatch.context() as m:
        m.setattr("discovery.search.discover", _still_locked)
        page = client_for(educator).get(seeds["003"].get_absolute_url()).content.decode()
    assert "Source discovery: failed" in page
    assert "secret detail" not in page


def test_changing_actions_are_post_only_and_for_admins(
    seeds: dict[str, Document],
    client_for: ClientFor,
    admin_member: User,
    moderator: User,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    discover = reverse("discovery:discover", args=[seeds["000"].pk])
    retry = reverse("discovery:retry")
    assert client_for(admin_member).get(discover).status_code == 405
    assert client_for(moderator).post(discover).status_code == 403
    assert client_for(moderator).post(retry).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(admin_member).post(discover)
    assert response.status_code == 302
    state = IndexState.objects.get(version=seeds["000"].current_version)
    assert (state.index_status, state.discovery_status) == (Status.DONE, Status.DONE)


def test_the_document_page_lists_sources_with_both_shares(
    seeds: dict[str, Document], client_for: ClientFor, educator: User
) -> None:
    page = client_for(educator).get(seeds["000"].get_absolute_url()).content.decode()
    assert "Indexing: finished" in page
    assert seeds["001"].title in page
    assert "direct source" in page
    assert "Of it reused here" in page and "Of this text from it" in page
    assert "/comparisons/" in page or "Compare" in page


def test_the_release_page_lists_its_derivatives_and_links_the_fan_out(
    seeds: dict[str, Document], client_for: ClientFor, educator: User
) -> None:
    page = client_for(educator).get(seeds["001"].get_absolute_url()).content.decode()
    assert seeds["000"].title in page
    assert seeds["002"].title in page
    assert reverse("discovery:fan_out", args=[seeds["001"].pk]) in page


def test_the_fan_out_counts_each_sentence_across_derivatives(
    seeds: dict[str, Document], client_for: ClientFor, educator: User
) -> None:
    response = client_for(educator).get(reverse("discovery:fan_out", args=[seeds["001"].pk]))
    page = response.content.decode()
    fan = response.context["fan"]
    assert len(fan.derivatives) == 2
    assert fan.totals["verbatim"] + fan.totals["reused"] > 0
    assert fan.totals["omitted"] > 0  # 000 drops the closing paragraphs
    assert "of 2" in page
    assert 'class="cell-kind shade-' in page


def test_the_trim_map_shows_dropped_figures(
    seeds: dict[str, Document], client_for: ClientFor, educator: User
) -> None:
    response = client_for(educator).get(reverse("discovery:trim_map", args=[seeds["001"].pk]))
    fates = [fate for _item, fates in response.context["rows"] for fate in fates]
    assert "dropped" in fates
    assert "kept" in fates
    assert "<del>dropped</del>" in response.content.decode()


def test_pages_without_derivatives_say_so(
    seeds: dict[str, Document], client_for: ClientFor, educator: User
) -> None:
    client = client_for(educator)
    fan = client.get(reverse("discovery:fan_out", args=[seeds["003"].pk])).content.decode()
    trim = client.get(reverse("discovery:trim_map", args=[seeds["003"].pk])).content.decode()
    assert "No derivative of this document has been found yet" in fan
    assert "No derivative of this document has been found yet" in trim


def test_the_graph_draws_documents_and_edges_with_escaped_labels(
    seeds: dict[str, Document], client_for: ClientFor, educator: User
) -> None:
    Document.objects.filter(pk=seeds["000"].pk).update(title="<script>alert(1)</script> MP")
    response = client_for(educator).get(reverse("discovery:graph"), {"document": seeds["001"].pk})
    page = response.content.decode()
    assert "<svg" in page
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;" in page
    edges = response.context["graph"].edges
    assert {(e.source.pk, e.article.pk) for e in edges} >= {
        (seeds["001"].pk, seeds["000"].pk),
        (seeds["001"].pk, seeds["002"].pk),
    }
    assert "Reuse edges" in page


def test_the_graph_of_an_outlet_and_an_empty_topic(
    seeds: dict[str, Document], client_for: ClientFor, educator: User
) -> None:
    client = client_for(educator)
    outlet = seeds["001"].outlet
    page = client.get(reverse("discovery:graph"), {"outlet": outlet.pk}).content.decode()
    assert seeds["001"].title in page
    empty = client.get(reverse("discovery:graph"), {"q": "zzzznotaword"}).content.decode()
    assert "No documents match" in empty


def test_archived_documents_are_hidden_from_non_admins(
    seeds: dict[str, Document], client_for: ClientFor, educator: User
) -> None:
    from django.utils import timezone

    Document.objects.filter(pk=seeds["001"].pk).update(archived_at=timezone.now())
    url = reverse("discovery:fan_out", args=[seeds["001"].pk])
    assert client_for(educator).get(url).status_code == 404
