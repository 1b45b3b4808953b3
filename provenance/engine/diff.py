"""Word-level ops between two token ranges (diff-match-patch over one char per key)."""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

from provenance.engine.result import Op, OpKind
from provenance.engine.tokens import Tokens

# Above this many cells (len(a) * len(b)) diff-match-patch may be slow on
# dissimilar input, so we first anchor on words unique to both sides.
_DIRECT_LIMIT = 60_000
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
    out: list[tuple[str, int, int]],
    hints: list[tuple[int, int]] | None = None,
) -> None:
    """Append ("=", i, j) for each matched pair and ("-"/"+", i, j) gaps, in order.

    hints are known matching (i, j) pairs relative to a and b, used as anchors
    when the ranges are too large to diff directly.
    """
    if not a or not b:
        for i in range(len(a)):
            out.append(("-", ao + i, -1))
        for j in range(len(b)):
            out.append(("+", -1, bo + j))
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
        anchors = _lis(pairs)
        if not anchors:
            # Nothing to anchor on: call it one replacement rather than risk a slow diff.
            _align([], b, ao, bo, out)
            _align(a, [], ao, bo, out)
            return
        pi = pj = 0
        for i, j in anchors:
            _align(a[pi:i], b[pj:j], ao + pi, bo + pj, out)
            out.append(("=", ao + i, bo + j))
            pi, pj = i + 1, j + 1
        _align(a[pi:], b[pj:], ao + pi, bo + pj, out)
        return
    ta, tb = _encode(a, b)
    i = j = 0
    for op, chunk in _dmp.diff_main(ta, tb, False):
        n = len(chunk)
        if op == 0:
            for _ in range(n):
                out.append(("=", ao + i, bo + j))
                i += 1
                j += 1
        elif op == -1:
            for _ in range(n):
                out.append(("-", ao + i, -1))
                i += 1
        else:
            for _ in range(n):
                out.append(("+", -1, bo + j))
                j += 1


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
    steps: list[tuple[str, int, int]] = []
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
    _align(src.keys[s_lo:s_hi], der.keys[d_lo:d_hi], s_lo, d_lo, steps, hints)
    ops: list[RawOp] = []
    si, di = s_lo, d_lo
    idx = 0
    n = len(steps)
    while idx < n:
        kind = steps[idx][0]
        if kind == "=":
            run = 0
            while idx + run < n and steps[idx + run][0] == "=":
                run += 1
            ops.extend(_equal_run(src_text, src, si, der_text, der, di, run))
            si += run
            di += run
            idx += run
            continue
        start_s, start_d = si, di
        while idx < n and steps[idx][0] != "=":
            if steps[idx][0] == "-":
                si += 1
            else:
                di += 1
            idx += 1
        if si > start_s and di > start_d:
            trivial = "".join(src.keys[start_s:si]) == "".join(der.keys[start_d:di])
            ops.append(RawOp("replace", start_s, si, start_d, di, trivial))
        elif si > start_s:
            ops.append(RawOp("delete", start_s, si, start_d, start_d, False))
        else:
            ops.append(RawOp("insert", start_s, start_s, start_d, di, False))
    return _merge_trivial(ops)


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
