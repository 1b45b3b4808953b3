"""No page scrolls sideways on a 390 px phone, for any persona; screenshots kept per page."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from annotations import workflow as annotating
from annotations.models import Annotation, Label
from checks.actions import do_check
from checks.models import Check, ClassToken
from checks.workflow import read_article
from comparisons.compare import get_or_compute
from comparisons.models import Comparison, ShareLink
from documents.models import Document
from tests.browser.conftest import Pages
from tests.conftest import load_seeds

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 1,
    "is_mobile": True,
    "has_touch": True,
}
WIDTH_JS = "document.documentElement.scrollWidth"
# What sticks out, so a failure names the element to fix: the deepest elements whose
# right edge passes the viewport.
OFFENDERS_JS = """
(() => {
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.right <= 391 || !r.width) continue;
    if ([...el.children].some((c) => c.getBoundingClientRect().right > 391)) continue;
    const names = typeof el.className === "string" ? el.className.split(" ") : [];
    const cls = names.filter(Boolean).map((n) => "." + n).join("");
    out.push(`${el.tagName.toLowerCase()}${cls} → ${Math.round(r.right)}`);
  }
  return out.slice(0, 6);
})()
"""


@dataclass
class Corpus:
    seeds: dict[str, Document]
    comparison: Comparison
    link: ShareLink
    revoked: ShareLink
    annotation: Annotation
    check: Check
    token: ClassToken
    class_check: Check


@pytest.fixture
def corpus(transactional_db: None, moderator: User, educator: User) -> Corpus:
    seeds = load_seeds()  # committed at once, so the immediate backend indexes each seed
    comparison = get_or_compute(seeds["001"].current_version, seeds["000"].current_version)
    get_or_compute(seeds["001"].current_version, seeds["002"].current_version)
    link = ShareLink.objects.create(comparison=comparison, created_by=educator)
    revoked = ShareLink.objects.create(
        comparison=comparison, created_by=educator, revoked_at=timezone.now()
    )
    version = comparison.derivative_version
    start = version.text.index("Suella Braverman")
    target = annotating.target_from_span(version, start, start + 16, comparison)
    annotation = annotating.do_create_annotation(
        moderator, target, Label.objects.get(slug="changed-figure"), note="Named here only."
    )
    article = read_article(version.text.replace("Richard Fuller", "Jane Marlowe"), "")
    token = ClassToken.objects.create(label="Year 10", created_by=educator)
    return Corpus(
        seeds,
        comparison,
        link,
        revoked,
        annotation,
        do_check(educator, article),
        token,
        do_check(educator, article, token),
    )


def _pages(c: Corpus, persona: str) -> dict[str, str]:
    """Screenshot name → path: every main page the persona can open."""
    comparison = c.comparison.get_absolute_url()
    if persona == "anonymous":
        return {
            "share-link": c.link.get_absolute_url(),
            "share-link-withdrawn": c.revoked.get_absolute_url(),
            "share-link-handout": f"{c.link.get_absolute_url()}handout/",
            "class-link": c.token.get_absolute_url(),
            "class-check": f"{c.token.get_absolute_url()}{c.class_check.pk}/",
            "sign-in": "/accounts/login/",
        }
    common = {
        "home": "/",
        "documents": "/documents/",
        "document-article": c.seeds["000"].get_absolute_url(),
        "document-release": c.seeds["001"].get_absolute_url(),
        "comparison-side": comparison,
        "comparison-inline": f"{comparison}?view=inline",
        "comparison-steps": f"{comparison}?view=steps",
        "handout": f"{comparison}handout/",
        "trim-map": reverse("discovery:trim_map", args=[c.seeds["001"].pk]),
        "compare-pick": "/compare/",
        "graph": "/discovery/graph/",
        "annotations-queue": "/annotations/",
        "annotation": c.annotation.get_absolute_url(),
    }
    extra = {
        "admin": {
            "upload": "/documents/upload/",
            "discovery-status": "/discovery/status/",
            "checks": "/checks/",
        },
        "moderator": {},
        "educator": {"checks": "/checks/", "check": c.check.get_absolute_url()},
    }
    return common | extra[persona]


@pytest.mark.parametrize("persona", ["admin", "moderator", "educator", "anonymous"])
def test_no_page_scrolls_sideways_at_390px(
    pages: Pages,
    screenshots: Path,
    corpus: Corpus,
    admin_member: User,
    moderator: User,
    educator: User,
    persona: str,
) -> None:
    user: Any = {"admin": admin_member, "moderator": moderator, "educator": educator}.get(persona)
    too_wide = {}
    for name, path in _pages(corpus, persona).items():
        page = pages.open(path, user, **PHONE)
        page.wait_for_load_state("networkidle")
        width = page.evaluate(WIDTH_JS)
        page.screenshot(path=screenshots / f"phone-{persona}-{name}.png", full_page=True)
        if width > 390:
            too_wide[path] = (width, page.evaluate(OFFENDERS_JS))
        page.context.close()
    assert not too_wide, json.dumps(too_wide, indent=1)
    # Nothing the Content Security Policy refused, no script errors (the withdrawn link's
    # 410 is the page working as meant).
    assert [e for e in pages.errors if "status of 410" not in e] == []
