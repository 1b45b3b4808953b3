"""The provenance graph and the fan-out heat map in a real browser, at desktop and phone widths."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from documents.models import Document
from tests.browser.conftest import Pages
from tests.conftest import load_seeds

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GRAPH = reverse("discovery:graph")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def demo(transactional_db: None) -> dict[str, Document]:
    return load_seeds()


def percent_of(title: str) -> int:
    found = re.fullmatch(r"\w+: (\d+)% of the sentence taken", title)
    assert found is not None, title
    return int(found.group(1))


def luminance(css_colour: str) -> float:
    """Relative luminance (WCAG) of an "rgb(r, g, b)" colour."""
    channels = [int(c) / 255 for c in re.findall(r"\d+", css_colour)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def page_overflow(page: Any) -> int:
    """How far the page itself scrolls sideways (0 when it fits the window)."""
    return int(page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


def test_graph_at_desktop_width(
    pages: Pages, educator: User, demo: dict[str, Document], screenshots: Path
) -> None:
    page = pages.open(f"{GRAPH}?siblings=1", educator, viewport=DESKTOP)
    box = page.locator(".graph-box")
    assert box.get_attribute("tabindex") == "0" and box.get_attribute("aria-label")
    assert page.locator(".graph-box svg g.doc").count() == 5
    assert page.locator(".graph-box svg g.role-origin").count() >= 2
    assert page_overflow(page) <= 0
    page.screenshot(path=str(screenshots / "graph-desktop.png"), full_page=True)
    box.screenshot(path=str(screenshots / "graph-desktop-box.png"))
    # A node is a link to its document's page, reached by the keyboard too.
    post = demo["000"]
    link = page.locator(f'.graph-box svg g#doc-{post.pk} a[href="{post.get_absolute_url()}"]')
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{post.get_absolute_url()}")
    assert pages.errors == []


def test_graph_on_a_phone_scrolls_in_its_own_box(
    pages: Pages, educator: User, demo: dict[str, Document], screenshots: Path
) -> None:
    page = pages.open(GRAPH, educator, viewport=PHONE, is_mobile=True, has_touch=True)
    box = page.locator(".graph-box")
    sizes = box.evaluate("b => [b.scrollWidth, b.clientWidth, b.getBoundingClientRect().right]")
    assert sizes[0] > sizes[1]  # the graph is wider than the phone: its box scrolls
    assert sizes[2] <= PHONE["width"]
    assert page_overflow(page) <= 0
    box.focus()
    style, width = box.evaluate(
        "b => [getComputedStyle(b).outlineStyle, getComputedStyle(b).outlineWidth]"
    )
    assert style == "solid" and width != "0px"  # the focus ring shows
    page.screenshot(path=str(screenshots / "graph-phone.png"), full_page=True)
    box.evaluate("b => b.scrollTo(b.scrollWidth, 0)")
    box.screenshot(path=str(screenshots / "graph-phone-scrolled.png"))
    assert pages.errors == []


def test_fan_out_heat_map_at_desktop_and_phone(
    pages: Pages, educator: User, demo: dict[str, Document], screenshots: Path
) -> None:
    url = reverse("discovery:fan_out", args=[demo["001"].pk])
    page = pages.open(url, educator, viewport=DESKTOP)
    cells = page.locator(".disc-matrix td.cell-kind").evaluate_all(
        "cells => cells.map(c => [c.title, getComputedStyle(c).backgroundColor])"
    )
    shaded = sorted((percent_of(title), luminance(colour)) for title, colour in cells)
    # More of the sentence taken, darker the cell: in greyscale too, since it is luminance.
    assert len({lum for _, lum in shaded}) >= 3
    assert all(a[1] >= b[1] for a, b in pairwise(shaded))
    page.screenshot(path=str(screenshots / "fan-out-desktop.png"), full_page=True)
    phone = pages.open(url, educator, viewport=PHONE, is_mobile=True)
    assert page_overflow(phone) <= 0
    phone.screenshot(path=str(screenshots / "fan-out-phone.png"), full_page=True)
    assert pages.errors == []
