"""The step-through by keyboard: each change's text comes into view on both sides, the first
change is the findings panel's first finding, and no ellipsis cuts a word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from comparisons.compare import get_or_compute
from comparisons.models import Comparison
from tests.browser.conftest import Pages
from tests.conftest import load_seeds

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Where the shown step's two texts are, against the viewport's height.
IN_VIEW = """() => {
  const step = document.querySelector('.step:not([hidden])');
  return {
    height: window.innerHeight,
    sides: [...step.querySelectorAll('.step-side')].map((side) => {
      const r = side.getBoundingClientRect();
      return {top: r.top, bottom: r.bottom};
    }),
    text: step.innerText,
  };
}"""


@pytest.fixture
def seed_pairs(transactional_db: None) -> dict[str, Comparison]:
    seeds = load_seeds()
    return {
        f"{a}-{b}": get_or_compute(seeds[a].current_version, seeds[b].current_version)
        for a, b in (("001", "000"), ("001", "002"))
    }


@pytest.mark.parametrize("pair", ["001-000", "001-002"])
def test_each_step_is_in_view_by_keyboard(
    pages: Pages, educator: User, seed_pairs: dict[str, Comparison], screenshots: Path, pair: str
) -> None:
    comparison = seed_pairs[pair]
    page = pages.open(
        f"/comparisons/{comparison.pk}/?view=steps",
        educator,
        viewport={"width": 1280, "height": 720},
    )
    first = page.locator(".step:not([hidden])")
    top = comparison.engine_result.findings[0]
    assert first.get_attribute("data-step") == "1"
    # The top finding (a quotation replaced, or altered) is the first change.
    assert first.get_attribute("data-kind") == ("replaced" if pair == "001-000" else "altered")
    assert top.message.split("(")[0].split("“")[0].strip()[:20] in first.inner_text()
    total = int(page.locator(".steps").get_attribute("data-count"))
    page.locator("body").click(position={"x": 5, "y": 5})  # focus the page, not a control
    for n in range(1, total + 1):
        if n > 1:
            page.keyboard.press("ArrowRight" if n % 2 else "j")
        assert page.locator(".step:not([hidden])").get_attribute("data-step") == str(n)
        seen = page.evaluate(IN_VIEW)
        for side in seen["sides"]:
            # After a key press each side's text starts inside the viewport, with room to
            # read it (the page itself opens at its top, heading first).
            assert n == 1 or 0 <= side["top"] < seen["height"] - 100, (n, side)
        # An ellipsis only ever stands for whole words left out, never for part of a word.
        assert not re.search(r"\w…", seen["text"]), (n, re.findall(r"\S*\w…", seen["text"]))
        page.screenshot(path=str(screenshots / f"steps-{pair}-{n:02d}.png"))
    page.keyboard.press("Home")
    assert page.locator(".step:not([hidden])").get_attribute("data-step") == "1"
    seen = page.evaluate(IN_VIEW)
    assert all(0 <= side["top"] < seen["height"] - 100 for side in seen["sides"])
    assert pages.errors == []
