"""The side-by-side view: one column per text, "differences only" folding the unchanged.

The columns are cut into aligned rows (`aligned_rows`), as diff tools do: a row holds a
passage copied in order on both sides, or the stretch between two such passages on each
side, so matched passages stand level and one scroll moves both texts.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

from comparisons.render.passages import (
    Options,
    finding_passages,
    mark_open,
    passage_body,
    side_passages,
    write_fold,
)
from comparisons.render.writer import Side, Span, Writer
from provenance.engine import AnalysedText
from provenance.engine import Comparison as EngineComparison


def side_html(
    text: str | AnalysedText,
    result: EngineComparison,
    side: Side,
    options: Options | None = None,
    window: Span | None = None,
    prefix: str | None = None,
) -> SafeString:
    """Render one column: the whole text, or the `window` part of it, passages marked."""
    options = options or Options()
    prefix = prefix if prefix is not None else side[0] + "-"
    w = Writer(text, side, result.findings, prefix, runs=options.only_diff)
    lo, hi = window if window is not None else (0, len(w.text))
    _write_window(w, result, options, lo, hi)
    return w.html()


def _write_window(w: Writer, result: EngineComparison, options: Options, lo: int, hi: int) -> None:
    """Write text[lo:hi] of w's side, passages marked, into w."""
    keep = set(finding_passages(result).values()) if options.only_diff else set()
    pos = lo
    fold_from: int | None = None  # start of a run "differences only" hides
    for index, passage, (start, end) in side_passages(result, w.side):
        start, end = max(start, pos), min(end, hi)
        if end <= start:
            continue  # outside the window, or covered by an earlier passage
        if options.folds(passage, index in keep):
            if fold_from is None:
                fold_from = pos
            pos = end
            continue
        if fold_from is not None:
            write_fold(w, fold_from, start)
            fold_from = None
        else:
            w.text_range(pos, start)
        replaced = result.replacement_of(index) is not None
        dim = not options.shows(passage)
        w.write(mark_open(passage, index, w.side, w.prefix, dim=dim, replaced=replaced))
        passage_body(w, passage, start, end)
        w.write("</mark>")
        pos = end
    if fold_from is not None:
        write_fold(w, fold_from, hi)
    else:
        w.text_range(pos, hi)


@dataclass(frozen=True)
class Row:
    """One aligned row: a stretch of each text (either may be empty), rendered."""

    source: SafeString
    derivative: SafeString
    matched: bool  # a passage copied in order on both sides, rather than the text between


def row_spans(
    result: EngineComparison, source: str, derivative: str
) -> list[tuple[Span, Span, bool]]:
    """Cut both texts into aligned rows: in-order matched passages and the stretches between.

    The anchors are the most matched passages (both spans) that run in the same order on
    both sides; a passage out of that order falls in the stretch between anchors.
    The rows cover each text from start to end, so each column keeps every character.
    """
    pairs = [
        (passage.source_span, d_span)
        for _index, passage, d_span in side_passages(result, "derivative")
        if passage.source_span is not None
        and passage.source_span[1] > passage.source_span[0]
        and not passage.moved
    ]
    anchors = _in_order(pairs)
    rows: list[tuple[Span, Span, bool]] = []
    s_pos = d_pos = 0
    ends = ((len(source), len(source)), (len(derivative), len(derivative)))
    for (s_lo, s_hi), (d_lo, d_hi) in [*anchors, ends]:
        if source[s_pos:s_lo].strip() or derivative[d_pos:d_lo].strip():
            rows.append(((s_pos, s_lo), (d_pos, d_lo), False))
        elif rows:  # only white space between two anchors: it stays with the row before
            (a, _), (b, _), matched = rows[-1]
            rows[-1] = ((a, s_lo), (b, d_lo), matched)
        else:  # white space at the start: it goes with the first anchor
            s_lo, d_lo = 0, 0
        if s_hi > s_lo or d_hi > d_lo:
            rows.append(((s_lo, s_hi), (d_lo, d_hi), True))
        s_pos, d_pos = s_hi, d_hi
    return rows


def _in_order(pairs: list[tuple[Span, Span]]) -> list[tuple[Span, Span]]:
    """Return the longest run of pairs (in derivative order) whose source spans also ascend.

    A longest increasing subsequence by source start (patience sorting, O(n log n)); a pair
    overlapping the previous anchor's source span is not in order.
    """
    tails: list[int] = []  # tails[k]: index of the smallest last pair of a run of length k+1
    back: list[int] = []
    for i, (s, _d) in enumerate(pairs):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if pairs[tails[mid]][0][1] <= s[0]:
                lo = mid + 1
            else:
                hi = mid
        back.append(tails[lo - 1] if lo else -1)
        if lo == len(tails):
            tails.append(i)
        else:
            tails[lo] = i
    run = []
    k = tails[-1] if tails else -1
    while k != -1:
        run.append(pairs[k])
        k = back[k]
    return run[::-1]


def aligned_rows(
    source: str | AnalysedText,
    derivative: str | AnalysedText,
    result: EngineComparison,
    options: Options | None = None,
) -> list[Row]:
    """Render both columns cut into aligned rows (one Writer a side, so ids stay unique)."""
    options = options or Options()
    ws = Writer(source, "source", result.findings, "s-", runs=options.only_diff)
    wd = Writer(derivative, "derivative", result.findings, "d-", runs=options.only_diff)
    rows = []
    for s_span, d_span, matched in row_spans(result, ws.text, wd.text):
        cells = []
        for w, (lo, hi) in ((ws, s_span), (wd, d_span)):
            mark = len(w.out)
            _write_window(w, result, options, lo, hi)
            cells.append(mark_safe("".join(w.out[mark:])))  # noqa: S308 - pieces escaped by Writer
        rows.append(Row(source=cells[0], derivative=cells[1], matched=matched))
    return rows
