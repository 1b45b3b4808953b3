"""Turn an engine result into escaped HTML for the comparison pages.

The engine returns spans into the two texts; this module cuts the texts at
those spans and wraps each piece in an element that says what it is
(`<mark class="p k-altered" data-p="3">`, `<ins>`, `<del>`). Every character of
document text passes through `html.escape`, so a document that contains
markup shows it as text. HTML is built with string joins rather than template
loops because a 20,000-word pair has tens of thousands of pieces.

The side-by-side columns keep every character of their text, in order, so the
text content of a column equals the document text: annotations can map a
selection back to character offsets. Passage labels come from CSS generated
content (`data-label`) for the same reason. Where the text content is not one
document's text (the redline interleaves both; "differences only" folds text
away), each piece of text is a run, `<span class="r" data-side="s|d"
data-start data-end>`, whose text is text[start:end] of that side.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Literal

from django.utils.safestring import SafeString, mark_safe

from provenance.engine import Comparison as EngineComparison
from provenance.engine.result import Finding, Op, Passage

Side = Literal["source", "derivative"]
Span = tuple[int, int]

KINDS: tuple[str, ...] = (
    "verbatim",
    "reused",
    "altered",
    "paraphrased",
    "trimmed",
    "omitted",
    "added",
)
# Kinds whose passages read the same on both sides; "differences only" folds them away.
UNCHANGED_KINDS = frozenset({"verbatim", "reused"})

KIND_HELP: dict[str, str] = {
    "verbatim": "the same words",
    "reused": "copied with trivial edits only (quote marks, dashes, “2” for “two”)",
    "altered": "copied wording with words changed",
    "paraphrased": "the same statement in other words",
    "trimmed": "copied, but part of the source passage is left out",
    "omitted": "in the source, left out of the derivative",
    "added": "in the derivative, not in the source",
}

FINDING_LABELS: dict[str, str] = {
    "name_added": "name added",
    "name_removed": "name removed",
    "number_changed": "figure changed",
    "quote_altered": "quotation altered",
    "quote_unsourced": "quotation unsourced",
    "attribution_changed": "attribution changed",
    "passage_moved": "passage moved",
}

_PB = '<span class="pb"></span>'
# Findings longer than this (a whole quotation) are marked more quietly than a name or a figure.
_LONG_FINDING = 80
# Findings the passages already show (a moved passage is marked as moved): anchors only.
_QUIET_FINDINGS = frozenset({"passage_moved"})


def span_of(item: Passage | Op | Finding, side: Side) -> Span | None:
    return item.source_span if side == "source" else item.derivative_span


def passage_label(passage: Passage) -> str:
    return f"{passage.kind}, moved" if passage.moved else passage.kind


def is_change(passage: Passage) -> bool:
    """Tell whether a passage is worth a stop in the step-through."""
    return passage.kind not in UNCHANGED_KINDS or passage.moved


def _length(span: Span | None) -> int:
    return 0 if span is None else span[1] - span[0]


def word_count(text: str) -> int:
    return len(text.split())


@functools.lru_cache(maxsize=8)
def paragraph_breaks(text: str) -> frozenset[int]:
    """Return the offsets of newlines that end a paragraph (at most one per gap).

    Hard-wrapped texts (like GOV.UK archives) break lines inside sentences; the
    engine's segmenter knows which line ends are paragraph ends, so columns can
    reflow the text and still show its paragraphs.
    """
    try:
        from provenance.engine.segment import segment

        units = segment(text)
    except Exception:  # the segmenter is engine-internal; fall back to every line break
        units = None
    breaks: set[int] = set()
    if units is None:
        pos = text.find("\n")
        while pos != -1:
            if pos == 0 or text[pos - 1] != "\n":
                breaks.add(pos)
            pos = text.find("\n", pos + 1)
        return frozenset(breaks)
    for before, after in itertools.pairwise(units):
        if after.paragraph != before.paragraph:
            pos = text.find("\n", before.end, after.start)
            if pos != -1:
                breaks.add(pos)
    return frozenset(breaks)


@dataclass
class _Findings:
    """Which findings cover which stretch of one side, for fast lookups by range."""

    bounds: list[int]
    active: list[tuple[int, ...]]
    starts: dict[int, list[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, findings: Sequence[Finding], side: Side) -> _Findings:
        spans = [(i, span_of(f, side)) for i, f in enumerate(findings)]
        spans = [(i, s) for i, s in spans if s is not None and s[1] > s[0]]
        bounds = sorted({p for _, s in spans for p in s})
        active = []
        for lo, hi in itertools.pairwise(bounds):
            active.append(tuple(i for i, s in spans if s[0] <= lo and hi <= s[1]))
        return cls(bounds=bounds, active=active)

    def pieces(self, start: int, end: int) -> Iterable[tuple[int, int, tuple[int, ...]]]:
        """Yield (start, end, finding indexes) pieces covering [start, end)."""
        if not self.bounds or end <= self.bounds[0] or start >= self.bounds[-1]:
            yield start, end, ()
            return
        pos = start
        k = bisect.bisect_right(self.bounds, start) - 1
        while pos < end:
            if k < 0:
                nxt = self.bounds[0]
                ids: tuple[int, ...] = ()
            elif k >= len(self.active):
                nxt = end
                ids = ()
            else:
                nxt = self.bounds[k + 1]
                ids = self.active[k]
            stop = min(end, nxt)
            if stop > pos:
                yield pos, stop, ids
            pos = stop
            k += 1


class _Writer:
    """Emit escaped pieces of one text, with paragraph breaks and finding marks."""

    def __init__(
        self,
        text: str,
        side: Side,
        findings: Sequence[Finding],
        prefix: str,
        *,
        runs: bool = False,
    ) -> None:
        self.text = text
        self.side = side
        # Runs: wrap each piece of text in an element giving its offsets into this side's text,
        # for the views whose text content is not the document text (folds, the redline).
        self.runs = runs
        self.tail = ""  # the last character written, leaving run wrappers out
        self.findings = findings
        self.prefix = prefix
        self.breaks = paragraph_breaks(text)
        self.index = _Findings.build(findings, side)
        self.anchored: set[int] = set()
        self.lengths = [_length(span_of(f, side)) for f in findings]
        self.out: list[str] = []

    def chunk(self, start: int, end: int) -> str:
        """Escape text[start:end] as one piece, in a run if this writer marks runs."""
        return self.run(start, end, self.plain_chunk(start, end))

    def run(self, start: int, end: int, inner: str) -> str:
        if not self.runs or end <= start:
            return inner
        return (
            f'<span class="r" data-side="{self.side[0]}" data-start="{start}" data-end="{end}">'
            f"{inner}</span>"
        )

    def plain_chunk(self, start: int, end: int) -> str:
        """Escape text[start:end], adding a visible break after paragraph-ending newlines."""
        raw = self.text[start:end]
        if "\n" not in raw:
            return escape(raw)
        parts = []
        pos = start
        nl = self.text.find("\n", start, end)
        while nl != -1:
            if nl in self.breaks:
                parts.append(escape(self.text[pos : nl + 1]))
                parts.append(_PB)
                pos = nl + 1
            nl = self.text.find("\n", nl + 1, end)
        parts.append(escape(self.text[pos:end]))
        return "".join(parts)

    def text_range(self, start: int, end: int) -> None:
        """Write text[start:end], wrapping the parts inside findings."""
        if end <= start:
            return
        for lo, hi, ids in self.index.pieces(start, end):
            # Every finding gets an anchor where it starts, for the findings panel's links.
            starting = [i for i in ids if i not in self.anchored]
            self.anchored.update(starting)
            shown = [i for i in ids if self.findings[i].type not in _QUIET_FINDINGS]
            if not shown:
                for i in starting:
                    self.write(f'<span class="fa" id="{self.prefix}f{i}"></span>')
                inner = self.plain_chunk(lo, hi)
                self.write(self.run(lo, hi, inner), plain=inner)
                continue
            own = next((i for i in starting if i in shown), None)
            for i in starting:
                if i != own:
                    self.write(f'<span class="fa" id="{self.prefix}f{i}"></span>')
            attrs = ""
            if own is not None:
                label = ", ".join(
                    FINDING_LABELS[self.findings[i].type] for i in starting if i in shown
                )
                attrs = f' id="{self.prefix}f{own}" data-flabel="{escape(label)}"'
            types = " ".join(sorted({self.findings[i].type for i in shown}))
            title = ", ".join(FINDING_LABELS.get(self.findings[i].type, "") for i in shown)
            long = any(self.lengths[i] > _LONG_FINDING for i in shown)
            self.write(
                f'<span class="find{" long" if long else ""}"{attrs}'
                f' data-f="{" ".join(map(str, shown))}"'
                f' data-type="{escape(types)}" title="{escape(title)}">'
                f"{self.chunk(lo, hi)}</span>"
            )

    def write(self, html: str, plain: str | None = None) -> None:
        """Append markup; `plain` is the same without run wrappers, if it differs."""
        self.out.append(html)
        self.tail = (html if plain is None else plain)[-1:]

    def html(self) -> SafeString:
        return mark_safe("".join(self.out))  # noqa: S308 - every text piece went through escape()


def _op_tag(op: Op, side: Side) -> tuple[str, str] | None:
    """Return (open, close) tags for an op's text on one side, or None for plain text."""
    if op.kind == "equal":
        return None
    if op.trivial:
        return '<span class="triv">', "</span>"
    if side == "source" and op.kind in {"delete", "replace"}:
        return "<del>", "</del>"
    if side == "derivative" and op.kind in {"insert", "replace"}:
        return "<ins>", "</ins>"
    return None


def _mark_open(passage: Passage, index: int, side: Side, prefix: str, *, dim: bool) -> str:
    classes = f"p k-{passage.kind}"
    if passage.moved:
        classes += " moved"
    if dim:
        classes += " dim"
    return (
        f'<mark class="{classes}" id="{prefix}p{index}" data-p="{index}"'
        f' data-kind="{passage.kind}" data-label="{passage_label(passage)}">'
    )


@dataclass(frozen=True)
class Options:
    """What the reader asked to see."""

    kinds: frozenset[str] = frozenset(KINDS)
    only_diff: bool = False

    def shows(self, passage: Passage) -> bool:
        return passage.kind in self.kinds

    def folds(self, passage: Passage, keep: bool = False) -> bool:
        """Tell whether "differences only" hides this passage (`keep`: it holds a finding)."""
        if not self.only_diff:
            return False
        return not self.shows(passage) or not (is_change(passage) or keep)


def _side_passages(result: EngineComparison, side: Side) -> list[tuple[int, Passage, Span]]:
    found = []
    for i, p in enumerate(result.passages):
        span = span_of(p, side)
        if span is not None and span[1] > span[0]:
            found.append((i, p, span))
    found.sort(key=lambda item: (item[2][0], item[2][1]))
    return found


def _passage_body(w: _Writer, passage: Passage, start: int, end: int) -> None:
    """Write one passage's text on w's side, wrapping its word-level edits."""
    pos = start
    ops = [(op, span_of(op, w.side)) for op in passage.ops]
    for op, span in sorted(
        ((o, s) for o, s in ops if s is not None and s[1] > s[0]), key=lambda x: x[1][0]
    ):
        lo, hi = max(span[0], pos), min(span[1], end)
        if hi <= lo:
            continue
        tags = _op_tag(op, w.side)
        if tags is None:
            continue
        w.text_range(pos, lo)
        w.write(tags[0])
        w.text_range(lo, hi)
        w.write(tags[1])
        pos = hi
    w.text_range(pos, end)


def _fold(w: _Writer, start: int, end: int) -> None:
    words = word_count(w.text[start:end])
    if words:
        noun = "word" if words == 1 else "words"
        w.write(f'<span class="fold">[… {words} {noun} unchanged …]</span> ')


def side_html(
    text: str,
    result: EngineComparison,
    side: Side,
    options: Options | None = None,
    window: Span | None = None,
    prefix: str | None = None,
) -> SafeString:
    """Render one column: the whole text, or the `window` part of it, passages marked."""
    options = options or Options()
    prefix = prefix if prefix is not None else side[0] + "-"
    w = _Writer(text, side, result.findings, prefix, runs=options.only_diff)
    keep = set(finding_passages(result).values()) if options.only_diff else set()
    lo, hi = window if window is not None else (0, len(text))
    pos = lo
    fold_from: int | None = None  # start of a run "differences only" hides
    for index, passage, (start, end) in _side_passages(result, side):
        start, end = max(start, pos), min(end, hi)
        if end <= start:
            continue  # outside the window, or covered by an earlier passage
        if options.folds(passage, index in keep):
            if fold_from is None:
                fold_from = pos
            pos = end
            continue
        if fold_from is not None:
            _fold(w, fold_from, start)
            fold_from = None
        else:
            w.text_range(pos, start)
        w.write(_mark_open(passage, index, side, prefix, dim=not options.shows(passage)))
        _passage_body(w, passage, start, end)
        w.write("</mark>")
        pos = end
    if fold_from is not None:
        _fold(w, fold_from, hi)
    else:
        w.text_range(pos, hi)
    return w.html()


def inline_html(
    source: str,
    derivative: str,
    result: EngineComparison,
    options: Options | None = None,
) -> SafeString:
    """Render one column like a redline: the derivative, with the source's lost words struck."""
    options = options or Options()
    w = _Writer(derivative, "derivative", result.findings, "i-", runs=True)
    src = _Writer(source, "source", (), "", runs=True)
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
            _fold(w, fold_from, max(stop, fold_from))
            pos = max(pos, stop)
            fold_from = None
        dim = not options.shows(passage)
        if span is None:
            s = passage.source_span
            if s is None:
                continue
            if w.out and not w.tail.isspace():
                w.write(" ")
            w.write(_mark_open(passage, index, "source", "i-", dim=dim))
            w.write(f"<del>{src.chunk(s[0], s[1])}</del></mark> ")
            continue
        start, end = max(span[0], pos), span[1]
        if end <= start:
            continue
        w.text_range(pos, start)
        w.write(_mark_open(passage, index, "derivative", "i-", dim=dim))
        _inline_body(w, src, passage, start, end)
        w.write("</mark>")
        pos = end
    if fold_from is not None:
        _fold(w, fold_from, len(derivative))
    else:
        w.text_range(pos, len(derivative))
    return w.html()


def _inline_body(w: _Writer, src: _Writer, passage: Passage, start: int, end: int) -> None:
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


def source_text(src: _Writer, span: Span | None) -> str:
    return "" if span is None else src.text[span[0] : span[1]]


@dataclass(frozen=True)
class MinimapCell:
    kind: str
    index: int
    width: float  # percent of the derivative
    words: int
    moved: bool


def minimap(derivative: str, result: EngineComparison) -> list[MinimapCell]:
    """Return the derivative's passages as bar cells, neighbours of one kind merged."""
    total = len(derivative) or 1
    cells: list[MinimapCell] = []
    for _index, passage, (start, end) in _side_passages(result, "derivative"):
        width = 100 * (end - start) / total
        words = word_count(derivative[start:end])
        last = cells[-1] if cells else None
        if last and last.kind == passage.kind and not last.moved and not passage.moved:
            cells[-1] = MinimapCell(
                last.kind, last.index, last.width + width, last.words + words, False
            )
        else:
            cells.append(MinimapCell(passage.kind, _index, width, words, passage.moved))
    return cells


def minimap_html(derivative: str, result: EngineComparison) -> SafeString:
    """Render the minimap as one row of links, one per run of a kind."""
    parts = []
    for cell in minimap(derivative, result):
        label = f"{cell.kind}, moved" if cell.moved else cell.kind
        parts.append(
            f'<a class="cell k-{cell.kind}" href="#d-p{cell.index}" tabindex="-1"'
            f' style="width:{cell.width:.3f}%" data-p="{cell.index}"'
            f' title="{label}: {cell.words} words"></a>'
        )
    return mark_safe("".join(parts))  # noqa: S308 - built from numbers and fixed words


@dataclass(frozen=True)
class Step:
    """One stop of the step-through: a changed passage and what to say about it."""

    number: int
    index: int
    passage: Passage
    findings: tuple[tuple[int, Finding], ...]
    explanation: tuple[str, ...]


def _overlaps(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def finding_passages(result: EngineComparison) -> dict[int, int]:
    """Map each finding to the passage it sits in (by derivative span, else source span)."""
    found: dict[int, int] = {}
    for fi, finding in enumerate(result.findings):
        for side in ("derivative", "source"):
            span = span_of(finding, side)  # type: ignore[arg-type]
            if span is None:
                continue
            for pi, passage in enumerate(result.passages):
                if _overlaps(span, span_of(passage, side)):  # type: ignore[arg-type]
                    found[fi] = pi
                    break
            if fi in found:
                break
    return found


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"“{text}”"


def word_changes(passage: Passage, source: str, derivative: str, limit: int = 4) -> list[str]:
    """Describe a passage's substantive word edits, e.g. “2” becomes “two”."""
    changes = []
    for op in passage.ops:
        if op.trivial or op.kind == "equal":
            continue
        was = source[op.source_span[0] : op.source_span[1]] if op.source_span else ""
        now = (
            derivative[op.derivative_span[0] : op.derivative_span[1]] if op.derivative_span else ""
        )
        if op.kind == "replace":
            changes.append(f"{_quote(was)} becomes {_quote(now)}")
        elif op.kind == "insert":
            changes.append(f"adds {_quote(now)}")
        elif op.kind == "delete":
            changes.append(f"drops {_quote(was)}")
    if len(changes) > limit:
        changes = [*changes[:limit], f"and {len(changes) - limit} more edits"]
    return changes


_EXPLAIN = {
    "verbatim": "The derivative copies this passage from the source word for word.",
    "reused": "The derivative copies this passage with trivial edits only "
    "(quote marks, dashes, figures written as words).",
    "altered": "The derivative copies this passage from the source but changes some of its words.",
    "paraphrased": "The derivative says what this source passage says, in other words.",
    "trimmed": "The derivative copies this passage but leaves part of it out.",
    "omitted": "The derivative leaves this passage of the source out.",
    "added": "This passage is only in the derivative; the source has nothing like it.",
}


def explain(passage: Passage, source: str, derivative: str) -> list[str]:
    """Say in plain sentences what happened to one passage."""
    lines = [_EXPLAIN.get(passage.kind, passage.kind)]
    changes = word_changes(passage, source, derivative)
    if changes and passage.kind in {"altered", "trimmed", "paraphrased"}:
        lines.append("Edits: " + "; ".join(changes) + ".")
    if passage.moved:
        lines.append("It stands at a different place in the derivative than in the source.")
    return lines


def steps(result: EngineComparison, source: str, derivative: str) -> list[Step]:
    """Return the changes worth a stop, in reading order of the derivative."""
    by_passage: dict[int, list[tuple[int, Finding]]] = {}
    for fi, pi in finding_passages(result).items():
        by_passage.setdefault(pi, []).append((fi, result.findings[fi]))
    out: list[Step] = []
    for pi, passage in enumerate(result.passages):
        found = tuple(by_passage.get(pi, ()))
        if not is_change(passage) and not found:
            continue
        out.append(
            Step(
                number=len(out) + 1,
                index=pi,
                passage=passage,
                findings=found,
                explanation=tuple(explain(passage, source, derivative)),
            )
        )
    return out


def step_side_html(result: EngineComparison, step: Step, text: str, side: Side) -> SafeString:
    """Render one side of a step: just that passage, with its word-level edits."""
    span = span_of(step.passage, side)
    if span is None or span[1] <= span[0]:
        return mark_safe("")
    prefix = f"st{step.number}-{side[0]}-"
    w = _Writer(text, side, result.findings, prefix)
    w.write(_mark_open(step.passage, step.index, side, prefix, dim=False))
    _passage_body(w, step.passage, span[0], span[1])
    w.write("</mark>")
    return w.html()
