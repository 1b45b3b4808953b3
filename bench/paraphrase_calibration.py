"""The paraphrase decision's precision/recall trade-off, over thresholds and features.

Positives: sentences restated by the generator's `paraphrase` operation (synonyms and
clause reordering, same figures). Hard negatives: independent releases on the same
subject (`bench.same_subject`), where every paraphrase pairing is false, and the
generated derivatives' own unrelated sentences. The engine is run once with the
paraphrase threshold lowered to the table's lowest value; each paraphrased passage is
then kept or dropped per operating point, so the table needs no rerun per row:

- score: the pairing score (weighted cosine of content stems; MIN_SCORE);
- shared: content stems the two sentences share (MIN_SHARED);
- alone: the score needed where the two texts share little wording besides (under
  ALONE_SHARE of the derivative): a restatement amid copied text is likelier than one
  between texts that copy nothing.

P is the share of the paraphrased passages kept that restate a true source sentence;
R the share of true restated sentences found as paraphrased passages.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bench.generate import derive
from bench.same_subject import same_subject_pairs

SCORES = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
SHARED = (3, 4, 5)
ALONE = (None, 0.4, 0.5)  # a higher score where the texts share little wording (< ALONE_SHARE)
ALONE_SHARE = 0.1  # as provenance.engine.paraphrase.ALONE_SHARE


@dataclass(frozen=True)
class Pairing:
    score: float
    shared: int
    true: bool
    copied: float  # the pair's derivative_share: restatement amid copying, or alone


def _shared_stems(source: str, derivative: str, p: Any) -> int:
    from provenance.engine import WEAK_WORDS, is_content, stem, tokenize

    def stems(text: str) -> set[str]:
        return {stem(k) for k in tokenize(text).keys if is_content(k) and k not in WEAK_WORDS}

    s, d = p.source_span, p.derivative_span
    return len(stems(source[s[0] : s[1]]) & stems(derivative[d[0] : d[1]]))


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and min(a[1], b[1]) > max(a[0], b[0])


def collect(
    compare: Any, releases: Sequence[dict[str, Any]], limit: int, pairs: int, seed: int
) -> tuple[list[Pairing], int]:
    """Paraphrased passages (positives and negatives), and the number of true restatements."""
    from provenance.engine import paraphrase_thresholds

    with paraphrase_thresholds(min(SCORES), min(SCORES)):
        out: list[Pairing] = []
        truth = 0
        rng = random.Random(f"{seed}:calibration")
        for doc, release in enumerate(rng.sample(list(releases), min(limit, len(releases)))):
            d = derive(release["text"], ["paraphrase"], random.Random(f"{seed}:{doc}:para"))
            segs = [s for s in d.segments if s.op == "paraphrase"]
            truth += len(segs)
            c = compare(d.source, d.derivative)
            for p in c.passages:
                if p.kind != "paraphrased":
                    continue
                true = any(
                    _overlap(p.source_span, s.source_span)
                    and _overlap(p.derivative_span, s.derivative_span)
                    for s in segs
                )
                out.append(
                    Pairing(
                        p.similarity,
                        _shared_stems(d.source, d.derivative, p),
                        true,
                        c.stats.derivative_share,
                    )
                )
        for a, b, _ in same_subject_pairs(releases, pairs):
            c = compare(a["text"], b["text"])
            for p in c.passages:
                if p.kind == "paraphrased":
                    shared = _shared_stems(a["text"], b["text"], p)
                    out.append(Pairing(p.similarity, shared, False, c.stats.derivative_share))
        return out, truth


def table(pairings: Sequence[Pairing], truth: int) -> list[dict[str, str]]:
    rows = []
    for alone in ALONE:
        for shared in SHARED:
            for score in SCORES:
                kept = [
                    p
                    for p in pairings
                    if p.score >= score
                    and p.shared >= shared
                    and (alone is None or p.copied >= ALONE_SHARE or p.score >= alone)
                ]
                tp = sum(p.true for p in kept)
                precision = tp / len(kept) if kept else 0.0
                recall = tp / truth if truth else 0.0
                both = precision + recall
                f = 0.0 if both == 0 else 2 * precision * recall / both
                rows.append(
                    {
                        "min score": f"{score:.2f}",
                        "min shared stems": str(shared),
                        "score alone": "–" if alone is None else f"{alone:.2f}",
                        "kept": str(len(kept)),
                        "false": str(len(kept) - tp),
                        "P": f"{100 * precision:.1f}",
                        "R": f"{100 * recall:.1f}",
                        "F1": f"{100 * f:.1f}",
                    }
                )
    return rows
