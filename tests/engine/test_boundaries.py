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


def test_a_short_line_keeps_its_twin_when_the_next_sentence_is_left_out() -> None:
    # The heading's words also end the sentence the derivative leaves out, and the
    # longest shared run ("cardiff university. a systematic review…") crosses into it.
    # The heading is copied as it stands; the left-out sentence is omitted, whole.
    src = (
        "Could apps help people manage diabetes?\nCARDIFF UNIVERSITY\n\n"
        "Phone apps could offer patients an effective way of managing their condition, "
        "concludes a study by Cardiff University.\n\n"
        "A systematic review of fourteen trials found a reduction in average blood sugar."
    )
    der = (
        "Could apps help people manage diabetes?\n\nCARDIFF UNIVERSITY\n\n"
        "A systematic review of fourteen trials found a reduction in average blood sugar."
    )
    c = compare(src, der)
    assert_spans_valid(c, src, der)
    texts = _texts(c, src, der)
    assert ("verbatim", "CARDIFF UNIVERSITY", "CARDIFF UNIVERSITY") in texts
    left_out = "Phone apps could offer patients"
    assert [k for k, s, _ in texts if s and left_out in s] == ["omitted"]


def test_a_sentence_ending_like_the_left_out_one_stays_whole() -> None:
    # Both source sentences end "by London 2012."; the derivative keeps the first and
    # drops the second. The first is copied whole, not trimmed into the second.
    src = (
        "Fitness was higher among children who said they were inspired by London 2012. "
        "This group was also more active than those who were not inspired by London 2012. "
        "But fitness fell after the Games among all the children in the study."
    )
    der = (
        "Fitness was higher among children who said they were inspired by London 2012. "
        "But fitness fell after the Games among all the children in the study."
    )
    c = compare(src, der)
    assert_spans_valid(c, src, der)
    kinds = {s: k for k, s, _ in _texts(c, src, der) if s}
    assert kinds[src[: src.index(" This group")]] == "verbatim"
    left_out = "This group was also more active than those who were not inspired by London 2012."
    assert kinds[left_out] == "omitted"
