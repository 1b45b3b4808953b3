"""Presentation mode on a projector: 1280×720 at 125%, keyboard only, every change fits."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from comparisons.compare import get_or_compute
from comparisons.models import Comparison
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


@pytest.mark.parametrize("pair", ["001-000", "001-002"])
@pytest.mark.parametrize("order", ["story", "document"])
def test_every_change_fits_a_projector_by_keyboard(
    pages: Pages,
    educator: User,
    seed_pairs: dict[str, Comparison],
    screenshots: Path,
    pair: str,
    order: str,
) -> None:
    comparison = seed_pairs[pair]
    page = pages.open(
        f"/comparisons/{comparison.pk}/present/?order={order}",
        educator,
        viewport={"width": 1280, "height": 720},
        device_scale_factor=1.25,
    )
    position = page.locator("#pr-pos")
    assert position.get_attribute("aria-live") == "polite"
    total = int(re.search(r"of (\d+)", position.inner_text()).group(1))
    assert total >= 5
    keys = ["PageDown", "ArrowRight", "Space", "ArrowDown"]
    for n in range(1, total + 1):
        assert position.inner_text() == f"{n} of {total}"
        slide = page.locator(".slide:not([hidden])")
        assert slide.count() == 1
        assert slide.locator(".pr-headline").inner_text().strip()
        assert page.evaluate(OVERFLOW) <= 0, f"change {n} of {pair} scrolls"
        if order == "story":
            page.screenshot(path=str(screenshots / f"present-{pair}-{n:02d}.png"))
            # The same projector with the browser zoomed to 125%: 1024×576 CSS pixels.
            page.set_viewport_size({"width": 1024, "height": 576})
            assert settled(page, OVERFLOW)
            page.screenshot(path=str(screenshots / f"present-{pair}-{n:02d}-zoom125.png"))
            page.set_viewport_size({"width": 1280, "height": 720})
            assert settled(page, OVERFLOW)
        page.keyboard.press(keys[n % len(keys)])
    assert position.inner_text() == f"{total} of {total}"  # stops at the last
    page.keyboard.press("PageUp")
    assert position.inner_text() == f"{total - 1} of {total}"
    page.keyboard.press("Home")
    assert position.inner_text() == f"1 of {total}"
    page.keyboard.press("Escape")
    page.wait_for_url(re.compile(rf"/comparisons/{comparison.pk}/$"))
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
    assert page.locator(".slide:not([hidden])").get_attribute("data-kind") == "replaced"
    page.get_by_role("link", name="Document order").click()
    page.wait_for_url(re.compile(r"order=document"))
    assert page.locator(".slide:not([hidden])").get_attribute("data-kind") == "omitted"
    assert page.get_by_role("link", name="Document order").get_attribute("aria-current") == "true"
    assert page.get_by_role("button", name="Full screen").is_visible()
    page.get_by_role("button", name="Full screen").click()
    assert settled(page, "() => document.fullscreenElement === null ? 1 : 0")
    page.screenshot(path=str(screenshots / "present-fullscreen.png"))
    assert page.evaluate(OVERFLOW) <= 0
    assert pages.errors == []
