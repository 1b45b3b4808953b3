"""Annotating in a real browser: select, label, confirm by a second moderator, share signed out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from annotations.models import Annotation
from comparisons import sharing
from comparisons.compare import get_or_compute
from comparisons.models import Comparison
from tests.browser.conftest import Pages
from tests.conftest import load_seeds

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
    page.screenshot(path=str(screenshots / "annotations-1-selection.png"))
    button.click()
    # The panel opens beside the text, on the same page, quoting the words.
    panel = page.locator("form#anno-inplace")
    panel.wait_for(state="visible")
    assert panel.locator("#anno-inplace-quote").inner_text() == "Suella Braverman"
    url = page.url
    page.evaluate("window.stayed = true")  # gone if the page were loaded again
    panel.get_by_label("Label").select_option(label="Added material")
    panel.get_by_label("Note").fill("The release leaves the Home Secretary **unnamed**.")
    panel.get_by_label("Public on share links").check()
    page.screenshot(path=str(screenshots / "annotations-2-form.png"))
    panel.get_by_role("button", name="Save annotation").click()
    panel.wait_for(state="hidden")
    assert page.url == url and page.evaluate("window.stayed === true")  # no navigation
    assert "Annotation added: Added material" in page.locator("#anno-inplace-status").inner_text()
    annotation = Annotation.objects.get()
    assert (annotation.exact, annotation.status, annotation.public) == (
        "Suella Braverman", "open", True,
    )  # fmt: skip
    assert page.locator(f"#anno-item-{annotation.pk} .anno-note strong").inner_text() == "unnamed"
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
    panel = page.locator("form#anno-inplace")
    panel.wait_for(state="visible")
    assert panel.locator("#anno-inplace-quote").inner_text().strip()
    # Focus goes to the label: the keyboard carries on in the panel.
    assert page.evaluate("document.activeElement.name") == "label"
    page.keyboard.press("Escape")  # Escape closes it and goes back to the passage
    panel.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.dataset.p") == first.get_attribute("data-p")
    page.keyboard.press("a")
    panel.get_by_label("Label").select_option(label="Verbatim reuse")
    panel.get_by_role("button", name="Save annotation").focus()
    page.keyboard.press("Enter")
    panel.wait_for(state="hidden")
    annotation = Annotation.objects.get()
    assert annotation.passage_index == int(first.get_attribute("data-p") or -1)
    assert page.locator(f'.anno-mark[data-anno="{annotation.pk}"]').count() >= 1
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
    annotation = annotate_selection(page, "Other", words, demo)
    assert annotation.exact == words


SELECT_SPAN = """([selector, first, last]) => {
  // Select from the start of `first` to the end of `last` (its next occurrence) in a box.
  const box = document.querySelector(selector);
  const from = box.textContent.indexOf(first);
  const to = box.textContent.indexOf(last, from) + last.length;
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let pos = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = n.data.length;
    if (from >= pos && from < pos + len) range.setStart(n, from - pos);
    if (to > pos && to <= pos + len) { range.setEnd(n, to - pos); break; }
    pos += len;
  }
  const sel = window.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
  return sel.toString();
}"""


def show_selection(page: Any) -> None:
    """Scroll the selected words to the middle of the window, for the screenshot."""
    page.evaluate(
        "() => window.getSelection().getRangeAt(0).startContainer.parentElement"
        ".scrollIntoView({block: 'center'})"
    )


def annotate_selection(page: Any, label: str, exact: str, comparison: Comparison) -> Annotation:
    """Press the floating Annotate button, check the quoted words, pick a label and save."""
    button = page.locator("button.anno-float")
    button.wait_for(state="visible")
    button.click()
    panel = page.locator("form#anno-inplace")
    panel.wait_for(state="visible")
    assert panel.locator("#anno-inplace-quote").inner_text() == exact
    before = Annotation.objects.count()
    panel.get_by_label("Label").select_option(label=label)
    panel.get_by_role("button", name="Save annotation").click()
    panel.wait_for(state="hidden")
    assert Annotation.objects.count() == before + 1
    return Annotation.objects.latest("pk")


def test_selecting_in_the_inline_view_annotates_either_text(
    pages: Pages, moderator: User, demo: Comparison, screenshots: Path
) -> None:
    source, derivative = demo.source_version, demo.derivative_version
    page = pages.open(demo.get_absolute_url() + "?view=inline", moderator)
    hint = page.locator("#anno-hint").inner_text()
    assert "select words in either text" in hint and "side-by-side" not in hint

    # Inserted words are the derivative's.
    select(page, "#inline-text", "Suella Braverman")
    page.locator("button.anno-float").wait_for(state="visible")
    show_selection(page)
    page.screenshot(path=str(screenshots / "annotations-inline-1-inserted.png"))
    added = annotate_selection(page, "Added material", "Suella Braverman", demo)
    assert added.document_version == derivative
    assert (added.exact, derivative.text[added.start : added.end]) == ("Suella Braverman",) * 2
    assert "view=inline" in page.url
    mark = page.locator(f'#inline-text .anno-mark[data-anno="{added.pk}"]')
    assert "".join(mark.all_inner_texts()) == "Suella Braverman"

    # Struck-through words are the source's.
    struck_run = page.locator("#inline-text mark.k-omitted del", has_text="We must do everything")
    struck_run.evaluate("d => { d.id = 'struck'; }")
    select(page, "#struck", "everything")
    omitted = annotate_selection(page, "Trimmed context", "everything", demo)
    assert omitted.document_version == source
    at = source.text.index("We must do everything") + len("We must do ")
    assert (omitted.start, omitted.end, omitted.exact) == (at, at + len("everything"), "everything")
    struck = page.locator(f'#inline-text del .anno-mark[data-anno="{omitted.pk}"]')
    assert "".join(struck.all_inner_texts()) == "everything"
    struck.first.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "annotations-inline-2-marked.png"))

    # A selection across struck and inserted words keeps the side it starts in, and says so.
    words = page.evaluate(SELECT_SPAN, ["#inline-text", "Home Secretary", "Suella Braverman"])
    assert "is in France today" in words  # the struck source words lie between
    live = page.locator(".anno-live[role=status]")
    live.wait_for(state="visible")
    page.wait_for_function("document.querySelector('.anno-live').textContent.includes('kept')")
    message = live.inner_text()
    assert "only the derivative’s words are kept" in message
    assert "“Home Secretary, Suella Braverman”" in message
    show_selection(page)
    page.screenshot(path=str(screenshots / "annotations-inline-3-across.png"))
    both = annotate_selection(page, "Other", "Home Secretary, Suella Braverman", demo)
    assert both.document_version == derivative

    # The keyboard: the redline's passages are one tab stop; focus one and press A. A struck
    # (omitted) passage is the source's, a passage with derivative words the derivative's.
    first = page.locator("#inline-text mark.p").first
    assert first.get_attribute("tabindex") == "0" and "k-omitted" in (
        first.get_attribute("class") or ""
    )
    first.focus()
    page.keyboard.press("a")
    panel = page.locator("form#anno-inplace")
    panel.wait_for(state="visible")
    assert panel.locator('input[name="side"]').input_value() == "source"
    assert panel.locator("#anno-inplace-quote").inner_text().startswith("UK-France joint statement")
    page.keyboard.press("Escape")
    page.locator("#inline-text mark.p").first.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("a")
    assert panel.locator('input[name="side"]').input_value() == "derivative"
    assert "Suella Braverman" in panel.locator("#anno-inplace-quote").inner_text()
    assert js_errors(pages) == []


def test_selecting_in_differences_only_mode_annotates_the_right_words(
    pages: Pages, moderator: User, demo: Comparison, screenshots: Path
) -> None:
    derivative = demo.derivative_version
    page = pages.open(demo.get_absolute_url() + "?view=side&only=diff", moderator)
    box = page.locator("#der-text")
    assert box.locator(".fold").count() >= 1  # folded text lies before the words
    select(page, "#der-text", "positive step")
    page.locator("button.anno-float").wait_for(state="visible")
    show_selection(page)
    page.screenshot(path=str(screenshots / "annotations-inline-4-differences-only.png"))
    annotation = annotate_selection(page, "Added material", "positive step", demo)
    at = derivative.text.index("This is a positive step") + len("This is a ")
    assert annotation.document_version == derivative
    assert (annotation.start, annotation.end) == (at, at + len("positive step"))
    assert "only=diff" in page.url
    mark = page.locator(f'#der-text .anno-mark[data-anno="{annotation.pk}"]')
    assert "".join(mark.all_inner_texts()) == "positive step"

    # The redline in differences-only mode too.
    page.goto(demo.get_absolute_url() + "?view=inline&only=diff")
    assert page.locator("#inline-text .fold").count() >= 1
    select(page, "#inline-text", "Richard Fuller")
    fuller = annotate_selection(page, "Other", "Richard Fuller", demo)
    assert fuller.document_version == derivative
    assert derivative.text[fuller.start : fuller.end] == "Richard Fuller"
    assert js_errors(pages) == []


def test_without_javascript_the_separate_annotate_page_still_works(
    pages: Pages, moderator: User, demo: Comparison, screenshots: Path
) -> None:
    page = pages.open(demo.get_absolute_url(), moderator, java_script_enabled=False)
    assert page.locator("form#anno-inplace").is_hidden()
    page.locator("details.anno-findings summary").click()
    page.locator("details.anno-findings a", has_text="Annotate").first.click()
    page.wait_for_url("**/annotations/new/**")
    page.get_by_label("Label").select_option(label="Other")
    page.get_by_role("button", name="Save annotation").click()
    page.wait_for_url(f"**{demo.get_absolute_url()}*")
    annotation = Annotation.objects.get()
    assert annotation.finding_index == 0
    assert f"anno-item-{annotation.pk}" in page.content()
    page.screenshot(path=str(screenshots / "annotations-no-js.png"))
