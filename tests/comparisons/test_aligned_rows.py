"""Side by side in aligned rows: matched passages level, every character kept, ids unique."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from html import unescape

import pytest

from comparisons import render
from provenance.engine import compare
from tests.engine.seeds import seed


def text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


@pytest.mark.parametrize(
    ("pair", "level"), [(("001", "000"), 5), (("001", "002"), 2), (("000", "002"), 2)]
)
def test_rows_keep_every_character_and_put_matched_passages_level(
    pair: tuple[str, str], level: int
) -> None:
    source, derivative = seed(pair[0]), seed(pair[1])
    result = compare(source, derivative)
    rows = render.aligned_rows(source, derivative, result)
    # Each column, read row after row, is its text exactly (annotations map offsets on it).
    assert text_of("".join(r.source for r in rows)) == source
    assert text_of("".join(r.derivative for r in rows)) == derivative
    # A matched row holds the same passage on both sides, so the two stand level.
    matched = [r for r in rows if r.matched]
    assert len(matched) >= level
    for row in matched:
        ps = re.findall(r'data-p="(\d+)"', row.source)
        pd = re.findall(r'data-p="(\d+)"', row.derivative)
        assert ps == pd and len(ps) == 1
    # One Writer a side: no id repeats across rows.
    ids = Counter(re.findall(r' id="([^"]+)"', "".join(r.source + r.derivative for r in rows)))
    assert [i for i, n in ids.items() if n > 1] == []


def test_rows_follow_the_derivative_and_leave_moves_between_anchors() -> None:
    source = "Alpha beta gamma delta one. Second sentence stays here now. Third one is moved away."
    derivative = (
        "Third one is moved away. Alpha beta gamma delta one. Second sentence stays here now."
    )
    result = compare(source, derivative)
    spans = render.row_spans(result, source, derivative)
    # The rows cover both texts in order, end to end.
    assert spans[0][0][0] == 0 and spans[0][1][0] == 0
    assert spans[-1][0][1] == len(source) and spans[-1][1][1] == len(derivative)
    for (a, b, _), (c, d, _) in itertools.pairwise(spans):
        assert a[1] == c[0] and b[1] == d[0]
