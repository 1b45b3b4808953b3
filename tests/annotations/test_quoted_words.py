"""The queue and the review page name an annotation by its quoted words, never by offsets."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from annotations.models import SHORT_EXACT_MAX, Annotation
from documents.models import DocumentVersion
from tests.annotations.conftest import AnnotateFn

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]
WORDS = "Numbers of officers in northern France will increase by 40%"


def test_the_queue_links_each_annotation_by_its_quoted_words(
    client_for: ClientFor, moderator: User, release: DocumentVersion, annotate: AnnotateFn
) -> None:
    annotation = annotate(moderator, release, WORDS, public=True)
    html = client_for(moderator).get(reverse("annotations:queue")).content.decode()
    link = f'<a class="anno-words" href="{annotation.get_absolute_url()}">“{WORDS}”</a>'
    assert link in html
    # The label is a badge beside it, with the other badges in one wrapping row.
    badges = html[html.index('<span class="anno-badges">') :]
    badges = badges[: badges.index("</td>")]
    assert str(annotation.label) in badges and ">public<" in badges


def test_long_words_are_shortened_at_a_word_boundary(
    moderator: User, release: DocumentVersion, annotate: AnnotateFn
) -> None:
    start = release.text.index("Numbers of officers")
    long_words = release.text[start : start + 300]
    long_words = long_words[: long_words.rindex(" ")].strip()
    annotation = annotate(moderator, release, long_words)
    short = annotation.short_exact
    flat = " ".join(annotation.exact.split())
    assert short.endswith("…") and len(short) <= SHORT_EXACT_MAX
    kept = short.removesuffix("…")
    assert flat.startswith(kept) and flat[len(kept)] in " ,;:.", "cut inside a word"
    assert "\n" not in short and "  " not in short


def test_a_short_quotation_is_kept_whole(
    moderator: User, release: DocumentVersion, annotate: AnnotateFn
) -> None:
    assert annotate(moderator, release, "Numbers of officers").short_exact == "Numbers of officers"


def test_the_review_page_shows_the_words_not_character_offsets(
    client_for: ClientFor, moderator: User, release: DocumentVersion, annotate: AnnotateFn
) -> None:
    annotation: Annotation = annotate(moderator, release, WORDS)
    html = client_for(moderator).get(annotation.get_absolute_url()).content.decode()
    assert f'<p class="anno-words-lede">“{WORDS}”</p>' in html
    assert "characters" not in html
    assert f"{annotation.start}–{annotation.end}" not in html
    assert f"<title>{annotation.label}: “{WORDS}” · Annotation" in html
