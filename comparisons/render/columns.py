"""The side-by-side view: one column per text, "differences only" folding the unchanged."""

from __future__ import annotations

from django.utils.safestring import SafeString

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
    keep = set(finding_passages(result).values()) if options.only_diff else set()
    lo, hi = window if window is not None else (0, len(w.text))
    pos = lo
    fold_from: int | None = None  # start of a run "differences only" hides
    for index, passage, (start, end) in side_passages(result, side):
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
        w.write(mark_open(passage, index, side, prefix, dim=not options.shows(passage)))
        passage_body(w, passage, start, end)
        w.write("</mark>")
        pos = end
    if fold_from is not None:
        write_fold(w, fold_from, hi)
    else:
        w.text_range(pos, hi)
    return w.html()
