"""Claim findings in compare(): stated more strongly, about people, advice added."""

from __future__ import annotations

import pytest

from provenance.engine import Comparison, Finding, compare
from tests.engine.seeds import seed

CLAIM_TYPES = {"claim_strengthened", "claim_weakened", "subjects_generalised", "advice_added"}

# A release and its story share the paragraphs around the claim, as a story that
# reuses a release does; only the claim sentence differs between the two.
BEFORE = (
    "Researchers at the University of Northbridge followed 40,000 adults for twelve years, "
    "recording what they ate and how their health changed over that time.\n\n"
)
AFTER = (
    "\n\nThe study was funded by the National Health Research Council and published in the "
    "Journal of Public Nutrition on Tuesday.\n\n"
    "Professor Ada Lindqvist, who led the work, said the team now plans a larger study "
    "across three countries to check the results."
)


def pair(release_claim: str, story_claim: str) -> Comparison:
    return compare(BEFORE + release_claim + AFTER, BEFORE + story_claim + AFTER)


def claim_findings(result: Comparison) -> list[Finding]:
    return [f for f in result.findings if f.type in CLAIM_TYPES]


def only(result: Comparison, kind: str) -> Finding:
    found = claim_findings(result)
    assert [f.type for f in found] == [kind], found
    return found[0]


def test_link_told_as_cause_is_a_strong_finding() -> None:
    release = "Eating more fibre is linked to a lower risk of bowel cancer, the team found."
    story = "Eating more fibre cuts the risk of bowel cancer, the team found."
    result = pair(release, story)
    f = only(result, "claim_strengthened")
    assert f.severity == "high"
    assert f.reason == "The release says “linked to”; the article says “cuts”."
    text_s = BEFORE + release + AFTER
    text_d = BEFORE + story + AFTER
    assert f.source_span is not None and f.derivative_span is not None
    assert text_s[f.source_span[0] : f.source_span[1]] == release
    assert text_d[f.derivative_span[0] : f.derivative_span[1]] == story
    assert f.detail["source_level"] == "correlational"
    assert f.detail["derivative_level"] == "causal"


def test_a_hedged_cause_told_as_a_cause_is_strong() -> None:
    release = "Drinking green tea may lower blood pressure in older adults, the study suggests."
    story = "Drinking green tea lowers blood pressure in older adults, the study shows."
    f = only(pair(release, story), "claim_strengthened")
    assert f.severity == "high"
    assert "“lowers”" in f.reason


def test_a_link_told_as_a_possible_cause_is_medium() -> None:
    release = "Walking to work was associated with lower stress among office staff."
    story = "Walking to work could reduce stress among office staff."
    f = only(pair(release, story), "claim_strengthened")
    assert f.severity == "medium"


def test_a_claim_ranks_with_the_other_findings() -> None:
    release = "Eating more fibre is linked to a lower risk of bowel cancer, the team found."
    story = "Eating more fibre cuts the risk of bowel cancer, the team found."
    result = compare(
        BEFORE + release + AFTER,
        BEFORE + story + AFTER.replace("three countries", "five countries"),
    )
    kinds = [f.type for f in result.findings]
    assert kinds.index("claim_strengthened") < kinds.index("number_changed")


@pytest.mark.parametrize(
    ("release", "story"),
    [
        (
            "Eating more fibre is associated with a lower risk of bowel cancer.",
            "Eating more fibre is linked to a lower risk of bowel cancer.",
        ),
        (
            "Eating nuts every day may reduce the risk of heart disease.",
            "Eating nuts every day could lower the risk of heart disease.",
        ),
        (
            "Skipping breakfast raises the risk of diabetes in teenagers.",
            "Skipping breakfast increases the risk of diabetes in teenagers.",
        ),
    ],
)
def test_rewording_at_the_same_strength_is_no_finding(release: str, story: str) -> None:
    assert claim_findings(pair(release, story)) == []


def test_a_cause_the_release_states_elsewhere_is_no_finding() -> None:
    release = "Eating more fibre is linked to a lower risk of bowel cancer."
    story = "Eating more fibre cuts the risk of bowel cancer."
    elsewhere = "\n\nThe authors conclude that fibre cuts the risk of bowel cancer."
    result = compare(BEFORE + release + AFTER + elsewhere, BEFORE + story + AFTER)
    assert claim_findings(result) == []


def test_a_negated_claim_in_the_story_is_not_stronger() -> None:
    release = "Drinking coffee is linked to a higher risk of heart disease."
    story = "Drinking coffee does not cause heart disease, the team found."
    assert [f.type for f in claim_findings(pair(release, story))] == []


def test_a_question_headline_is_not_stronger() -> None:
    release = "Drinking coffee is linked to a higher risk of heart disease."
    story = "Does drinking coffee cause heart disease?"
    assert claim_findings(pair(release, story)) == []


def test_a_cause_told_as_a_possibility_is_weakened_and_low() -> None:
    release = "Regular swimming improves lung function in children with asthma."
    story = "Regular swimming may improve lung function in children with asthma."
    f = only(pair(release, story), "claim_weakened")
    assert f.severity == "low"


def test_a_mouse_study_told_about_people() -> None:
    release = "A diet rich in blueberries improved memory in mice, the researchers report."
    story = "A diet rich in blueberries improves memory in older people, the researchers report."
    f = only(pair(release, story), "subjects_generalised")
    assert f.severity == "high"
    assert "mice" in f.reason and "people" in f.reason


def test_cells_in_a_dish_told_about_patients() -> None:
    release = "The new compound killed breast cancer cells in vitro, the team reported."
    story = "The new compound kills breast cancer in patients, the team reported."
    found = {f.type for f in claim_findings(pair(release, story))}
    assert "subjects_generalised" in found


def test_a_mouse_study_still_about_mice_is_no_finding() -> None:
    release = "A diet rich in blueberries improved memory in mice, the researchers report."
    story = "A diet rich in blueberries improved memory in lab mice, the researchers report."
    assert claim_findings(pair(release, story)) == []


def test_advice_added() -> None:
    release = "Eating more fibre is linked to a lower risk of bowel cancer."
    story = "Eating more fibre is linked to a lower risk of bowel cancer, so you should eat more."
    f = only(pair(release, story), "advice_added")
    assert f.severity == "medium"
    assert "you should" in f.reason
    # The source side shows the release's claim the advice rests on.
    assert f.source_span is not None
    assert (BEFORE + release + AFTER)[f.source_span[0] : f.source_span[1]] == release


def test_advice_the_release_gives_too_is_no_finding() -> None:
    release = "Eating more fibre is linked to a lower risk of bowel cancer. Adults should eat more."
    story = "Eating more fibre is linked to a lower risk of bowel cancer, so you should eat more."
    assert claim_findings(pair(release, story)) == []


def test_single_sentences_are_each_others_main_claims() -> None:
    result = compare(
        "Eating more fibre is linked to a lower risk of bowel cancer.",
        "Fibre slashes your risk of bowel cancer.",
    )
    f = only(result, "claim_strengthened")
    assert "“slashes”" in f.reason and "“linked to”" in f.reason


def test_single_sentences_on_different_subjects_are_not_compared() -> None:
    result = compare(
        "Eating more fibre is linked to a lower risk of bowel cancer.",
        "Loud music damages the hearing of teenagers.",
    )
    assert claim_findings(result) == []


RELEASE = (
    "Fibre linked to lower bowel cancer risk\n\n"
    "People who eat plenty of wholegrains and vegetables have a lower risk of bowel cancer, "
    "according to a large study from the University of Northbridge published today.\n\n"
    "The researchers followed 40,000 adults in five regions for twelve years and recorded "
    "what they ate using detailed food diaries collected every spring.\n\n"
    "Those in the top fifth for fibre intake were 20% less likely to be diagnosed than those "
    "in the bottom fifth, after allowing for smoking, weight and exercise.\n\n"
    "Professor Ada Lindqvist, who led the work, said: “This is an observational study, so we "
    "cannot say for certain what is behind the difference.”"
)
STORY = (
    "Wholegrain diet slashes bowel cancer risk\n\n"
    "Loading your plate with wholegrains and vegetables protects against one of the most "
    "common cancers in Britain, scientists have found.\n\n"
    "A team in Northbridge tracked tens of thousands of volunteers over more than a decade, "
    "noting their meals in food diaries.\n\n"
    "Those eating the most fibre were a fifth less likely to develop the disease."
)


def test_a_story_in_its_own_words_is_compared_by_its_main_claim() -> None:
    result = compare(RELEASE, STORY)
    assert not [p for p in result.passages if p.kind in ("verbatim", "reused", "altered")]
    f = only(result, "claim_strengthened")
    assert f.derivative_span is not None and f.source_span is not None
    assert STORY[f.derivative_span[0] : f.derivative_span[1]].startswith("Wholegrain diet slashes")
    assert RELEASE[f.source_span[0] : f.source_span[1]].startswith("Fibre linked")
    assert f.reason == "The release says “linked to”; the article says “slashes”."


def test_a_story_that_keeps_the_release_strength_is_no_finding() -> None:
    story = STORY.replace("Wholegrain diet slashes", "Wholegrain diet linked to lower").replace(
        "protects against", "is associated with fewer cases of"
    )
    assert claim_findings(compare(RELEASE, story)) == []


@pytest.mark.parametrize(
    ("source", "derivative"),
    [("001", "000"), ("001", "002"), ("001", "003"), ("001", "004"), ("003", "000")],
)
def test_the_seed_comparisons_have_no_claim_findings(source: str, derivative: str) -> None:
    # The seeds are about a policy deal, not a study: nothing in them is a finding
    # stated more strongly, about people instead of animals, or advice to readers.
    assert claim_findings(compare(seed(source), seed(derivative))) == []


def test_claim_findings_survive_the_json_round_trip() -> None:
    result = pair(
        "Eating more fibre is linked to a lower risk of bowel cancer, the team found.",
        "Eating more fibre cuts the risk of bowel cancer, the team found.",
    )
    again = Comparison.from_dict(result.to_dict())
    assert again.findings == result.findings


def test_compare_can_leave_claims_out() -> None:
    result = compare(
        "Eating more fibre is linked to a lower risk of bowel cancer.",
        "Fibre slashes your risk of bowel cancer.",
        claims=False,
    )
    assert claim_findings(result) == []


def test_advice_points_at_the_release_sentence_it_restates() -> None:
    first = "A diet rich in blueberries improved memory in mice, the researchers report."
    release = "Eating more fibre is linked to a lower risk of bowel cancer."
    story = "Eating more fibre is linked to a lower risk of bowel cancer, so you should eat more."
    text_s = BEFORE + first + "\n\n" + release + AFTER
    result = compare(text_s, BEFORE + first + "\n\n" + story + AFTER)
    f = only(result, "advice_added")
    assert f.source_span is not None
    assert text_s[f.source_span[0] : f.source_span[1]] == release
