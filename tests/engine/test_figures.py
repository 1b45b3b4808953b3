"""Figures in any form: the same amount written differently is a trivial edit, not a change."""

from __future__ import annotations

import logging

import pytest

from provenance.engine import Comparison, compare
from provenance.engine.figures import read_figures, same_wording
from provenance.engine.tokens import tokenize

from .helpers import assert_spans_valid

OPENING = "The council said on Tuesday that the new scheme for the region would provide"
CLOSING = (
    " over the next three years, with most of it going to schools and health services in the"
    " poorest towns, and that the first payments would be made before the end of the spring."
)

SAME = [
    ("£7m", "£7 million"),
    ("£7m", "£7,000,000"),
    ("£7m", "seven million pounds"),
    ("£7 million", "seven million pounds"),
    ("1.2bn", "1,200 million"),
    ("40 per cent", "40%"),
    ("40%", "forty per cent"),
    ("0.5g", "500mg"),
    ("2 km", "2,000 metres"),
    ("250,000", "two hundred and fifty thousand"),
    ("45", "forty-five"),
]
CHANGED = [
    ("2236", "2,336"),
    ("£7m", "£8 million"),
    ("£7m", "£7bn"),
    ("0.5g", "600mg"),
    ("0.5g", "0.5kg"),
    ("2 km", "2,500 metres"),
    ("40 per cent", "forty-five per cent"),
]


def pair(before: str, after: str) -> tuple[str, str]:
    return f"{OPENING} {before}{CLOSING}", f"{OPENING} {after}{CLOSING}"


def numbers(c: Comparison) -> list[tuple[str, str]]:
    return [
        (f.detail["before"], f.detail["after"]) for f in c.findings if f.type == "number_changed"
    ]


@pytest.mark.parametrize(("before", "after"), SAME)
def test_the_same_figure_in_another_form_is_a_trivial_edit(before: str, after: str) -> None:
    src, der = pair(before, after)
    c = compare(src, der)
    assert_spans_valid(c, src, der)
    assert [p.kind for p in c.passages] == ["reused"]
    assert numbers(c) == []


@pytest.mark.parametrize(("before", "after"), CHANGED)
def test_a_changed_figure_is_flagged_whatever_its_form(before: str, after: str) -> None:
    src, der = pair(before, after)
    c = compare(src, der)
    assert [p.kind for p in c.passages] == ["altered"]
    assert numbers(c) == [(before, after)]


def test_a_sentence_with_one_figure_changed_and_one_restyled_names_only_the_change() -> None:
    src, der = pair("0.5g of salt a day, says a study of 2236 adults,", "")
    der = f"{OPENING} 500mg of salt a day, says a study of 2,336 adults,{CLOSING}"
    c = compare(src, der)
    assert numbers(c) == [("2236", "2,336")]


@pytest.mark.parametrize(
    ("text", "value"),
    [("£7m", 7e6), ("seven million pounds", 7e6), ("1.2bn", 1.2e9), ("sixty-two", 62.0)],
)
def test_figures_read_their_amount(text: str, value: float) -> None:
    tokens = tokenize(text)
    (fig,) = read_figures(text, tokens, 0, len(tokens))
    assert fig.number == value
    assert (fig.lo, fig.hi) == (0, len(tokens))


def test_a_unit_word_that_is_not_a_measure_does_not_make_figures_equal() -> None:
    a, b = "5 points", "5,000 points"
    ta, tb = tokenize(a), tokenize(b)
    assert not same_wording(a, ta, 0, len(ta), b, tb, 0, len(tb))


def test_a_unit_word_with_two_readings_is_read_quietly(caplog: pytest.LogCaptureFixture) -> None:
    # "mins" is minutes or milli-inches to pint; the first is meant, and reading it
    # must not write a warning to the log for every article that has one.
    from provenance.engine import figures

    figures.unit_factor.cache_clear()
    figures._registry.cache_clear()
    with caplog.at_level(logging.WARNING):
        assert figures.unit_factor("mins") == ("[time]", 60.0)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
