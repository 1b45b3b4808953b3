"""Reading a claim's strength, whom it is about, and advice to readers."""

from __future__ import annotations

import pytest

from provenance.engine import ClaimLevel, claim_features, claim_strength


def level(text: str) -> ClaimLevel:
    return claim_strength(text).level


def test_levels_are_ordered_and_named_in_lowercase() -> None:
    assert ClaimLevel.NONE < ClaimLevel.CORRELATIONAL < ClaimLevel.CONDITIONAL
    assert ClaimLevel.CONDITIONAL < ClaimLevel.CAUSAL
    assert max(ClaimLevel) is ClaimLevel.CAUSAL
    assert [x.value for x in ClaimLevel] == ["none", "correlational", "conditional", "causal"]


@pytest.mark.parametrize(
    "text",
    [
        "Eating more fibre is linked to a lower risk of bowel cancer.",
        "Drinking fizzy drinks was associated with tooth decay in teenagers.",
        "Night-shift nurses were more likely to develop diabetes than day staff.",
        "Heavy drinkers had a higher risk of liver disease over ten years.",
    ],
)
def test_correlational_wording(text: str) -> None:
    assert level(text) is ClaimLevel.CORRELATIONAL


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("A daily walk slashes your risk of heart disease.", "slashes"),
        ("Green tea boosts memory in older drivers.", "boosts"),
        ("Skipping breakfast leads to weight gain in office workers.", "leads to"),
        ("Late nights are to blame for poor exam results.", "are to blame for"),
        ("Fibre cuts the risk of bowel cancer.", "cuts"),
    ],
)
def test_causal_verbs_in_news_forms(text: str, words: str) -> None:
    reading = claim_strength(text)
    assert reading.level is ClaimLevel.CAUSAL
    assert reading.words(text) == words


@pytest.mark.parametrize(
    "text",
    [
        "Coffee does not cause cancer, the team found.",
        "Mobile phones don't raise the risk of brain tumours.",
        "The supplement did not reduce blood pressure in the trial.",
        "The scientists found no association between salt and headaches.",
    ],
)
def test_negated_claims_state_no_relationship(text: str) -> None:
    reading = claim_strength(text)
    assert reading.level is ClaimLevel.NONE
    assert reading.negated


def test_negation_keeps_the_level_of_the_words() -> None:
    reading = claim_strength("Vitamin pills do not cut the risk of colds.")
    assert reading.level is ClaimLevel.NONE
    assert reading.wording > ClaimLevel.NONE


@pytest.mark.parametrize(
    "text",
    [
        "Does chocolate cause acne?",
        "Could a glass of red wine a day cut your risk of dementia?",
        "Is sitting down killing you?",
    ],
)
def test_questions_state_no_relationship(text: str) -> None:
    reading = claim_strength(text)
    assert reading.level is ClaimLevel.NONE
    assert reading.question


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("Eating nuts may reduce the risk of heart disease.", "may"),
        ("Walking to school could lower stress in children.", "could"),
        ("The results suggest that fasting improves sleep.", "suggest"),
        ("Vitamin D appears to protect against flu.", "appears to"),
        ("Gardening might help to ease back pain.", "might"),
    ],
)
def test_hedges_make_a_cause_conditional(text: str, hedge: str) -> None:
    reading = claim_strength(text)
    assert reading.level is ClaimLevel.CONDITIONAL
    assert reading.words(text).startswith(hedge)


def test_can_makes_a_cause_conditional() -> None:
    text = "Regular exercise can lower blood pressure."
    reading = claim_strength(text)
    assert reading.level is ClaimLevel.CONDITIONAL
    assert reading.words(text) == "can … lower"


def test_a_hedged_link_stays_correlational() -> None:
    assert level("Poor sleep may be linked to weight gain.") is ClaimLevel.CORRELATIONAL


@pytest.mark.parametrize(
    "text",
    [
        "Researchers say red meat causes bowel cancer.",
        "Scientists have found that fizzy drinks cause tooth decay.",
        "Sugar raises the risk of diabetes, experts said.",
    ],
)
def test_reported_speech_keeps_the_claim_causal(text: str) -> None:
    assert level(text) is ClaimLevel.CAUSAL


def test_no_relationship_stated() -> None:
    for text in ("The study followed 2,000 adults for ten years.", "Budget cuts to the NHS"):
        assert level(text) is ClaimLevel.NONE


def test_nouns_and_adjectives_are_not_causal_verbs() -> None:
    assert level("Evidence of brain damage found in former footballers") < ClaimLevel.CAUSAL
    assert level("Patients with reduced kidney function were studied.") < ClaimLevel.CAUSAL


def test_spans_index_the_text() -> None:
    text = "Scientists say oily fish may help protect the brain."
    reading = claim_strength(text)
    assert [text[a:b] for a, b in reading.spans] == ["may", "help"]


def test_spans_index_text_whose_lower_case_is_longer() -> None:
    text = "İstanbul study: olive oil cuts heart attacks."
    reading = claim_strength(text)
    assert [text[a:b] for a, b in reading.spans] == ["cuts"]


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("A high-fat diet shortened the lives of mice.", {"animals"}),
        ("The drug helped rats live longer.", {"animals"}),
        ("The compound killed cancer cells in vitro.", {"cells"}),
        ("Women who ate more fibre had a lower risk of heart disease.", {"people"}),
        ("The drug protected the hearts of mice and of patients.", {"animals", "people"}),
        ("The weather was mild all year.", set()),
    ],
)
def test_whom_a_finding_is_about(text: str, subjects: set[str]) -> None:
    assert claim_strength(text).subjects == subjects


@pytest.mark.parametrize(
    "text",
    [
        "You should eat more fibre.",
        "Eat more fibre and avoid processed meat.",
        "Doctors recommend two portions of fish a week.",
        "Avoid sugary drinks before bed.",
        "Parents should limit screen time.",
    ],
)
def test_advice_to_readers(text: str) -> None:
    assert claim_strength(text).advice


@pytest.mark.parametrize(
    "text",
    [
        "Eating more fibre is linked to a lower risk of bowel cancer.",
        "Exercise can lower blood pressure.",
        "Cancer checks should take place within two weeks.",
        "Researchers suggest the results could help future treatments.",
    ],
)
def test_statements_are_not_advice(text: str) -> None:
    assert claim_strength(text).advice == ()


def test_not_text_is_refused() -> None:
    with pytest.raises(ValueError, match="reads text"):
        claim_strength(b"bytes")  # type: ignore[arg-type]


def test_a_modal_governs_a_verb_joined_by_and() -> None:
    text = "Drinking too much could raise stress and lead to high blood pressure."
    assert claim_strength(text).level is ClaimLevel.CONDITIONAL


def test_an_adverb_hedges_only_the_words_just_after_it() -> None:
    text = "After allowing for potentially important factors, the drug reduced deaths by 10%."
    assert claim_strength(text).level is ClaimLevel.CAUSAL


def test_a_question_about_advice_is_not_advice() -> None:
    assert claim_strength("How much exercise do you need to stay healthy?").advice == ()
    assert claim_strength("The debate about what foods parents should give babies.").advice == ()


def test_an_open_question_states_no_relationship() -> None:
    text = "Further research is needed on how the diet of mothers may affect cancer risk."
    assert claim_strength(text).level is ClaimLevel.NONE


def test_figures_of_speech_are_not_causal() -> None:
    for text in (
        "These findings may raise concerns about bias.",
        "The case fuels fears of a new wave.",
    ):
        assert claim_strength(text).rules < ClaimLevel.CONDITIONAL, text


@pytest.mark.parametrize(
    "text",
    [
        "The study does not prove that long commutes and poor sleep caused the heart trouble.",
        "An observational study like this cannot show that eating late causes weight gain.",
        "The authors stress that the survey doesn't prove that screen time harms teenagers.",
    ],
)
def test_a_cause_the_study_could_not_show_states_none(text: str) -> None:
    # The negation stands many words before the verb it governs, beyond the window
    # a plain "not" covers.
    reading = claim_strength(text)
    assert reading.level is ClaimLevel.NONE
    assert reading.negated


def test_a_cause_the_study_shows_stays_causal() -> None:
    text = "Long commutes caused the heart trouble, the study shows."
    assert claim_strength(text).level is ClaimLevel.CAUSAL


def test_features_say_where_a_cue_stands() -> None:
    # A cue in the part a sentence concludes is the finding; one in a purpose clause
    # only frames the question; a modal just before a cue hedges it.
    concluded = claim_features("Our results suggest that walking reduces back pain.")
    assert "s:concl" in concluded
    assert "s:cause@concl" in concluded
    asked = claim_features("We set out to examine whether walking reduces back pain.")
    assert "s:cause+purpose" in asked
    assert "s:cause@concl" not in asked
    hedged = claim_features("Walking may reduce back pain in older adults.")
    assert "s:cause+modal=may" in hedged
    assert not any(f.startswith("s:cause+modal") for f in concluded)
