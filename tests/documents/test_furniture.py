from __future__ import annotations

import pytest

from documents.furniture import repeated_lines, strip_furniture
from documents.ingest import Submission, ingest
from documents.metadata import Metadata
from documents.models import Document

SEED_004_FURNITURE = [
    "Stay up to date with notifications from The\u00a0Independent",
    "Notifications can be managed in browser preferences.",
    "Your support helps us to tell the story",
    "This election is still a dead heat",
    "The Independent is trusted by 27 million Americans",
    "Help us keep bring these critical stories to light.",
    "Thank you for registering",
    "Please refresh the page or navigate to another page",
]


@pytest.mark.django_db
def test_seed_004_loses_its_three_blocks_and_keeps_the_article(
    demo_corpus: dict[str, Document],
) -> None:
    version = demo_corpus["004"].current_version
    for line in SEED_004_FURNITURE:
        assert line not in version.text
        assert any(item["text"].startswith(line) for item in version.stripped)
    assert {item["reason"] for item in version.stripped} == {
        "notification prompt",
        "donation appeal",
        "sign-in notice",
    }
    assert version.text.startswith("Cleverly says French efforts on illegal migration exemplary")
    assert "Home secretary James Cleverly has met his French counterpart in Paris" in version.text
    assert version.text.endswith("as well as crimes committed online.\u201d")
    # The original keeps every byte.
    original = bytes(version.original).decode()
    for line in SEED_004_FURNITURE:
        assert line in original


@pytest.mark.django_db
def test_press_releases_lose_nothing(demo_corpus: dict[str, Document]) -> None:
    for number in ("000", "001", "003"):
        assert demo_corpus[number].current_version.stripped == []


@pytest.mark.django_db
def test_read_more_links_are_stripped_from_seed_002(demo_corpus: dict[str, Document]) -> None:
    text = demo_corpus["002"].text
    assert "Read more:" not in text
    assert "Read next:" not in text
    assert "Refugee Council" in text


def test_newsletter_prompts_are_stripped() -> None:
    text = "Story begins.\nSign up to our free Morning Briefing newsletter\nStory ends."
    kept, removed = strip_furniture(text)
    assert kept == "Story begins.\nStory ends."
    assert removed[0].reason == "newsletter prompt"


def test_long_paragraphs_mentioning_support_are_kept_when_not_appeals() -> None:
    text = "The minister thanked France for its support in the talks."
    assert strip_furniture(text) == (text, [])


def test_blank_lines_left_behind_are_collapsed() -> None:
    kept, _ = strip_furniture("One.\n\nThank you for registering\n\nTwo.")
    assert kept == "One.\n\nTwo."


def test_lines_repeated_across_an_outlets_pages_are_learnt() -> None:
    texts = [f"Story {n}.\nFollow The Gazette on Mastodon\nEnd {n}." for n in range(4)]
    assert repeated_lines(texts) == {"follow the gazette on mastodon"}
    assert repeated_lines(texts[:2]) == frozenset()


@pytest.mark.django_db
def test_a_new_document_loses_its_outlets_repeated_lines() -> None:
    for n in range(3):
        ingest(
            Submission(
                text=f"Story number {n} about topic {n * 7}.\nFollow The Gazette on Mastodon"
            ),
            Metadata(outlet="The Gazette"),
        )
    outcome = ingest(
        Submission(text="A fresh story about the harbour.\nFollow The Gazette on Mastodon"),
        Metadata(outlet="The Gazette"),
    )
    assert outcome.version.text == "A fresh story about the harbour."
    assert outcome.version.stripped == [
        {
            "text": "Follow The Gazette on Mastodon",
            "reason": "repeated on this outlet's other pages",
        }
    ]
    other = ingest(
        Submission(text="Elsewhere.\nFollow The Gazette on Mastodon"), Metadata(outlet="Other")
    )
    assert "Mastodon" in other.version.text
