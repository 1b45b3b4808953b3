"""A story reporting its release without copying it: the sources list and graph in Chromium."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from discovery.search import find_sources
from documents.models import Document
from tests.browser.conftest import Pages
from tests.conftest import make_document
from tests.discovery.reports_texts import RELEASE, STORY

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def reported(settings: Any) -> tuple[Document, Document]:
    # A three-document corpus: the rarity floor is the test's own (see test_reports_role).
    settings.DISCOVERY_REPORTS_MIN_WEIGHT = 0.0
    settings.DISCOVERY_REPORTS_MIN_SCORE = 1.0
    docs = []
    for title, text, kind, day in (
        ("Leeds walking release", RELEASE, Document.Kind.PRESS_RELEASE, date(2026, 3, 1)),
        ("Walking cuts heart admissions", STORY, Document.Kind.ARTICLE, date(2026, 3, 2)),
    ):
        document = make_document(title, text, kind)
        Document.objects.filter(pk=document.pk).update(published_on=day)
        document.refresh_from_db()
        find_sources(document)
        docs.append(document)
    return docs[0], docs[1]


def test_the_sources_list_says_reports_not_copies(
    pages: Pages, reported: tuple[Document, Document], educator: User, screenshots: Path
) -> None:
    release, story = reported
    page = pages.open(story.get_absolute_url(), educator)
    row = page.locator("table.disc-sources tr.role-reports")
    assert row.count() == 1
    assert release.title in row.inner_text()
    tag = row.locator(".role-tag")
    assert tag.inner_text() == "reports the release"
    assert "no text copied" in row.inner_text()
    assert "they share" in row.inner_text() and "BMJ" in row.inner_text()
    row.scroll_into_view_if_needed()
    box = tag.bounding_box()
    assert box is not None and box["width"] > 0 and 0 <= box["y"] < 1000
    size = float(tag.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px"))
    assert size >= 12
    # Worded and coloured apart from an origin's tag (ink black).
    colour = tag.evaluate("e => getComputedStyle(e).color")
    assert colour == "rgb(31, 78, 121)"
    page.locator("section.disc-panel").screenshot(path=str(screenshots / "reports-sources.png"))
    assert not pages.errors


def test_the_graph_draws_a_reports_edge_apart(
    pages: Pages, reported: tuple[Document, Document], educator: User, screenshots: Path
) -> None:
    _, story = reported
    page = pages.open(f"/discovery/graph/?document={story.pk}", educator)
    edge = page.locator("svg g.role-reports")
    assert edge.count() == 1
    assert "no text copied" in edge.text_content()
    assert page.locator("svg g.role-origin, svg g.role-direct").count() == 0
    assert "Reports the release" in page.locator(".graph-legend").inner_text()
    page.screenshot(path=str(screenshots / "reports-graph.png"), full_page=True)
    assert not pages.errors
