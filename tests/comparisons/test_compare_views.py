"""The comparison pages: picker, detail views, status, permissions and escaping."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

from comparisons.models import Comparison
from documents.models import Document
from tests.conftest import make_document

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]


@pytest.mark.parametrize("persona", ["admin_member", "moderator", "educator"])
def test_every_role_sees_the_comparison(
    persona: str, request: pytest.FixtureRequest, client_for: ClientFor, demo_comparison: Comparison
) -> None:
    response = client_for(request.getfixturevalue(persona)).get(demo_comparison.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="src-text"' in html and 'id="der-text"' in html
    assert "k-omitted" in html and "k-added" in html


def test_outsiders_and_anonymous_are_kept_out(
    outsider: User, client_for: ClientFor, client: Client, demo_comparison: Comparison
) -> None:
    url = demo_comparison.get_absolute_url()
    assert client_for(outsider).get(url).status_code == 403
    assert client.get(url).status_code == 302
    assert client_for(outsider).get("/compare/").status_code == 403


def test_an_unknown_comparison_is_404(educator: User, client_for: ClientFor) -> None:
    assert client_for(educator).get("/comparisons/999/").status_code == 404


def test_the_demo_page_tells_the_story(
    educator: User, client_for: ClientFor, demo_comparison: Comparison
) -> None:
    html = client_for(educator).get(demo_comparison.get_absolute_url()).content.decode()
    assert "Summary" in html and "Findings" in html
    assert 'class="minimap"' in html
    # The MP's quotation is added; the Home Secretary's is omitted.
    assert html.index("Richard Fuller MP said") > html.index('id="der-text"')


@pytest.mark.parametrize("view", ["inline", "steps"])
def test_other_views_render(
    view: str, educator: User, client_for: ClientFor, demo_comparison: Comparison
) -> None:
    response = client_for(educator).get(demo_comparison.get_absolute_url(), {"view": view})
    assert response.status_code == 200
    html = response.content.decode()
    if view == "steps":
        steps = response.context["steps"]
        assert steps and "Change 1 of" in html
        assert html.count('class="step"') == len(steps)
        assert html.count(" hidden aria-labelledby") == len(steps) - 1
    else:
        assert 'id="inline-text"' in html and "<del>" in html


def test_differences_only_and_kind_filters(
    educator: User, client_for: ClientFor, demo_comparison: Comparison
) -> None:
    c = client_for(educator)
    html = c.get(demo_comparison.get_absolute_url(), {"only": "diff"}).content.decode()
    assert "words unchanged" in html
    html = c.get(demo_comparison.get_absolute_url(), {"kinds": "added,omitted"}).content.decode()
    assert 'class="p k-verbatim dim"' in html
    assert re.search(r'class="p k-added[^"]*" id="d-p', html)
    # A bad value falls back to the defaults instead of failing.
    assert c.get(demo_comparison.get_absolute_url(), {"view": "nope"}).status_code == 200


def test_status_endpoint_reports_progress(
    educator: User, client_for: ClientFor, demo_comparison: Comparison
) -> None:
    data = client_for(educator).get(f"/comparisons/{demo_comparison.pk}/status/").json()
    assert data == {
        "status": "done",
        "progress": 100,
        "error": "",
        "url": demo_comparison.get_absolute_url(),
    }


def test_a_pending_comparison_shows_the_computing_page(
    educator: User, client_for: ClientFor, demo_comparison: Comparison
) -> None:
    Comparison.objects.filter(pk=demo_comparison.pk).update(status="running", progress=40)
    html = client_for(educator).get(demo_comparison.get_absolute_url()).content.decode()
    assert '<meta http-equiv="refresh"' in html
    assert 'value="40"' in html


def test_the_picker_searches_and_creates(
    educator: User, client_for: ClientFor, seeds: dict[str, Document]
) -> None:
    c = client_for(educator)
    html = c.get("/compare/", {"q": "Cleverly"}).content.decode()
    assert "Cleverly says French efforts" in html
    assert "UK-France joint statement" not in html
    response = c.post("/compare/", {"source": seeds["001"].pk, "derivative": seeds["002"].pk})
    comparison = Comparison.objects.get()
    assert response.status_code == 302
    assert response["Location"] == comparison.get_absolute_url()
    assert comparison.created_by == educator


def test_the_picker_refuses_the_same_document_twice(
    educator: User, client_for: ClientFor, seeds: dict[str, Document]
) -> None:
    response = client_for(educator).post(
        "/compare/", {"source": seeds["001"].pk, "derivative": seeds["001"].pk}
    )
    assert response.status_code == 200
    assert "two different documents" in response.content.decode()
    assert not Comparison.objects.exists()


def test_document_text_with_markup_is_shown_as_text(educator: User, client_for: ClientFor) -> None:
    source = make_document("Release <i>x</i>", "Officers will <b>increase</b> by 40% today.")
    derivative = make_document(
        "Article", 'Officers will <b>increase</b> by 40%. <script>alert("x")</script>'
    )
    c = client_for(educator)
    c.post("/compare/", {"source": source.pk, "derivative": derivative.pk})
    comparison = Comparison.objects.get()
    for view in ("side", "inline", "steps"):
        html = c.get(comparison.get_absolute_url(), {"view": view}).content.decode()
        assert "<script>alert" not in html
        assert "<b>increase" not in html
        assert "Release &lt;i&gt;x&lt;/i&gt;" in html


@override_settings(COMPARE_INLINE_MAX_WORDS=10)
def test_compare_nav_link_for_roles(educator: User, client_for: ClientFor) -> None:
    assert 'href="/compare/"' in client_for(educator).get("/").content.decode()
