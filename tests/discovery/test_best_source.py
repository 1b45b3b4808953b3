"""Below the threshold, a story's one clearly best candidate source is still stored."""

from __future__ import annotations

import re

import pytest
from django.test import override_settings

from comparisons.models import Comparison
from discovery.index import index_version
from discovery.models import Candidate
from discovery.relations import sources_of
from discovery.search import find_sources
from documents.models import Document
from tests.conftest import make_document
from tests.engine.seeds import seed

pytestmark = pytest.mark.django_db

THRESHOLDS = {"DISCOVERY_THRESHOLD": 0.2, "DISCOVERY_BEST_THRESHOLD": 0.1}


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if s.strip()]


def release(title: str, text: str) -> Document:
    document = make_document(title, text, kind="press_release")
    assert document.current_version is not None
    index_version(document.current_version)
    return document


def story(copied: list[str], padding: str) -> str:
    """A story that takes a few sentences from a release among much text of its own."""
    return " ".join(copied) + "\n\n" + padding


@pytest.fixture
def texts() -> dict[str, str]:
    return {number: seed(number) for number in ("001", "003", "004")}


def reuse_of(document: Document) -> dict[int, float]:
    return {
        c.source_version.document_id: c.reuse_share
        for c in Candidate.objects.filter(derivative_version=document.current_version)
    }


@override_settings(**THRESHOLDS)
def test_a_weak_but_clearly_best_source_is_stored(texts: dict[str, str]) -> None:
    source = release("Release", texts["001"])
    article = make_document("Story", story(sentences(texts["001"])[2:6], texts["004"]))
    report = find_sources(article)

    share = reuse_of(article)[source.pk]
    assert 0.1 <= share < 0.2, share  # the case this rule is for
    assert [r.document for r in sources_of(article)] == [source]
    assert [c.accepted for c in report.sources] == [True]
    stored = Comparison.objects.get(derivative_version=article.current_version)
    assert stored.origin == Comparison.Origin.DISCOVERY


@override_settings(DISCOVERY_THRESHOLD=0.2, DISCOVERY_BEST_THRESHOLD=0.2)
def test_the_rule_is_off_when_its_threshold_is_not_lower(texts: dict[str, str]) -> None:
    release("Release", texts["001"])
    article = make_document("Story", story(sentences(texts["001"])[2:6], texts["004"]))
    find_sources(article)
    assert sources_of(article) == []
    assert not Comparison.objects.filter(derivative_version=article.current_version).exists()


@override_settings(**THRESHOLDS)
def test_only_the_best_of_two_weak_candidates_is_stored(texts: dict[str, str]) -> None:
    first = sentences(texts["001"])
    other = sentences(texts["003"])
    strong = release("Release A", texts["001"])
    weak = release("Release B", texts["003"])
    article = make_document("Story", story(first[2:7] + other[1:2], texts["004"]))
    find_sources(article)

    shares = reuse_of(article)
    assert 0 < shares[weak.pk] < shares[strong.pk] < 0.2, shares
    assert [r.document for r in sources_of(article)] == [strong]


@override_settings(**THRESHOLDS)
def test_a_tie_names_no_source(texts: dict[str, str]) -> None:
    release("Release A", texts["001"])
    release("Release A again", texts["001"])
    article = make_document("Story", story(sentences(texts["001"])[2:6], texts["004"]))
    find_sources(article)
    assert sources_of(article) == []


@override_settings(**THRESHOLDS)
def test_a_source_below_the_lower_threshold_is_not_stored(texts: dict[str, str]) -> None:
    release("Release", texts["001"])
    article = make_document("Story", story(sentences(texts["001"])[2:3], texts["004"]))
    find_sources(article)
    assert sources_of(article) == []


@override_settings(**THRESHOLDS)
def test_a_release_uploaded_after_the_story_becomes_its_source(texts: dict[str, str]) -> None:
    article = make_document("Story", story(sentences(texts["001"])[2:6], texts["004"]))
    assert article.current_version is not None
    index_version(article.current_version)
    source = make_document("Release", texts["001"], kind="press_release")
    find_sources(source)
    assert [r.document for r in sources_of(article)] == [source]


@override_settings(**THRESHOLDS)
def test_nothing_is_stored_below_what_pages_show(texts: dict[str, str]) -> None:
    # A story taking one sentence of a release among its own text: the release leads a
    # rival release by far, but below the best-source floor. No comparison is stored
    # that no page, export or role would ever read.
    source = release("Release", texts["001"])
    rival = release("Rival", texts["003"] + " " + sentences(texts["004"])[0])
    article = make_document("Story", story(sentences(texts["001"])[2:3], texts["004"]))
    find_sources(article)
    shares = reuse_of(article)
    assert 0.05 <= shares[source.pk] < 0.1, shares  # the case this is about
    assert shares[source.pk] > 2 * shares[rival.pk], shares
    assert sources_of(article) == []
    stored = Comparison.objects.filter(derivative_version=article.current_version)
    assert not stored.exists()


def test_a_release_uploaded_after_many_stories_reaches_every_one(texts: dict[str, str]) -> None:
    # Real releases have sixty stories: a release that arrives after them must check
    # each one, or the stories beyond the first few never get it as a source.
    lines = sentences(texts["001"])
    stories = []
    for n in range(30):
        taken = [lines[(n + k) % len(lines)] for k in range(4)]
        article = make_document(f"Story {n}", story(taken, f"Story number {n}. " + texts["004"]))
        assert article.current_version is not None
        index_version(article.current_version)
        stories.append(article)
    source = make_document("Release", texts["001"], kind="press_release")
    find_sources(source)
    reached = [a for a in stories if source in [r.document for r in sources_of(a)]]
    assert len(reached) == len(stories)
