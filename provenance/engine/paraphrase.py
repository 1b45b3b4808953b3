"""Pair unmatched sentences that restate each other in other words."""

from __future__ import annotations

import contextlib
import itertools
import math
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from provenance.engine.figures import may_be_styled_figure, read_figures
from provenance.engine.tokens import WEAK_WORDS, is_content, is_number, stem

if TYPE_CHECKING:
    from provenance.engine.types import Side

MIN_SHARED = 3  # shared content stems a paraphrase needs
MIN_SCORE = 0.3  # weighted cosine of content stems
# Texts that share little wording besides (under ALONE_SHARE of the derivative's words
# in copied passages) need a closer restatement: independent texts on one subject share
# generic words ("students", "opportunity", "courses") at scores near MIN_SCORE, while a
# restatement amid copied text is the common case. Operating point chosen from the table
# of bench/paraphrase_calibration.py (see docs/architecture.md).
MIN_SCORE_ALONE = 0.5
ALONE_SHARE = 0.1
MAX_DF = 25  # stems in more source units than this say nothing about a pair
FIGURE_BOOST = 1.5
# Figures and dates alone ("23 February 2017" against "Press release: 23 February
# 2017") are no restatement: a pair shares this many stems that are words, unless the
# two units have the same stems (a date line moved whole).
MIN_SHARED_WORDS = 2
# Chance pairs. The more sentence pairs two texts offer, the more of them share words by
# chance: beyond REF_PAIRS candidate pairs (two texts of about 1,500 words) the bar
# rises by CHANCE_SLOPE per e-fold of pairs, and the units must be sentences, not
# headings. Measured with bench/long_texts.py: unrelated runs of real releases of 20k
# and 50k words pair sentences by chance at scores up to 0.70 (boilerplate such as
# "This was an observational study, so no conclusions can be drawn …" restated).
REF_PAIRS = 3600
CHANCE_SLOPE = 0.06
MAX_SCORE_BAR = 0.9
LONG_MIN_WORDS = 8


class _StemCache(dict[str, str]):
    """Key → content stem ("" for function and weak words), computed on first sight."""

    def __missing__(self, key: str) -> str:
        value = self[key] = stem(key) if is_content(key) and key not in WEAK_WORDS else ""
        return value


_STEMS = _StemCache()


def _unit_stems(side: Side, u: int) -> list[str]:
    """The unit's content stems, sorted; read once per side and kept in its memo (a text
    analysed once is paired with many others, and reading figures is the dear part)."""
    memo: dict[int, list[str]] = side.memo.setdefault("unit_stems", {})
    stems = memo.get(u)
    if stems is None:
        stems = memo[u] = _read_unit_stems(side, u)
    return stems


def _read_unit_stems(side: Side, u: int) -> list[str]:
    # Sorted, so float sums run in the same order whatever the hash seed.
    lo, hi = side.unit_lo[u], side.unit_hi[u]
    keys = side.tokens.keys[lo:hi]
    stems = set(map(_STEMS.__getitem__, keys))
    unit = side.units[u]
    if may_be_styled_figure(keys, side.text, unit.start, unit.end):
        # A figure's numerals count as its amount ("12m", "12" → "1.2e+07GBP").
        stems = {st for st in stems if not is_number(st)} | _figure_stems(side, lo, hi)
    stems.discard("")
    return sorted(stems)


def _figure_stems(side: Side, lo: int, hi: int) -> set[str]:
    """One stem per amount, however it is written: "£12m", "£12 million" and "twelve
    million pounds" all give "1.2e+07GBP"; "40%" and "forty per cent", "40%".

    A restatement often writes its figures another way; the amount is what they share.
    """
    out: set[str] = set()
    for f in read_figures(side.text, side.tokens, lo, hi):
        if f.readings:
            unit, value = f.readings[0]
            out.add(f"{value:g}{unit}")
    return out


class _Weights(dict[str, float]):
    """Stem → squared weight, computed only for the stems a score needs."""

    def __init__(self, d_df: Counter[str], postings: dict[str, list[int]], n_units: int):
        super().__init__()
        self.d_df = d_df
        self.postings = postings
        self.n_units = n_units

    def __missing__(self, st: str) -> float:
        post = self.postings.get(st)
        n = self.d_df[st] + (len(post) if post is not None else 0)
        w = math.log(1 + self.n_units / n) * (FIGURE_BOOST if is_number(st) else 1.0)
        value = self[st] = w * w
        return value


def pair_paraphrases(
    src: Side, der: Side, s_done: bytearray, d_done: bytearray
) -> list[tuple[int, int, float]]:
    """Return (derivative unit, source unit, score) pairs, one-to-one, best first.

    Candidates come from an inverted index of stems: only source units sharing a stem
    rare enough to mean something (in at most MAX_DF units) are scored.
    """
    if len(_STEMS) > 200_000:
        _STEMS.clear()
    s_free = [u for u in range(len(src.units)) if not s_done[u]]
    d_free = [u for u in range(len(der.units)) if not d_done[u]]
    if not s_free or not d_free:
        return []
    copied = sum(der.unit_hi[u] - der.unit_lo[u] for u in range(len(der.units)) if d_done[u])
    alone = copied < ALONE_SHARE * len(der.tokens)
    min_score = max(MIN_SCORE, MIN_SCORE_ALONE) if alone else MIN_SCORE
    pairs = len(s_free) * len(d_free)
    crowded = pairs > REF_PAIRS
    if crowded:
        min_score = min(MAX_SCORE_BAR, min_score + CHANCE_SLOPE * math.log(pairs / REF_PAIRS))
    s_stems = {u: _unit_stems(src, u) for u in s_free}
    s_sets = {u: set(stems) for u, stems in s_stems.items()}
    d_stems = {u: _unit_stems(der, u) for u in d_free}
    postings: dict[str, list[int]] = {}
    for u in s_free:
        for st in s_stems[u]:
            post = postings.get(st)
            if post is None:
                postings[st] = [u]
            else:
                post.append(u)
    d_df = Counter(itertools.chain.from_iterable(d_stems.values()))
    rare = {st: post for st, post in postings.items() if len(post) <= MAX_DF}
    sq = _Weights(d_df, postings, len(s_free) + len(d_free))
    norms_s: dict[int, float] = {}
    candidates: list[tuple[float, int, int]] = []
    for du in d_free:
        stems = d_stems[du]
        if len(stems) < MIN_SHARED:
            continue
        useful = [st for st in stems if st in rare]
        if len(useful) < MIN_SHARED:
            continue
        # Count shared stems in C first; weigh only the few units sharing enough.
        count = Counter(itertools.chain.from_iterable(rare[st] for st in useful))
        norm_d = 0.0
        for su, n in count.items():
            if n < MIN_SHARED:
                continue
            if not norm_d:
                norm_d = math.sqrt(sum(map(sq.__getitem__, stems)))
            norm_s = norms_s.get(su)
            if norm_s is None:
                norm_s = norms_s[su] = math.sqrt(sum(map(sq.__getitem__, s_stems[su])))
            common = list(filter(s_sets[su].__contains__, useful))
            score = sum(map(sq.__getitem__, common)) / (norm_d * norm_s)
            if score >= min_score and _worth_pairing(stems, s_stems[su], common, crowded):
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


def _worth_pairing(
    d_stems: list[str], s_stems: list[str], common: list[str], crowded: bool
) -> bool:
    """The checks a pair scoring high enough must pass too (run only for those)."""
    if crowded and min(len(d_stems), len(s_stems)) < LONG_MIN_WORDS:
        return False
    if len(common) == len(d_stems) == len(s_stems):
        return True  # a line copied whole, a date say, is still its own twin
    words = 0
    for st in common:
        if not is_number(st):
            words += 1
            if words >= MIN_SHARED_WORDS:
                return True
    return False


@contextlib.contextmanager
def paraphrase_thresholds(min_score: float, min_score_alone: float) -> Iterator[None]:
    """Run compare() with other paraphrase thresholds for a while (for the calibration bench)."""
    global MIN_SCORE, MIN_SCORE_ALONE
    saved = MIN_SCORE, MIN_SCORE_ALONE
    MIN_SCORE, MIN_SCORE_ALONE = min_score, min_score_alone
    try:
        yield
    finally:
        MIN_SCORE, MIN_SCORE_ALONE = saved
