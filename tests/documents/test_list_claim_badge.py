"""The documents list flags stories that state a claim more strongly than their source."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comparisons.models import Comparison
from documents.models import Document
from tests.claim_pair import fibre_comparison
from tests.conftest import make_document

ClientFor = Callable[[User], Client]
BADGE = 'aria-label="Claim stated more strongly than its source"'


def _row(html: str, title: str) -> str:
    start = html.index(f">{title}</a>")
    return html[start : html.index("</tr>", start)]


def test_the_comparison_stores_the_flag_when_it_is_stored(db: None) -> None:
    comparison = fibre_comparison()
    assert comparison.is_done
    assert Comparison.objects.get(pk=comparison.pk).overstates_claim


def test_a_story_with_a_stronger_claim_has_a_badge(
    educator: User, client_for: ClientFor, db: None
) -> None:
    fibre_comparison()
    make_document("Plain story", "The council met on Tuesday to discuss the bins.")
    html = client_for(educator).get("/documents/").content.decode()
    assert BADGE in _row(html, "Fibre story")
    assert BADGE not in _row(html, "Fibre release")
    assert BADGE not in _row(html, "Plain story")


def test_the_filter_lists_only_stories_with_a_stronger_claim(
    educator: User, client_for: ClientFor, db: None
) -> None:
    fibre_comparison()
    make_document("Plain story", "The council met on Tuesday to discuss the bins.")
    html = client_for(educator).get("/documents/", {"claim": "strengthened"}).content.decode()
    assert "Fibre story" in html
    assert "Fibre release" not in html
    assert "Plain story" not in html
    assert '<option value="strengthened" selected>' in html


def test_an_outdated_comparison_does_not_flag_the_story(
    educator: User, client_for: ClientFor, db: None
) -> None:
    comparison = fibre_comparison()
    Comparison.objects.filter(pk=comparison.pk).update(engine_version="0.0.1")
    assert not Document.objects.overstating_claims(educator).exists()
    html = client_for(educator).get("/documents/").content.decode()
    assert BADGE not in html


def test_the_badge_costs_no_query_per_row(educator: User, client_for: ClientFor, db: None) -> None:
    fibre_comparison()
    client = client_for(educator)
    client.get("/documents/")
    with CaptureQueriesContext(connection) as few:
        client.get("/documents/")
    for n in range(4):
        make_document(f"Another story {n}", f"Story number {n} about the council's bins.")
    with CaptureQueriesContext(connection) as more:
        client.get("/documents/")
    assert len(more) == len(few)


@pytest.mark.parametrize("bad", ["weakened", "1", "<script>"])
def test_a_bad_claim_filter_is_ignored_not_a_500(
    educator: User, client_for: ClientFor, db: None, bad: str
) -> None:
    fibre_comparison()
    response = client_for(educator).get("/documents/", {"claim": bad})
    assert response.status_code == 200


def test_a_source_the_reader_may_not_see_does_not_flag_the_story(
    educator: User, admin_member: User, client_for: ClientFor, db: None
) -> None:
    comparison = fibre_comparison()
    release = comparison.source_version.document
    Document.objects.filter(pk=release.pk).update(archived_at=timezone.now())
    assert not Document.objects.overstating_claims(educator).exists()
    assert BADGE not in client_for(educator).get("/documents/").content.decode()
    # Admins see archived documents, and so the claim the story overstates.
    assert Document.objects.overstating_claims(admin_member).get().title == "Fibre story"
