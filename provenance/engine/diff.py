"""Word-level ops between two token ranges.

Ranges are diffed as sequences of word keys by a longest-common-subsequence search
(Hunt and Szymanski's method: its cost grows with the number of equal word pairs, which
is small in prose, rather than with the product of the lengths). Highly repetitive ranges,
where equal pairs abound, go to diff-match-patch over one character per key instead.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass
from typing import Any

from diff_match_patch import diff_match_patch

from provenance.engine.figures import may_touch_figure, read_figures, same_wording
from provenance.engine.result import Op, OpKind
from provenance.engine.tokens import Tokens

# Above this many cells (len(a) * len(b)) a range is first cut at words unique to
# both sides (and at known equal runs), so that each piece diffed stays small.
_DIRECT_LIMIT = 60_000
# Equal (i, j) pairs allowed per word of the two ranges before the LCS search gives way
# to diff-match-patch, whose cost does not depend on how often words repeat.
_PAIRS_PER_WORD = 8
_dmp = diff_match_patch()
_dmp.Diff_Timeout = 0  # a timeout would make output depend on machine speed


@dataclass(frozen=True, slots=True)
class RawOp:
    """An op over token index ranges [s_lo, s_hi) and [d_lo, d_hi)."""

    kind: OpKind
    s_lo: int
    s_hi: int
    d_lo: int
    d_hi: int
    trivial: bool


def _tile_d(tile: tuple[int, int, int]) -> int:
    return tile[1]


def _encode(a: list[str], b: list[str]) -> tuple[str, str]:
    table: dict[str, str] = {}

    def enc(seq: list[str]) -> str:
        out = []
        for key in seq:
            ch = table.get(key)
            if ch is None:
                cp = 0x100 + len(table)
                if cp >= 0xD800:
                    cp += 0x800  # skip surrogates
                ch = chr(cp)
                table[key] = ch
            out.append(ch)
        return "".join(out)

    return enc(a), enc(b)


def _lis(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest chain increasing in both coordinates; pairs sorted by the first."""
    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(pairs)
    for idx, (_, y) in enumerate(pairs):
        k = bisect.bisect_left(tails, y)
        if k == len(tails):
            tails.append(y)
            tail_idx.append(idx)
        else:
            tails[k] = y
            tail_idx[k] = idx
        prev[idx] = tail_idx[k - 1] if k else -1
    out: list[tuple[int, int]] = []
    idx = tail_idx[-1] if tail_idx else -1
    while idx >= 0:
        out.append(pairs[idx])
        idx = prev[idx]
    out.reverse()
    return out


def _align(
    a: list[str],
    b: list[str],
    ao: int,
    bo: int,
    out: list[tuple[int, int]],
    hints: list[tuple[int, int]] | None = None,
) -> None:
    """Append the matched (ao + i, bo + j) pairs of a and b, in order.

    hints are known matching (i, j) pairs relative to a and b, used as anchors
    when the ranges are too large to diff directly.
    """
    if not a or not b:
        return
    if len(a) * len(b) > _DIRECT_LIMIT:
        count_a: dict[str, int] = {}
        for k in a:
            count_a[k] = count_a.get(k, 0) + 1
        count_b: dict[str, int] = {}
        for k in b:
            count_b[k] = count_b.get(k, 0) + 1
        pos_a = {k: i for i, k in enumerate(a) if count_a[k] == 1}
        pairs = [(pos_a[k], j) for j, k in enumerate(b) if count_b[k] == 1 and k in pos_a]
        if hints:
            pairs = sorted(set(pairs) | set(hints))
        pairs.sort()
        pi = pj = 0
        for i, j in _lis(pairs):
            _align(a[pi:i], b[pj:j], ao + pi, bo + pj, out)
            out.append((ao + i, bo + j))
            pi, pj = i + 1, j + 1
        # With no anchor at all the range stays one replacement rather than risk a slow diff.
        if pi or pj:
            _align(a[pi:], b[pj:], ao + pi, bo + pj, out)
        return
    common = _lcs(a, b, _PAIRS_PER_WORD * (len(a) + len(b)))
    if common is None:
        common = _dmp_pairs(a, b)
    out.extend((ao + i, bo + j) for i, j in common)


def _lcs(a: list[str], b: list[str], budget: int) -> list[tuple[int, int]] | None:
    """Matched (i, j) pairs of a longest common subsequence of a and b, in order.

    For each word of b, its positions in a are visited from last to first and each
    lowers the smallest a-position that ends a common subsequence of that length
    (the thresholds stay sorted, so a binary search finds the place). None when a and
    b have more than `budget` equal pairs: the search would be slow.
    """
    lo = 0
    top = min(len(a), len(b))
    while lo < top and a[lo] == b[lo]:
        lo += 1
    hi = 0
    while hi < top - lo and a[-1 - hi] == b[-1 - hi]:
        hi += 1
    where: dict[str, list[int]] = {}
    for i in range(lo, len(a) - hi):
        hits = where.get(a[i])
        if hits is None:
            where[a[i]] = [i]
        else:
            hits.append(i)
    middle = b[lo : len(b) - hi]
    if sum(len(where.get(k, ())) for k in middle) > budget:
        return None
    thresholds: list[int] = []
    # chains[x]: the last pair of a common subsequence of length x + 1 ending at
    # thresholds[x], linked back to its predecessor.
    chains: list[tuple[int, int, tuple[Any, ...] | None]] = []
    for j, key in enumerate(middle, lo):
        hits = where.get(key)
        if hits is None:
            continue
        for i in reversed(hits):
            x = bisect.bisect_left(thresholds, i)
            link = (i, j, chains[x - 1] if x else None)
            if x == len(thresholds):
                thresholds.append(i)
                chains.append(link)
            elif i < thresholds[x]:
                thresholds[x] = i
                chains[x] = link
    pairs = [(len(a) - 1 - k, len(b) - 1 - k) for k in range(hi)]
    node = chains[-1] if chains else None
    while node is not None:
        pairs.append((node[0], node[1]))
        node = node[2]
    pairs.extend((k, k) for k in reversed(range(lo)))
    pairs.reverse()
    return _slide(pairs, a, b)


def _slide(pairs: list[tuple[int, int]], a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """Move runs of matches along repeated words so that they join their neighbours.

    Every LCS is as long as any other, but the search takes the first repeat of a word:
    "of the University, the research" against "The research" would keep the first "the"
    and split the deletion in two. A run of consecutive pairs that meets its neighbour
    in one text moves to meet it in the other too when the same words are there: first
    towards its predecessor, then, from the end, towards its successor.
    """
    runs: list[list[int]] = []  # [i, j, length]
    for i, j in pairs:
        if runs and runs[-1][0] + runs[-1][2] == i and runs[-1][1] + runs[-1][2] == j:
            runs[-1][2] += 1
        else:
            runs.append([i, j, 1])
    joined: list[list[int]] = []
    for run in runs:
        if joined:
            pi, pj, pn = joined[-1]
            i, j, n = run
            ei, ej = pi + pn, pj + pn
            if (i == ei and j > ej and b[ej : ej + n] == b[j : j + n]) or (
                j == ej and i > ei and a[ei : ei + n] == a[i : i + n]
            ):
                joined[-1][2] += n
                continue
        joined.append(run)
    runs = []
    for run in reversed(joined):
        if runs:
            ni, nj, _ = runs[-1]
            i, j, n = run
            if i + n == ni and j + n < nj and b[nj - n : nj] == b[j : j + n]:
                runs[-1] = [i, nj - n, runs[-1][2] + n]
                continue
            if j + n == nj and i + n < ni and a[ni - n : ni] == a[i : i + n]:
                runs[-1] = [ni - n, j, runs[-1][2] + n]
                continue
        runs.append(run)
    return [(i + k, j + k) for i, j, n in reversed(runs) for k in range(n)]


def _dmp_pairs(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """Matched pairs of a and b by diff-match-patch over one character per key."""
    ta, tb = _encode(a, b)
    out: list[tuple[int, int]] = []
    i = j = 0
    for op, chunk in _dmp.diff_main(ta, tb, False):
        n = len(chunk)
        if op == 0:
            out.extend((i + k, j + k) for k in range(n))
            i += n
            j += n
        elif op == -1:
            i += n
        else:
            j += n
    return out


def diff_ranges(
    src_text: str,
    src: Tokens,
    s_lo: int,
    s_hi: int,
    der_text: str,
    der: Tokens,
    d_lo: int,
    d_hi: int,
    tiles: list[tuple[int, int, int]] | None = None,
) -> list[RawOp]:
    """Diff source tokens [s_lo, s_hi) against derivative tokens [d_lo, d_hi).

    tiles (source index, derivative index, length) of known equal runs help
    anchor very large ranges; they never change the result for small ones.
    """
    if s_hi - s_lo == d_hi - d_lo and src.keys[s_lo:s_hi] == der.keys[d_lo:d_hi]:
        # Same words (the common case for copied passages): no diff needed.
        return _merge_trivial(_equal_run(src_text, src, s_lo, der_text, der, d_lo, s_hi - s_lo))
    hints: list[tuple[int, int]] | None = None
    if tiles and (s_hi - s_lo) * (d_hi - d_lo) > _DIRECT_LIMIT:
        # Tiles are sorted by derivative index and do not overlap there: start at the
        # one tile that may reach into the range, not at the first tile of the text.
        first = max(0, bisect.bisect_left(tiles, d_lo, key=_tile_d) - 1)
        hints = []
        for a, b, n in itertools.islice(tiles, first, None):
            if b >= d_hi:
                break
            hints.extend(
                (a + x - s_lo, b + x - d_lo)
                for x in range(n)
                if s_lo <= a + x < s_hi and d_lo <= b + x < d_hi
            )
    pairs: list[tuple[int, int]] = []
    _align(src.keys[s_lo:s_hi], der.keys[d_lo:d_hi], s_lo, d_lo, pairs, hints)
    ops: list[RawOp] = []
    si, di = s_lo, d_lo
    k = 0
    n = len(pairs)
    while k <= n:
        i, j = pairs[k] if k < n else (s_hi, d_hi)
        if i > si and j > di:
            trivial = "".join(src.keys[si:i]) == "".join(der.keys[di:j])
            ops.append(RawOp("replace", si, i, di, j, trivial))
        elif i > si:
            ops.append(RawOp("delete", si, i, di, di, False))
        elif j > di:
            ops.append(RawOp("insert", si, si, di, j, False))
        if k == n:
            break
        run = 1
        while k + run < n and pairs[k + run] == (i + run, j + run):
            run += 1
        ops.extend(_equal_run(src_text, src, i, der_text, der, j, run))
        si, di = i + run, j + run
        k += run
    return _merge_trivial(_figure_forms(ops, src_text, src, der_text, der))


def _equal_run(
    a_text: str, a: Tokens, ai: int, b_text: str, b: Tokens, bi: int, run: int
) -> list[RawOp]:
    """Ops for a run of equal keys: equal where the text is the same, else trivial."""
    same = _same_marks(a_text, a, ai, b_text, b, bi, run)
    if all(same):
        return [RawOp("equal", ai, ai + run, bi, bi + run, False)] if run else []
    ops: list[RawOp] = []
    k = 0
    while k < run:
        flag = same[k]
        start = k
        while k < run and same[k] == flag:
            k += 1
        kind: OpKind = "equal" if flag else "replace"
        ops.append(RawOp(kind, ai + start, ai + k, bi + start, bi + k, not flag))
    return ops


def _attached(text: str, pos: int, limit: int, step: int) -> str:
    """Non-space characters stuck to a word at pos, going back (-1) or on (1) to limit."""
    end = pos
    if step < 0:
        while end > limit and not text[end - 1].isspace():
            end -= 1
        return text[end:pos]
    while end < limit and not text[end].isspace():
        end += 1
    return text[pos:end]


def _same_marks(
    a_text: str, a: Tokens, ai: int, b_text: str, b: Tokens, bi: int, run: int
) -> list[bool]:
    """For a run of equal keys, tell per word whether the text is the same, spacing aside.

    Quote marks, dashes and other punctuation between and around the words count:
    ‘"x"’ against ‘“x”’ is a trivial edit, not verbatim text.
    """
    a_lo = _attached(a_text, a.starts[ai], a.ends[ai - 1] if ai else 0, -1)
    b_lo = _attached(b_text, b.starts[bi], b.ends[bi - 1] if bi else 0, -1)
    a_last, b_last = ai + run - 1, bi + run - 1
    a_end = a.starts[a_last + 1] if a_last + 1 < len(a) else len(a_text)
    b_end = b.starts[b_last + 1] if b_last + 1 < len(b) else len(b_text)
    a_hi = _attached(a_text, a.ends[a_last], a_end, 1)
    b_hi = _attached(b_text, b.ends[b_last], b_end, 1)
    a_run = a_text[a.starts[ai] : a.ends[a_last]]
    b_run = b_text[b.starts[bi] : b.ends[b_last]]
    if a_lo == b_lo and a_hi == b_hi and (a_run == b_run or a_run.split() == b_run.split()):
        return [True] * run
    out: list[bool] = []
    for k in range(run):
        i, j = ai + k, bi + k
        if k:
            a_gap = "".join(a_text[a.ends[i - 1] : a.starts[i]].split())
            b_gap = "".join(b_text[b.ends[j - 1] : b.starts[j]].split())
        else:
            a_gap, b_gap = a_lo, b_lo
        same = a_gap == b_gap and a.surface(a_text, i) == b.surface(b_text, j)
        if k == run - 1:
            same = same and a_hi == b_hi
        out.append(same)
    return out


def _figure_forms(ops: list[RawOp], a_text: str, a: Tokens, b_text: str, b: Tokens) -> list[RawOp]:
    """Turn a figure written in another form ("£7m", "seven million pounds") into a trivial op.

    The words of a figure may be split over several ops (a "£" deleted, "pounds"
    inserted), so each changed op that touches a figure grows to whole figures on both
    sides; when every figure in it is the same amount, the grown range is one trivial op.
    """
    k = 0
    while k < len(ops):
        op = ops[k]
        # A figure restyled has figure words on both sides of the op (or next to it).
        if (op.kind == "equal" or op.trivial) or not (
            may_touch_figure(a, op.s_lo, op.s_hi + 1) and may_touch_figure(b, op.d_lo, op.d_hi + 1)
        ):
            k += 1
            continue
        merged = _figure_region(ops, k, a_text, a, b_text, b)
        if merged is None:
            k += 1
            continue
        ops, k = merged
    return ops


# Words on either side of a changed op that may still belong to its figure.
_FIGURE_REACH = 8


def _figure_region(
    ops: list[RawOp], k: int, a_text: str, a: Tokens, b_text: str, b: Tokens
) -> tuple[list[RawOp], int] | None:
    """ops with op k grown to whole figures as one trivial op, and the index after it."""
    op = ops[k]
    if _plain_numbers(a, op.s_lo, op.s_hi) and _plain_numbers(b, op.d_lo, op.d_hi):
        # One plain number for another ("69" → "50") between the same words: a change.
        return None
    lo_s, lo_d, hi_s, hi_d = ops[0].s_lo, ops[0].d_lo, ops[-1].s_hi, ops[-1].d_hi
    fa = read_figures(
        a_text, a, max(lo_s, op.s_lo - _FIGURE_REACH), min(hi_s, op.s_hi + _FIGURE_REACH)
    )
    fb = read_figures(
        b_text, b, max(lo_d, op.d_lo - _FIGURE_REACH), min(hi_d, op.d_hi + _FIGURE_REACH)
    )
    if not fa or not fb:
        return None
    # Only the ops within reach of op k can join it (figures were read within reach).
    lo_k = hi_k = k
    while lo_k > 0 and (
        ops[lo_k - 1].s_hi > op.s_lo - _FIGURE_REACH or ops[lo_k - 1].d_hi > op.d_lo - _FIGURE_REACH
    ):
        lo_k -= 1
    while hi_k + 1 < len(ops) and (
        ops[hi_k + 1].s_lo < op.s_hi + _FIGURE_REACH or ops[hi_k + 1].d_lo < op.d_hi + _FIGURE_REACH
    ):
        hi_k += 1
    # Cut points: op boundaries, and any word boundary inside an equal op.
    cuts: list[tuple[int, int, int, int]] = []
    for idx in range(lo_k, hi_k + 1):
        o = ops[idx]
        cuts.append((o.s_lo, o.d_lo, idx, 0))
        if o.kind == "equal":
            cuts.extend((o.s_lo + x, o.d_lo + x, idx, x) for x in range(1, o.s_hi - o.s_lo))
    cuts.append((ops[hi_k].s_hi, ops[hi_k].d_hi, hi_k + 1, 0))
    s_at = [c[0] for c in cuts]
    d_at = [c[1] for c in cuts]
    top = len(cuts) - 1

    def start_cut(s: int, d: int) -> int:
        return max(0, min(bisect.bisect_right(s_at, s), bisect.bisect_right(d_at, d)) - 1)

    def end_cut(s: int, d: int) -> int:
        return min(top, max(bisect.bisect_left(s_at, s), bisect.bisect_left(d_at, d)))

    first, last = start_cut(op.s_lo, op.d_lo), end_cut(op.s_hi, op.d_hi)
    while True:
        s0, d0, s1, d1 = cuts[first][0], cuts[first][1], cuts[last][0], cuts[last][1]
        ts0, ts1 = _cover(fa, s0, s1)
        td0, td1 = _cover(fb, d0, d1)
        new_first, new_last = start_cut(ts0, td0), end_cut(ts1, td1)
        if (new_first, new_last) == (first, last):
            break
        first, last = new_first, new_last
    if not same_wording(a_text, a, s0, s1, b_text, b, d0, d1):
        return None
    out = ops[: cuts[first][2]]
    head = ops[cuts[first][2]] if cuts[first][3] else None
    if head is not None:
        out.append(RawOp("equal", head.s_lo, s0, head.d_lo, d0, False))
    out.append(RawOp("replace", s0, s1, d0, d1, True))
    after = len(out)
    idx, x = cuts[last][2], cuts[last][3]
    if x:
        tail = ops[idx]
        out.append(RawOp("equal", s1, tail.s_hi, d1, tail.d_hi, False))
        idx += 1
    out.extend(ops[idx:])
    return out, after


def _plain_numbers(tokens: Tokens, lo: int, hi: int) -> bool:
    return hi - lo == 1 and tokens.keys[lo].replace(".", "", 1).isdigit()


def _cover(figures: list[Any], lo: int, hi: int) -> tuple[int, int]:
    """Grow [lo, hi) to hold every figure it overlaps or cuts through."""
    for f in figures:
        if (f.lo < hi and f.hi > lo) or f.lo < lo < f.hi:
            lo, hi = min(lo, f.lo), max(hi, f.hi)
    return lo, hi


def _merge_trivial(ops: list[RawOp]) -> list[RawOp]:
    out: list[RawOp] = []
    for op in ops:
        last = out[-1] if out else None
        if last is not None and last.kind == op.kind == "replace" and last.trivial and op.trivial:
            out[-1] = RawOp("replace", last.s_lo, op.s_hi, last.d_lo, op.d_hi, True)
        else:
            out.append(op)
    return out


def to_ops(raw: list[RawOp], src: Tokens, der: Tokens) -> tuple[Op, ...]:
    """Turn token-range ops into Ops with character spans into the original strings."""
    out: list[Op] = []
    for r in raw:
        s_span = (src.starts[r.s_lo], src.ends[r.s_hi - 1]) if r.s_hi > r.s_lo else None
        d_span = (der.starts[r.d_lo], der.ends[r.d_hi - 1]) if r.d_hi > r.d_lo else None
        out.append(Op(r.kind, s_span, d_span, r.trivial))
    return tuple(out)
