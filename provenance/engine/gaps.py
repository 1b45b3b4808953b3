"""Fill the gaps between passages: pair unmatched units that sit in the same place."""

from __future__ import annotations

import itertools
from collections import Counter
from typing import TYPE_CHECKING

from provenance.engine.classify import classify
from provenance.engine.diff import diff_ranges
from provenance.engine.tokens import is_evidence

if TYPE_CHECKING:
    from provenance.engine.types import Side

GAP_UNITS = 4  # unmatched units between two in-order passages worth pairing up
GAP_SIMILARITY = 0.5
GAP_RESTATED = 0.4  # share of words two same-place units need to pair as a restatement


def gap_groups(
    src: Side, der: Side, groups: list[tuple[list[int], list[int]]]
) -> list[tuple[list[int], list[int]]]:
    """Pair unmatched units that sit between passages adjacent in both texts.

    A line like "Notes for editors" or "ENDS" is no evidence on its own, but next to
    copied passages, in the same place in both texts, it was copied too. Units are
    paired outward from each passage while they stay alike; what is left between two
    passages is paired if it is small and says the same things.
    """
    if not groups:
        return []
    bounds = [([-1], [-1]), *sorted(groups), ([len(der.units)], [len(src.units)])]
    out: list[tuple[list[int], list[int]]] = []
    n_der = len(der.units)
    for (d1, s1), (d2, s2) in itertools.pairwise(bounds):
        d_first, d_last = d1[-1] + 1, d2[0] - 1
        s_first, s_last = s1[-1] + 1, s2[0] - 1
        front = (d1, s1) if d1[0] >= 0 else None
        back = (d2, s2) if d2[0] < n_der else None
        grown = True
        while grown:
            grown = False
            if front is not None:
                # A line break one text has and the other lacks splits a unit in two:
                # the split-off pieces join the passage whose other side holds them.
                fd, fs = front
                k = _pieces(src, fs[-1], der, fd[-1], d_first, d_last, tail=True)
                fd.extend(range(d_first, d_first + k))
                d_first += k
                j = _pieces(der, fd[-1], src, fs[-1], s_first, s_last, tail=True)
                fs.extend(range(s_first, s_first + j))
                s_first += j
                grown = grown or bool(k or j)
            if back is not None:
                bd, bs = back
                k = _pieces(src, bs[0], der, bd[0], d_last, d_first, tail=False)
                bd[:0] = range(d_last - k + 1, d_last + 1)
                d_last -= k
                j = _pieces(der, bd[0], src, bs[0], s_last, s_first, tail=False)
                bs[:0] = range(s_last - j + 1, s_last + 1)
                s_last -= j
                grown = grown or bool(k or j)
            if d_first <= d_last and s_first <= s_last and _alike(src, der, d_first, s_first):
                front = ([d_first], [s_first])
                out.append(front)
                d_first += 1
                s_first += 1
                grown = True
            if d_first <= d_last and s_first <= s_last and _alike(src, der, d_last, s_last):
                back = ([d_last], [s_last])
                out.append(back)
                d_last -= 1
                s_last -= 1
                grown = True
        d_gap = list(range(d_first, d_last + 1))
        s_gap = list(range(s_first, s_last + 1))
        if not d_gap or not s_gap or len(d_gap) > GAP_UNITS or len(s_gap) > GAP_UNITS:
            continue
        if len(d_gap) == len(s_gap):
            out.extend(
                ([d], [s]) for d, s in zip(d_gap, s_gap, strict=True) if _restated(src, der, d, s)
            )
        elif _unit_similarity(src, der, d_gap, s_gap) >= GAP_SIMILARITY:
            out.append((d_gap, s_gap))
    return out


def _pieces(side: Side, u: int, other: Side, own: int, first: int, last: int, tail: bool) -> int:
    """Count units of other, from first toward last, that are unit u's split-off edge.

    A line break one text has and the other lacks splits a unit in two; the pieces
    (up to GAP_UNITS of them, together) repeat the end (tail) or start of unit u,
    which unit own, already matched to u, does not.
    """
    lo, hi = side.unit_lo[u], side.unit_hi[u]
    keys = side.tokens.keys
    okeys = other.tokens.keys
    step = 1 if tail else -1
    for k in range(1, GAP_UNITS + 1):
        v_end = first + step * (k - 1)
        if (v_end > last) if tail else (v_end < last):
            break
        a, b = (first, v_end) if tail else (v_end, first)
        piece = okeys[other.unit_lo[a] : other.unit_hi[b]]
        n = len(piece)
        if not n or n >= hi - lo:
            break
        edge = keys[hi - n : hi] if tail else keys[lo : lo + n]
        if edge != piece:
            continue
        o_lo, o_hi = other.unit_lo[own], other.unit_hi[own]
        own_edge = okeys[o_hi - n : o_hi] if tail else okeys[o_lo : o_lo + n]
        return 0 if own_edge == piece else k
    return 0


def _unit_similarity(src: Side, der: Side, ds: list[int], ss: list[int]) -> float:
    s_lo, s_hi = src.unit_lo[ss[0]], src.unit_hi[ss[-1]]
    d_lo, d_hi = der.unit_lo[ds[0]], der.unit_hi[ds[-1]]
    if src.tokens.keys[s_lo:s_hi] == der.tokens.keys[d_lo:d_hi]:
        return 1.0
    ops = diff_ranges(src.text, src.tokens, s_lo, s_hi, der.text, der.tokens, d_lo, d_hi)
    return classify(ops, src.tokens)[1]


def _alike(src: Side, der: Side, du: int, su: int) -> bool:
    sk = src.tokens.keys[src.unit_lo[su] : src.unit_hi[su]]
    dk = der.tokens.keys[der.unit_lo[du] : der.unit_hi[du]]
    if sk == dk:
        return bool(sk)
    # In-order shared words never exceed shared words in any order: a cheap bound
    # spares the diff for the unrelated units that most gaps hold.
    shared = sum((Counter(sk) & Counter(dk)).values())
    if 2 * shared < GAP_SIMILARITY * (len(sk) + len(dk)):
        return False
    return _unit_similarity(src, der, [du], [su]) >= GAP_SIMILARITY


def _restated(src: Side, der: Side, du: int, su: int) -> bool:
    """Tell whether two units in the same place share most words, in any order."""
    if _alike(src, der, du, su):
        return True
    sk = src.tokens.keys[src.unit_lo[su] : src.unit_hi[su]]
    dk = der.tokens.keys[der.unit_lo[du] : der.unit_hi[du]]
    shared = Counter(sk) & Counter(dk)
    evidence = sum(1 for k in shared if is_evidence(k))
    return evidence >= 2 and 2 * sum(shared.values()) >= GAP_RESTATED * (len(sk) + len(dk))
