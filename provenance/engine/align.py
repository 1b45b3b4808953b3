"""Align two texts into passages: seed with shared word runs, link sentences, classify."""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field

from provenance.engine.diff import RawOp, diff_ranges
from provenance.engine.moves import flag_moves
from provenance.engine.paraphrase import pair_paraphrases
from provenance.engine.result import PassageKind
from provenance.engine.segment import Unit
from provenance.engine.tokens import STOP_WORDS, Tokens, is_content, is_evidence, stem

SEED = 3  # words in a seed k-gram; shorter shared runs are noise
MAX_SEED_HITS = 40  # a k-gram this common in the source is boilerplate, not evidence
_OPENERS = "\"'“‘«(["
_CLOSERS = ".,;:!?\"'”’»)]…"


@dataclass(frozen=True, slots=True)
class Side:
    """One text with its tokens and units, and a token→unit map."""

    text: str
    tokens: Tokens
    units: list[Unit]
    unit_of: list[int]
    unit_lo: list[int]  # first token index of each unit
    unit_hi: list[int]  # one past the last token index of each unit


def make_side(text: str, tokens: Tokens, units: list[Unit]) -> Side:
    """Attach tokens to units; units without words are dropped."""
    kept: list[Unit] = []
    unit_of = [0] * len(tokens)
    lo: list[int] = []
    hi: list[int] = []
    t = 0
    n = len(tokens)
    for u in units:
        while t < n and tokens.starts[t] < u.start:
            t += 1  # cannot happen for tight units, kept for safety
        first = t
        while t < n and tokens.starts[t] < u.end:
            unit_of[t] = len(kept)
            t += 1
        if t > first:
            kept.append(u)
            lo.append(first)
            hi.append(t)
    return Side(text, tokens, kept, unit_of, lo, hi)


@dataclass(slots=True)
class Match:
    """A passage under construction, over token ranges (lo == hi == -1 when absent)."""

    kind: PassageKind
    s_lo: int
    s_hi: int
    d_lo: int
    d_hi: int
    similarity: float
    ops: list[RawOp] = field(default_factory=list)
    moved: bool = False
    s_span: tuple[int, int] | None = None
    d_span: tuple[int, int] | None = None


def find_tiles(src: Tokens, der: Tokens) -> list[tuple[int, int, int]]:
    """Return one-to-one runs (source index, derivative index, length) of equal keys."""
    ids: dict[str, int] = {}
    sid = [ids.setdefault(k, len(ids)) for k in src.keys]
    did = [ids.setdefault(k, len(ids)) for k in der.keys]
    stop_ids = {ids[k] for k in ids if k in STOP_WORDS}
    index: dict[tuple[int, int, int], list[int]] = {}
    for i in range(len(sid) - SEED + 1):
        gram = (sid[i], sid[i + 1], sid[i + 2])
        if gram[0] in stop_ids and gram[1] in stop_ids and gram[2] in stop_ids:
            continue
        hits = index.get(gram)
        if hits is None:
            index[gram] = [i]
        elif len(hits) <= MAX_SEED_HITS:
            hits.append(i)
    ns, nd = len(sid), len(did)
    reach: dict[int, int] = {}
    runs: list[tuple[int, int, int]] = []
    for j in range(nd - SEED + 1):
        hits = index.get((did[j], did[j + 1], did[j + 2]))
        if not hits or len(hits) > MAX_SEED_HITS:
            continue
        for i in hits:
            diag = i - j
            if reach.get(diag, -1) > j:
                continue
            a, b = i, j
            while a > 0 and b > 0 and sid[a - 1] == did[b - 1] and reach.get(diag, -1) < b:
                a -= 1
                b -= 1
            e = j + SEED
            while e < nd and e + diag < ns and did[e] == sid[e + diag]:
                e += 1
            reach[diag] = e
            runs.append((-(e - b), b, a))
    runs.sort()
    s_used = bytearray(ns)
    d_used = bytearray(nd)
    tiles: list[tuple[int, int, int]] = []
    for neg_len, b, a in runs:
        length = -neg_len
        k = 0
        while k < length:
            while k < length and (s_used[a + k] or d_used[b + k]):
                k += 1
            start = k
            while k < length and not s_used[a + k] and not d_used[b + k]:
                k += 1
            if k - start >= SEED:
                for x in range(start, k):
                    s_used[a + x] = 1
                    d_used[b + x] = 1
                tiles.append((a + start, b + start, k - start))
    tiles.sort(key=lambda t: (t[1], t[0]))
    return tiles


@dataclass(slots=True)
class _Link:
    matched: int = 0
    evidence: int = 0
    best_run: int = 0
    best_run_evidence: int = 0


def _links(src: Side, der: Side, tiles: list[tuple[int, int, int]]) -> dict[tuple[int, int], _Link]:
    links: dict[tuple[int, int], _Link] = {}
    skeys, dkeys = src.tokens.keys, der.tokens.keys
    for a, b, length in tiles:
        run = run_ev = 0
        prev: tuple[int, int] | None = None
        for x in range(length):
            pair = (der.unit_of[b + x], src.unit_of[a + x])
            link = links.get(pair)
            if link is None:
                link = links[pair] = _Link()
            if pair != prev:
                run = run_ev = 0
                prev = pair
            ev = 1 if is_evidence(skeys[a + x]) and is_evidence(dkeys[b + x]) else 0
            link.matched += 1
            link.evidence += ev
            run += 1
            run_ev += ev
            if run > link.best_run or (run == link.best_run and run_ev > link.best_run_evidence):
                link.best_run = run
                link.best_run_evidence = run_ev
    strong: dict[tuple[int, int], _Link] = {}
    for (du, su), link in sorted(links.items()):
        smaller = min(der.unit_hi[du] - der.unit_lo[du], src.unit_hi[su] - src.unit_lo[su])
        if (
            (link.best_run >= 5 and link.best_run_evidence >= 3)
            or (link.matched >= 8 and link.evidence >= 5)
            or (link.matched >= 4 and link.evidence >= 2 and link.matched >= 0.8 * smaller)
        ):
            strong[(du, su)] = link
    return strong


def _groups(
    links: dict[tuple[int, int], _Link],
) -> list[tuple[list[int], list[int]]]:
    """Group linked units into (derivative units, source units) passages."""
    # A unit's weak secondary links (a few words shared with a neighbour) must not
    # chain whole documents into one passage.
    best_d: dict[int, int] = {}
    best_s: dict[int, int] = {}
    for (du, su), link in links.items():
        best_d[du] = max(best_d.get(du, 0), link.matched)
        best_s[su] = max(best_s.get(su, 0), link.matched)
    kept = [
        pair
        for pair, link in links.items()
        if link.matched * 3 >= best_d[pair[0]] or link.matched * 3 >= best_s[pair[1]]
    ]
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for du, su in kept:
        ra, rb = find(("d", du)), find(("s", su))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    comps: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
    for du, su in sorted(kept):
        ds, ss = comps.setdefault(find(("d", du)), ([], []))
        if du not in ds:
            ds.append(du)
        if su not in ss:
            ss.append(su)
    out: list[tuple[list[int], list[int]]] = []
    for ds, ss in comps.values():
        ds.sort()
        ss.sort()
        if ds[-1] - ds[0] + 1 == len(ds) and ss[-1] - ss[0] + 1 == len(ss):
            out.append((ds, ss))
            continue
        # Scattered component: pair each derivative unit with its best source unit.
        for du in ds:
            cands = [(links[(du, su)].matched, -su) for su in ss if (du, su) in links]
            if cands:
                out.append(([du], [-max(cands)[1]]))
    out.sort()
    return out


def _clip(ops: list[RawOp]) -> list[RawOp]:
    lo = 0
    hi = len(ops)
    while lo < hi and not _is_match(ops[lo]):
        lo += 1
    while hi > lo and not _is_match(ops[hi - 1]):
        hi -= 1
    return ops[lo:hi]


def _is_match(op: RawOp) -> bool:
    return op.kind == "equal" or op.trivial


def classify(ops: list[RawOp], src: Tokens) -> tuple[PassageKind, float]:
    """Name a matched passage's kind from its ops; also return its similarity."""
    ns = sum(op.s_hi - op.s_lo for op in ops)
    nd = sum(op.d_hi - op.d_lo for op in ops)
    same = sum(op.s_hi - op.s_lo for op in ops if _is_match(op))
    similarity = round(2 * same / (ns + nd), 4) if ns + nd else 0.0
    if all(op.kind == "equal" for op in ops):
        return "verbatim", similarity
    if all(_is_match(op) for op in ops):
        return "reused", similarity
    edge = 0
    edge_content = 0
    for op in (ops[0], ops[-1]) if len(ops) > 1 else (ops[0],):
        if op.kind == "delete":
            edge += op.s_hi - op.s_lo
            edge_content += sum(1 for k in src.keys[op.s_lo : op.s_hi] if is_content(k))
    other = sum(max(op.s_hi - op.s_lo, op.d_hi - op.d_lo) for op in ops if not _is_match(op)) - edge
    if edge >= 3 and (edge_content >= 2 or edge * 4 >= ns) and other <= max(2, same // 10):
        return "trimmed", similarity
    return "altered", similarity


def _bigrams(keys: list[str]) -> dict[tuple[str, str], int]:
    out: dict[tuple[str, str], int] = {}
    for pair in itertools.pairwise(keys):
        out[pair] = out.get(pair, 0) + 1
    return out


def reworded(src: Side, der: Side, s_lo: int, s_hi: int, d_lo: int, d_hi: int) -> bool:
    """Tell whether two ranges say the same things in a different order (a paraphrase)."""
    sk, dk = src.tokens.keys[s_lo:s_hi], der.tokens.keys[d_lo:d_hi]
    sb, db = _bigrams(sk), _bigrams(dk)
    if not sb or not db:
        return False
    shared = sum(min(n, db.get(b, 0)) for b, n in sb.items())
    if shared > 0.5 * min(sum(sb.values()), sum(db.values())):
        return False
    ss = {stem(k) for k in sk if is_evidence(k)}
    ds = {stem(k) for k in dk if is_evidence(k)}
    return bool(ss and ds) and 2 * len(ss & ds) >= 0.6 * (len(ss) + len(ds))


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
    links = _links(src, der, tiles)
    matches: list[Match] = []
    d_done = bytearray(len(der.units))
    s_done = bytearray(len(src.units))
    groups = _groups(links)
    groups += _gap_groups(src, der, groups)
    for ds, ss in sorted(groups):
        m = _matched(src, der, ds, ss, tiles)
        if m is None:
            continue
        matches.append(m)
        for u in ds:
            d_done[u] = 1
        for u in ss:
            s_done[u] = 1
    for du, su, score in pair_paraphrases(src, der, s_done, d_done):
        s_lo, s_hi = src.unit_lo[su], src.unit_hi[su]
        d_lo, d_hi = der.unit_lo[du], der.unit_hi[du]
        ops = diff_ranges(src.text, src.tokens, s_lo, s_hi, der.text, der.tokens, d_lo, d_hi)
        kind, similarity = classify(ops, src.tokens)
        if similarity < 0.8:
            kind, similarity = "paraphrased", round(score, 4)
        m = Match(kind, s_lo, s_hi, d_lo, d_hi, similarity, ops)
        m.s_span = _unit_span(src, su, su)
        m.d_span = _unit_span(der, du, du)
        matches.append(m)
        d_done[du] = 1
        s_done[su] = 1
    flag_moves(matches)
    matches.extend(_leftovers(src, s_done, "omitted"))
    matches.extend(_leftovers(der, d_done, "added"))
    return _ordered(matches), tiles


def _matched(
    src: Side, der: Side, ds: list[int], ss: list[int], tiles: list[tuple[int, int, int]]
) -> Match | None:
    """Diff and classify linked units; None when they share no words after all."""
    s_lo, s_hi = src.unit_lo[ss[0]], src.unit_hi[ss[-1]]
    d_lo, d_hi = der.unit_lo[ds[0]], der.unit_hi[ds[-1]]
    ops = diff_ranges(src.text, src.tokens, s_lo, s_hi, der.text, der.tokens, d_lo, d_hi, tiles)
    same_s = sum(op.s_hi - op.s_lo for op in ops if _is_match(op))
    if not same_s:
        return None
    if reworded(src, der, s_lo, s_hi, d_lo, d_hi):
        m = Match("paraphrased", s_lo, s_hi, d_lo, d_hi, classify(ops, src.tokens)[1], ops)
        m.s_span = _unit_span(src, ss[0], ss[-1])
        m.d_span = _unit_span(der, ds[0], ds[-1])
        return m
    clipped = same_s < 0.4 * (s_hi - s_lo) and same_s < 0.4 * (d_hi - d_lo)
    if clipped:
        ops = _clip(ops)
        s_lo, s_hi = ops[0].s_lo, ops[-1].s_hi
        d_lo, d_hi = ops[0].d_lo, ops[-1].d_hi
    kind, similarity = classify(ops, src.tokens)
    m = Match(kind, s_lo, s_hi, d_lo, d_hi, similarity, ops)
    if clipped:
        m.s_span = _span(src, s_lo, s_hi)
        m.d_span = _span(der, d_lo, d_hi)
    else:
        m.s_span = _unit_span(src, ss[0], ss[-1])
        m.d_span = _unit_span(der, ds[0], ds[-1])
    return m


GAP_UNITS = 4  # unmatched units between two in-order passages worth pairing up
GAP_SIMILARITY = 0.5


def _gap_groups(
    src: Side, der: Side, groups: list[tuple[list[int], list[int]]]
) -> list[tuple[list[int], list[int]]]:
    """Pair short unmatched units that sit between passages adjacent in both texts.

    A line like "Notes for editors" is no evidence on its own, but between two
    copied passages, in the same place in both texts, it was copied too.
    """
    if not groups:
        return []
    bounds = [([-1], [-1]), *sorted(groups), ([len(der.units)], [len(src.units)])]
    out: list[tuple[list[int], list[int]]] = []
    for (d1, s1), (d2, s2) in itertools.pairwise(bounds):
        d_gap = list(range(d1[-1] + 1, d2[0]))
        s_gap = list(range(s1[-1] + 1, s2[0]))
        if not d_gap or not s_gap or len(d_gap) > GAP_UNITS or len(s_gap) > GAP_UNITS:
            continue
        pairs = (
            [([d], [s]) for d, s in zip(d_gap, s_gap, strict=True)]
            if len(d_gap) == len(s_gap)
            else [(d_gap, s_gap)]
        )
        for ds, ss in pairs:
            s_lo, s_hi = src.unit_lo[ss[0]], src.unit_hi[ss[-1]]
            d_lo, d_hi = der.unit_lo[ds[0]], der.unit_hi[ds[-1]]
            ops = diff_ranges(src.text, src.tokens, s_lo, s_hi, der.text, der.tokens, d_lo, d_hi)
            if classify(ops, src.tokens)[1] >= GAP_SIMILARITY:
                out.append((ds, ss))
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
