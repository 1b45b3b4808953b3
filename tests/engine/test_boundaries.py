"""Copied spans that start or end inside a sentence are one passage, cut at the copied words."""

from __future__ import annotations

from provenance.engine import Comparison, compare

from .helpers import assert_spans_valid

SOURCE = (
    "The council approved a new budget for the coming year on Tuesday evening. "
    "Officials said the plan would fund three new libraries across the northern districts. "
    "The mayor welcomed the decision and thanked residents for their patience during the "
    "long consultation period. "
    "Work on the first building is expected to begin next spring, subject to planning."
)


def _texts(c: Comparison, src: str, der: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (
            p.kind,
            src[p.source_span[0] : p.source_span[1]] if p.source_span else None,
            der[p.derivative_span[0] : p.derivative_span[1]] if p.derivative_span else None,
        )
        for p in c.passages
    ]


def _reuse(c: Comparison) -> list[str]:
    return [p.kind for p in c.passages if p.kind not in ("added", "omitted")]


def test_a_sentence_tail_followed_by_host_words_is_one_passage() -> None:
    # The copy starts with the last four words of a source sentence; the host's own
    # words come before it, and it runs on into the next source sentence.
    copied = (
        "across the northern districts. The mayor welcomed the decision and thanked "
        "residents for their patience during the long consultation period."
    )
    der = (
        "Supporters gathered outside the stadium before kick-off, singing songs "
        + copied
        + " Tickets for the next match go on sale on Friday."
    )
    c = compare(SOURCE, der)
    assert_spans_valid(c, SOURCE, der)
    assert _reuse(c) == ["verbatim"], _texts(c, SOURCE, der)
    (p,) = [p for p in c.passages if p.kind == "verbatim"]
    assert p.derivative_span is not None and p.source_span is not None
    assert der[p.derivative_span[0] : p.derivative_span[1]] == copied
    assert SOURCE[p.source_span[0] : p.source_span[1]] == copied
    # The source sentence's head is left out, the host's words are added: no paraphrase.
    assert "paraphrased" not in {p.kind for p in c.passages}


def test_a_span_cut_mid_sentence_at_both_ends_is_one_passage() -> None:
    copied = (
        "the plan would fund three new libraries across the northern districts. "
        "The mayor welcomed the decision and thanked residents"
    )
    der = (
        "The club's manager praised the squad, saying "
        + copied
        + " while supporters sang in the rain. Tickets go on sale on Friday."
    )
    c = compare(SOURCE, der)
    assert_spans_valid(c, SOURCE, der)
    assert _reuse(c) == ["verbatim"], _texts(c, SOURCE, der)
    (p,) = [p for p in c.passages if p.kind == "verbatim"]
    assert p.derivative_span is not None and p.source_span is not None
    assert der[p.derivative_span[0] : p.derivative_span[1]] == copied
    assert SOURCE[p.source_span[0] : p.source_span[1]] == copied
    kinds = {(k, s, d) for k, s, d in _texts(c, SOURCE, der) if k in ("omitted", "added")}
    assert ("omitted", "Officials said", None) in kinds
    assert ("added", None, "The club's manager praised the squad, saying") in kinds
