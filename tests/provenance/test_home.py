"""The home page leads each role to its work."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from annotations.models import Annotation
from comparisons.compare import get_or_compute
from discovery.models import IndexState, Status
from documents.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def comparisons(seeds: dict[str, Document]) -> None:
    """001 → 000, 001 → 002, and 002 → 000: the MP's post is a derivative twice."""
    for source, derivative in (("001", "000"), ("001", "002"), ("002", "000")):
        get_or_compute(seeds[source].current_version, seeds[derivative].current_version)


def _section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


def test_educators_see_featured_and_recent_comparisons_each_title_once(
    client_for: Callable[[User], Client],
    educator: User,
    seeds: dict[str, Document],
    comparisons: None,
) -> None:
    html = client_for(educator).get(reverse("home")).content.decode()
    assert reverse("checks:list") in html and "Check an article" in html
    section = _section(html, "featured-h")
    assert section.count(f">{seeds['000'].title}</a>") == 1
    assert section.count(f">{seeds['002'].title}</a>") == 1
    assert "%</strong> of the article worded as in the source" in section
    assert "%</strong> of the source reused" in section
    for number in ("000", "001", "002"):
        assert str(seeds[number].outlet) in section  # each side's outlet
    assert "review-h" not in html and "uploads-h" not in html


def test_moderators_see_the_review_queue_with_counts(
    client_for: Callable[[User], Client], moderator: User, seeds: dict[str, Document]
) -> None:
    from annotations import workflow
    from annotations.models import Label

    version = seeds["000"].current_version
    target = workflow.target_from_span(version, 0, 10, None)
    workflow.do_create_annotation(moderator, target, Label.objects.order_by("pk").first())
    assert Annotation.objects.count() == 1
    html = client_for(moderator).get(reverse("home")).content.decode()
    section = _section(html, "review-h")
    assert "<strong>1</strong> open, awaiting review" in section
    assert reverse("annotations:queue") in section
    assert "featured-h" not in html and "Check an article" not in html


def test_admins_see_uploads_and_discovery_status(
    client_for: Callable[[User], Client], admin_member: User, seeds: dict[str, Document]
) -> None:
    IndexState.objects.update_or_create(
        version=seeds["003"].current_version,
        defaults={"index_status": Status.DONE, "discovery_status": Status.FAILED},
    )
    html = client_for(admin_member).get(reverse("home")).content.decode()
    uploads = _section(html, "uploads-h")
    assert "<strong>5</strong> documents in the corpus" in uploads
    assert reverse("documents:upload") in uploads
    discovery = _section(html, "discovery-h")
    assert "<strong>1</strong> failed" in discovery
    assert reverse("discovery:status") in discovery
