"""The `reports` role through discovery: a story in its own words is paired with its release."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from discovery.index import index_version
from discovery.lineage import sources_report
from discovery.models import Role, SourceRelation
from discovery.search import find_sources
from documents.models import Document
from tests.conftest import make_document
from tests.discovery.reports_texts import OTHER_STUDY, RELEASE, SECOND_RELEASE, STORY

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def small_corpus(settings: Any) -> None:
    # Three documents make every word's rarity small: the real corpus's operating point
    # (bench/reports_real.py) would name nothing here, so the floor is the test's own.
    settings.DISCOVERY_REPORTS_MIN_WEIGHT = 0.0
    settings.DISCOVERY_REPORTS_MIN_SCORE = 1.0
    settings.DISCOVERY_REPORTS_MIN_RATIO = 2.0
    settings.DISCOVERY_REPORTS_MIN_ITEMS = 2


def _doc(title: str, text: str, kind: str, day: date) -> Document:
    document = make_document(title, text, kind)
    Document.objects.filter(pk=document.pk).update(published_on=day)
    document.refresh_from_db()
    find_sources(document)
    return document


def _corpus(story_day: date = date(2026, 3, 2)) -> tuple[Document, Document]:
    release = _doc("Leeds walking release", RELEASE, Document.Kind.PRESS_RELEASE, date(2026, 3, 1))
    story = _doc("Walking cuts heart admissions", STORY, Document.Kind.ARTICLE, story_day)
    return release, story


def test_a_story_in_its_own_words_reports_its_release(admin_member: Any) -> None:
    release, story = _corpus()
    relation = SourceRelation.objects.get(article=story, other=release)
    assert relation.role == Role.REPORTS
    assert "Kowalczyk" in relation.reason and "the journal BMJ" in relation.reason
    assert "£12m" in relation.reason
    report = sources_report(story, admin_member)
    assert report.origin is None and not report.direct  # it copies nothing
    assert report.reports is not None and report.reports.document == release
    assert report.entries()[0] == report.reports


def test_the_pair_has_a_comparison_with_a_claim_finding() -> None:
    release, story = _corpus()
    comparison = SourceRelation.objects.get(article=story, other=release).comparison
    assert comparison is not None
    assert comparison.source_version_id == release.current_version_id
    assert comparison.derivative_share == 0.0  # nothing aligned
    findings = comparison.engine_result.findings
    assert any(f.type == "claim_strengthened" and "cuts" in f.message for f in findings)


def test_a_story_about_another_study_is_not_paired() -> None:
    release, _ = _corpus()
    other = _doc("Swimming and the heart", OTHER_STUDY, Document.Kind.ARTICLE, date(2026, 3, 3))
    assert not SourceRelation.objects.filter(article=other, other=release).exists()


def test_two_releases_equally_close_name_neither() -> None:
    # A wrong pairing shown to a class is worse than none: no clear lead, no `reports`.
    # Unrelated texts, indexed, so that words the three share still count as rare.
    for n in range(12):
        filler = make_document(f"Filler {n}", f"Council notice {n}: bins are collected on time.")
        index_version(filler.current_version)
    _doc("Journal's walking release", SECOND_RELEASE, Document.Kind.PRESS_RELEASE, date(2026, 3, 1))
    _, story = _corpus()
    assert not SourceRelation.objects.filter(article=story, role=Role.REPORTS).exists()


def test_a_release_dated_after_the_story_is_not_reported() -> None:
    release, story = _corpus(story_day=date(2026, 2, 1))
    assert not SourceRelation.objects.filter(article=story, role=Role.REPORTS).exists()
    assert not SourceRelation.objects.filter(article=story, other=release).exists()


def test_the_document_page_words_reports_apart_from_copies(
    client: Client, admin_member: Any
) -> None:
    _, story = _corpus()
    client.force_login(admin_member)
    html = client.get(story.get_absolute_url()).content.decode()
    assert 'class="role-reports' in html
    assert "reports the release" in html and "no text copied" in html
    assert "none copied" in html
    assert "origin</strong>" not in html and "direct source</strong>" not in html
