"""A control character in a stored title (or the search) never breaks the graph: its SVG is
built only from XML-safe strings."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from documents.models import Document
from tests.conftest import make_document

pytestmark = pytest.mark.django_db


def test_the_graph_of_a_document_whose_stored_title_holds_an_escape_still_draws(
    client_for: Callable[[User], Client], educator: User, seeds: dict[str, Document]
) -> None:
    bad = make_document("Escape\x1b here", seeds["000"].current_version.text + "\n\nOne more line.")
    client = client_for(educator)
    for params in ({"document": bad.pk}, {"q": "Escape"}, {"q": "Escape\x1b"}, {}):
        response = client.get(reverse("discovery:graph"), params)
        assert response.status_code == 200, params
        # Drawn, not replaced by the page's "could not draw" note.
        graph = response.context["graph"]
        assert graph.svg and not graph.problem, params
