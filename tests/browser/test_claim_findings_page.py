"""Claim findings on the comparison page, in a real browser: labelled in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User

from comparisons.compare import get_or_compute
from comparisons.models import Comparison
from tests.browser.conftest import Pages
from tests.claim_pair import REASON, fibre_comparison
from tests.comparisons.test_claim_labels import RELEASE, STORY
from tests.conftest import make_document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def fibre(transactional_db: None) -> Comparison:
    release = make_document("Fibre release", RELEASE, kind="press_release")
    story = make_document("Fibre story", STORY)
    return get_or_compute(release.current_version, story.current_version)


def test_claim_findings_are_labelled_in_the_text_and_the_list(
    pages: Pages, educator: User, fibre: Comparison, screenshots: Path
) -> None:
    page = pages.open(fibre.get_absolute_url(), educator)
    derivative = page.locator("#der-text")
    stronger = derivative.locator('.find[data-type~="claim_strengthened"]')
    # The sentence may be marked in pieces (one per passage it crosses).
    assert "cuts the risk" in "".join(stronger.all_inner_texts())
    label = stronger.first.evaluate("m => getComputedStyle(m, '::before').content")
    assert "stated more strongly" in label
    panel = page.locator("#findings-h").locator("xpath=..")
    reason = panel.get_by_text("The release says “linked to”; the article says “cuts”.")
    assert reason.count() == 1
    assert reason.first.is_visible()
    box = reason.first.bounding_box()
    assert box is not None and box["height"] > 0
    size = float(reason.first.evaluate("e => getComputedStyle(e).fontSize").rstrip("px"))
    assert size >= 13
    for text in ("animal or cell study told about people", "advice added"):
        assert panel.locator(".flabel", has_text=text).count() == 1
    page.screenshot(path=str(screenshots / "claim-findings.png"), full_page=True)


def test_both_deciding_phrases_are_marked_and_readable(
    pages: Pages, educator: User, transactional_db: None, screenshots: Path
) -> None:
    comparison = fibre_comparison()
    page = pages.open(comparison.get_absolute_url(), educator)
    for column, words in (("#src-text", "linked to"), ("#der-text", "cuts")):
        cue = page.locator(f"{column} strong.cue")
        assert cue.all_inner_texts() == [words]
        assert cue.is_visible()
        box = cue.bounding_box()
        assert box is not None and box["width"] > 0 and 0 <= box["y"] < 900
        style = cue.evaluate(
            "e => { const s = getComputedStyle(e);"
            " return [s.fontWeight, s.textDecorationLine, parseFloat(s.fontSize)]; }"
        )
        # Marked by weight and underline, not colour alone, at reading size.
        assert int(style[0]) >= 700 and "underline" in style[1] and style[2] >= 15
    reason = page.get_by_text(REASON)
    assert reason.count() == 1 and reason.is_visible()
    page.screenshot(path=str(screenshots / "claim-phrases.png"), full_page=True)
    assert pages.errors == []
