"""The inline view: the derivative as a redline, with the source's lost words struck."""

from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString

from comparisons.render.passages import Options, finding_passages, mark_open, write_fold
from comparisons.render.writer import Span, Writer
from provenance.engine import AnalysedText, Passage
from provenance.engine import Comparison as EngineComparison


def inline_html(
    source: str | AnalysedText,
    derivative: str | AnalysedText,
    result: EngineComparison,
    options: Options | None = None,
) -> SafeString:
    """Render one column like a redline: the derivative, with the source's lost words struck."""
    options = options or Options()
    w = Writer(derivative, "derivative", result.findings, "i-", runs=True)
    src = Writer(source, "source", (), "", runs=True)
    keep = set(finding_passages(result).values()) if options.only_diff else set()
    pos = 0
    fold_from: int | None = None
    for index, passage in enumerate(result.passages):
        span = passage.derivative_span
        if options.folds(passage, index in keep):
            if span is not None and span[1] > pos:
                if fold_from is None:
                    fold_from = pos
                pos = span[1]
            continue
        if fold_from is not None:
            stop = span[0] if span is not None else pos
            write_fold(w, fold_from, max(stop, fold_from))
            pos = max(pos, stop)
            fold_from = None
        dim = not options.shows(passage)
        if span is None:
            s = passage.source_span
            if s is None:
                continue
            if w.out and not w.tail.isspace():
                w.write(" ")
            replaced = result.replacement_of(index) is not None
            w.write(mark_open(passage, index, "source", "i-", dim=dim, replaced=replaced))
            w.write(f"<del>{src.chunk(s[0], s[1])}</del></mark> ")
            continue
        start, end = max(span[0], pos), span[1]
        if end <= start:
            continue
        w.text_range(pos, start)
        replaced = result.replacement_of(index) is not None
        w.write(mark_open(passage, index, "derivative", "i-", dim=dim, replaced=replaced))
        _inline_body(w, src, passage, start, end)
        w.write("</mark>")
        pos = end
    if fold_from is not None:
        write_fold(w, fold_from, len(w.text))
    else:
        w.text_range(pos, len(w.text))
    return w.html()


def _inline_body(w: Writer, src: Writer, passage: Passage, start: int, end: int) -> None:
    """Write a matched passage as the derivative's words with the source's removed words struck."""
    pos = start
    for op in passage.ops:
        d, s = op.derivative_span, op.source_span
        lo = hi = pos
        if d is not None:
            lo, hi = max(d[0], pos), min(d[1], end)
            if lo > pos:
                w.text_range(pos, lo)
                pos = lo
        struck = s is not None and s[1] > s[0] and op.kind in {"delete", "replace"}
        if struck and not op.trivial and s is not None:
            if d is None:
                # Punctuation stuck to the word before stays with it: "crossings, [gone]".
                stuck = pos
                while stuck < end and not w.text[stuck].isspace() and not w.text[stuck].isalnum():
                    stuck += 1
                w.text_range(pos, stuck)
                pos = stuck
            spacer = "" if pos == start or w.tail.isspace() else " "
            w.write(f"{spacer}<del>{src.chunk(s[0], s[1])}</del>")
            if d is None:
                w.write(" ")
        if d is None or hi <= lo:
            continue
        if op.kind == "equal":
            w.text_range(lo, hi)
        elif op.trivial:
            w.write(f'<span class="triv" title="source: {escape(source_text(src, s))}">')
            w.text_range(lo, hi)
            w.write("</span>")
        else:
            w.write("<ins>")
            w.text_range(lo, hi)
            w.write("</ins>")
        pos = hi
    w.text_range(pos, end)


def source_text(src: Writer, span: Span | None) -> str:
    return "" if span is None else src.text[span[0] : span[1]]
