"""Write one text as escaped HTML pieces, with paragraph breaks and finding marks."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Literal

from django.utils.safestring import SafeString, mark_safe

from comparisons import claims
from provenance.engine import AnalysedText, Finding, Op, Passage, analyse

Side = Literal["source", "derivative"]
Span = tuple[int, int]

FINDING_LABELS: dict[str, str] = {
    "name_added": "name added",
    "name_removed": "name removed",
    "number_changed": "figure changed",
    "quote_altered": "quotation altered",
    "quote_unsourced": "quotation unsourced",
    "quote_replaced": "quotation replaced",
    "attribution_changed": "attribution changed",
    "passage_moved": "passage moved",
    # Words a teacher would use in class, not the engine's vocabulary.
    "claim_strengthened": "stated more strongly",
    "claim_weakened": "stated more cautiously",
    "subjects_generalised": "animal or cell study told about people",
    "advice_added": "advice added",
    "group_relabelled": "group relabelled",
}

_PB = '<span class="pb"></span>'
# Findings longer than this (a whole quotation) are marked more quietly than a name or a figure.
_LONG_FINDING = 80
# Findings the passages already show (a moved passage is marked as moved): anchors only.
_QUIET_FINDINGS = frozenset({"passage_moved"})


def span_of(item: Passage | Op | Finding, side: Side) -> Span | None:
    return item.source_span if side == "source" else item.derivative_span


def _length(span: Span | None) -> int:
    return 0 if span is None else span[1] - span[0]


def word_count(text: str) -> int:
    return len(text.split())


def paragraph_breaks(text: str | AnalysedText) -> frozenset[int]:
    """Return the offsets of newlines that end a paragraph (at most one per gap).

    Hard-wrapped texts (like GOV.UK archives) break lines inside sentences; the
    engine's units know which line ends are paragraph ends, so columns can reflow
    the text and still show its paragraphs. Pass the version's kept analysis
    (`comparisons.analysis.analysis_for`) to reuse its units.
    """
    if isinstance(text, AnalysedText):
        return _breaks(text)
    try:
        return _breaks(_analysed(text))
    except ValueError:  # not text the engine reads: every line break ends a paragraph
        return frozenset(m.start() for m in re.finditer(r"(?<!\n)\n", text))


@functools.lru_cache(maxsize=8)
def _analysed(text: str) -> AnalysedText:
    return analyse(text)


def _breaks(analysed: AnalysedText) -> frozenset[int]:
    text, units = analysed.text, analysed.units
    breaks: set[int] = set()
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
        # A finding gathering fragments (a speaker's quoted words) is boxed at each one.
        spans = [
            (i, s)
            for i, f in enumerate(findings)
            for s in (f.parts if side == "derivative" and f.parts else (span_of(f, side),))
            if s is not None and s[1] > s[0]
        ]
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


class Writer:
    """Emit escaped pieces of one text, with paragraph breaks and finding marks."""

    def __init__(
        self,
        text: str | AnalysedText,
        side: Side,
        findings: Sequence[Finding],
        prefix: str,
        *,
        runs: bool = False,
    ) -> None:
        self.breaks = paragraph_breaks(text)
        self.text = text.text if isinstance(text, AnalysedText) else text
        self.side = side
        # Runs: wrap each piece of text in an element giving its offsets into this side's text,
        # for the views whose text content is not the document text (folds, the redline).
        self.runs = runs
        self.tail = ""  # the last character written, leaving run wrappers out
        self.findings = findings
        self.prefix = prefix
        self.index = _Findings.build(findings, side)
        self.anchored: set[int] = set()
        self.lengths = [_length(span_of(f, side)) for f in findings]
        # The deciding words of claim findings ("linked to", "cuts"), marked inside
        # their sentence so a reader sees which words changed the claim.
        self.cues = claims.all_phrase_spans(findings, side, self.text)
        self.out: list[str] = []

    def chunk(self, start: int, end: int) -> str:
        """Escape text[start:end] as one piece, in a run if this writer marks runs."""
        return self.run(start, end, self.plain_chunk(start, end))

    def cued_chunk(self, start: int, end: int) -> str:
        """Like chunk(), with the claim findings' deciding words in `<strong class="cue">`."""
        k = bisect.bisect_left(self.cues, (start, start))
        if k > 0 and self.cues[k - 1][1] > start:
            k -= 1
        parts: list[str] = []
        pos = start
        while pos < end:
            if k >= len(self.cues) or self.cues[k][0] >= end:
                parts.append(self.chunk(pos, end))
                break
            lo, hi = max(self.cues[k][0], pos), min(self.cues[k][1], end)
            if lo > pos:
                parts.append(self.chunk(pos, lo))
            if hi > lo:
                parts.append(f'<strong class="cue">{self.chunk(lo, hi)}</strong>')
            pos = max(pos, hi)
            k += 1
        return "".join(parts)

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
                f"{self.cued_chunk(lo, hi)}</span>"
            )

    def write(self, html: str, plain: str | None = None) -> None:
        """Append markup; `plain` is the same without run wrappers, if it differs."""
        self.out.append(html)
        self.tail = (html if plain is None else plain)[-1:]

    def html(self) -> SafeString:
        return mark_safe("".join(self.out))  # noqa: S308 - every text piece went through escape()
