"""PAN text-alignment measures (Potthast et al. 2010), written from the definitions.

A *case* is a true reuse: a character range in the source and one in the derivative.
A *detection* is the same thing as reported by a detector. Both are treated as sets of
characters: the union of their source characters and their derivative characters, and
characters of different document pairs are distinct (so a corpus of many pairs is
scored as one set of cases and one set of detections, as PAN does).

- A detection r *detects* a case s when they overlap on the source side and on the
  derivative side; s ⊓ r is then s ∩ r, and empty otherwise.
- Macro precision: the mean over detections r of |∪_s (s ⊓ r)| / |r|.
- Macro recall: the mean over cases s of |∪_r (s ⊓ r)| / |s|.
- Granularity: the mean number of detections per detected case (1 is ideal).
- plagdet = F1 / log2(1 + granularity).

Edge cases, stated because the paper leaves them open: with no detections precision is
0 (as in PAN's own evaluation script), with no cases recall is 0, with no detected
case granularity is 1, and F1 is 0 when precision and recall are both 0.

Turning an engine result into detections (`detections_from_passages`): every passage
that is not `added` or `omitted` and has both spans is a candidate. Candidates are
taken in derivative order, and consecutive ones are merged into one detection when
they are contiguous in both texts: on each side the next starts at most `max_gap`
characters before the previous ends, and the text between them is empty, only
whitespace and punctuation, or at most `max_gap` characters long (3 by default). A
merged detection spans from the first start to the last end on each side. The true
cases from the generator are merged by the same rule, so a passage split at sentence
boundaries is not penalised for granularity, while a reordered or trimmed passage
(whose source side jumps) stays a separate case.
"""

from __future__ import annotations

import math
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Span = tuple[int, int]
_GAP_CHARS = set(string.whitespace + string.punctuation + "–—“”‘’«»…\u00a0")


@dataclass(frozen=True)
class Pair:
    """A matched stretch: `doc` tells document pairs apart when scoring a corpus."""

    source: Span
    derivative: Span
    doc: int = 0

    @property
    def size(self) -> int:
        return (self.source[1] - self.source[0]) + (self.derivative[1] - self.derivative[0])


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    granularity: float
    plagdet: float
    cases: int
    detections: int

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _union_length(spans: Iterable[Span]) -> int:
    total = 0
    end = None
    start = None
    for s, e in sorted(sp for sp in spans if sp[1] > sp[0]):
        if end is None or s > end:
            if end is not None and start is not None:
                total += end - start
            start, end = s, e
        else:
            end = max(end, e)
    if end is not None and start is not None:
        total += end - start
    return total


def _intersection(a: Span, b: Span) -> Span:
    return (max(a[0], b[0]), min(a[1], b[1]))


def detects(r: Pair, s: Pair) -> bool:
    return (
        r.doc == s.doc
        and _overlap(r.source, s.source) > 0
        and _overlap(r.derivative, s.derivative) > 0
    )


def _covered(x: Pair, others: Sequence[Pair]) -> int:
    """|∪_o (x ⊓ o)|: the characters of x inside the others that detect it (or it detects)."""
    src = [_intersection(x.source, o.source) for o in others]
    der = [_intersection(x.derivative, o.derivative) for o in others]
    return _union_length(src) + _union_length(der)


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def score(cases: Sequence[Pair], detections: Sequence[Pair]) -> Scores:
    """Score detections against cases with PAN's macro measures and plagdet."""
    by_doc: dict[int, list[Pair]] = {}
    for r in detections:
        by_doc.setdefault(r.doc, []).append(r)
    cases_by_doc: dict[int, list[Pair]] = {}
    for s in cases:
        cases_by_doc.setdefault(s.doc, []).append(s)

    recall_sum = 0.0
    detected_counts = []
    for s in cases:
        hits = [r for r in by_doc.get(s.doc, []) if detects(r, s)]
        if hits:
            detected_counts.append(len(hits))
            recall_sum += _covered(s, hits) / s.size if s.size else 0.0
    precision_sum = 0.0
    for r in detections:
        hits = [s for s in cases_by_doc.get(r.doc, []) if detects(r, s)]
        if hits and r.size:
            precision_sum += _covered(r, hits) / r.size

    precision = precision_sum / len(detections) if detections else 0.0
    recall = recall_sum / len(cases) if cases else 0.0
    granularity = sum(detected_counts) / len(detected_counts) if detected_counts else 1.0
    plagdet = _f1(precision, recall) / math.log2(1 + granularity)
    return Scores(precision, recall, granularity, plagdet, len(cases), len(detections))


def _gap_ok(text: str, prev_end: int, next_start: int, max_gap: int) -> bool:
    if next_start < prev_end - max_gap:
        return False
    gap = text[prev_end:next_start]
    return len(gap) <= max_gap or all(c in _GAP_CHARS for c in gap)


def merge_adjacent(
    pairs: Iterable[Pair], source: str, derivative: str, max_gap: int = 3
) -> list[Pair]:
    """Merge pairs that follow each other in both texts, per the rule in the docstring."""
    merged: list[Pair] = []
    for p in sorted(pairs, key=lambda p: (p.doc, p.derivative, p.source)):
        if merged:
            last = merged[-1]
            if (
                last.doc == p.doc
                and _gap_ok(derivative, last.derivative[1], p.derivative[0], max_gap)
                and _gap_ok(source, last.source[1], p.source[0], max_gap)
            ):
                merged[-1] = Pair(
                    (min(last.source[0], p.source[0]), max(last.source[1], p.source[1])),
                    (
                        min(last.derivative[0], p.derivative[0]),
                        max(last.derivative[1], p.derivative[1]),
                    ),
                    p.doc,
                )
                continue
        merged.append(p)
    return merged


def detections_from_passages(
    passages: Iterable[object], source: str, derivative: str, doc: int = 0, max_gap: int = 3
) -> list[Pair]:
    """Turn engine passages into PAN detections (matched kinds only, merged when adjacent)."""
    pairs = []
    for p in passages:
        kind = getattr(p, "kind", None)
        src = getattr(p, "source_span", None)
        der = getattr(p, "derivative_span", None)
        if kind in ("added", "omitted") or src is None or der is None:
            continue
        pairs.append(Pair(tuple(src), tuple(der), doc))  # type: ignore[arg-type]
    return merge_adjacent(pairs, source, derivative, max_gap)
