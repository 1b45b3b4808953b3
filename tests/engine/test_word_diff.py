"""The word-level diff: a longest common subsequence, with matches joined into runs."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.engine import diff
from provenance.engine.diff import _lcs, diff_ranges
from provenance.engine.tokens import tokenize


def lcs_length(a: list[str], b: list[str]) -> int:
    """Textbook dynamic programme, for checking."""
    row = [0] * (len(b) + 1)
    for x in a:
        prev_diag = 0
        for j, y in enumerate(b, 1):
            prev_diag, row[j] = row[j], prev_diag + 1 if x == y else max(row[j], row[j - 1])
    return row[-1]


words = st.lists(st.sampled_from(["the", "of", "a", "cat", "sat", "mat"]), max_size=30)


@settings(max_examples=300, deadline=None)
@given(words, words)
def test_pairs_are_a_longest_common_subsequence(a: list[str], b: list[str]) -> None:
    pairs = _lcs(a, b, budget=10**9)
    assert pairs is not None
    assert all(a[i] == b[j] for i, j in pairs)
    assert all(i1 < i2 and j1 < j2 for (i1, j1), (i2, j2) in itertools.pairwise(pairs))
    assert len(pairs) == lcs_length(a, b)


def _diff(source: str, derivative: str) -> list[tuple[str, str, str]]:
    src, der = tokenize(source), tokenize(derivative)
    ops = diff_ranges(source, src, 0, len(src), derivative, der, 0, len(der))

    out = []
    for op in ops:
        s = " ".join(source[src.starts[k] : src.ends[k]] for k in range(op.s_lo, op.s_hi))
        d = " ".join(derivative[der.starts[k] : der.ends[k]] for k in range(op.d_lo, op.d_hi))
        out.append((op.kind, s, d))
    return out


def test_a_repeated_word_matches_where_it_joins_the_copied_run() -> None:
    # Both "the"s could pair with "The"; the one next to "retrospective research" reads
    # as one deletion and one copied run, not two deletions around a stray "the".
    got = _diff(
        "Led by Professor Currie of the University School, the retrospective research "
        "looked at patients",
        "The retrospective research looked at people",
    )
    assert got == [
        ("delete", "Led by Professor Currie of the University School", ""),
        ("replace", "the", "The"),
        ("equal", "retrospective research looked at", "retrospective research looked at"),
        ("replace", "patients", "people"),
    ]


def test_a_copied_run_stays_whole_when_its_words_repeat_later() -> None:
    got = _diff("20 April 2016", "PUBLISHED: 20 April 2016 | UPDATED: 21 April 2016")
    assert ("equal", "20 April 2016", "20 April 2016") in got


def test_repetitive_ranges_go_to_the_bisection_diff(monkeypatch: pytest.MonkeyPatch) -> None:
    a = ["x", "y"] * 40
    b = ["y", "x"] * 40
    # Every word of b equals half the words of a: 3,200 pairs, over the budget.
    assert _lcs(a, b, diff._PAIRS_PER_WORD * (len(a) + len(b))) is None
    calls: list[int] = []
    real = diff._dmp_pairs
    monkeypatch.setattr(diff, "_dmp_pairs", lambda *args: calls.append(1) or real(*args))
    source, derivative = " ".join(a), " ".join(b)
    src, der = tokenize(source), tokenize(derivative)
    ops = diff_ranges(source, src, 0, len(src), derivative, der, 0, len(der))
    assert calls
    equal = sum(op.s_hi - op.s_lo for op in ops if op.kind == "equal")
    assert equal == lcs_length(a, b)
