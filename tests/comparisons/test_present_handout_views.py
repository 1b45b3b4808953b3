"""Presentation mode and the handout: pages, order, share links, questions and the QR code."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from comparisons import handout, steps
from comparisons.analysis import analysis_for
from comparisons.models import Comparison
from comparisons.sharing import create_link, revoke

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]


def slide_kinds(html: str) -> list[str]:
    return re.findall(r'class="slide" id="slide-\d+" data-slide="\d+" data-kind="(\w+)"', html)


def test_presentation_shows_one_change_per_slide_story_first(
    educator: User, client_for: ClientFor, demo_comparison: Comparison
) -> None:
    url = f"/comparisons/{demo_comparison.pk}/present/"
    html = client_for(educator).get(url).content.decode()
    # 001 → 000: the top finding (Fuller's quotation in the Home Secretary's place) is one
    # change with both quotations, so the story starts there; document order starts with an
    # omission.
    # Slide 1 is the title slide, so the first change is slide 2.
    assert slide_kinds(html)[0] == "replaced"
    assert "Richard Fuller" in html.split('id="slide-3"')[0]
    assert 'aria-live="polite"' in html and f"1</span> of {len(slide_kinds(html)) + 2}" in html
    document = client_for(educator).get(url, {"order": "document"}).content.decode()
    assert slide_kinds(document)[0] == "omitted"
    assert sorted(slide_kinds(document)) == sorted(slide_kinds(html))
    assert "<script>" not in html and 'style="' not in html


def test_presentation_cuts_the_context_of_long_passages_not_their_subject(
    demo_comparison: Comparison,
) -> None:
    slides = steps.slides(
        demo_comparison.engine_result,
        analysis_for(demo_comparison.source_version),
        analysis_for(demo_comparison.derivative_version),
    )
    # The closing paragraphs 000 leaves out are long and have no finding: their start shows.
    omitted = [s for s in slides if s.step.kind == "omitted" and not s.step.findings]
    longest = max(omitted, key=lambda s: len(s.source_html))
    assert 'class="cut"' in longest.source_html
    text = re.sub(r"<[^>]+>", "", longest.source_html)
    assert len(text) < steps.FIT_CHARS + steps.CONTEXT_CHARS + 20


def test_presentation_of_a_share_link_works_signed_out_until_revoked(
    educator: User, client: Client, demo_comparison: Comparison
) -> None:
    link = create_link(demo_comparison, educator, None)
    response = client.get(f"/s/{link.token}/present/")
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert f'data-exit="/s/{link.token}/"' in response.content.decode()
    revoke(link)
    assert client.get(f"/s/{link.token}/present/").status_code == 410


def test_outsiders_cannot_present_or_print(
    outsider: User, client_for: ClientFor, demo_comparison: Comparison
) -> None:
    for page in ("present", "handout"):
        url = f"/comparisons/{demo_comparison.pk}/{page}/"
        assert client_for(outsider).get(url).status_code == 403


def test_handout_without_a_share_link_offers_to_make_one(
    educator: User, client_for: ClientFor, demo_comparison: Comparison
) -> None:
    client = client_for(educator)
    url = f"/comparisons/{demo_comparison.pk}/handout/"
    html = client.get(url).content.decode()
    assert "Make a share link" in html and "<svg" not in html
    response = client.post(
        f"/comparisons/{demo_comparison.pk}/share/", {"expires_in": "365", "back": "handout"}
    )
    assert response["Location"] == url
    html = client.get(url).content.decode()
    link = demo_comparison.share_links.get()
    assert f"http://testserver/s/{link.token}/" in html
    assert '<svg width="' in html and "QR code for the share link" in html


def test_handout_questions_come_from_the_findings_and_can_be_rewritten(
    educator: User, client_for: ClientFor, demo_comparison: Comparison
) -> None:
    defaults = handout.default_questions(demo_comparison.engine_result)
    assert len(defaults) == 3
    assert "another speaker's words" in defaults[0]  # the top finding: quotation replaced
    url = f"/comparisons/{demo_comparison.pk}/handout/"
    html = client_for(educator).get(url, {"q2": "Who is <b>Richard Fuller</b>?"}).content.decode()
    assert '<li id="qp2">Who is &lt;b&gt;Richard Fuller&lt;/b&gt;?</li>' in html
    assert f'<li id="qp1">{defaults[0]}' in html.replace("&#x27;", "'")
    assert "The Home Secretary" in html  # key passages
    assert "<script>" not in html and 'style="' not in html


def test_handout_of_a_share_link_points_at_that_link(
    educator: User, client: Client, demo_comparison: Comparison
) -> None:
    link = create_link(demo_comparison, educator, None)
    html = client.get(f"/s/{link.token}/handout/").content.decode()
    assert f"http://testserver/s/{link.token}/" in html and "<svg" in html
    assert "Make a share link" not in html
