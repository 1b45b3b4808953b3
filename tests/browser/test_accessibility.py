"""WCAG AA contrast and the basics a screen reader needs, measured in Chromium.

Every visible text run (and the labels drawn by CSS) is measured against its
composited background; landmarks, labels and headings are checked on each page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from comparisons.compare import get_or_compute
from comparisons.models import Comparison
from tests.browser.conftest import Pages
from tests.conftest import load_seeds

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CONTRAST_JS = (Path(__file__).parent / "contrast.js").read_text(encoding="utf-8")

STRUCTURE_JS = """
(() => {
  const problems = [];
  if (document.querySelectorAll("main").length !== 1) problems.push("one <main> expected");
  if (!document.querySelector("h1")) problems.push("no <h1>");
  if (!document.documentElement.lang) problems.push("no lang on <html>");
  for (const nav of document.querySelectorAll("nav")) {
    if (!nav.getAttribute("aria-label") && !nav.getAttribute("aria-labelledby"))
      problems.push("a <nav> without a label");
  }
  for (const el of document.querySelectorAll("input, select, textarea")) {
    if (el.type === "hidden" || !el.getClientRects().length) continue;
    const labelled = (el.labels && el.labels.length) || el.getAttribute("aria-label")
      || el.getAttribute("aria-labelledby") || el.title;
    if (!labelled) problems.push(`unlabelled ${el.tagName.toLowerCase()} ${el.name || el.id}`);
  }
  for (const el of document.querySelectorAll("a, button")) {
    // Folded content (a closed <details>) has no rendered text until it is opened.
    if (!el.getClientRects().length || el.closest("details:not([open])")) continue;
    const text = el.innerText ?? el.textContent;
    const name = (text || el.getAttribute("aria-label") || el.title || "").trim();
    if (!name) problems.push(`a ${el.tagName.toLowerCase()} without an accessible name`);
  }
  for (const img of document.querySelectorAll("img")) {
    if (!img.hasAttribute("alt")) problems.push("img without alt");
  }
  return problems;
})()
"""


@pytest.fixture
def demo(transactional_db: None) -> Comparison:
    seeds = load_seeds()
    return get_or_compute(seeds["001"].current_version, seeds["000"].current_version)


def audit(page: Any) -> tuple[list[dict[str, Any]], list[str]]:
    return page.evaluate(CONTRAST_JS), page.evaluate(STRUCTURE_JS)


@pytest.mark.parametrize("view", ["side", "inline", "steps"])
def test_comparison_views_meet_aa_contrast_and_structure(
    pages: Pages, educator: User, demo: Comparison, view: str
) -> None:
    page = pages.open(f"{demo.get_absolute_url()}?view={view}", educator)
    low_contrast, structure = audit(page)
    assert low_contrast == []
    assert structure == []
    assert pages.errors == []


@pytest.mark.parametrize("page_name", ["present", "handout"])
def test_classroom_pages_meet_aa_contrast_and_structure(
    pages: Pages, educator: User, demo: Comparison, page_name: str
) -> None:
    page = pages.open(f"/comparisons/{demo.pk}/{page_name}/", educator)
    low_contrast, structure = audit(page)
    assert low_contrast == []
    assert structure == []
    assert pages.errors == []


def test_other_pages_meet_aa_contrast_and_structure(
    pages: Pages, admin_member: User, demo: Comparison
) -> None:
    document = demo.source_version.document
    paths = [
        "/",
        "/documents/",
        document.get_absolute_url(),
        "/documents/upload/",
        "/checks/",
        "/compare/",
        "/annotations/",
        "/discovery/graph/",
        f"/discovery/documents/{document.pk}/fan-out/",
        f"/discovery/documents/{document.pk}/trim-map/",
        "/alerts/",
        "/alerts/watches/",
        "/alerts/webhooks/",
    ]
    failures = {}
    for path in paths:
        page = pages.open(path, admin_member)
        low_contrast, structure = audit(page)
        if low_contrast or structure:
            failures[path] = (low_contrast[:5], structure)
    assert failures == {}
    assert pages.errors == []


def test_sign_in_page_meets_aa_contrast_signed_out(pages: Pages, demo: Comparison) -> None:
    page = pages.open("/accounts/login/")
    assert audit(page) == ([], [])
