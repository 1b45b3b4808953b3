"""Seed the alignment: one-to-one runs of equal word keys shared by two texts."""

from __future__ import annotations

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
