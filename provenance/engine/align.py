"""Align two texts into passages: seed with shared word runs, link sentences, classify."""

from __future__ import annotations

import bisect
import itertools
import operator
from collections import Counter
from dataclasses import dataclass, field

from provenance.engine.diff import RawOp, diff_ranges
from provenance.engine.moves import flag_moves
from provenance.engine.paraphrase import pair_paraphrases
from provenance.engine.result import PassageKind
from provenance.engine.segment import Unit
from provenance.engine.tokens import STOP_WORDS, Tokens, is_content, is_evidence

SEED = 3  # words in a seed k-gram; shorter shared runs are noise
MAX_SEED_HITS = 40  # a k-gram this common in the source is boilerplate, not evidence
# A k-gram common in both texts ("the University of") would seed count × count runs;
# copied passages through it are still found by seeds on either side and extension.
MAX_SEED_PAIRS = 100
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
    """Attach tokens to units; a unit without words ("###", "—") joins a neighbour.

    Joining keeps every visible character inside some unit, so passages cover it.
    """
    kept: list[Unit] = []
    unit_of = [0] * len(tokens)
    lo: list[int] = []
    hi: list[int] = []
    t = 0
    n = len(tokens)
    pending = -1  # start of wordless units waiting for a unit to join
    starts = tokens.starts
    for u in units:
        first = bisect.bisect_left(starts, u.start, t)
        t = bisect.bisect_left(starts, u.end, first)
        if t > first:
            unit_of[first:t] = [len(kept)] * (t - first)
            start = u.start if pending < 0 else pending
            pending = -1
            kept.append(Unit(start, u.end, u.paragraph) if start != u.start else u)
            lo.append(first)
            hi.append(t)
        elif kept:
            last = kept[-1]
            kept[-1] = Unit(last.start, u.end, last.paragraph)
        elif pending < 0:
            pending = u.start
    if pending >= 0:
        # A text without words: one unit with no tokens still holds its characters.
        kept.append(Unit(pending, units[-1].end, 0))
        lo.append(n)
        hi.append(n)
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
    # Keys are compared as they are: equal words share one cached key object, so
    # tuple hashing and equality are cheap without mapping keys to ids first.
    sid = src.keys
    did = der.keys
    # Only k-grams the derivative has can seed a run; index just those.
    d_count = Counter(zip(did, did[1:], did[2:], strict=False))
    index: dict[tuple[str, str, str], list[int]] = {}
    for i, gram in enumerate(zip(sid, sid[1:], sid[2:], strict=False)):
        if gram not in d_count:
            continue
        if gram[0] in STOP_WORDS and gram[1] in STOP_WORDS and gram[2] in STOP_WORDS:
            continue
        hits = index.get(gram)
        if hits is None:
            index[gram] = [i]
        elif len(hits) <= MAX_SEED_HITS:
            hits.append(i)
    ns, nd = len(sid), len(did)
    reach: dict[int, int] = {}
    runs: list[tuple[int, int, int]] = []
    seeds = {
        gram: hits
        for gram, hits in index.items()
        if len(hits) <= MAX_SEED_HITS and len(hits) * d_count[gram] <= MAX_SEED_PAIRS
    }
    for j, gram in enumerate(zip(did, did[1:], did[2:], strict=False)):
        hits = seeds.get(gram)
        if hits is None:
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
            # Long copied runs are the common case: compare in slices, then word by word.
            while (
                e + 16 <= nd
                and e + diag + 16 <= ns
                and did[e : e + 16] == sid[e + diag : e + diag + 16]
            ):
                e += 16
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
        if s_used.find(1, a, a + length) < 0 and d_used.find(1, b, b + length) < 0:
            s_used[a : a + length] = b"\x01" * length
            d_used[b : b + length] = b"\x01" * length
            tiles.append((a, b, length))
            continue
        # Free stretches of a run that overlaps earlier tiles, found by byte search.
        used = bytes(map(operator.or_, s_used[a : a + length], d_used[b : b + length]))
        start = used.find(0)
        while start >= 0:
            k = used.find(1, start)
            if k < 0:
                k = length
            if k - start >= SEED:
                s_used[a + start : a + k] = b"\x01" * (k - start)
                d_used[b + start : b + k] = b"\x01" * (k - start)
                tiles.append((a + start, b + start, k - start))
            start = used.find(0, k)
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


LONG_RUN = 4  # words in order that show copied wording rather than restatement
COPIED_COVER = 0.55  # share of the shorter side in long runs that makes wording "copied"
COPIED_SIMILARITY = 0.8


def run_cover(ops: list[RawOp]) -> float:
    """Share of the shorter side that lies in long in-order runs of equal words."""
    ns = sum(op.s_hi - op.s_lo for op in ops)
    nd = sum(op.d_hi - op.d_lo for op in ops)
    shorter = min(ns, nd)
    if not shorter:
        return 0.0
    covered = run = 0
    for op in ops:
        if _is_match(op):
            run += op.s_hi - op.s_lo
            continue
        if run >= LONG_RUN:
            covered += run
        run = 0
    if run >= LONG_RUN:
        covered += run
    return covered / shorter


def reworded(src: Side, der: Side, ops: list[RawOp], similarity: float) -> bool:
    """Tell whether matched ranges say the same things in other words (a paraphrase).

    Copied wording keeps long runs in order; a restatement shares content words and
    figures but few or short runs.
    """
    if similarity >= COPIED_SIMILARITY or run_cover(ops) >= COPIED_COVER:
        return False
    # A restatement keeps most of the words, if not their order; a rewrite that
    # drops and adds much (an opening redone around a copied phrase) is "altered".
    s_lo, s_hi = ops[0].s_lo, ops[-1].s_hi
    d_lo, d_hi = ops[0].d_lo, ops[-1].d_hi
    s_count = Counter(src.tokens.keys[s_lo:s_hi])
    d_count = Counter(der.tokens.keys[d_lo:d_hi])
    shared = sum((s_count & d_count).values())
    return 2 * shared >= PARAPHRASE_SHARED * ((s_hi - s_lo) + (d_hi - d_lo))


PARAPHRASE_SHARED = 0.45


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
        if any(d_done[u] for u in ds) or any(s_done[u] for u in ss):
            continue  # a unit belongs to one passage, even when copied twice
        m = _matched(src, der, ds, ss, tiles)
        if m is None:
            continue
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
    similarity = classify(ops, src.tokens)[1]
    if reworded(src, der, ops, similarity):
        m = Match("paraphrased", s_lo, s_hi, d_lo, d_hi, similarity, ops)
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


GAP_UNITS = 4  # unmatched units between two in-order passages worth pairing up
GAP_SIMILARITY = 0.5
GAP_RESTATED = 0.4  # share of words two same-place units need to pair as a restatement


def _gap_groups(
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
