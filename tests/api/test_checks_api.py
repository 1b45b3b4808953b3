"""POST /api/v1/checks: a pasted article's sources among the texts you see; nothing stored."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from checks.models import Check
from documents.demo import load_demo
from documents.models import Document, DocumentVersion
from tests.api.conftest import problem

CHECKS = "/api/v1/checks"


@pytest.fixture
def indexed(
    db: None, django_capture_on_commit_callbacks: Callable[..., Any]
) -> dict[str, Document]:
    with django_capture_on_commit_callbacks(execute=True):
        outcomes = load_demo()
    return {number: outcome.document for number, outcome in outcomes.items()}


@pytest.fixture
def article(indexed: dict[str, Document]) -> str:
    """Seed 000 with the MP's name changed: a text the corpus does not hold."""
    text = indexed["000"].current_version.text
    return text.replace("Richard Fuller", "Jane Marlowe")


def test_a_pasted_article_finds_its_release_and_stores_nothing(api_for, educator, indexed, article):
    before = (Document.objects.count(), DocumentVersion.objects.count())
    response = api_for(educator).post(CHECKS, {"text": article})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["best"]["document"]["id"] == indexed["001"].pk
    assert body["sources"][0]["derivative_share"] > 0
    assert body["result"]["schema"]
    assert (Document.objects.count(), DocumentVersion.objects.count()) == before
    assert not Check.objects.exists()


def test_a_text_from_nowhere_has_no_sources(api_for, educator, indexed):
    body = api_for(educator).post(CHECKS, {"text": "Zebras painted the lighthouse blue."}).json()
    assert body["sources"] == [] and body["best"] is None and body["result"] is None


def test_checks_are_rate_limited_as_discovery(api_for, educator, indexed, settings):
    settings.API_RATE_LIMITS = {"discovery": (1, 3600)}
    client = api_for(educator)
    assert client.post(CHECKS, {"text": "Some words."}).status_code == 200
    limited = client.post(CHECKS, {"text": "Some words."})
    problem(limited, 429)
    assert limited["RateLimit-Remaining"] == "0"


@pytest.mark.parametrize("payload", [{"text": ""}, {}, {"text": 5}])
def test_an_empty_or_missing_text_is_a_422_problem(api_for, educator, db, payload):
    problem(api_for(educator).post(CHECKS, payload), 422)


def test_a_blank_text_is_refused_in_words(api_for, educator, db):
    body = problem(api_for(educator).post(CHECKS, {"text": "   "}), 400)
    assert "Paste" in body["detail"]


def test_only_educators_and_admins_check(api_for, moderator, db):
    problem(api_for(moderator).post(CHECKS, {"text": "Some words."}), 403)
