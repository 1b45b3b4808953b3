"""Pair unmatched sentences that restate each other in other words."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from provenance.engine.tokens import WEAK_WORDS, is_content, is_number, stem

if TYPE_CHECKING:
    from provenance.engine.align import Side

MIN_SHARED = 3  # shared content stems a paraphrase needs
MIN_SCORE = 0.3  # weighted cosine of content stems
MAX_DF = 25  # stems in more source units than this say nothing about a pair
FIGURE_BOOST = 1.5


def _unit_stems(side: Side, u: int) -> list[str]:
    keys = side.tokens.keys[side.unit_lo[u] : side.unit_hi[u]]
    return sorted({stem(k) for k in keys if is_content(k) and k not in WEAK_WORDS})


def pair_paraphrases(
    src: Side, der: Side, s_done: bytearray, d_done: bytearray
) -> list[tuple[int, int, float]]:
    """Return (derivative unit, source unit, score) pairs, one-to-one, best first."""
    s_free = [u for u in range(len(src.units)) if not s_done[u]]
    d_free = [u for u in range(len(der.units)) if not d_done[u]]
    if not s_free or not d_free:
        return []
    s_stems = {u: _unit_stems(src, u) for u in s_free}
    d_stems = {u: _unit_stems(der, u) for u in d_free}
    df: dict[str, int] = {}
    postings: dict[str, list[int]] = {}
    for u in s_free:
        for st in s_stems[u]:
            df[st] = df.get(st, 0) + 1
            postings.setdefault(st, []).append(u)
    for u in d_free:
        for st in d_stems[u]:
            df[st] = df.get(st, 0) + 1
    n_units = len(s_free) + len(d_free)

    weights = {
        st: math.log(1 + n_units / n) * (FIGURE_BOOST if is_number(st) else 1.0)
        for st, n in df.items()
    }
    weight = weights.__getitem__

    norms_s = {u: math.sqrt(sum(weight(st) ** 2 for st in s_stems[u])) for u in s_free}
    candidates: list[tuple[float, int, int]] = []
    for du in d_free:
        stems = d_stems[du]
        if len(stems) < MIN_SHARED:
            continue
        acc: dict[int, float] = {}
        count: dict[int, int] = {}
        for st in stems:
            post = postings.get(st)
            if not post or len(post) > MAX_DF:
                continue
            w = weight(st) ** 2
            for su in post:
                acc[su] = acc.get(su, 0.0) + w
                count[su] = count.get(su, 0) + 1
        if not acc:
            continue
        norm_d = math.sqrt(sum(weight(st) ** 2 for st in stems))
        for su, shared in acc.items():
            if count[su] < MIN_SHARED:
                continue
            score = shared / (norm_d * norms_s[su])
            if score >= MIN_SCORE:
                candidates.append((-score, du, su))
    candidates.sort()
    used_d: set[int] = set()
    used_s: set[int] = set()
    out: list[tuple[int, int, float]] = []
    for neg, du, su in candidates:
        if du in used_d or su in used_s:
            continue
        used_d.add(du)
        used_s.add(su)
        out.append((du, su, -neg))
    out.sort()
    return out
