"""Word-level ops between two token ranges (diff-match-patch over one char per key)."""

from __future__ import annotations

import bisect
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
    steps: list[tuple[str, int, int]] = []
    hints: list[tuple[int, int]] | None = None
    if tiles and (s_hi - s_lo) * (d_hi - d_lo) > _DIRECT_LIMIT:
        hints = [
            (a + x - s_lo, b + x - d_lo)
            for a, b, n in tiles
            for x in range(n)
            if s_lo <= a + x < s_hi and d_lo <= b + x < d_hi
        ]
    _align(src.keys[s_lo:s_hi], der.keys[d_lo:d_hi], s_lo, d_lo, steps, hints)
    ops: list[RawOp] = []
    si, di = s_lo, d_lo
    idx = 0
    n = len(steps)
    while idx < n:
        kind = steps[idx][0]
        if kind == "=":
            same = src.surface(src_text, si) == der.surface(der_text, di)
            start_s, start_d = si, di
            while idx < n and steps[idx][0] == "=":
                if (src.surface(src_text, si) == der.surface(der_text, di)) != same:
                    break
                si += 1
                di += 1
                idx += 1
            if same:
                ops.append(RawOp("equal", start_s, si, start_d, di, False))
            else:
                ops.append(RawOp("replace", start_s, si, start_d, di, True))
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
