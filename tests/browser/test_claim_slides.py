"""Claim findings on the projector and in the step-through: both sentences, the deciding
words marked, the badge naming the kind, every slide at 24 px or more with nothing cut."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from comparisons.compare import get_or_compute
from comparisons.models import Comparison
from tests.browser.conftest import Pages
from tests.browser.test_presentation import MEASURE, PROJECTORS, badge_matches, settled
from tests.claim_pair import RELEASE as FIBRE_RELEASE
from tests.claim_pair import STORY as FIBRE_STORY
from tests.comparisons.test_claim_labels import RELEASE, STORY
from tests.conftest import make_document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CUES = """() => [...document.querySelectorAll('.slide:not([hidden]) strong.cue')].map((c) => {
  const r = c.getBoundingClientRect();
  return { text: c.textContent, side: (c.closest('mark.p')?.id || '').split('-')[1] || '',
           visible: r.width > 0 && r.top >= 0 && r.bottom <= window.innerHeight,
           size: parseFloat(getComputedStyle(c).fontSize) };
})"""
SLIDE_OVERFLOW = (
    "() => { const s = document.querySelector('.slide:not([hidden])');"
    " return s.scrollHeight - s.clientHeight; }"
)


def _pair(title: str, release: str, story: str) -> Comparison:
    source = make_document(f"{title} release", release, kind="press_release")
    derivative = make_document(f"{title} story", story)
    return get_or_compute(source.current_version, derivative.current_version)


@pytest.fixture
def claim_pairs(transactional_db: None) -> dict[str, Comparison]:
    return {
        "fibre": _pair("Fibre", FIBRE_RELEASE, FIBRE_STORY),
        "northbridge": _pair("Northbridge", RELEASE, STORY),
    }


@pytest.mark.parametrize("pair", ["fibre", "northbridge"])
@pytest.mark.parametrize("projector", list(PROJECTORS))
def test_every_claim_slide_fits_and_marks_both_phrases(
    pages: Pages,
    educator: User,
    claim_pairs: dict[str, Comparison],
    screenshots: Path,
    pair: str,
    projector: str,
) -> None:
    comparison = claim_pairs[pair]
    page = pages.open(f"/comparisons/{comparison.pk}/present/", educator, **PROJECTORS[projector])
    position = page.locator("#pr-pos")
    total = int(re.search(r"of (\d+)", position.inner_text()).group(1))
    claim_slides = []
    for n in range(1, total + 1):
        assert position.inner_text() == f"{n} of {total}"
        assert settled(page, SLIDE_OVERFLOW)
        seen = page.evaluate(MEASURE)
        page.screenshot(path=str(screenshots / f"present-claims-{pair}-{projector}-{n:02d}.png"))
        assert seen["smallest"] >= 24, (n, seen["where"], seen["smallest"])
        assert seen["overflow"] <= 0, (n, seen["overflow"])
        assert not seen["cutSubject"], n
        if seen["kind"] not in {"title", "summary"}:
            assert badge_matches(seen), (n, seen["badge"], seen["about"])
        if seen["about"] in {"claim_strengthened", "subjects_generalised"}:
            cues = page.evaluate(CUES)
            claim_slides.append((seen["badge"], cues))
            # One deciding phrase on each side, on screen, at projector size.
            assert {c["side"] for c in cues} == {"s", "d"}, cues
            assert all(c["visible"] and c["size"] >= 24 for c in cues), cues
        page.keyboard.press("PageDown")
    badges = [b for b, _ in claim_slides]
    if pair == "fibre":
        assert badges == ["Stated more strongly"]
        [(_, cues)] = claim_slides
        assert sorted(c["text"] for c in cues) == ["cuts", "linked to"]
    else:
        assert "Animal or cell study told about people" in badges
        assert "Stated more strongly" in badges
    assert pages.errors == []


def test_the_step_through_shows_both_sentences_with_their_phrases(
    pages: Pages, educator: User, claim_pairs: dict[str, Comparison], screenshots: Path
) -> None:
    comparison = claim_pairs["fibre"]
    page = pages.open(f"{comparison.get_absolute_url()}?view=steps", educator)
    step = page.locator(".step:not([hidden])")
    assert step.count() == 1
    cues = step.locator("strong.cue")
    assert cues.all_inner_texts() == ["linked to", "cuts"]
    for k in range(cues.count()):
        assert cues.nth(k).is_visible()
        box = cues.nth(k).bounding_box()
        assert box is not None and box["height"] > 0
    page.screenshot(path=str(screenshots / "claim-step.png"), full_page=True)
    assert pages.errors == []
