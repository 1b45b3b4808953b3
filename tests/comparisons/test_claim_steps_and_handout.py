"""Claim findings in the step-through, on the slides and in the handout's questions."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client

from comparisons import handout, steps
from comparisons.analysis import analysis_for
from comparisons.compare import get_or_compute
from tests.claim_pair import RELEASE, STORY, fibre_comparison
from tests.comparisons import test_claim_labels as northbridge
from tests.conftest import make_document

ClientFor = Callable[[User], Client]
QUESTION = (
    "The release says “Eating more fibre is linked to a lower risk of heart disease, "
    "researchers found.”. The article says “Eating more fibre cuts your risk of heart "
    "disease.”. Is that the same claim?"
)


def _northbridge():  # type: ignore[no-untyped-def]
    release = make_document("Northbridge release", northbridge.RELEASE, kind="press_release")
    story = make_document("Northbridge story", northbridge.STORY)
    return get_or_compute(release.current_version, story.current_version)


def test_a_claim_restated_in_other_words_is_one_step_with_both_sentences(db: None) -> None:
    comparison = fibre_comparison()
    [step] = steps.story_steps(comparison.engine_result, RELEASE, STORY)
    assert step.kind == "restated" and step.label == "Claim restated"
    assert [f.type for _, f in step.findings] == ["claim_strengthened"]
    assert step.source_span == (0, len(RELEASE))
    assert step.derivative_span == (0, len(STORY))


def test_claim_steps_come_in_the_findings_panel_order(db: None) -> None:
    comparison = _northbridge()
    result = comparison.engine_result
    panel = [f.type for f in result.findings]
    story = steps.story_steps(result, northbridge.RELEASE, northbridge.STORY)
    firsts = [steps.top_finding(s).type for s in story if s.findings]  # type: ignore[union-attr]
    assert firsts == [t for t in panel if t in firsts]
    assert firsts[:2] == ["subjects_generalised", "claim_strengthened"]


def test_the_claim_slide_has_both_sentences_the_phrases_and_the_badge(db: None) -> None:
    comparison = fibre_comparison()
    [slide] = steps.slides(
        comparison.engine_result,
        analysis_for(comparison.source_version),
        analysis_for(comparison.derivative_version),
    )
    assert slide.label == "Stated more strongly"
    assert slide.about == "claim_strengthened"
    assert '<strong class="cue">linked to</strong>' in slide.source_html
    assert '<strong class="cue">cuts</strong>' in slide.derivative_html
    assert "lower risk of heart disease" in slide.source_html


def test_the_handout_asks_whether_it_is_the_same_claim(
    educator: User, client_for: ClientFor, db: None
) -> None:
    comparison = fibre_comparison()
    questions = handout.default_questions(comparison.engine_result, RELEASE, STORY)
    assert questions[0] == QUESTION
    html = client_for(educator).get(f"/comparisons/{comparison.pk}/handout/").content.decode()
    assert "Is that the same claim?" in html
    assert "Eating more fibre cuts your risk of heart disease." in html


def test_subjects_and_advice_have_their_own_questions(db: None) -> None:
    comparison = _northbridge()
    questions = handout.default_questions(
        comparison.engine_result, northbridge.RELEASE, northbridge.STORY
    )
    [subjects] = [q for q in questions if q.endswith("Were the same subjects studied?")]
    assert "improved memory in mice" in subjects and "memory in older people" in subjects
    [stronger] = [q for q in questions if q.endswith("Is that the same claim?")]
    assert "is linked to a lower risk of bowel cancer" in stronger
    assert "cuts the risk" in stronger
    advice = handout.claim_question(
        next(f for f in comparison.engine_result.findings if f.type == "advice_added"),
        northbridge.RELEASE,
        northbridge.STORY,
    )
    assert advice.endswith("Does the study support that advice?")
    assert "you should eat more" in advice


def test_a_long_sentence_is_quoted_around_its_phrase_within_the_question_limit(
    db: None,
) -> None:
    lead = "In a twelve-year study of forty thousand adults across the north of the country, "
    release = lead + RELEASE
    story = lead + STORY
    source = make_document("Long release", release, kind="press_release")
    derivative = make_document("Long story", story)
    comparison = get_or_compute(source.current_version, derivative.current_version)
    [claim] = [f for f in comparison.engine_result.findings if f.type == "claim_strengthened"]
    question = handout.claim_question(claim, release, story)
    assert len(question) <= handout.QUESTION_MAX
    assert "linked to" in question and "cuts" in question
    assert "…" in question
