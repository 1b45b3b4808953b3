"""Presentation mode and the step-through's order: the comparison's changes, most important first.

A slide is a step of the step-through (`comparisons.render.steps`) with a one-sentence
headline and each side's passage cut to fit a projector. What a slide is about (its
subject: the quotation, name or edit its headline speaks of) is always shown whole;
only the text around it is cut, at word boundaries. Which passage supplies a side is
decided in one place, `side_passage`.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Literal

from django.utils.safestring import SafeString, mark_safe

from comparisons import render
from comparisons.analysis import analysis_for
from comparisons.models import Comparison
from comparisons.render.passages import mark_open, passage_body
from comparisons.render.writer import FINDING_LABELS, Side, Span, Writer, span_of
from provenance.engine import AnalysedText, Finding, Passage
from provenance.engine import Comparison as EngineComparison

Order = Literal["story", "document"]
ORDERS: dict[Order, str] = {"story": "Story first", "document": "Document order"}

# Characters of text around a slide's subject on one side. The subject is never cut; the
# text around it is, and present.js hides it altogether when a slide still does not fit
# at the smallest type we allow (24 px), so a projector at 1024×576 never scrolls.
FIT_CHARS = 300
CONTEXT_CHARS = 70
# Passage kinds worth a stop even without a finding, ahead of minor findings (a moved
# passage, a quotation the source cannot confirm): text changed or lost.
_LOSS_KINDS = frozenset({"altered", "trimmed", "omitted"})

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
    # What the headline speaks of: a finding type, or the passage kind when it has none.
    about: str
    source_html: SafeString
    derivative_html: SafeString


def _rank(step: render.Step, position: int, total: int) -> tuple[int, int]:
    """Sort key of story order: major findings by the engine's rank, then lost or changed
    text in reading order, then minor findings, then the rest (added, paraphrased)."""
    major = [i for i, f in step.findings if f.severity != "low"]
    if major:
        return (0, min(major))
    if not step.findings and step.passage.kind in _LOSS_KINDS:
        return (1, position)
    if step.findings:
        return (2, min(i for i, _ in step.findings))
    return (3, position + total)


def ordered(steps: list[render.Step], order: Order) -> list[render.Step]:
    """Put the steps in document order or story order, numbered in that order.

    Story order follows the findings panel: the engine ranks findings most important
    first (a replaced or altered quotation before a name), and a step comes at the place
    of its most important finding; a moved passage or an unconfirmed quotation is minor
    and comes after the passages the derivative trimmed or left out.
    """
    if order == "document":
        chosen = list(steps)
    else:
        total = len(steps)
        chosen = sorted(steps, key=lambda s: _rank(s, s.number, total))
    return [dataclasses.replace(s, number=n) for n, s in enumerate(chosen, start=1)]


def story_steps(result: EngineComparison, source: str, derivative: str) -> list[render.Step]:
    """The step-through's stops, most important first (the comparison page's step-through)."""
    return ordered(render.steps(result, source, derivative), "story")


def top_finding(step: render.Step) -> Finding | None:
    if not step.findings:
        return None
    return min(step.findings, key=lambda pair: pair[0])[1]


# An excerpt in brackets inside a finding's message: (“We must do everything…”).
_EXCERPT_RE = re.compile(r" ?\(“[^”]*”\)")
# The tail of a word cut short before an ellipsis: "exploit…" (the engine's excerpts).
_CUT_WORD_RE = re.compile(r"(?<=[\s“(])[^\s“(]*\w…")


def whole_words(message: str) -> str:
    """Drop a word the engine's excerpt cut short, keeping its ellipsis: "groups exploit…"
    becomes "groups …", so no reader takes a fragment for a word."""
    return _CUT_WORD_RE.sub("…", message)


def headline(step: render.Step) -> str:
    """Say the change in one sentence: its most important finding, else what happened.

    A slide shows the quotations themselves, so excerpts in brackets are left out of it.
    """
    finding = top_finding(step)
    if finding is not None:
        return whole_words(_EXCERPT_RE.sub("", finding.message))
    return _HEADLINES.get(step.passage.kind, step.explanation[0])


def badge(step: render.Step) -> tuple[str, str]:
    """The badge's words and what they name: the headline's finding, else the passage kind."""
    finding = top_finding(step)
    if finding is not None:
        label = FINDING_LABELS.get(finding.type, finding.type.replace("_", " "))
        return label[:1].upper() + label[1:], finding.type
    return step.label[:1].upper() + step.label[1:], step.kind


def side_passage(step: render.Step, side: Side) -> tuple[int, Passage] | None:
    """Return the passage (with its index) that shows on `side`, or None if the side has none."""
    # A quotation replaced is one step whose two sides come from two passages.
    index, passage = step.on(side)
    span = span_of(passage, side)
    if span is None or span[1] <= span[0]:
        return None
    return index, passage


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def subjects(step: render.Step, passage: Passage, side: Side) -> list[Span]:
    """The parts of one side a slide is about, which are never cut.

    The spans of the step's findings (a quotation, a name) where it has any on this side,
    else the passage's substantive edits; none for a passage that is simply left out or added.
    """
    span = span_of(passage, side)
    if span is None:
        return []
    lo, hi = span
    clip = [
        (max(lo, s[0]), min(hi, s[1]))
        for _, f in step.findings
        if f.type != "passage_moved" and (s := span_of(f, side)) is not None
    ]
    found = [s for s in clip if s[1] > s[0]]
    if not found:
        found = [
            s
            for op in passage.ops
            if op.kind != "equal" and not op.trivial and (s := span_of(op, side)) is not None
            if s[1] > s[0]
        ]
    return _merge(found)


@dataclass(frozen=True)
class Window:
    """A stretch of one side to show: context before, the subject, context after."""

    start: int
    subject: Span | None
    end: int


def windows(
    passage: Passage, side: Side, text: str, about: list[Span], limit: int = FIT_CHARS
) -> list[Window]:
    """Pick the parts of a passage to show: all of it when short, else each subject whole
    with a little context cut at word boundaries, else (no subject) its opening words."""
    span = span_of(passage, side)
    if span is None:
        return []
    start, end = span
    if end - start <= limit or (not about and end - start <= limit + CONTEXT_CHARS):
        return [Window(start, None, end)]
    if not about:
        return [Window(start, None, _word_end(text, start + limit, start, end))]
    spare = max(0, limit - sum(hi - lo for lo, hi in about))
    context = min(CONTEXT_CHARS, spare // (2 * len(about)))
    out: list[Window] = []
    for lo, hi in about:
        a = _word_start(text, max(start, lo - context), start, lo)
        b = _word_end(text, min(end, hi + context), hi, end)
        out.append(Window(a, (lo, hi), b))
    return out


def _word_start(text: str, pos: int, lo: int, limit: int) -> int:
    """Move pos forward to the start of a word, never past `limit` (the subject's start)."""
    if pos <= lo:
        return lo
    while pos < limit and not text[pos - 1].isspace():
        pos += 1
    return pos


def _word_end(text: str, pos: int, lo: int, hi: int) -> int:
    """Move pos back to the end of a word, staying inside [lo, hi]."""
    if pos >= hi:
        return hi
    back = pos
    while back > lo and not text[back].isspace():
        back -= 1
    return back


def _cut(w: Writer, where: str) -> None:
    text = {"before": "… ", "between": " … ", "after": " …"}[where]
    w.write(f'<span class="cut">{text}</span>')


def _context(w: Writer, passage: Passage, lo: int, hi: int, where: str) -> None:
    """Write context the page may hide to fit (then an ellipsis stands in its place)."""
    if hi <= lo:
        return
    w.write('<span class="ctx">')
    passage_body(w, passage, lo, hi)
    mark = "… " if where == "before" else " …"
    w.write(f'</span><span class="ctx-cut" aria-hidden="true">{mark}</span>')


def side_html(
    result: EngineComparison,
    step: render.Step,
    text: str | AnalysedText,
    side: Side,
    limit: int = FIT_CHARS,
) -> SafeString:
    """Render one side of a slide: the passage, cut around its subject if it is long."""
    found = side_passage(step, side)
    if found is None:
        return mark_safe("")
    index, passage = found
    prefix = f"pr{step.number}-{side[0]}-"
    w = Writer(text, side, result.findings, prefix)
    span = span_of(passage, side)
    assert span is not None  # side_passage checked it
    parts = windows(passage, side, w.text, subjects(step, passage, side), limit)
    w.write(mark_open(passage, index, side, prefix, dim=False, replaced=step.kind == "replaced"))
    for k, part in enumerate(parts):
        if part.start > (parts[k - 1].end if k else span[0]):
            _cut(w, "between" if k else "before")
        if part.subject is None:
            passage_body(w, passage, part.start, part.end)
            continue
        lo, hi = part.subject
        _context(w, passage, part.start, lo, "before")
        w.write('<span class="subject">')
        passage_body(w, passage, lo, hi)
        w.write("</span>")
        _context(w, passage, hi, part.end, "after")
    if parts and parts[-1].end < span[1]:
        _cut(w, "after")
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
    out = []
    for step in ordered(found, order):
        label, about = badge(step)
        out.append(
            Slide(
                number=step.number,
                step=step,
                headline=headline(step),
                label=label,
                about=about,
                source_html=side_html(result, step, source, "source", limit),
                derivative_html=side_html(result, step, derivative, "derivative", limit),
            )
        )
    return out


def summary(result: EngineComparison, shown: list[Slide]) -> dict[str, Any]:
    """What the closing slide says: the shares, and how many changes of each kind."""
    kinds = Counter(s.label for s in shown)
    return {
        "stats": result.stats,
        "kinds": sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])),
        "top": [s for s in shown if s.step.findings][:3],
    }


def present_context(comparison: Comparison, order: Order, step: str) -> dict[str, Any]:
    """Everything presentation mode shows: a title slide, the changes, a summary slide.

    `step` counts every screen (the title slide is 1); out-of-range or unreadable values
    start at the title.
    """
    result = comparison.engine_result
    shown = slides(
        result,
        analysis_for(comparison.source_version),
        analysis_for(comparison.derivative_version),
        order,
    )
    # Change slides are numbered after the title slide, in the order shown.
    shown = [dataclasses.replace(s, number=s.number + 1) for s in shown]
    total = len(shown) + 2
    try:
        current = min(max(int(step), 1), total)
    except ValueError:
        current = 1
    return {
        "comparison": comparison,
        "result": result,
        "source": comparison.source_version,
        "derivative": comparison.derivative_version,
        "slides": shown,
        "cover_docs": [
            ("Source", comparison.source_version),
            ("Derivative", comparison.derivative_version),
        ],
        "total": total,
        "summary_number": total,
        "summary": summary(result, shown),
        "current": current,
        "order": order,
        "orders": list(ORDERS.items()),
    }
