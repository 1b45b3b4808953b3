"""Presentation mode on a projector (1024×576, and 1280×720 at 125%), keyboard only: every
slide fits at 24 px or more, the passage it is about is never cut, its badge names its headline."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from comparisons.compare import get_or_compute
from comparisons.models import Comparison
from comparisons.render import FINDING_LABELS
from tests.browser.conftest import Pages
from tests.conftest import load_seeds

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# How far the stage would scroll vertically (> 0: the slide does not fit).
OVERFLOW = (
    "() => { const s = document.getElementById('stage'); return s.scrollHeight - s.clientHeight; }"
)


@pytest.fixture
def seed_pairs(transactional_db: None) -> dict[str, Comparison]:
    seeds = load_seeds()
    return {
        f"{a}-{b}": get_or_compute(seeds[a].current_version, seeds[b].current_version)
        for a, b in (("001", "000"), ("001", "002"))
    }


# What a reader sees on the slide shown: the smallest font size of any text on it, how far
# it (or the stage) would scroll, any ellipsis inside the passage it is about, and its badge.
MEASURE = """() => {
  const slide = document.querySelector('.slide:not([hidden])');
  const stage = document.getElementById('stage');
  let smallest = Infinity, where = '';
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el.getClientRects().length) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < smallest) { smallest = size; where = node.textContent.trim().slice(0, 30); }
  }
  const subjects = [...slide.querySelectorAll('.subject')];
  const badge = slide.querySelector('.pr-headline .badge');
  return {
    smallest, where,
    overflow: Math.max(
      slide.scrollHeight - slide.clientHeight, stage.scrollHeight - stage.clientHeight),
    cutSubject: subjects.some((s) => s.textContent.includes('…') || !s.getClientRects().length),
    subjects: subjects.length,
    kind: slide.dataset.kind, about: slide.dataset.about || '',
    badge: badge ? badge.textContent.trim() : '',
    headline: slide.querySelector('.pr-headline').textContent,
  };
}"""
PROJECTORS = {
    "1024x576": {"viewport": {"width": 1024, "height": 576}, "device_scale_factor": 1},
    "1280x720@1.25": {"viewport": {"width": 1280, "height": 720}, "device_scale_factor": 1.25},
}


def badge_matches(seen: dict[str, Any]) -> bool:
    """The badge names what the headline is about: its finding, else the passage's kind."""
    badge, about = seen["badge"].lower(), seen["about"]
    if about in FINDING_LABELS:
        return badge == FINDING_LABELS[about]
    if about == "replaced":
        return badge == "quotation replaced"
    return badge.split(",")[0] == about


@pytest.mark.parametrize("pair", ["001-000", "001-002"])
@pytest.mark.parametrize("projector", list(PROJECTORS))
def test_every_slide_fits_a_projector_at_24px_by_keyboard(
    pages: Pages,
    educator: User,
    seed_pairs: dict[str, Comparison],
    screenshots: Path,
    pair: str,
    projector: str,
) -> None:
    comparison = seed_pairs[pair]
    page = pages.open(f"/comparisons/{comparison.pk}/present/", educator, **PROJECTORS[projector])
    position = page.locator("#pr-pos")
    assert position.get_attribute("aria-live") == "polite"
    total = int(re.search(r"of (\d+)", position.inner_text()).group(1))
    assert total >= 7  # a title slide, at least five changes, a summary slide
    keys = ["PageDown", "ArrowRight", "Space", "ArrowDown"]
    kinds = []
    for n in range(1, total + 1):
        assert position.inner_text() == f"{n} of {total}"
        assert page.locator(".slide:not([hidden])").count() == 1
        assert settled(
            page,
            "() => { const s = document.querySelector('.slide:not([hidden])');"
            " return s.scrollHeight - s.clientHeight; }",
        )
        seen = page.evaluate(MEASURE)
        page.screenshot(path=str(screenshots / f"present-{pair}-{projector}-{n:02d}.png"))
        kinds.append(seen["kind"])
        assert seen["smallest"] >= 24, (n, seen["where"], seen["smallest"])
        assert seen["overflow"] <= 0, (n, seen["overflow"])
        assert not seen["cutSubject"], n
        assert seen["headline"].strip()
        if seen["kind"] not in {"title", "summary"}:
            assert badge_matches(seen), (n, seen["badge"], seen["about"])
        page.keyboard.press(keys[n % len(keys)])
    assert kinds[0] == "title" and kinds[-1] == "summary"
    assert "title" not in kinds[1:] and "summary" not in kinds[:-1]
    # The first change is the findings panel's first finding.
    assert kinds[1] == ("replaced" if pair == "001-000" else "altered")
    assert position.inner_text() == f"{total} of {total}"  # stops at the last
    page.keyboard.press("PageUp")
    assert position.inner_text() == f"{total - 1} of {total}"
    page.keyboard.press("Home")
    assert position.inner_text() == f"1 of {total}"
    page.keyboard.press("Escape")
    page.wait_for_url(re.compile(rf"/comparisons/{comparison.pk}/$"))
    assert pages.errors == []


def test_document_order_fits_too(
    pages: Pages, educator: User, seed_pairs: dict[str, Comparison]
) -> None:
    for comparison in seed_pairs.values():
        page = pages.open(
            f"/comparisons/{comparison.pk}/present/?order=document",
            educator,
            **PROJECTORS["1024x576"],
        )
        total = int(page.locator("#stage").get_attribute("data-count"))
        for n in range(1, total + 1):
            seen = page.evaluate(MEASURE)
            assert seen["smallest"] >= 24 and seen["overflow"] <= 0, (comparison.pk, n, seen)
            assert not seen["cutSubject"]
            page.keyboard.press("PageDown")
    assert pages.errors == []


def settled(page: Any, measure: str, frames: int = 60) -> bool:
    """Wait (frame by frame, at most `frames`) until `measure` comes out 0 or below.

    Not `wait_for_function`: it evaluates a string in the page, which the Content
    Security Policy forbids; `evaluate` runs outside the page's policy.
    """
    for _ in range(frames):
        if page.evaluate(measure) <= 0:
            return True
        page.evaluate(
            "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
        )
    return False


def test_the_order_toggle_and_a_shared_presentation(
    pages: Pages, educator: User, seed_pairs: dict[str, Comparison], screenshots: Path
) -> None:
    comparison = seed_pairs["001-000"]
    page = pages.open(
        comparison.get_absolute_url(),
        educator,
        viewport={"width": 1280, "height": 720},
        device_scale_factor=1.25,
    )
    page.get_by_role("link", name="Present").click()
    page.wait_for_url(re.compile(r"/present/"))
    assert page.locator(".slide:not([hidden])").get_attribute("data-kind") == "title"
    page.keyboard.press("PageDown")
    assert page.locator(".slide:not([hidden])").get_attribute("data-kind") == "replaced"
    page.get_by_role("link", name="Document order").click()
    page.wait_for_url(re.compile(r"order=document"))
    page.keyboard.press("PageDown")
    assert page.locator(".slide:not([hidden])").get_attribute("data-kind") == "omitted"
    assert page.get_by_role("link", name="Document order").get_attribute("aria-current") == "true"
    assert page.get_by_role("button", name="Full screen").is_visible()
    page.get_by_role("button", name="Full screen").click()
    assert settled(page, "() => document.fullscreenElement === null ? 1 : 0")
    page.screenshot(path=str(screenshots / "present-fullscreen.png"))
    assert page.evaluate(OVERFLOW) <= 0
    assert pages.errors == []
