"""Stable k-gram fingerprints with winnowing, for finding candidate sources in a corpus."""

from __future__ import annotations

import hashlib

from provenance.engine.tokens import key_sequence

_MASK63 = (1 << 63) - 1


def hash_gram(keys: list[str] | tuple[str, ...]) -> int:
    """Hash a k-gram of keys to a non-negative 63-bit int (fits a signed DB bigint).

    Uses blake2b, not hash(), so values agree across processes and machines.
    """
    digest = hashlib.blake2b("\x1f".join(keys).encode("utf-8", "surrogatepass"), digest_size=8)
    return int.from_bytes(digest.digest(), "big") & _MASK63


def kgram_hashes(keys: list[str], k: int) -> list[int]:
    """Hash every k-gram of a key sequence, in order."""
    return [hash_gram(keys[i : i + k]) for i in range(len(keys) - k + 1)]


def winnow(hashes: list[int], window: int) -> list[tuple[int, int]]:
    """Select (hash, position) fingerprints: the rightmost minimum of each window."""
    if not hashes:
        return []
    if len(hashes) <= window:
        best = min(range(len(hashes)), key=lambda i: (hashes[i], -i))
        return [(hashes[best], best)]
    out: list[tuple[int, int]] = []
    last = -1
    for start in range(len(hashes) - window + 1):
        best = start
        for i in range(start + 1, start + window):
            if hashes[i] <= hashes[best]:
                best = i
        if best != last:
            out.append((hashes[best], best))
            last = best
    return out


def fingerprints(text: str, k: int = 5, window: int = 4) -> list[tuple[int, int]]:
    """Return winnowed (hash, token position) fingerprints of a text's comparison keys."""
    if k < 1 or window < 1:
        raise ValueError("k and window must be at least 1.")
    return winnow(kgram_hashes(key_sequence(text), k), window)
