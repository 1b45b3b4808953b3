"""The anchoring rules on plain strings: exact first, then bounded fuzzy, else nothing."""

from __future__ import annotations

import pytest

from annotations.anchoring import BITAP_LIMIT, PositionMap, place, quote_for, similarity

TEXT = (
    "Numbers of officers in northern France will increase by 40% over the coming months "
    "as a result of UK funding to step up action to reduce illegal small boat crossings."
)


def test_quote_keeps_exact_words_and_context() -> None:
    start = TEXT.index("40%")
    quote = quote_for(TEXT, start, start + 3)
    assert quote.exact == "40%"
    assert quote.prefix.endswith("will increase by ")
    assert quote.suffix.startswith(" over the coming")


def test_quote_refuses_a_span_outside_the_text() -> None:
    with pytest.raises(ValueError, match="not inside"):
        quote_for(TEXT, 10, len(TEXT) + 1)
    with pytest.raises(ValueError):
        quote_for(TEXT, 5, 5)


def test_exact_match_survives_edits_around_it() -> None:
    quote = quote_for(TEXT, TEXT.index("northern France"), TEXT.index("northern France") + 15)
    new = "Breaking: " + TEXT.replace("coming months", "next few months")
    placed = place(quote, new, PositionMap(TEXT, new))
    assert placed is not None and placed.method == "exact"
    assert new[placed.quote.start : placed.quote.end] == "northern France"


def test_exact_match_prefers_the_occurrence_with_the_same_context() -> None:
    text = "the UK and France. Later, the UK and Belgium."
    start = text.index("the UK", 10)
    quote = quote_for(text, start, start + 6)
    new = "Earlier: the UK and Spain. " + text
    placed = place(quote, new, PositionMap(text, new))
    assert placed is not None
    assert new[placed.quote.end :].startswith(" and Belgium")


def test_fuzzy_match_places_a_lightly_edited_long_quote() -> None:
    start = TEXT.index("as a result")
    quote = quote_for(TEXT, start, len(TEXT) - 1)
    assert len(quote.exact) > BITAP_LIMIT
    new = TEXT.replace("step up action", "step up the action")
    placed = place(quote, new, PositionMap(TEXT, new))
    assert placed is not None and placed.method == "fuzzy"
    assert placed.quote.exact.startswith("as a result")
    assert placed.quote.exact.endswith("boat crossings")
    assert placed.similarity >= 0.9


def test_a_deleted_quote_is_not_placed() -> None:
    start = TEXT.index("as a result")
    quote = quote_for(TEXT, start, len(TEXT) - 1)
    new = TEXT[:start] + "thanks to a new deal."
    assert place(quote, new, PositionMap(TEXT, new)) is None


def test_a_heavily_rewritten_quote_is_not_placed() -> None:
    quote = quote_for(TEXT, 0, TEXT.index(" over"))
    new = "Officer numbers in the north of France are to rise by two fifths soon."
    assert place(quote, new, PositionMap(TEXT, new)) is None


def test_similarity_is_one_for_equal_strings_and_falls_with_edits() -> None:
    assert similarity("abc", "abc") == 1.0
    assert similarity("Albanian nationals", "Albanians") < 0.7
