"""Annotating in a real browser: select, label, confirm by a second moderator, share signed out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from annotations.models import Annotation
from provenance import sharing
from provenance.compare import get_or_compute
from provenance.models import Comparison
from tests.annotations.conftest import load_seeds
from tests.browser.conftest import Pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SELECT_WORDS = """([selector, words]) => {
  const box = document.querySelector(selector);
  const at = box.textContent.indexOf(words);
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let pos = 0, started = false;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = n.data.length;
    if (!started && at < pos + len) { range.setStart(n, at - pos); started = true; }
    if (started && at + words.length <= pos + len) {
      range.setEnd(n, at + words.length - pos);
      break;
    }
    pos += len;
  }
  const sel = window.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
  return sel.toString();
}"""


@pytest.fixture
def demo(transactional_db: None) -> Comparison:
    seeds = load_seeds()
    return get_or_compute(seeds["001"].current_version, seeds["000"].current_version)


def js_errors(pages: Pages) -> list[str]:
    # The test server has no favicon; Chromium reports that 404 as a console error.
    return [e for e in pages.errors if "Failed to load resource" not in e]


def select(page: Any, selector: str, words: str) -> None:
    assert page.evaluate(SELECT_WORDS, [selector, words]) == words


def test_a_moderator_annotates_another_confirms_and_it_is_shared(
    pages: Pages,
    moderator: User,
    moderator2: User,
    educator: User,
    demo: Comparison,
    screenshots: Path,
) -> None:
    # 1. A moderator selects the name the MP's post adds, and annotates it.
    page = pages.open(demo.get_absolute_url(), moderator)
    page.locator("#der-text").scroll_into_view_if_needed()
    select(page, "#der-text", "Suella Braverman")
    button = page.locator("button.anno-float")
    button.wait_for(state="visible")
    print(
        "BOX",
        button.bounding_box(),
        button.evaluate(
            "b => [getComputedStyle(b).position, b.style.top, b.style.left, b.className]"
        ),
    )
    page.screenshot(path=str(screenshots / "annotations-1-selection.png"))
    button.click()
    page.wait_for_url("**/annotations/new/**")
    assert page.locator("mark.anno-exact").inner_text() == "Suella Braverman"
    page.get_by_label("Label").select_option(label="Added material")
    page.get_by_label("Note").fill("The release leaves the Home Secretary **unnamed**.")
    page.get_by_label("Public on share links").check()
    page.screenshot(path=str(screenshots / "annotations-2-form.png"), full_page=True)
    page.get_by_role("button", name="Save annotation").click()
    page.wait_for_url(f"**{demo.get_absolute_url()}*")
    annotation = Annotation.objects.get()
    assert (annotation.exact, annotation.status, annotation.public) == (
        "Suella Braverman", "open", True,
    )  # fmt: skip
    mark = page.locator(f'#der-text .anno-mark[data-anno="{annotation.pk}"]')
    assert mark.count() >= 1 and "Suella Braverman" in "".join(mark.all_inner_texts())
    assert "Added material" in mark.last.evaluate("m => getComputedStyle(m, '::after').content")
    page.locator(f'.anno-show[data-anno="{annotation.pk}"]').click()
    page.screenshot(path=str(screenshots / "annotations-3-marked.png"))

    # The author may not confirm their own annotation.
    page.goto(annotation.get_absolute_url())
    assert page.locator('button[data-status="confirmed"]').count() == 0

    # 2. Another moderator confirms it.
    review = pages.open(annotation.get_absolute_url(), moderator2)
    assert review.locator(".anno-note strong").inner_text() == "unnamed"
    review.get_by_role("button", name="Confirm").click()
    review.wait_for_url(f"**{annotation.get_absolute_url()}")
    assert "Confirmed" in review.locator(".anno-detail header").inner_text()
    review.screenshot(path=str(screenshots / "annotations-4-confirmed.png"), full_page=True)
    annotation.refresh_from_db()
    assert (annotation.status, annotation.reviewed_by) == ("confirmed", moderator2)
    review.goto("/annotations/?status=all")
    assert "Suella Braverman" in review.locator(".anno-table").inner_text()
    review.screenshot(path=str(screenshots / "annotations-queue.png"), full_page=True)

    # 3. Signed out, the share link shows it, highlighted in the text and listed.
    link = sharing.create_link(demo, educator, None)
    shared = pages.open(link.get_absolute_url())
    assert "Sign out" not in shared.content()  # really signed out
    item = shared.locator(f"#anno-item-{annotation.pk}")
    assert "Added material" in item.inner_text()
    assert "unnamed" in item.inner_text()
    shared_mark = shared.locator(f'#der-text .anno-mark[data-anno="{annotation.pk}"]')
    assert shared_mark.count() >= 1
    assert shared.locator("button.anno-float").count() == 0  # no annotating on a share link
    item.scroll_into_view_if_needed()
    shared.screenshot(path=str(screenshots / "annotations-5-shared-panel.png"))
    shared_mark.first.scroll_into_view_if_needed()
    shared.screenshot(path=str(screenshots / "annotations-6-shared-text.png"))
    assert js_errors(pages) == []


def test_the_keyboard_annotates_a_focused_passage(
    pages: Pages, moderator: User, demo: Comparison
) -> None:
    page = pages.open(demo.get_absolute_url(), moderator)
    first = page.locator("#der-text mark.p").first
    first.focus()
    page.keyboard.press("a")
    page.wait_for_url("**/annotations/new/**")
    assert "passage=" in page.url
    assert page.locator("mark.anno-exact").inner_text().strip()
    page.get_by_label("Label").select_option(label="Verbatim reuse")
    page.get_by_role("button", name="Save annotation").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{demo.get_absolute_url()}*")
    annotation = Annotation.objects.get()
    assert annotation.passage_index == int(first.get_attribute("data-p") or -1)
    assert js_errors(pages) == []


def test_selecting_in_the_step_through_annotates_the_right_words(
    pages: Pages, moderator: User, demo: Comparison
) -> None:
    page = pages.open(demo.get_absolute_url() + "?view=steps", moderator)
    step = page.locator(".step:not([hidden])").first
    assert step.locator("a.anno-add").count() == 1
    box = step.locator(".step-side .text").last
    words = box.inner_text().split()[1]
    box_id = box.evaluate("b => { b.id = b.id || 'step-box'; return '#' + b.id; }")
    select(page, box_id, words)
    page.locator("button.anno-float").click()
    page.wait_for_url("**/annotations/new/**")
    assert page.locator("mark.anno-exact").inner_text() == words
