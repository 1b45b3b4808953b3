"""The comparison page's in-place panel: the annotations app's form, answered in JSON."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from annotations.models import Annotation, Label
from comparisons.models import Comparison
from tests.annotations.conftest import span_of

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]
JSON = {"HTTP_ACCEPT": "application/json"}


def test_the_panel_saves_and_gets_back_what_to_show_in_place(
    client_for: ClientFor, moderator: User, demo_comparison: Comparison
) -> None:
    version = demo_comparison.derivative_version
    start, end = span_of(version, "Suella Braverman")
    label = Label.objects.get(slug="added-material")
    response = client_for(moderator).post(
        reverse("annotations:create"),
        {"version": version.pk, "start": start, "end": end, "comparison": demo_comparison.pk,
         "label": label.pk, "note": "Named *here*."},
        **JSON,
    )  # fmt: skip
    assert response.status_code == 200
    data = json.loads(response.content)
    annotation = Annotation.objects.get()
    assert (data["id"], data["side"], data["start"], data["end"]) == (
        annotation.pk,
        "d",
        start,
        end,
    )
    assert data["label"] == "Added material" and data["status"] == "open"
    assert f'id="anno-item-{annotation.pk}"' in data["item"]
    assert "<em>here</em>" in data["item"]  # the note as the panel shows it


def test_the_panel_hears_what_is_missing_in_plain_words(
    client_for: ClientFor, moderator: User, demo_comparison: Comparison
) -> None:
    version = demo_comparison.derivative_version
    start, end = span_of(version, "Suella Braverman")
    target = {"version": version.pk, "start": start, "end": end, "comparison": demo_comparison.pk}
    c = client_for(moderator)
    response = c.post(reverse("annotations:create"), target, **JSON)
    assert response.status_code == 400
    assert json.loads(response.content) == {"error": "Choose a label for the annotation."}
    bad = {**target, "end": len(version.text) + 50, "label": Label.objects.first().pk}
    response = c.post(reverse("annotations:create"), bad, **JSON)
    assert response.status_code == 400
    assert "not inside the text" in json.loads(response.content)["error"]
    assert not Annotation.objects.exists()


def test_the_comparison_page_carries_the_panel_only_for_annotators(
    client_for: ClientFor, moderator: User, educator: User, demo_comparison: Comparison
) -> None:
    url = demo_comparison.get_absolute_url()
    page = client_for(moderator).get(url).content.decode()
    panel = page[page.index('<form method="post" action="/annotations/new/" class="anno-inplace') :]
    panel = panel[: panel.index("</form>")]
    assert 'name="csrfmiddlewaretoken"' in panel
    assert f'name="comparison" value="{demo_comparison.pk}"' in panel
    assert "anno-inplace" not in client_for(educator).get(url).content.decode()
