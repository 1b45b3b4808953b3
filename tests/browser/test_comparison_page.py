"""The demo comparison 001 → 000 in a real browser: marks, views, keyboard, sharing, print."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from comparisons.compare import get_or_compute
from comparisons.models import Comparison
from tests.browser.conftest import Pages
from tests.conftest import load_seeds

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db: None) -> Comparison:
    seeds = load_seeds()
    return get_or_compute(seeds["001"].current_version, seeds["000"].current_version)


def test_side_by_side_marks_the_demo_story(
    pages: Pages, educator: User, demo: Comparison, screenshots: Path
) -> None:
    page = pages.open(demo.get_absolute_url(), educator)
    derivative = page.locator("#der-text")
    source = page.locator("#src-text")
    name = derivative.locator('.find[data-type~="name_added"]')
    assert "Suella Braverman" in name.first.inner_text()
    assert name.first.get_attribute("data-flabel") == "name added"
    assert "name added" in name.first.evaluate("m => getComputedStyle(m, '::before').content")
    omitted = source.locator("mark.p.k-omitted", has_text="We must do everything we can")
    assert omitted.count() == 1
    added = derivative.locator("mark.p.k-added", has_text="This is a positive step")
    assert added.count() == 1
    # Labels are visible, not colour alone: the MP's quotation stands in the Home
    # Secretary's place, and both halves say so.
    label = added.evaluate("m => getComputedStyle(m, '::before').content")
    assert "Quotation replaced" in label
    assert "Quotation replaced" in omitted.evaluate("m => getComputedStyle(m, '::before').content")
    page.screenshot(path=str(screenshots / "side-by-side.png"))
    page.screenshot(path=str(screenshots / "side-by-side-full.png"), full_page=True)

    # Hovering a derivative passage lights up its counterpart in the source.
    reused = derivative.locator("mark.p.k-trimmed").first
    reused.hover()
    p = reused.get_attribute("data-p")
    assert "hl" in (source.locator(f'mark.p[data-p="{p}"]').get_attribute("class") or "")

    # Keyboard: tab into the derivative column, move with the arrows, Enter jumps across.
    derivative.locator("mark.p").first.focus()
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.dataset.p")
    second = derivative.locator("mark.p").nth(1).get_attribute("data-p")
    assert focused == second
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.closest('.text').id") == "src-text"
    assert page.evaluate("document.activeElement.dataset.p") == second

    # A finding link leads to its place in the text.
    page.locator(".findings li.t-name_added a[href^='#d-f']").click()
    assert "Suella Braverman" in page.locator("#der-text .find.hl").first.inner_text()
    assert page.locator("#src-text .find.hl").count() >= 1
    assert pages.errors == []


def test_inline_differences_and_filters(
    pages: Pages, educator: User, demo: Comparison, screenshots: Path
) -> None:
    page = pages.open(demo.get_absolute_url(), educator)
    page.get_by_role("link", name="Inline").click()
    page.wait_for_url(re.compile(r"view=inline"))
    inline = page.locator("#inline-text")
    assert inline.locator("mark.k-omitted del", has_text="We must do everything").count() == 1
    assert inline.locator("mark.k-added", has_text="This is a positive step").count() == 1
    page.screenshot(path=str(screenshots / "inline.png"), full_page=True)

    # The filters wait folded under the key, so the texts keep the first screen.
    page.get_by_text("Filter the passages").click()
    page.get_by_label("Differences only").check()
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r"only=diff"))
    assert page.locator("#inline-text .fold").count() >= 1
    assert page.locator("#inline-text mark.k-verbatim").count() == 0
    page.screenshot(path=str(screenshots / "inline-differences.png"), full_page=True)

    page.get_by_role("link", name="Side by side").click()
    page.wait_for_url(re.compile(r"view=side"))
    # A filter still on keeps the fold open, so the reader sees why text is hidden.
    assert page.locator("details.cmp-filter").get_attribute("open") is not None
    for kind in ("verbatim", "reused", "altered", "paraphrased", "trimmed"):
        page.locator(f'.cmp-filters input[value="{kind}"]').uncheck()
    page.get_by_label("All text").check()
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r"kinds="))
    assert page.locator("#der-text mark.p.k-verbatim.dim").count() >= 1
    assert page.locator("#der-text mark.p.k-added:not(.dim)").count() == 1
    assert pages.errors == []


def test_step_through_reaches_every_change_by_keyboard(
    pages: Pages, educator: User, demo: Comparison, screenshots: Path
) -> None:
    page = pages.open(demo.get_absolute_url() + "?view=steps", educator)
    position = page.locator("#step-pos")
    total = int(re.search(r"of (\d+)", position.inner_text()).group(1))
    assert total >= 4
    seen = []
    for n in range(1, total + 1):
        assert position.inner_text() == f"Change {n} of {total}"
        visible = page.locator(".step:not([hidden])")
        assert visible.count() == 1
        seen.append(visible.get_attribute("data-kind"))
        if n == 1:
            page.screenshot(path=str(screenshots / "step-through.png"))
        if seen[-1] == "replaced":
            # One stop for the quotation replaced: the omitted one and the one in its place.
            sides = visible.locator(".step-side .text")
            assert sides.count() == 2
            assert "We must do everything" in sides.first.inner_text()
            assert "This is a positive step" in sides.last.inner_text()
            page.screenshot(path=str(screenshots / "step-quotation-replaced.png"))
        page.keyboard.press("ArrowRight")
    assert position.inner_text() == f"Change {total} of {total}"  # stops at the last
    assert {"altered", "trimmed", "omitted", "replaced"} <= set(seen)
    page.keyboard.press("Home")
    assert position.inner_text() == f"Change 1 of {total}"
    page.get_by_role("link", name="Next").click()
    assert position.inner_text() == f"Change 2 of {total}"
    page.keyboard.press("k")
    assert position.inner_text() == f"Change 1 of {total}"
    assert pages.errors == []


def test_share_link_opens_signed_out_until_revoked(
    pages: Pages, educator: User, demo: Comparison, screenshots: Path
) -> None:
    page = pages.open(demo.get_absolute_url(), educator)
    page.get_by_role("button", name="Make a share link").click()
    url = page.locator(".share-url").first.inner_text()
    assert "/s/" in url

    anonymous = pages.open(url)
    assert anonymous.locator("#der-text mark.p.k-added").count() == 1
    assert anonymous.locator("nav[aria-label='Main']").count() == 0
    assert anonymous.get_by_role("link", name="Sign in").count() == 0
    anonymous.screenshot(path=str(screenshots / "shared.png"))

    page.get_by_role("button", name=re.compile("Revoke")).click()
    page.get_by_role("button", name="Yes, revoke").click()
    page.wait_for_load_state()
    response = anonymous.goto(url)
    assert response.status == 410
    assert anonymous.get_by_role("heading", name="This link was revoked").count() == 1
    assert pages.errors == [] or all("410" in e for e in pages.errors)


def test_print_handout(pages: Pages, educator: User, demo: Comparison, screenshots: Path) -> None:
    page = pages.open(demo.get_absolute_url(), educator)
    page.get_by_role("link", name="Handout").click()
    page.wait_for_url(re.compile(r"/handout/$"))
    # No share link yet: the handout offers one, then shows its address and QR code.
    assert page.locator(".ho-qr svg").count() == 0
    page.get_by_role("button", name=re.compile("Make a share link")).click()
    page.wait_for_url(re.compile(r"/handout/$"))
    assert page.locator(".ho-qr svg").count() == 1
    share_url = page.locator(".ho-url").inner_text()
    assert "/s/" in share_url
    # The educator rewrites a question on screen; it prints as text.
    page.get_by_label("Question 3").fill("What would you ask the Home Office?")
    page.emulate_media(media="print")
    assert page.locator("#qp3").inner_text() == "What would you ask the Home Office?"
    assert page.locator("textarea").first.is_hidden()
    assert page.locator(".site-header").is_hidden()

    pdf = screenshots / "handout.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    assert pdf.stat().st_size > 10_000
    for old in screenshots.glob("handout-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", str(pdf), str(screenshots / "handout")], check=True
    )
    printed = sorted(screenshots.glob("handout-*.png"))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    # 001 → 000: questions and key passages on at most two A4 pages, then the full texts.
    appendix_page = next(
        n for n, sheet in enumerate(text.split("\f"), 1) if "Appendix: the two texts" in sheet
    )
    assert appendix_page <= 3 <= len(printed)
    for expected in (
        "Questions to discuss",
        "What would you ask the Home Office?",
        "Key passages side by side",
        share_url,
    ):
        assert expected in text
    assert text.index("quotation replaced".upper()) < text.index("NAME ADDED")  # rank order
    assert pages.errors == []


@pytest.mark.parametrize(
    ("name", "viewport", "scale"),
    [("phone", {"width": 390, "height": 844}, 3), ("zoom-200", {"width": 700, "height": 500}, 2)],
)
def test_small_screens_stack_the_columns(
    pages: Pages,
    educator: User,
    demo: Comparison,
    screenshots: Path,
    name: str,
    viewport: dict,
    scale: int,
) -> None:
    page = pages.open(
        demo.get_absolute_url(), educator, viewport=viewport, device_scale_factor=scale
    )
    src = page.locator("#src-text").bounding_box()
    der = page.locator("#der-text").bounding_box()
    assert der["y"] > src["y"] + src["height"] - 1  # stacked, not side by side
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    page.screenshot(path=str(screenshots / f"{name}.png"))
    assert pages.errors == []


def test_side_by_side_keeps_matched_passages_level(
    pages: Pages, educator: User, demo: Comparison, screenshots: Path
) -> None:
    page = pages.open(demo.get_absolute_url(), educator)
    # Every passage copied in order starts at the same height in both columns.
    tops = page.evaluate(
        """() => Array.from(document.querySelectorAll('#der-text mark.p[data-p]')).map(d => {
            const s = document.querySelector('#src-text mark.p[data-p="' + d.dataset.p + '"]');
            const row = d.closest('.row');
            return s && row.classList.contains('matched')
              ? [d.dataset.p, Math.round(d.getBoundingClientRect().top),
                 Math.round(s.getBoundingClientRect().top)] : null;
        }).filter(Boolean)"""
    )
    assert len(tops) >= 3
    assert [(p, d) for p, d, s in tops] == [(p, s) for p, d, s in tops]
    # One scroll for both texts, the page's own: neither the grid nor a column scrolls.
    box = page.locator("#texts")
    assert box.evaluate("b => getComputedStyle(b).overflowY") == "visible"
    page.evaluate("window.scrollTo(0, document.querySelector('#texts').offsetTop + 600)")
    after = page.evaluate(
        """() => ['#src-text', '#der-text'].map(id =>
            document.querySelector(id + ' .row:nth-child(3)').getBoundingClientRect().top)"""
    )
    assert after[0] == after[1]
    page.locator("#texts").screenshot(path=str(screenshots / "side-by-side-aligned.png"))

    # Calm: copied text has no badge until focused; every passage names its kind on hover.
    copied = page.locator("#der-text mark.p.k-verbatim").first
    assert copied.get_attribute("title") == "verbatim"
    before = "m => getComputedStyle(m, '::before').display"
    assert copied.evaluate(before) == "none"
    copied.focus()
    assert copied.evaluate(before) != "none"
    assert "verbatim" in copied.evaluate("m => getComputedStyle(m, '::before').content")
    assert copied.evaluate("m => getComputedStyle(m).backgroundColor") == "rgba(0, 0, 0, 0)"
    badge = page.locator("#der-text mark.p.k-added").first
    assert float(badge.evaluate("m => getComputedStyle(m, '::before').fontSize")[:-2]) >= 13
    assert pages.errors == []
