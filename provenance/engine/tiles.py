"""Seed the alignment: one-to-one runs of equal word keys shared by two texts."""

from __future__ import annotations

import itertools
import operator
from collections import Counter

from provenance.engine.tokens import STOP_WORDS, Tokens

SEED = 3  # words in a seed k-gram; shorter shared runs are noise
MAX_SEED_HITS = 40  # a k-gram this common in the source is boilerplate, not evidence
# A k-gram common in both texts ("the University of") would seed count × count runs;
# copied passages through it are still found by seeds on either side and extension.
MAX_SEED_PAIRS = 100


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
            # Long copied runs are the common case: compare in slices, then word by word
            # (a run that ends at once, as most seeded by repeated phrases do, skips the
            # slicing).
            while (
                e + 16 <= nd
                and e + diag + 16 <= ns
                and did[e] == sid[e + diag]
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


def settle_edges(
    tiles: list[tuple[int, int, int]],
    src: Tokens,
    der: Tokens,
    s_unit_of: list[int],
    d_unit_of: list[int],
) -> list[tuple[int, int, int]]:
    """Hand a tile's edge words to its neighbour when they fit there without a cut.

    The longest run wins its words first, so a short line or a sentence's last words
    ("CARDIFF UNIVERSITY", "by London 2012.") that recur at the end of the next source
    sentence can be taken by a run that crosses into that sentence, leaving the line's
    true twin unmatched. When the neighbouring tile goes on over equal, unused source
    words that end where the edge words' sentence ends, they belong to it: the same
    words stay matched, and no run crosses a sentence boundary for them.
    """
    out = [list(t) for t in sorted(tiles, key=lambda t: t[1])]
    s_used = bytearray(len(src))
    for a, _, n in out:
        s_used[a : a + n] = b"\x01" * n

    def s_bound(i: int) -> bool:
        return _boundary(s_unit_of, i)

    def d_bound(j: int) -> bool:
        return _boundary(d_unit_of, j)

    def fits(s_lo: int, d_lo: int, k: int) -> bool:
        return (
            s_lo >= 0
            and s_lo + k <= len(src)
            and s_used.find(1, s_lo, s_lo + k) < 0
            and src.keys[s_lo : s_lo + k] == der.keys[d_lo : d_lo + k]
            and s_unit_of[s_lo] == s_unit_of[s_lo + k - 1]
        )

    for prev, tile in itertools.pairwise(out):
        if prev[1] + prev[2] != tile[1]:
            continue  # not next to each other in the derivative
        a, b, n = tile
        # The tile's head, up to its first derivative boundary, to the end of prev.
        k = next((x for x in range(1, n) if d_bound(b + x)), 0)
        s_at = prev[0] + prev[2]
        if k and s_bound(s_at) == d_bound(b) and s_bound(s_at + k) and fits(s_at, b, k):
            s_used[a : a + k] = b"\x00" * k
            s_used[s_at : s_at + k] = b"\x01" * k
            prev[2] += k
            tile[0], tile[1], tile[2] = a + k, b + k, n - k
            continue
        # prev's tail, after its last derivative boundary, to the head of tile.
        a, b, n = prev
        k = next((n - x for x in range(n - 1, 0, -1) if d_bound(b + x)), 0)
        s_at = tile[0] - k
        if (
            k
            and s_bound(tile[0]) == d_bound(tile[1])
            and s_bound(s_at)
            and fits(s_at, b + n - k, k)
        ):
            s_used[a + n - k : a + n] = b"\x00" * k
            s_used[s_at : tile[0]] = b"\x01" * k
            prev[2] -= k
            tile[0], tile[1], tile[2] = s_at, tile[1] - k, tile[2] + k
    # Only a part shorter than its tile ever moves, so every tile keeps some words.
    return [(a, b, n) for a, b, n in out]


def _boundary(unit_of: list[int], i: int) -> bool:
    """Tell whether a unit boundary falls just before token i (or i is an end)."""
    return i <= 0 or i >= len(unit_of) or unit_of[i - 1] != unit_of[i]
