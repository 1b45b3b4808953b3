"""A release against all its derivatives: the fan-out heat map and the trim map.

Both read the stored comparisons of the release (as source) with its derivatives;
no engine runs here. Each sentence of the release gets, per derivative, the kind
of the passage that covers most of it ("omitted" when none does) and the share of
the sentence the derivative took, which shades the heat map's cell in steps
(`SHADE_STEPS`): pages may not carry inline styles, so the shade is a class.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from comparisons.analysis import analysis_for
from discovery import trims
from discovery.relations import Relation, derivatives_of
from documents.models import Document
from provenance.engine import Passage, Unit, analyse

if TYPE_CHECKING:
    from provenance.roles import AnyUser

# The order of the heat map's columns: from faithful reuse to leaving it out.
FANOUT_KINDS = ("verbatim", "reused", "altered", "paraphrased", "trimmed", "omitted")
KEPT_KINDS = frozenset(FANOUT_KINDS) - {"omitted"}

# Shade classes of the heat map, in per cent: none, a little (1–24), a quarter, half,
# three quarters, all. Each step is darker, so the map reads in greyscale too.
SHADE_STEPS = (0, 10, 25, 50, 75, 100)
SHADE_LEGEND = ("none", "1–24%", "25–49%", "50–74%", "75–99%", "all")


def shade(share: float) -> int:
    """The step of `SHADE_STEPS` a share falls in (any share above nothing is at least 10)."""
    percent = round(100 * share)
    if percent <= 0:
        return 0
    if percent >= 100:
        return 100
    return max(step for step in SHADE_STEPS[:-1] if step <= max(percent, 10))


@dataclass(frozen=True)
class Cell:
    """One sentence of the release in one derivative: what became of it, how much was taken."""

    kind: str
    share: float  # of the sentence's characters, taken by the derivative

    @property
    def shade(self) -> int:
        return shade(self.share)


@dataclass
class SentenceRow:
    index: int
    start: int
    end: int
    text: str
    cells: list[Cell]  # one per derivative, in column order
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def kinds(self) -> list[str]:
        return [cell.kind for cell in self.cells]

    @property
    def taken(self) -> int:
        return sum(n for kind, n in self.counts.items() if kind != "omitted")

    @property
    def shade(self) -> int:
        """The "taken by" cell's step: the share of derivatives that took the sentence."""
        return shade(self.taken / len(self.cells)) if self.cells else 0


@dataclass
class FanOut:
    release: Document
    derivatives: list[Relation]
    sentences: list[SentenceRow]

    @property
    def totals(self) -> dict[str, int]:
        total: Counter[str] = Counter()
        for row in self.sentences:
            total.update(row.counts)
        return {kind: total[kind] for kind in FANOUT_KINDS}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _passages(relation: Relation) -> tuple[Passage, ...]:
    return relation.comparison.engine_result.passages


def sentence_kind(span: tuple[int, int], passages: Sequence[Passage]) -> str:
    """The kind of the passage covering most of the sentence on the source side."""
    best, best_overlap = "omitted", 0
    for passage in passages:
        source_span = passage.source_span
        if source_span is None or passage.kind == "added":
            continue
        overlap = _overlap(span, source_span)
        if overlap > best_overlap:
            best, best_overlap = passage.kind, overlap
    return best if best in FANOUT_KINDS else "omitted"


def sentence_share(span: tuple[int, int], passages: Sequence[Passage]) -> float:
    """The share of the sentence's characters the derivative took.

    Covered by a passage it kept (any kind but omitted and added), less the words
    that passage dropped (non-trivial deletions inside a trimmed or altered passage).
    """
    size = span[1] - span[0]
    if size <= 0:
        return 0.0
    kept = [_clip(p.source_span, span) for p in passages if p.source_span and p.kind in KEPT_KINDS]
    dropped = [
        _clip(op.source_span, span)
        for p in passages
        if p.kind in KEPT_KINDS
        for op in p.ops
        if op.kind == "delete" and not op.trivial and op.source_span
    ]
    taken = _length(_merge(kept)) - _length(_intersect(_merge(kept), _merge(dropped)))
    return max(0.0, min(1.0, taken / size))


Spans = list[tuple[int, int]]


def _clip(inner: tuple[int, int], outer: tuple[int, int]) -> tuple[int, int]:
    start, end = max(inner[0], outer[0]), min(inner[1], outer[1])
    return (start, max(start, end))


def _merge(spans: Spans) -> Spans:
    out: Spans = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _intersect(a: Spans, b: Spans) -> Spans:
    return [(max(x[0], y[0]), min(x[1], y[1])) for x in a for y in b if _overlap(x, y)]


def _length(spans: Spans) -> int:
    return sum(end - start for start, end in spans)


def _units(release: Document) -> list[Unit]:
    """The release's sentences, from its kept analysis when it has a current version."""
    version = release.current_version
    if version is None:
        return analyse(release.text).units
    return analysis_for(version, keep=False).units  # a page reads; the worker keeps analyses


def fan_out(release: Document, viewer: AnyUser, limit: int | None = None) -> FanOut:
    """Every sentence of the release against each stored derivative the viewer may see."""
    derivatives = derivatives_of(release, viewer)
    derivatives = derivatives[:limit] if limit else derivatives
    text = release.text
    passages = [_passages(r) for r in derivatives]
    rows = []
    for i, unit in enumerate(_units(release)):
        span = (unit.start, unit.end)
        cells = [Cell(sentence_kind(span, p), sentence_share(span, p)) for p in passages]
        counts = Counter(cell.kind for cell in cells)
        rows.append(
            SentenceRow(
                i + 1,
                unit.start,
                unit.end,
                text[unit.start : unit.end],
                cells,
                {k: counts[k] for k in FANOUT_KINDS},
            )
        )
    return FanOut(release, derivatives, rows)


@dataclass(frozen=True)
class TrimItem:
    """A caveat or a figure in the release, and what each derivative did with it."""

    kind: str  # "caveat" | "figure"
    text: str
    sentence: int
    context: str
    fates: list[str]  # per derivative: "kept" | "dropped" | "changed"


def _lost_spans(passages: Sequence[Passage]) -> list[tuple[int, int, str]]:
    """Source spans the derivative lost: left out ("dropped") or reworded ("changed")."""
    spans = []
    for passage in passages:
        if passage.kind == "omitted" and passage.source_span:
            spans.append((*passage.source_span, "dropped"))
        for op in passage.ops:
            if op.trivial or not op.source_span:
                continue
            if op.kind == "delete":
                spans.append((*op.source_span, "dropped"))
            elif op.kind == "replace":
                spans.append((*op.source_span, "changed"))
    return spans


def _fate(
    span: tuple[int, int], lost: list[tuple[int, int, str]], kept: list[tuple[int, int]]
) -> str:
    if not any(_overlap(span, c) for c in kept):
        return "dropped"
    for start, end, fate in lost:
        if _overlap(span, (start, end)) * 2 >= span[1] - span[0]:
            return fate
    return "kept"


def trim_map(release: Document, viewer: AnyUser) -> tuple[list[Relation], list[TrimItem]]:
    """The caveats and figures of the release, and which visible derivatives dropped each."""
    derivatives = derivatives_of(release, viewer)
    text = release.text
    passages = [_passages(r) for r in derivatives]
    lost = [_lost_spans(p) for p in passages]
    covered = [
        [p.source_span for p in ps if p.source_span and p.kind in KEPT_KINDS] for ps in passages
    ]
    items = []
    for i, unit in enumerate(_units(release)):
        sentence = text[unit.start : unit.end]
        found = [("figure", s) for s in trims.figures(sentence)]
        found += [("caveat", s) for s in trims.caveats(sentence)]
        for kind, (lo, hi) in sorted(found, key=lambda f: f[1]):
            span = (unit.start + lo, unit.start + hi)
            fates = [_fate(span, gone, kept) for gone, kept in zip(lost, covered, strict=True)]
            words = (
                trims.figure_words(sentence, (lo, hi))
                if kind == "figure"
                else " ".join(sentence[lo:hi].split())
            )
            items.append(TrimItem(kind, words, i + 1, sentence, fates))
    return derivatives, items
