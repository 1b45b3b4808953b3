"""Stable k-gram fingerprints with winnowing, for finding candidate sources in a corpus."""

from __future__ import annotations

import hashlib
from collections import deque

from provenance.engine.tokens import is_content, key_sequence

_MASK63 = (1 << 63) - 1


def hash_gram(keys: list[str] | tuple[str, ...]) -> int:
    """Hash a k-gram of keys to a non-negative 63-bit int (fits a signed DB bigint).

    Uses blake2b, not hash(), so values agree across processes and machines.
    """
    digest = hashlib.blake2b("\x1f".join(keys).encode("utf-8", "surrogatepass"), digest_size=8)
    return int.from_bytes(digest.digest(), "big") & _MASK63


def kgram_hashes(keys: list[str], k: int, min_content: int = 0) -> list[int]:
    """Hash every k-gram of a key sequence, in order.

    With `min_content`, only grams holding at least that many content words count,
    so stock phrases of function words ("one of the") are left out.
    """
    if min_content <= 0:
        return [hash_gram(keys[i : i + k]) for i in range(len(keys) - k + 1)]
    content = [is_content(key) for key in keys]
    hashes = []
    running = sum(content[: k - 1])
    for i in range(len(keys) - k + 1):
        running += content[i + k - 1]
        if running >= min_content:
            hashes.append(hash_gram(keys[i : i + k]))
        running -= content[i]
    return hashes


def winnow(hashes: list[int], window: int) -> list[tuple[int, int]]:
    """Select (hash, position) fingerprints: the rightmost minimum of each window.

    Linear time: a deque holds the positions that can still be a window's minimum.
    """
    if not hashes:
        return []
    if len(hashes) <= window:
        best = min(range(len(hashes)), key=lambda i: (hashes[i], -i))
        return [(hashes[best], best)]
    out: list[tuple[int, int]] = []
    candidates: deque[int] = deque()
    last = -1
    for i, value in enumerate(hashes):
        while candidates and hashes[candidates[-1]] >= value:
            candidates.pop()
        candidates.append(i)
        start = i - window + 1
        if start < 0:
            continue
        while candidates[0] < start:
            candidates.popleft()
        if candidates[0] != last:
            last = candidates[0]
            out.append((hashes[last], last))
    return out


def fingerprints(text: str, k: int = 5, window: int = 4) -> list[tuple[int, int]]:
    """Return winnowed (hash, token position) fingerprints of a text's comparison keys."""
    if k < 1 or window < 1:
        raise ValueError("k and window must be at least 1.")
    return winnow(kgram_hashes(key_sequence(text), k), window)
