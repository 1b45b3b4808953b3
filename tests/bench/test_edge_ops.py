"""The edge operations' truth: the edit sits exactly where the copied words stop."""

from __future__ import annotations

import random

import pytest

from bench.edge_ops import EDGE_FINDINGS, EDGE_OPS, edge_edit

from .sample_text import FILLER, SOURCE


@pytest.mark.parametrize("what", EDGE_OPS)
def test_the_item_changed_is_next_to_the_copied_words(what: str) -> None:
    made = 0
    for seed in range(20):
        d = edge_edit(SOURCE, random.Random(seed), FILLER, what)
        if d is None:
            continue
        made += 1
        copy = d.segments[0]
        assert copy.source_span and copy.derivative_span
        (s0, s1), (d0, d1) = copy.source_span, copy.derivative_span
        assert d.derivative[d0:d1] == SOURCE[s0:s1]  # copied word for word
        (f,) = d.findings
        assert f.types == EDGE_FINDINGS[what]
        assert f.source_span and f.derivative_span
        before, after = SOURCE[slice(*f.source_span)], d.derivative[slice(*f.derivative_span)]
        assert before != after  # the item itself is changed
        # The item touches the copy: only a space or quotation mark between them.
        gap = (
            d.derivative[f.derivative_span[1] : d0]
            if f.derivative_span[1] <= d0
            else d.derivative[d1 : f.derivative_span[0]]
        )
        assert gap.strip(' “”"') == "", repr(gap)
        assert edge_edit(SOURCE, random.Random(seed), FILLER, what) == d
    assert made >= 10


def test_an_unknown_edge_operation_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown edge operation"):
        edge_edit(SOURCE, random.Random(0), FILLER, "edge_colour")
