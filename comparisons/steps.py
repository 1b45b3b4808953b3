"""Presentation mode: the comparison's changes as slides, one change per screen.

A slide is a step of the step-through (`comparisons.render.steps`) with a one-sentence
headline and each side's passage trimmed to fit a projector. Which passage supplies a
side is decided in one place, `side_passage`, so a step whose two sides come from two
passages (a quotation replaced by another) only changes that function.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from django.utils.safestring import SafeString, mark_safe

from comparisons import render
from comparisons.render.passages import mark_open, passage_body
from comparisons.render.writer import Side, Span, Writer, span_of
from provenance.engine import AnalysedText, Passage
from provenance.engine import Comparison as EngineComparison

Order = Literal["story", "document"]
ORDERS: dict[Order, str] = {"story": "Story first", "document": "Document order"}

# A side longer than this many characters is shown as its changed sentences with context
# trimmed ("…"), so that every slide fits a 1280×720 projector at 125% without scrolling.
FIT_CHARS = 420
CONTEXT_CHARS = 90

_HEADLINES = {
    "altered": "The derivative copies this passage but changes some of its words.",
    "trimmed": "The derivative copies this passage but leaves part of it out.",
    "omitted": "The derivative leaves this passage of the source out.",
    "added": "The derivative adds this passage; the source has nothing like it.",
    "paraphrased": "The derivative says what this passage says, in other words.",
    "verbatim": "The derivative copies this passage word for word, in another place.",
    "reused": "The derivative copies this passage, in another place.",
}


@dataclass(frozen=True)
class Slide:
    """One screen of the presentation: a change, its headline and both sides to show."""

    number: int
    step: render.Step
    headline: str
    label: str
    source_html: SafeString
    derivative_html: SafeString


def ordered(steps: list[render.Step], order: Order) -> list[render.Step]:
    """Put the steps in document order or story order (ranked findings first).

    The engine ranks findings most important first, as the findings panel shows them;
    in story order a step comes at the place of its most important finding, and the
    steps without findings follow in document order.
    """
    if order == "document":
        return list(steps)
    return sorted(steps, key=lambda s: min((i for i, _ in s.findings), default=len(steps) + 1))


def headline(step: render.Step) -> str:
    """Say the change in one sentence: its most important finding, else what happened."""
    if step.findings:
        _, finding = min(step.findings, key=lambda pair: pair[0])
        return finding.message
    return _HEADLINES.get(step.passage.kind, step.explanation[0])


def side_passage(step: render.Step, side: Side) -> tuple[int, Passage] | None:
    """Return the passage (with its index) that shows on `side`, or None if the side has none."""
    span = span_of(step.passage, side)
    if span is None or span[1] <= span[0]:
        return None
    return step.index, step.passage


def windows(passage: Passage, side: Side, text: str, limit: int = FIT_CHARS) -> list[Span]:
    """Pick the parts of a long passage to show: its edits with some context, or its start."""
    span = span_of(passage, side)
    if span is None:
        return []
    start, end = span
    if end - start <= limit:
        return [span]
    edits = [
        s
        for op in passage.ops
        if op.kind != "equal" and not op.trivial and (s := span_of(op, side)) is not None
    ]
    if not edits:
        return [(start, _word_end(text, start + limit, start, end))]
    out: list[Span] = []
    shown = 0
    for lo, hi in sorted(edits):
        a = _word_start(text, max(start, lo - CONTEXT_CHARS), start)
        b = _word_end(text, min(end, hi + CONTEXT_CHARS), start, end)
        if out and a <= out[-1][1]:
            shown -= out[-1][1] - out[-1][0]
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
        shown += out[-1][1] - out[-1][0]
        if shown >= limit:
            break
    return out


def _word_start(text: str, pos: int, lo: int) -> int:
    """Move pos forward to the start of a word (not past lo's passage)."""
    if pos <= lo:
        return lo
    while pos < len(text) and not text[pos - 1].isspace():
        pos += 1
    return pos


def _word_end(text: str, pos: int, lo: int, hi: int) -> int:
    """Move pos back to the end of a word, staying inside (lo, hi]."""
    if pos >= hi:
        return hi
    back = pos
    while back > lo and not text[back].isspace():
        back -= 1
    return back if back > lo else pos


def side_html(
    result: EngineComparison,
    step: render.Step,
    text: str | AnalysedText,
    side: Side,
    limit: int = FIT_CHARS,
) -> SafeString:
    """Render one side of a slide: the passage, trimmed to its edits if it is long."""
    found = side_passage(step, side)
    if found is None:
        return mark_safe("")
    index, passage = found
    prefix = f"pr{step.number}-{side[0]}-"
    w = Writer(text, side, result.findings, prefix)
    span = span_of(passage, side)
    parts = windows(passage, side, w.text, limit)
    w.write(mark_open(passage, index, side, prefix, dim=False))
    if span is not None and parts and parts[0][0] > span[0]:
        w.write('<span class="cut">… </span>')
    for k, (lo, hi) in enumerate(parts):
        if k:
            w.write('<span class="cut"> … </span>')
        passage_body(w, passage, lo, hi)
    if span is not None and parts and parts[-1][1] < span[1]:
        w.write('<span class="cut"> …</span>')
    w.write("</mark>")
    return w.html()


def slides(
    result: EngineComparison,
    source: str | AnalysedText,
    derivative: str | AnalysedText,
    order: Order = "story",
    limit: int = FIT_CHARS,
) -> list[Slide]:
    """Return the comparison's changes as slides, in the order asked for."""
    source_text = source.text if isinstance(source, AnalysedText) else source
    derivative_text = derivative.text if isinstance(derivative, AnalysedText) else derivative
    found = render.steps(result, source_text, derivative_text)
    return [
        Slide(
            number=n,
            step=step,
            headline=headline(step),
            label=render.passage_label(step.passage),
            source_html=side_html(result, step, source, "source", limit),
            derivative_html=side_html(result, step, derivative, "derivative", limit),
        )
        for n, step in enumerate(ordered(found, order), start=1)
    ]
