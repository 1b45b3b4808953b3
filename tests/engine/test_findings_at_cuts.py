"""Findings are read on whole sentences: an edit where a copied run is cut is still reported."""

from __future__ import annotations

from provenance.engine import compare

from .helpers import assert_spans_valid

# Sentences around the edited one are not copied, so the copy is cut at its edge.
BEFORE_S = "The university opened a new laboratory on Monday morning. "
AFTER_S = " The laboratory cost the council a great deal of money to build."
BEFORE_D = "Parents gathered outside the gates for the opening ceremony. "
AFTER_D = " Nobody expected the weather to hold for the whole afternoon."
COPIED = "students from the school won prizes at the national science fair held in Birmingham"


def _pair(source_sentence: str, derivative_sentence: str) -> tuple[str, str]:
    return BEFORE_S + source_sentence + AFTER_S, BEFORE_D + derivative_sentence + AFTER_D


def _types(source: str, derivative: str) -> list[str]:
    c = compare(source, derivative)
    assert_spans_valid(c, source, derivative)
    return [f.type for f in c.findings]


def test_a_figure_changed_among_rewritten_opening_words_is_reported() -> None:
    src, der = _pair(f"In 2023, 45 {COPIED}.", f"Last year some 60 {COPIED}.")
    c = compare(src, der)
    # The copy is still cut at the copied words ...
    copied = [p for p in c.passages if p.kind == "verbatim"]
    assert [der[p.derivative_span[0] : p.derivative_span[1]] for p in copied] == [f"{COPIED}."]
    # ... and the figure the rewrite changed is a finding, placed on both figures.
    (f,) = [f for f in c.findings if f.type == "number_changed"]
    assert f.source_span and src[f.source_span[0] : f.source_span[1]] == "45"
    assert f.derivative_span and der[f.derivative_span[0] : f.derivative_span[1]] == "60"


def test_a_figure_changed_at_the_tail_cut_is_reported() -> None:
    tail = "Students from the school won prizes at the national science fair, with a total of"
    src, der = _pair(f"{tail} 45 entries this year.", f"{tail} 80 in all, officials say.")
    assert "number_changed" in _types(src, der)


def test_a_name_removed_at_the_cut_is_reported() -> None:
    body = "Students from the school won prizes at the national science fair held in Birmingham,"
    src, der = _pair(f"{body} said Professor Jane Smith.", f"{body} the mayor told reporters.")
    c = compare(src, der)
    (f,) = [f for f in c.findings if f.type == "name_removed"]
    assert f.source_span and src[f.source_span[0] : f.source_span[1]] == "Jane Smith"


def test_a_name_swapped_in_the_rewritten_opening_is_reported() -> None:
    src, der = _pair(
        f"Professor Jane Smith said {COPIED}.", f"According to Dr Tom Brown, {COPIED}."
    )
    types = _types(src, der)
    assert "name_removed" in types and "name_added" in types


def test_a_quotation_whose_first_word_is_rewritten_at_the_cut_is_altered() -> None:
    quote = "worked incredibly hard all year to reach the national final in Birmingham"
    src, der = _pair(
        f"Head teacher Mary Jones said: “Our students {quote}.”",
        f"Speaking afterwards, she added: “Many students {quote}.”",
    )
    assert "quote_altered" in _types(src, der)


def test_host_words_far_from_the_copy_are_not_compared() -> None:
    """A long stretch of the host's own words before the copy is not a rewrite of the
    source sentence's opening: its figures are not the source's figures changed."""
    src, der = _pair(
        f"In 2023, 45 {COPIED}.",
        f"The town's river burst its banks in 1998 and again when 300 homes flooded, so {COPIED}.",
    )
    assert "number_changed" not in _types(src, der)


def test_a_copy_ending_in_a_few_words_of_a_short_line_stops_at_them() -> None:
    """The copy's last words ("The BMJ") go on a run from the line before; the host's own
    words after them are not part of the passage (no `altered` running past the copy)."""
    src = (
        "Alcohol taxes should rise in both markets, the authors say, to curb harmful "
        "drinking among young adults.\n\n29 September 2016\n\nThe BMJ Press Release\n\n"
        "Doctors warn that heavy drinking harms the liver over many years."
    )
    copied = (
        "Alcohol taxes should rise in both markets, the authors say, to curb harmful "
        "drinking among young adults.\n\n29 September 2016\n\nThe BMJ"
    )
    der = (
        "Residents of the village gathered at the theatre for the autumn exhibition. "
        + copied
        + " lens will dilute and wash away the molecules that the cells use to signal."
    )
    c = compare(src, der)
    assert_spans_valid(c, src, der)
    end = der.index(copied) + len(copied)
    wording = [p for p in c.passages if p.kind in ("verbatim", "reused", "altered", "trimmed")]
    assert wording and all(p.derivative_span and p.derivative_span[1] <= end for p in wording)
