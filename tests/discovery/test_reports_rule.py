"""The `reports` rule's pure parts: what two texts share, which release is chosen (no database)."""

from __future__ import annotations

from datetime import date

import pytest

from discovery.models import Role
from discovery.role_reasons import reports_reason
from discovery.role_rule import Decision, ReportsCandidate, decide_reports
from discovery.shared_content import Match, Weights, choose, evidence_of, match
from documents.models import Document
from tests.discovery.reports_texts import OTHER_STUDY, RELEASE, STORY

# Every word as rare as every other: the score counts what is shared.
FLAT = Weights(documents=1000, min_weight=0.0, max_term_df=10, item_factor=1.5)


def _score(a: str, b: str) -> Match:
    return match(evidence_of(a), evidence_of(b), lambda _h: 1, FLAT)


def test_the_story_shares_names_journal_and_a_reformatted_figure_with_its_release() -> None:
    shared = {(i.kind, i.shown) for i in _score(STORY, RELEASE).shared}
    assert ("journal", "BMJ") in shared
    assert ("figure", "£12m") in shared  # "12 million pounds" in the story
    assert ("figure", "1,200") in shared  # "1200"
    assert ("figure", "35%") in shared  # "35 per cent"
    assert any(kind == "name" and "Kowalczyk" in shown for kind, shown in shared)
    assert any(kind == "name" and "University of Leeds" in shown for kind, shown in shared)


def test_another_study_on_the_subject_shares_far_less() -> None:
    right, other = _score(STORY, RELEASE), _score(OTHER_STUDY, RELEASE)
    assert len(other.shared) < 2 <= len(right.shared)
    assert other.score * 3 < right.score


def test_choose_needs_a_floor_a_margin_and_items() -> None:
    strong, weak = _score(STORY, RELEASE), _score(STORY, OTHER_STUDY)
    assert choose([weak, strong], 1.0, 2.0, 2) is not None
    assert choose([weak, strong], 1.0, 2.0, 2).index == 1  # type: ignore[union-attr]
    assert choose([strong, strong], 1.0, 2.0, 2) is None  # too close to call
    assert choose([strong], strong.score + 1, 2.0, 2) is None  # under the floor
    assert choose([weak], 0.0, 2.0, 2) is None  # names nothing
    assert choose([], 0.0, 2.0, 2) is None


def _doc(pk: int, kind: str, day: date | None) -> Document:
    return Document(pk=pk, title=f"d{pk}", kind=kind, published_on=day)


@pytest.fixture
def loose(settings: object) -> None:
    settings.DISCOVERY_REPORTS_MIN_SCORE = 1.0  # type: ignore[attr-defined]
    settings.DISCOVERY_REPORTS_MIN_RATIO = 2.0  # type: ignore[attr-defined]
    settings.DISCOVERY_REPORTS_MIN_ITEMS = 2  # type: ignore[attr-defined]


def test_a_release_dated_before_the_story_is_reported(loose: None) -> None:
    story = _doc(1, Document.Kind.ARTICLE, date(2026, 3, 2))
    release = _doc(2, Document.Kind.PRESS_RELEASE, date(2026, 3, 1))
    chosen = decide_reports(story, [], [ReportsCandidate(release, _score(STORY, RELEASE))])
    assert chosen is not None and chosen.document is release


def test_a_release_dated_after_the_story_is_not(loose: None) -> None:
    story = _doc(1, Document.Kind.ARTICLE, date(2026, 3, 2))
    release = _doc(2, Document.Kind.PRESS_RELEASE, date(2026, 3, 5))
    assert decide_reports(story, [], [ReportsCandidate(release, _score(STORY, RELEASE))]) is None


def test_no_reports_beside_an_origin_nor_for_a_release_nor_from_an_article(loose: None) -> None:
    story = _doc(1, Document.Kind.ARTICLE, None)
    release = _doc(2, Document.Kind.PRESS_RELEASE, None)
    found = [ReportsCandidate(release, _score(STORY, RELEASE))]
    origin = Decision(None, _doc(3, Document.Kind.PRESS_RELEASE, None), Role.ORIGIN)
    assert decide_reports(story, [origin], found) is None
    assert decide_reports(_doc(4, Document.Kind.PRESS_RELEASE, None), [], found) is None
    article = _doc(5, Document.Kind.ARTICLE, None)
    assert decide_reports(story, [], [ReportsCandidate(article, found[0].match)]) is None


def test_the_reason_names_what_they_share_in_words() -> None:
    reason = reports_reason(_score(STORY, RELEASE).shared)
    assert "copying none of them" in reason
    assert "the journal BMJ" in reason
    assert "Kowalczyk" in reason and "University of Leeds" in reason
    assert "£12m" in reason and "1,200" in reason
    assert "n:" not in reason and "f:" not in reason  # words, not keys
