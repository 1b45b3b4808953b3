"""The lesson views' content: story order, headlines and badges, whole subjects, the title
and summary slides, reviewed notes on slides and the handout, the handout's appendix."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

import pytest
from django.contrib.auth.models import User
from django.test import Client

from annotations import workflow as annotating
from annotations.models import Annotation, Label
from comparisons import render, steps
from comparisons.analysis import analysis_for
from comparisons.compare import get_or_compute
from comparisons.models import Comparison
from documents.models import Document

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]


def words(html: str) -> str:
    """The text of an HTML fragment, spaces collapsed (inline marks join their words)."""
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def paraphrase(seeds: dict[str, Document]) -> Comparison:
    """001 (the release) → 002 (the newspaper's paraphrase with an altered quotation)."""
    return get_or_compute(seeds["001"].current_version, seeds["002"].current_version)


def slides_of(comparison: Comparison, order: steps.Order = "story") -> list[steps.Slide]:
    return steps.slides(
        comparison.engine_result,
        analysis_for(comparison.source_version),
        analysis_for(comparison.derivative_version),
        order,
    )


def tier(step: render.Step) -> int:
    """0: a major finding; 1: text lost or changed without a finding; 2: minor findings only."""
    if any(f.severity != "low" for _, f in step.findings):
        return 0
    if not step.findings and step.passage.kind in {"altered", "trimmed", "omitted"}:
        return 1
    return 2 if step.findings else 3


@pytest.mark.parametrize("pair", ["000", "002"])
def test_story_order_follows_the_findings_ranking(seeds: dict[str, Document], pair: str) -> None:
    comparison = get_or_compute(seeds["001"].current_version, seeds[pair].current_version)
    shown = slides_of(comparison)
    result = comparison.engine_result
    top = result.findings[0]
    # The first stop is the findings panel's first finding (a quotation replaced or altered).
    assert top.type in {"quote_replaced", "quote_altered"}
    assert any(f is top for _, f in shown[0].step.findings)
    tiers = [tier(s.step) for s in shown]
    assert tiers == sorted(tiers), tiers
    assert [s.number for s in shown] == list(range(1, len(shown) + 1))


def test_the_step_through_page_starts_with_the_top_finding(
    educator: User, client_for: ClientFor, demo_comparison: Comparison
) -> None:
    url = f"/comparisons/{demo_comparison.pk}/?view=steps"
    html = client_for(educator).get(url).content.decode()
    kinds = re.findall(r'class="step" id="step-(\d+)" data-step="\d+" data-kind="(\w+)"', html)
    assert kinds[0] == ("1", "replaced")
    assert 'src="/static/js/steps.js"' in html


def test_quoted_edits_and_finding_messages_never_cut_a_word(
    demo_comparison: Comparison, paraphrase: Comparison
) -> None:
    for comparison in (demo_comparison, paraphrase):
        result = comparison.engine_result
        source, derivative = comparison.source_version.text, comparison.derivative_version.text
        for step in steps.story_steps(result, source, derivative):
            for line in step.explanation:
                assert "…" not in line, line  # quoted edits are whole
        for finding in result.findings:
            assert not re.search(r"\w…", steps.whole_words(finding.message))
    assert (
        steps.whole_words("The quotation “recent rise in organised crime groups exploit…” differs")
        == "The quotation “recent rise in organised crime groups …” differs"
    )


@pytest.mark.parametrize("pair", ["000", "002"])
def test_badges_name_what_the_headline_says(seeds: dict[str, Document], pair: str) -> None:
    comparison = get_or_compute(seeds["001"].current_version, seeds[pair].current_version)
    for slide in slides_of(comparison):
        top = steps.top_finding(slide.step)
        if top is None:
            assert slide.about == slide.step.kind
            assert slide.label.lower() == slide.step.label.lower()
        else:
            assert slide.about == top.type
            assert slide.label.lower() == render.FINDING_LABELS[top.type]
            assert slide.headline == steps.whole_words(steps._EXCERPT_RE.sub("", top.message))
    if pair == "000":
        first = slides_of(comparison)[0]
        assert first.label == "Quotation replaced" and "quotation" in first.headline


@pytest.mark.parametrize("pair", ["000", "002"])
def test_the_quotation_a_slide_is_about_is_shown_whole(
    seeds: dict[str, Document], pair: str
) -> None:
    comparison = get_or_compute(seeds["001"].current_version, seeds[pair].current_version)
    texts = {
        "source": comparison.source_version.text,
        "derivative": comparison.derivative_version.text,
    }
    checked = 0
    for slide in slides_of(comparison):
        for side, html in (("source", slide.source_html), ("derivative", slide.derivative_html)):
            shown = words(html)
            for _, finding in slide.step.findings:
                span = finding.source_span if side == "source" else finding.derivative_span
                if not finding.type.startswith("quote") or span is None or not html:
                    continue
                assert flat(texts[side][span[0] : span[1]]) in shown, (slide.number, side)
                checked += 1
    assert checked >= 2


def test_presentation_has_a_title_and_a_summary_slide(
    educator: User, client_for: ClientFor, demo_comparison: Comparison
) -> None:
    html = client_for(educator).get(f"/comparisons/{demo_comparison.pk}/present/").content.decode()
    numbers = re.findall(r'data-slide="(\d+)" data-kind="(\w+)"', html)
    assert numbers[0] == ("1", "title")
    assert numbers[-1] == (str(len(numbers)), "summary")
    cover = words(html.split('id="slide-2"')[0].split('id="slide-1"')[1])
    for version in (demo_comparison.source_version, demo_comparison.derivative_version):
        assert flat(version.document.title) in cover
        assert str(version.document.outlet) in cover
    assert "14 November 2022" in cover
    stats = demo_comparison.engine_result.stats
    assert f"{round(stats.derivative_share * 100)}%" in cover
    assert f"{round(stats.source_share * 100)}%" in cover
    # Slide 2 (the first change) is what the ?step=2 link opens.
    html = (
        client_for(educator)
        .get(f"/comparisons/{demo_comparison.pk}/present/", {"step": "2"})
        .content.decode()
    )
    assert re.search(r'id="slide-2" data-slide="2" data-kind="replaced"[^>]*aria-labelledby', html)
    assert (
        'id="slide-1" data-slide="1" data-kind="title" aria-labelledby="slide-h-1" hidden' in html
    )


@pytest.fixture
def notes(demo_comparison: Comparison, moderator: User, moderator2: User) -> list[Annotation]:
    """A confirmed public note on the replaced quotation; a confirmed private one and an open
    public one on the same words, which a class must not see."""
    version = demo_comparison.derivative_version
    start = version.text.index("This is a positive step")
    made = []
    for note, public, confirm in (
        ("Fuller's words, not the minister's.", True, True),
        ("Private remark for moderators.", False, True),
        ("Still under review.", True, False),
    ):
        target = annotating.target_from_span(version, start, start + 23, demo_comparison)
        label = Label.objects.get(slug="changed-figure")
        annotation = annotating.do_create_annotation(moderator, target, label, note, public)
        if confirm:
            annotating.do_set_status(annotation, moderator2, Annotation.Status.CONFIRMED)
        made.append(annotation)
    return made


def test_reviewed_public_notes_reach_the_slides_and_the_handout(
    educator: User, client_for: ClientFor, demo_comparison: Comparison, notes: list[Annotation]
) -> None:
    client = client_for(educator)
    present = client.get(f"/comparisons/{demo_comparison.pk}/present/").content.decode()
    slide = present.split('id="slide-2"')[1].split('id="slide-3"')[0]
    assert "Fuller's words, not the minister's." in unescape(slide)
    handout = client.get(f"/comparisons/{demo_comparison.pk}/handout/").content.decode()
    assert "Fuller's words, not the minister's." in unescape(handout)
    for html in (present, handout):
        assert "Private remark" not in html and "Still under review" not in html


def test_handout_ranks_like_the_page_and_prints_both_texts_whole(
    educator: User, client_for: ClientFor, demo_comparison: Comparison
) -> None:
    html = client_for(educator).get(f"/comparisons/{demo_comparison.pk}/handout/").content.decode()
    result = demo_comparison.engine_result
    findings = html.split('id="ho-findings-h"')[1].split("</ol>")[0]
    labels = re.findall(r'<span class="flabel">([^<]+)</span>', findings)
    assert labels == [render.FINDING_LABELS[f.type] for f in result.findings]
    rows = re.findall(r'<tr class="k-(\w+)">', html)
    assert rows == [s.step.kind for s in slides_of(demo_comparison)[: len(rows)]]
    appendix = words(html.split('id="ho-appendix-h"')[1])
    for version in (demo_comparison.source_version, demo_comparison.derivative_version):
        assert flat(version.text) in appendix
    # Changes are named in brackets, not by colour alone.
    assert 'class="ho-full"' in html and "<del>" in html.split('id="ho-appendix-h"')[1]
