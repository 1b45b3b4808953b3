"""The comparison page marks the deciding words of a claim finding in both texts."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

from django.contrib.auth.models import User
from django.test import Client

from comparisons import claims
from tests.claim_pair import REASON, RELEASE, STORY, fibre_comparison

ClientFor = Callable[[User], Client]


def _column(html: str, column_id: str) -> str:
    start = html.index(f'id="{column_id}"')
    return html[start : html.index("</section>", start)]


def _cues(html: str) -> list[str]:
    return [
        unescape(re.sub(r"<[^>]+>", "", m))
        for m in re.findall(r'<strong class="cue">(.*?)</strong>', html)
    ]


def test_the_deciding_words_are_found_in_each_text(db: None) -> None:
    [finding] = [f for f in fibre_comparison().engine_result.findings if claims.is_claim(f)]
    assert claims.phrases(finding) == ("linked to", "cuts")
    [(a, b)] = claims.phrase_spans(finding, "source", RELEASE)
    assert RELEASE[a:b] == "linked to"
    [(a, b)] = claims.phrase_spans(finding, "derivative", STORY)
    assert STORY[a:b] == "cuts"


def test_both_phrases_are_marked_on_the_comparison_page(
    educator: User, client_for: ClientFor, db: None
) -> None:
    comparison = fibre_comparison()
    html = client_for(educator).get(comparison.get_absolute_url()).content.decode()
    assert _cues(_column(html, "src-text")) == ["linked to"]
    assert _cues(_column(html, "der-text")) == ["cuts"]
    assert REASON in html
    assert '<span class="flabel">stated more strongly</span>' in html


def test_marking_the_phrases_keeps_each_column_the_document_text(
    educator: User, client_for: ClientFor, db: None
) -> None:
    # Annotations map a selection in a column back to offsets: its text must stay whole.
    comparison = fibre_comparison()
    html = client_for(educator).get(comparison.get_absolute_url()).content.decode()
    for column_id, text in (("src-text", RELEASE), ("der-text", STORY)):
        column = _column(html, column_id)
        column = column[column.index(">") + 1 : column.index("</div>\n")]
        shown = unescape(re.sub(r"<[^>]+>", "", column))
        assert shown == text


def test_the_inline_view_marks_the_story_phrase(
    educator: User, client_for: ClientFor, db: None
) -> None:
    comparison = fibre_comparison()
    html = (
        client_for(educator).get(comparison.get_absolute_url(), {"view": "inline"}).content.decode()
    )
    inline = html[html.index('id="inline-text"') :]
    assert "cuts" in _cues(inline)


def test_a_piece_missing_from_the_text_is_left_unmarked(db: None) -> None:
    [finding] = [f for f in fibre_comparison().engine_result.findings if claims.is_claim(f)]
    assert claims.phrase_spans(finding, "derivative", "Eating more fibre lowers your risk.") == []


def test_the_key_names_the_four_claim_kinds_in_a_teachers_words(
    educator: User, client_for: ClientFor, db: None
) -> None:
    comparison = fibre_comparison()
    html = client_for(educator).get(comparison.get_absolute_url()).content.decode()
    key = html[html.index('class="key-list claim-key"') :]
    key = key[: key.index("</ul>")]
    for label in (
        "Stated more strongly",
        "Stated more cautiously",
        "Animal or cell study told about people",
        "Advice added",
    ):
        assert f'<strong class="kname">{label}</strong>' in key
    assert key.count("(found here)") == 1
    assert 'a link told as a cause</span> <span class="n">(found here)' in key
