"""Editorial changes the engine must name right: restatements, figures, typography, layout."""

from __future__ import annotations

from provenance.engine import Comparison, Passage, compare

from .helpers import assert_spans_valid

TAIL = (
    " The work was funded by the national research council and the results are"
    " published today in the journal of the society."
)


def kinds(c: Comparison) -> list[str]:
    return [p.kind for p in c.passages]


def at(c: Comparison, der: str, words: str) -> Passage:
    start = der.index(words)
    hits = [p for p in c.passages if p.derivative_span and p.derivative_span[0] <= start]
    return hits[-1]


def numbers(c: Comparison) -> list[tuple[str, str]]:
    return [
        (f.detail["before"], f.detail["after"]) for f in c.findings if f.type == "number_changed"
    ]


def test_restatement_with_figures_reordered_is_paraphrased_without_number_findings() -> None:
    src = "The trial followed 4,200 participants aged 60 and over for 10 years." + TAIL
    der = "For 10 years, participants aged 60 and over, 4,200 of them, were followed." + TAIL
    c = compare(src, der)
    assert at(c, der, "For 10 years").kind == "paraphrased"
    assert numbers(c) == []


def test_a_rewritten_opening_around_a_copied_phrase_stays_altered() -> None:
    src = "The minister is in Paris today to sign the agreement with the French Interior Minister."
    der = (
        "The minister, Jane Smith, this week finalised a deal with the French Interior Minister"
        " to tackle migrant crossings, securing our borders and cracking down on traffickers."
    )
    c = compare(src + TAIL, der + TAIL)
    assert at(c, der + TAIL, "The minister, Jane Smith").kind == "altered"


def test_word_edits_that_keep_long_runs_are_altered() -> None:
    src = "Researchers in the north of the country have identified a rare form of the disease."
    der = "Scientists in the north of the country have found a rare form of the disease."
    c = compare(src + TAIL, der + TAIL)
    assert at(c, der + TAIL, "Scientists").kind == "altered"


def test_figures_inside_hyphenated_words_are_compared() -> None:
    src = "Children will join a 12-month programme of weekly sessions run by the charity." + TAIL
    der = "Children will join a 18-month programme of weekly sessions run by the charity." + TAIL
    assert numbers(compare(src, der)) == [("12-month", "18-month")]
    src = "The vaccine was offered to children aged 5-11 in schools across the country." + TAIL
    der = "The vaccine was offered to children aged 5-14 in schools across the country." + TAIL
    assert numbers(compare(src, der)) == [("5-11", "5-14")]


def test_a_changed_figure_in_a_short_headline_is_found() -> None:
    body = "\n\nResearchers at the university have identified new cases of the rare disease."
    c = compare("Study finds 45 new cases" + body + TAIL, "Study finds 49 new cases" + body + TAIL)
    assert numbers(c) == [("45", "49")]


def test_quote_marks_and_dashes_make_reused_not_verbatim() -> None:
    src = 'He said "this is a big step - and a welcome one" for the region as a whole.'
    der = "He said “this is a big step – and a welcome one” for the region as a whole."
    c = compare(src, der)
    assert kinds(c) == ["reused"]
    changed = [op for op in c.passages[0].ops if op.kind != "equal"]
    assert changed and all(op.trivial for op in changed)


def test_spacing_and_line_breaks_alone_stay_verbatim() -> None:
    src = "The new agreement lays the foundations\n  for deeper co-operation on migration."
    der = "The new  agreement lays the foundations for deeper co-operation on migration."
    assert kinds(compare(src, der)) == ["verbatim"]


def test_a_heading_and_date_survive_a_blank_line_between_them() -> None:
    body = "\n\nResearchers at the university have found that people sleep less in summer." + TAIL
    src = "New study on sleep\n12 March 2024" + body
    der = "New study on sleep\n\n12 March 2024" + body
    c = compare(src, der)
    assert set(kinds(c)) == {"verbatim"}


def test_copied_end_lines_are_matched_in_context() -> None:
    body = "Researchers at the university have found that people sleep less in summer." + TAIL
    src = body + "\nENDS\n###\nContact: press office, 01234 567890"
    der = body + "\n\nENDS\n\n###\n\nContact: press office, 01234 567890"
    c = compare(src, der)
    assert set(kinds(c)) == {"verbatim"}
    assert_spans_valid(c, src, der)


def test_a_short_line_alone_does_not_make_a_match() -> None:
    src = "ENDS\n\nThe council approved the budget for road repairs on Tuesday evening."
    der = "ENDS\n\nA striker scored twice as the home side won the cup final at the weekend."
    c = compare(src, der)
    assert c.stats.derivative_share == 0.0
    assert set(kinds(c)) == {"added", "omitted"}


def test_lines_without_letters_belong_to_a_passage() -> None:
    src = "###\n\n" + "Researchers at the university have found that people sleep less." + TAIL
    der = "Researchers at the university have found that people sleep less." + TAIL + "\n\n###"
    c = compare(src, der)
    assert c.passages[0].source_span is not None and c.passages[0].source_span[0] == 0
    last = max(p.derivative_span[1] for p in c.passages if p.derivative_span)
    assert last == len(der)
