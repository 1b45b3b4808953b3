"""Exported ids and links use the address the request came in on, or SITE_URL: never a default."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings
from django.urls import reverse

from annotations import workflow
from annotations.models import Annotation, Label
from comparisons.models import Comparison
from provenance import site

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def annotation(moderator: User, demo_comparison: Comparison) -> Annotation:
    version = demo_comparison.derivative_version
    start = version.text.index("Suella Braverman")
    target = workflow.target_from_span(version, start, start + len("Suella Braverman"), None)
    label = Label.objects.get(slug="changed-figure")
    return workflow.do_create_annotation(moderator, target, label)


def _export(client: Client, comparison: Comparison, host: str) -> dict[str, object]:
    url = reverse("annotations:export_comparison", args=[comparison.pk, "jsonld"])
    return json.loads(client.get(url, HTTP_HOST=host, secure=True).content)


@override_settings(ALLOWED_HOSTS=["provenance.school.example"], SITE_URL="")
def test_exported_ids_use_the_address_the_request_came_in_on(
    client_for: Callable[[User], Client],
    educator: User,
    demo_comparison: Comparison,
    annotation: Annotation,
) -> None:
    data = _export(client_for(educator), demo_comparison, "provenance.school.example")
    item = data["first"]["items"][0]  # type: ignore[index]
    assert data["id"].startswith("https://provenance.school.example/")  # type: ignore[union-attr]
    assert item["id"] == f"https://provenance.school.example/annotations/{annotation.pk}/"
    assert "127.0.0.1" not in json.dumps(data)


@override_settings(ALLOWED_HOSTS=["internal"], SITE_URL="https://provenance.example.org")
def test_a_configured_site_url_wins_over_the_request(
    client_for: Callable[[User], Client],
    educator: User,
    demo_comparison: Comparison,
    annotation: Annotation,
) -> None:
    data = _export(client_for(educator), demo_comparison, "internal")
    item = data["first"]["items"][0]  # type: ignore[index]
    assert item["id"] == f"https://provenance.example.org/annotations/{annotation.pk}/"


@override_settings(ALLOWED_HOSTS=["class.example"], SITE_URL="")
def test_a_class_link_is_shown_with_the_requests_address(
    client_for: Callable[[User], Client], educator: User
) -> None:
    client = client_for(educator)
    client.post(reverse("checks:token_create"), {"label": "Year 9"}, HTTP_HOST="class.example")
    page = client.get(reverse("checks:list"), HTTP_HOST="class.example").content.decode()
    assert 'value="http://class.example/checks/class/' in page


@override_settings(SITE_URL="", ALLOWED_HOSTS=["localhost"])
def test_its_own_addresses_are_recognised_whatever_the_host() -> None:
    assert site.is_own("http://localhost/annotations/3/")
    assert not site.is_own("https://elsewhere.example/annotations/3/")
    assert not site.is_own("/annotations/3/")


def test_no_code_or_template_names_a_stale_default_address() -> None:
    stale = "http://127.0.0.1:8000"  # a URL to this app; a bind address is fine
    places = [*ROOT.glob("*/**/*.py"), *(ROOT / "templates").rglob("*.html")]
    found = [
        str(p.relative_to(ROOT))
        for p in places
        if ".venv" not in p.parts
        and "tests" not in p.parts
        and "var" not in p.parts
        and stale in p.read_text(encoding="utf-8")
    ]
    assert found == []


@override_settings(ALLOWED_HOSTS=["internal"], SITE_URL="https://provenance.example.org")
def test_share_links_are_shown_with_the_configured_site_url(
    client_for: Callable[[User], Client], educator: User, demo_comparison: Comparison
) -> None:
    client = client_for(educator)
    client.post(
        reverse("comparisons:share", args=[demo_comparison.pk]),
        {"expires_in": ""},
        HTTP_HOST="internal",
    )
    page = client.get(demo_comparison.get_absolute_url(), HTTP_HOST="internal").content.decode()
    assert '<code class="share-url"' in page
    assert ">https://provenance.example.org/s/" in page
    assert "//internal/s/" not in page
