"""Annotations in Chromium: the quoted words lead, and the badges wrap without overlapping."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from annotations import workflow
from annotations.models import Annotation, Label
from tests.browser.conftest import Pages
from tests.conftest import load_seeds

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WORDS = "Numbers of officers in northern France will increase by 40%"


@pytest.fixture
def annotation(transactional_db: None, moderator: User) -> Annotation:
    release = load_seeds()["001"].current_version
    assert release is not None
    start = release.text.index(WORDS)
    target = workflow.target_from_span(release, start, start + len(WORDS), None)
    label = Label.objects.get(slug="changed-figure")
    made = workflow.do_create_annotation(moderator, target, label, public=True)
    # Orphaned too, so the row carries three badges: label, orphaned, public.
    Annotation.objects.filter(pk=made.pk).update(anchor_state=Annotation.Anchor.ORPHANED)
    return made


def _boxes(page: Any, selector: str) -> list[dict[str, float]]:
    boxes = [b for b in (el.bounding_box() for el in page.locator(selector).all()) if b]
    assert boxes, selector
    return boxes


def _apart(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


@pytest.mark.parametrize("width", [320, 1400])
def test_badges_wrap_apart_inside_the_viewport(
    pages: Pages, moderator: User, annotation: Annotation, screenshots: Path, width: int
) -> None:
    page = pages.open(
        "/annotations/?status=all&orphans=on", moderator, viewport={"width": width, "height": 900}
    )
    link = page.get_by_role("link", name=f"“{WORDS}”")
    assert link.is_visible()
    for path, selector in [
        (None, "tr .anno-badges .tag"),
        (annotation.get_absolute_url(), ".anno-badges .tag, .anno-title > *"),
    ]:
        if path:
            page.goto(path)
            assert page.get_by_text(f"“{WORDS}”").first.is_visible()
            assert "characters" not in page.locator("main").inner_text()
        boxes = _boxes(page, selector)
        assert all(b["x"] >= 0 and b["x"] + b["width"] <= width for b in boxes)
        assert all(_apart(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
        shot = page.locator("main header" if path else "table.anno-table tbody tr").first
        shot.screenshot(
            path=screenshots / f"annotation-{'review' if path else 'queue'}-{width}.png"
        )
