"""An educator checks an article: its sources are found, the check is theirs alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from checks.models import Check
from comparisons.models import Comparison
from discovery.models import Fingerprint, IndexState
from documents.models import Document, DocumentVersion
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def _corpus_counts() -> tuple[int, int, int, int, int]:
    return (
        Document.objects.count(),
        DocumentVersion.objects.count(),
        Comparison.objects.count(),
        Fingerprint.objects.count(),
        IndexState.objects.count(),
    )


def test_a_pasted_article_finds_001_as_its_best_source(
    client_for: Callable[[User], Client], educator: User, seeds: dict[str, Document], article: str
) -> None:
    before = _corpus_counts()
    response = client_for(educator).post(reverse("checks:list"), {"text": article, "url": ""})
    check = Check.objects.get()
    assert response.status_code == 302 and response["Location"] == check.get_absolute_url()
    assert check.owner == educator
    assert check.best_version == seeds["001"].current_version
    assert check.result is not None and check.result["stats"]["derivative_share"] > 0.5
    assert _corpus_counts() == before  # nothing added to the corpus, its index or comparisons

    page = client_for(educator).get(check.get_absolute_url())
    assert page.status_code == 200
    body = page.content.decode()
    assert seeds["001"].title in body and "best source" in body
    assert "nearly the same text" in body  # 000, the post the article was copied from
    assert check.title.startswith("The Home Secretary") and len(check.title) <= 101
    assert "Jane Marlowe" in body  # the article's own text, compared side by side


def test_the_article_never_shows_in_the_documents_list(
    client_for: Callable[[User], Client], educator: User, seeds: dict[str, Document], article: str
) -> None:
    client = client_for(educator)
    client.post(reverse("checks:list"), {"text": article, "url": ""})
    assert (
        "Jane Marlowe" not in client.get(reverse("documents:list") + "?q=Marlowe").content.decode()
    )
    assert not Document.objects.search("Marlowe").exists()


def test_another_educator_can_neither_open_nor_see_the_check(
    client_for: Callable[[User], Client], educator: User, seeds: dict[str, Document], article: str
) -> None:
    client_for(educator).post(reverse("checks:list"), {"text": article, "url": ""})
    check = Check.objects.get()
    other = client_for(make_user("erin", "educators"))
    assert other.get(check.get_absolute_url()).status_code == 404
    assert other.post(reverse("checks:delete", args=[check.pk])).status_code == 404
    assert check.title not in other.get(reverse("checks:list")).content.decode()
    assert Check.objects.filter(pk=check.pk).exists()


def test_admins_do_not_see_an_educators_check_either(
    client_for: Callable[[User], Client],
    educator: User,
    admin_member: User,
    seeds: dict[str, Document],
    article: str,
) -> None:
    client_for(educator).post(reverse("checks:list"), {"text": article, "url": ""})
    check = Check.objects.get()
    assert client_for(admin_member).get(check.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "   ", "url": ""}, "Paste the article"),
        ({"text": "x" * 100_001, "url": ""}, "at most 100,000"),
        ({"text": "", "url": "not a url"}, "is not a web address"),
        ({"text": "", "url": "ftp://example.com/a"}, "is not a web address"),
        ({"text": "Some words", "url": "https://example.com/"}, "not both"),
    ],
)
def test_bad_input_answers_with_a_message_and_stores_nothing(
    client_for: Callable[[User], Client],
    educator: User,
    seeds: dict[str, Document],
    data: dict[str, str],
    message: str,
) -> None:
    response = client_for(educator).post(reverse("checks:list"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Check.objects.exists()


@pytest.mark.parametrize("persona", ["moderator", "outsider"])
def test_only_educators_and_admins_check_articles(
    request: pytest.FixtureRequest, client_for: Callable[[User], Client], persona: str
) -> None:
    user = request.getfixturevalue(persona)
    assert client_for(user).get(reverse("checks:list")).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client: Client) -> None:
    response = client.get(reverse("checks:list"))
    assert response.status_code == 302 and reverse("login") in response["Location"]
