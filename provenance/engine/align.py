"""Align two texts into passages: seed with shared word runs, link sentences, classify.

The steps live in their own modules (tiles, links, gaps, classify) and work on the
sides and passages of `types`; this module puts the steps together.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections import Counter
from typing import TYPE_CHECKING

from provenance.engine.classify import (
    COPIED_COVER,
    COPIED_SIMILARITY,
    PARAPHRASE_SHARED,
    classify,
    clip,
    foreign_edges,
    is_match,
    reworded,
    run_cover,
)
from provenance.engine.diff import RawOp, diff_ranges
from provenance.engine.gaps import gap_groups
from provenance.engine.links import link_groups, strong_links
from provenance.engine.moves import flag_moves
from provenance.engine.paraphrase import pair_paraphrases
from provenance.engine.tiles import find_tiles, settle_edges
from provenance.engine.types import Match, Side

if TYPE_CHECKING:
    from provenance.engine.result import PassageKind

_OPENERS = "\"'“‘«(["
_CLOSERS = ".,;:!?\"'”’»)]…"


def _span(side: Side, lo: int, hi: int) -> tuple[int, int]:
    """Character span of tokens [lo, hi) with punctuation attached to its ends."""
    text = side.text
    s = side.tokens.starts[lo]
    e = side.tokens.ends[hi - 1]
    u = side.units[side.unit_of[lo]]
    while s > u.start and text[s - 1] in _OPENERS:
        s -= 1
    u = side.units[side.unit_of[hi - 1]]
    while e < u.end and text[e] in _CLOSERS:
        e += 1
    return (s, e)


def _unit_span(side: Side, first: int, last: int) -> tuple[int, int]:
    return (side.units[first].start, side.units[last].end)


def align(src: Side, der: Side) -> tuple[list[Match], list[tuple[int, int, int]]]:
    """Return passages (matched, paraphrased, omitted, added) and the word tiles found."""
    tiles = find_tiles(src.tokens, der.tokens)
    tiles = settle_edges(tiles, src.tokens, der.tokens, src.unit_of, der.unit_of)
    links = strong_links(src, der, tiles)
    matches: list[Match] = []
    d_done = bytearray(len(der.units))
    s_done = bytearray(len(src.units))
    groups = link_groups(links, src, der)
    chance_run = chance_run_length(len(src.tokens), len(der.tokens))
    groups += gap_groups(src, der, groups)
    # Which group each unit is linked in: copying that goes on past a passage's edge on
    # both sides makes an edge edit a change inside the copy, not the copy's end.
    d_group: dict[int, int] = {}
    s_group: dict[int, int] = {}
    for g, (ds, ss) in enumerate(groups):
        d_group.update(dict.fromkeys(ds, g))
        s_group.update(dict.fromkeys(ss, g))

    def continued(du: int, su: int) -> bool:
        g = d_group.get(du)
        return g is not None and g == s_group.get(su)

    for ds, ss in sorted(groups):
        if any(d_done[u] for u in ds) or any(s_done[u] for u in ss):
            continue  # a unit belongs to one passage, even when copied twice
        edges = (continued(ds[0] - 1, ss[0] - 1), continued(ds[-1] + 1, ss[-1] + 1))
        m = _matched(src, der, ds, ss, tiles, edges)
        if m is None:
            continue
        if (
            chance_run > SHORT_RUN
            and not any(edges)
            and (_longest_run(m) < chance_run or _cover(m) < LONE_COVER)
        ):
            continue  # a stock phrase two long texts share by chance, not a copy
        matches.append(m)
        matches.extend(_remainders(src, ss, m, "omitted"))
        matches.extend(_remainders(der, ds, m, "added"))
        for u in ds:
            d_done[u] = 1
        for u in ss:
            s_done[u] = 1
    for du, su, score in pair_paraphrases(src, der, s_done, d_done):
        s_lo, s_hi = src.unit_lo[su], src.unit_hi[su]
        d_lo, d_hi = der.unit_lo[du], der.unit_hi[du]
        ops = diff_ranges(src.text, src.tokens, s_lo, s_hi, der.text, der.tokens, d_lo, d_hi)
        kind, similarity = classify(ops, src.tokens)
        if similarity < COPIED_SIMILARITY and run_cover(ops) < COPIED_COVER:
            # Paired on shared content alone: a restatement, whatever the word bag says.
            kind, similarity = "paraphrased", round(score, 4)
        m = Match(kind, s_lo, s_hi, d_lo, d_hi, similarity, ops)
        m.s_span = _unit_span(src, su, su)
        m.d_span = _unit_span(der, du, du)
        matches.append(m)
        d_done[du] = 1
        s_done[su] = 1
    matches = _join_fragments(matches)
    flag_moves(matches, src, der)
    matches.extend(_leftovers(src, s_done, "omitted"))
    matches.extend(_leftovers(der, d_done, "added"))
    return _ordered(matches), tiles


# Chance runs. Two texts share a run of n words by chance about S·D·qⁿ times (S, D their
# lengths in words, q the odds that two words of stock prose agree), so the run a lone
# passage needs grows by one word each time S·D grows by 1/q. SHORT_RUN words suffice
# for texts of the size the engine was built on (a release and its stories, up to about
# REF_WORDS each). q was measured with bench/long_texts.py on unrelated runs of real
# releases: the longest runs they share by chance are 7 words at 20k words each and 8
# at 50k ("a better understanding of the mechanisms underlying the"), one word more
# for S·D 6.25 times larger, so 1/q ≈ 6.
SHORT_RUN = 5
REF_WORDS = 1500
CHANCE_Q = 1 / 6.25
# Nor, in such texts, does a lone pair of sentences sharing one stock phrase amid other
# words ("… means that no firm conclusions can be drawn …") make a copied passage: the
# passage must keep at least this share of the shorter side's words.
LONE_COVER = 0.5


def chance_run_length(n_src: int, n_der: int) -> int:
    """The shared run (in words) a passage standing alone needs between texts this long."""
    ratio = max(1, n_src) * max(1, n_der) / (REF_WORDS * REF_WORDS)
    if ratio <= 1:
        return SHORT_RUN
    return math.ceil(SHORT_RUN + math.log(ratio) / math.log(1 / CHANCE_Q))


def _cover(m: Match) -> float:
    """Share of the shorter side's words that the passage keeps (a copy may sit inside a
    far longer unit, as in text without sentence breaks)."""
    same = sum(op.s_hi - op.s_lo for op in m.ops if is_match(op))
    shorter = min(m.s_hi - m.s_lo, m.d_hi - m.d_lo)
    return same / shorter if shorter > 0 else 0.0


def _longest_run(m: Match) -> int:
    return max((op.s_hi - op.s_lo for op in m.ops if op.kind == "equal"), default=0)


def _matched(
    src: Side,
    der: Side,
    ds: list[int],
    ss: list[int],
    tiles: list[tuple[int, int, int]],
    continued: tuple[bool, bool] = (False, False),
) -> Match | None:
    """Diff and classify linked units; None when they share no words after all.

    continued: whether copying goes on before and after the units on both sides; an
    edge there is an edit inside the copy, never the copy's end.
    """
    s_lo, s_hi = src.unit_lo[ss[0]], src.unit_hi[ss[-1]]
    d_lo, d_hi = der.unit_lo[ds[0]], der.unit_hi[ds[-1]]
    ops = diff_ranges(src.text, src.tokens, s_lo, s_hi, der.text, der.tokens, d_lo, d_hi, tiles)
    same_s = sum(op.s_hi - op.s_lo for op in ops if is_match(op))
    if not same_s:
        return None
    s_span = _unit_span(src, ss[0], ss[-1])
    d_span = _unit_span(der, ds[0], ds[-1])
    head = tail = False
    core = ops
    if same_s < 0.4 * (s_hi - s_lo) and same_s < 0.4 * (d_hi - d_lo):
        core = clip(ops)
        head, tail = core[0] is not ops[0], core[-1] is not ops[-1]
    # A copy cut inside a sentence: the passage starts and ends at the copied words,
    # when what is left is copied wording and the words cut off do not restate each
    # other (a clause moved within a sentence).
    n_head, n_tail = foreign_edges(core, src.tokens, _glued(tiles, s_lo, s_hi, d_lo, d_hi))
    n_head = 0 if continued[0] else n_head
    n_tail = 0 if continued[1] else n_tail
    cut = core[n_head : len(core) - n_tail]
    foreign = (
        bool(n_head or n_tail)
        and not _restated(src, der, core[:n_head] + core[len(core) - n_tail :])
        and classify(cut, src.tokens)[1] >= COPIED_SIMILARITY
    )
    if not foreign:
        similarity = classify(ops, src.tokens)[1]
        if reworded(src, der, ops, similarity):
            m = Match("paraphrased", s_lo, s_hi, d_lo, d_hi, similarity, ops)
            m.s_span, m.d_span = s_span, d_span
            return m
    else:
        core = cut
        head, tail = head or n_head > 0, tail or n_tail > 0
    if head:
        s_lo, d_lo = core[0].s_lo, core[0].d_lo
        s_span = (_span(src, s_lo, core[0].s_hi)[0], s_span[1])
        d_span = (_span(der, d_lo, core[0].d_hi)[0], d_span[1])
    if tail:
        s_hi, d_hi = core[-1].s_hi, core[-1].d_hi
        s_span = (s_span[0], _span(src, core[-1].s_lo, s_hi)[1])
        d_span = (d_span[0], _span(der, core[-1].d_lo, d_hi)[1])
    kind, similarity = classify(core, src.tokens)
    m = Match(kind, s_lo, s_hi, d_lo, d_hi, similarity, core, partial=head or tail)
    m.s_span, m.d_span = s_span, d_span
    if head or tail:
        first = next(k for k, op in enumerate(ops) if op is core[0])
        m.cut_head = ops[:first]
        m.cut_tail = ops[first + len(core) :]
    return m


def _glued(
    tiles: list[tuple[int, int, int]], s_lo: int, s_hi: int, d_lo: int, d_hi: int
) -> tuple[bool, bool]:
    """Whether a copied run crosses into the ranges at their start, and out at their end,
    on both sides at once (one tile over the boundary)."""
    k = bisect.bisect_right(tiles, d_lo, key=lambda t: t[1]) - 1
    head = (
        k >= 0
        and tiles[k][1] < d_lo < tiles[k][1] + tiles[k][2]
        and tiles[k][0] + (d_lo - tiles[k][1]) == s_lo
    )
    k = bisect.bisect_right(tiles, d_hi - 1, key=lambda t: t[1]) - 1
    tail = (
        k >= 0
        and tiles[k][1] < d_hi < tiles[k][1] + tiles[k][2]
        and tiles[k][0] + (d_hi - tiles[k][1]) == s_hi
    )
    return head, tail


def _restated(src: Side, der: Side, ops: list[RawOp]) -> bool:
    """Tell whether the words of ops say on one side what they say on the other."""
    s_count: Counter[str] = Counter()
    d_count: Counter[str] = Counter()
    for op in ops:
        s_count.update(src.tokens.keys[op.s_lo : op.s_hi])
        d_count.update(der.tokens.keys[op.d_lo : op.d_hi])
    total = s_count.total() + d_count.total()
    return total > 0 and 2 * (s_count & d_count).total() >= PARAPHRASE_SHARED * total


def _join_fragments(matches: list[Match]) -> list[Match]:
    """Join copied passages that follow each other in both texts when one is cut mid-sentence.

    A copy that starts or ends inside a sentence is one passage, not a fragment per
    sentence it touches; whole sentences copied one after another stay one passage
    each, as they always were.
    """
    copied = sorted(
        (m for m in matches if m.kind in ("verbatim", "reused") and not m.moved),
        key=lambda m: m.d_lo,
    )
    gone: set[int] = set()
    for a, b in itertools.pairwise(copied):
        if id(a) in gone:
            continue
        if not ((a.partial or b.partial) and a.s_hi == b.s_lo and a.d_hi == b.d_lo):
            continue
        assert a.s_span is not None and a.d_span is not None
        assert b.s_span is not None and b.d_span is not None
        b.kind = "verbatim" if a.kind == b.kind == "verbatim" else "reused"
        b.s_lo, b.d_lo = a.s_lo, a.d_lo
        b.ops = a.ops + b.ops
        b.cut_head = a.cut_head
        b.s_span, b.d_span = (a.s_span[0], b.s_span[1]), (a.d_span[0], b.d_span[1])
        b.similarity = 1.0
        b.partial = True
        gone.add(id(a))
    return [m for m in matches if id(m) not in gone]


def _remainders(side: Side, units: list[int], m: Match, kind: PassageKind) -> list[Match]:
    """Omitted/added pieces of linked units that a clipped passage leaves out."""
    span = m.s_span if kind == "omitted" else m.d_span
    lo, hi = (m.s_lo, m.s_hi) if kind == "omitted" else (m.d_lo, m.d_hi)
    assert span is not None
    text = side.text
    out: list[Match] = []
    pieces = (
        (side.units[units[0]].start, span[0], side.unit_lo[units[0]], lo),
        (span[1], side.units[units[-1]].end, hi, side.unit_hi[units[-1]]),
    )
    for start, end, t_lo, t_hi in pieces:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        if kind == "omitted":
            out.append(Match(kind, t_lo, t_hi, -1, -1, 0.0, s_span=(start, end)))
        else:
            out.append(Match(kind, -1, -1, t_lo, t_hi, 0.0, d_span=(start, end)))
    return out


def _leftovers(side: Side, done: bytearray, kind: PassageKind) -> list[Match]:
    out: list[Match] = []
    u = 0
    n = len(side.units)
    while u < n:
        if done[u]:
            u += 1
            continue
        first = u
        while u < n and not done[u]:
            u += 1
        lo, hi = side.unit_lo[first], side.unit_hi[u - 1]
        span = _unit_span(side, first, u - 1)
        if kind == "omitted":
            out.append(Match(kind, lo, hi, -1, -1, 0.0, s_span=span))
        else:
            out.append(Match(kind, -1, -1, lo, hi, 0.0, d_span=span))
    return out


def _ordered(matches: list[Match]) -> list[Match]:
    """Order by derivative position; an omitted passage follows its source predecessor."""
    anchored = sorted(
        ((m.s_lo, m.d_hi) for m in matches if m.d_lo >= 0 and m.s_lo >= 0 and not m.moved),
    )
    starts = [a[0] for a in anchored]
    reach: list[int] = []
    best = 0
    for _, d_hi in anchored:
        best = max(best, d_hi)
        reach.append(best)
    keyed: list[tuple[tuple[int, int, int], Match]] = []
    for m in matches:
        if m.d_lo >= 0:
            keyed.append(((m.d_lo, 0, m.s_lo), m))
            continue
        k = bisect.bisect_left(starts, m.s_lo)
        pos = reach[k - 1] if k else 0
        keyed.append(((pos, -1, m.s_lo), m))
    keyed.sort(key=lambda km: km[0])
    return [m for _, m in keyed]
