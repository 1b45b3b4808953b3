from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from documents.models import Document

pytestmark = pytest.mark.django_db
URL = reverse("documents:list")


@pytest.fixture
def client(educator: User, client_for: Callable[[User], Client]) -> Client:
    return client_for(educator)


def titles(response: object) -> list[str]:
    return [d.title for d in response.context["documents"]]


def test_it_lists_every_active_document(client: Client, demo_corpus: dict) -> None:
    response = client.get(URL)
    assert response.status_code == 200
    assert len(titles(response)) == 5
    assert "UK-France joint statement" in response.content.decode()


def test_an_empty_corpus_says_so(client: Client) -> None:
    assert "No documents yet" in client.get(URL).content.decode()


def test_search_matches_titles(client: Client, demo_corpus: dict) -> None:
    assert titles(client.get(URL, {"q": "Cleverly"})) == [demo_corpus["004"].title]


def test_search_matches_the_text(client: Client, demo_corpus: dict) -> None:
    found = titles(client.get(URL, {"q": "Refugee Council"}))
    assert found == [demo_corpus["002"].title]


def test_filter_by_kind(client: Client, demo_corpus: dict) -> None:
    found = set(titles(client.get(URL, {"kind": "press_release"})))
    assert found == {demo_corpus["001"].title, demo_corpus["003"].title}


def test_filter_by_outlet(client: Client, demo_corpus: dict) -> None:
    outlet = demo_corpus["004"].outlet
    assert titles(client.get(URL, {"outlet": outlet.pk})) == [demo_corpus["004"].title]


def test_filter_by_date(client: Client, demo_corpus: dict) -> None:
    found = titles(client.get(URL, {"published_from": "2022-11-14", "published_to": "2022-11-14"}))
    assert set(found) == {demo_corpus["001"].title, demo_corpus["002"].title}


def test_an_invalid_date_filter_shows_an_error_not_a_crash(
    client: Client, demo_corpus: dict
) -> None:
    response = client.get(URL, {"published_from": "not a date"})
    assert response.status_code == 200
    assert "Enter a valid date" in response.content.decode()


def test_archived_documents_are_hidden(client: Client, demo_corpus: dict) -> None:
    demo_corpus["004"].archived_at = timezone.now()
    demo_corpus["004"].save()
    assert demo_corpus["004"].title not in titles(client.get(URL))


def test_admins_can_list_archived_documents(
    admin_member: User, client_for: Callable[[User], Client], demo_corpus: dict
) -> None:
    Document.objects.filter(pk=demo_corpus["004"].pk).update(archived_at=timezone.now())
    found = titles(client_for(admin_member).get(URL, {"archived": "on"}))
    assert found == [demo_corpus["004"].title]


def test_it_paginates(client: Client) -> None:
    for number in range(30):
        Document.objects.create(title=f"Doc {number:02d}", kind="article")
    first = client.get(URL)
    assert len(titles(first)) == 25
    second = client.get(URL, {"page": 2})
    assert len(titles(second)) == 5
    assert "Page 2 of 2" in second.content.decode()
