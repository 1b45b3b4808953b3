"""The comparison and the check result as an educator meets them, at 1280×800 in Chromium.

First screen: both texts and the top finding inside the viewport; the page is the one
scroller; matched passages stand level; the key and "About this comparison" open on demand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from annotations.models import Annotation
from checks import actions, workflow
from checks.models import Check, ClassToken
from comparisons.compare import get_or_compute
from comparisons.models import Comparison
from documents.models import Document
from tests.browser.conftest import Pages
from tests.conftest import load_seeds

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1280, "height": 800}

# Elements on the texts that scroll by themselves: overflow auto/scroll and taller content.
INNER_SCROLLERS = """() => Array.from(document.querySelectorAll('#main *')).filter(el => {
    const s = getComputedStyle(el);
    return /(auto|scroll)/.test(s.overflowY + s.overflowX)
      && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
}).map(el => el.tagName + '#' + el.id + '.' + el.className)"""

LEVEL_ROWS = """() => Array.from(
  document.querySelectorAll('#der-text .row.matched')).map(row => {
    const src = document.querySelectorAll('#src-text .row')[
        Array.from(row.parentElement.children).indexOf(row)];
    const d = row.querySelector('mark.p[data-p]');
    const s = d && src.querySelector('mark.p[data-p="' + d.dataset.p + '"]');
    return s ? [d.dataset.p, d.getBoundingClientRect().top, s.getBoundingClientRect().top] : null;
}).filter(Boolean)"""


@pytest.fixture
def demo(transactional_db: None) -> Comparison:
    seeds = load_seeds()
    return get_or_compute(seeds["001"].current_version, seeds["000"].current_version)


def in_viewport(box: dict[str, float] | None, viewport: dict[str, int]) -> bool:
    return (
        box is not None
        and box["y"] >= 0
        and box["y"] + box["height"] <= viewport["height"]
        and box["x"] >= 0
        and box["x"] + box["width"] <= viewport["width"]
    )


def first_line(page: Any, selector: str) -> dict[str, float]:
    """The box of the first line of text in a column (a range over its first characters)."""
    return page.evaluate(
        """(sel) => {
            const box = document.querySelector(sel);
            const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
            let n = walker.nextNode();
            while (n && !n.data.trim()) n = walker.nextNode();
            const r = document.createRange();
            const at = n.data.search(/\\S/);
            r.setStart(n, at);
            r.setEnd(n, Math.min(n.data.length, at + 12));
            const b = r.getBoundingClientRect();
            return {x: b.x, y: b.y, width: b.width, height: b.height};
        }""",
        selector,
    )


def test_the_first_screen_shows_both_texts_and_the_top_finding(
    pages: Pages, educator: User, demo: Comparison, screenshots: Path
) -> None:
    page = pages.open(demo.get_absolute_url(), educator, viewport=LAPTOP)
    page.screenshot(path=str(screenshots / "lesson-first-screen.png"))
    assert in_viewport(first_line(page, "#src-text"), LAPTOP)
    assert in_viewport(first_line(page, "#der-text"), LAPTOP)
    top = page.locator(".findings .finding").first
    assert top.is_visible()
    assert "quotation replaced" in top.inner_text().lower()
    assert in_viewport(top.bounding_box(), LAPTOP)
    # Text a person reads, not a shrunken preview.
    size = page.locator("#der-text .row").first.evaluate("r => getComputedStyle(r).fontSize")
    assert float(size[:-2]) >= 16
    assert pages.errors == []


def test_the_page_is_the_one_scroller_and_matched_passages_stand_level(
    pages: Pages, educator: User, demo: Comparison, screenshots: Path
) -> None:
    page = pages.open(demo.get_absolute_url(), educator, viewport=LAPTOP)
    assert page.evaluate(INNER_SCROLLERS) == []
    assert page.evaluate(
        "document.scrollingElement.scrollHeight > document.scrollingElement.clientHeight"
    )
    level = page.evaluate(LEVEL_ROWS)
    assert len(level) >= 3
    assert all(abs(d - s) <= 3 for _p, d, s in level), level
    # Scrolling the page moves both texts together and they stay level.
    page.mouse.wheel(0, 900)
    page.wait_for_function("window.scrollY > 0")
    assert all(abs(d - s) <= 3 for _p, d, s in page.evaluate(LEVEL_ROWS))
    page.screenshot(path=str(screenshots / "lesson-scrolled.png"))
    assert pages.errors == []


def test_the_key_and_the_about_fold_open_on_demand(
    pages: Pages, educator: User, demo: Comparison, screenshots: Path
) -> None:
    page = pages.open(demo.get_absolute_url(), educator, viewport=LAPTOP)
    body = page.locator("#main").inner_text()
    assert "sample" not in body.lower()
    assert "Engine" not in body and demo.engine_version not in body
    assert "offset" not in body.lower()
    key = page.locator("details.cmp-key")
    assert key.get_attribute("open") is None
    assert not key.locator(".key-list").first.is_visible()
    key.locator("summary").click()
    assert key.locator(".key-list").first.is_visible()
    # Each kind: its name in words, a short example styled as in the text, a count.
    altered = key.locator(".key-list li.k-altered")
    assert altered.locator(".kname").inner_text() == "Altered"
    example = altered.locator("mark.p.k-altered")
    assert example.inner_text().strip()
    # Styled as the texts style an altered passage: a double underline, not colour alone.
    assert example.evaluate("m => getComputedStyle(m).borderBottomStyle") == "double"
    omitted = key.locator(".key-list li.k-omitted mark.p.k-omitted del")
    assert "line-through" in omitted.evaluate("d => getComputedStyle(d).textDecorationLine")
    page.screenshot(path=str(screenshots / "lesson-key-open.png"))

    about = page.locator("details.cmp-about")
    assert about.get_attribute("open") is None
    about.locator("summary").click()
    assert f"engine version {demo.engine_version}" in about.inner_text()
    about.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "lesson-about-open.png"))
    assert pages.errors == []


CHECK_FINDINGS = """() => Array.from(document.querySelectorAll('.findings .finding')).map(li =>
    [li.querySelector('.flabel').textContent.trim(), li.querySelector('.fmsg').textContent.trim(),
     !!li.closest('details')])"""


def test_the_check_result_reads_like_the_comparison(
    pages: Pages, educator: User, demo: Comparison, screenshots: Path
) -> None:
    article = demo.derivative_version.text
    check = actions.do_check(educator, workflow.read_article(article, ""))
    assert check.best_version == demo.source_version
    # A result kept from an older engine (here with a stray "passage moved") is not what
    # the comparison page shows: the page works it out again with the engine of today.
    stale = dict(check.result)
    stale["engine_version"] = "0.9"
    stale["findings"] = [
        *stale["findings"],
        {**stale["findings"][0], "type": "passage_moved", "severity": "low", "message": "Stray."},
    ]
    check.result = stale
    check.save(update_fields=["result"])

    page = pages.open(check.get_absolute_url(), educator, viewport=LAPTOP)
    page.screenshot(path=str(screenshots / "lesson-check-first-screen.png"))
    shown = page.evaluate(CHECK_FINDINGS)
    cmp_page = pages.open(demo.get_absolute_url(), educator, viewport=LAPTOP)
    assert shown == cmp_page.evaluate(CHECK_FINDINGS)
    assert "Stray." not in page.locator("#main").inner_text()
    assert Check.objects.get().result == stale  # a GET never writes

    # Aligned panes as on the comparison page, the page the one scroller.
    assert page.evaluate(INNER_SCROLLERS) == []
    level = page.evaluate(LEVEL_ROWS)
    assert len(level) >= 3 and all(abs(d - s) <= 3 for _p, d, s in level), level

    # A long article, through a class link: no blank page below the footer (text hidden
    # in a scroll box used to stretch the page by its hidden height).
    other = Document.objects.get(title__startswith="UK and France sign deal").current_version
    long_article = "\n\n".join([article, other.text, other.text.replace(" the ", " a ")])
    token = ClassToken.objects.create(label="7B", created_by=educator)
    long_check = actions.do_check(educator, workflow.read_article(long_article, ""), token)
    page = pages.open(
        reverse("checks:class_detail", args=[token.token, long_check.pk]), viewport=LAPTOP
    )
    assert page.evaluate(INNER_SCROLLERS) == []
    gap = page.evaluate(
        """() => document.scrollingElement.scrollHeight
            - (document.querySelector('.site-footer').getBoundingClientRect().bottom
               + window.scrollY)"""
    )
    assert gap <= 2
    page.screenshot(path=str(screenshots / "lesson-check-full.png"), full_page=True)
    assert pages.errors == []


def test_a_moderator_annotates_a_finding_in_a_panel_beside_the_texts(
    pages: Pages, moderator: User, demo: Comparison, screenshots: Path
) -> None:
    page = pages.open(demo.get_absolute_url(), moderator, viewport=LAPTOP)
    finding = page.locator(".findings li.t-name_added")
    finding.get_by_role("link", name="Annotate this finding").click()
    panel = page.locator("form#anno-inplace")
    panel.wait_for(state="visible")
    assert "Suella Braverman" in panel.locator("#anno-inplace-quote").inner_text()
    # Beside the texts, not over them: the texts make room for the panel.
    texts = page.locator("#texts").bounding_box()
    box = panel.bounding_box()
    assert texts is not None and box is not None
    assert box["x"] >= texts["x"] + texts["width"]
    assert in_viewport(box, LAPTOP)
    page.screenshot(path=str(screenshots / "lesson-annotate-finding.png"))
    panel.get_by_label("Label").select_option(label="Added material")
    panel.get_by_role("button", name="Save annotation").click()
    panel.wait_for(state="hidden")
    annotation = Annotation.objects.get()
    index = int(finding.get_attribute("data-f") or -1)
    assert (annotation.finding_index, annotation.created_by) == (index, moderator)
    assert page.locator(f"#anno-item-{annotation.pk}").count() == 1
    assert page.locator(f'#der-text .anno-mark[data-anno="{annotation.pk}"]').count() >= 1
    assert pages.errors == []
