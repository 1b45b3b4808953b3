"""Distinctive terms: the rare content words and figures that tell one story from another.

The second way discovery finds candidate sources, beside shared k-grams: a
paraphrase shares few word runs with its source but many of its rare terms.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

from provenance.engine.fingerprint import hash_gram
from provenance.engine.tokens import is_evidence, is_number, stem


@lru_cache(maxsize=65536)
def term_hash(word_stem: str) -> int:
    """The key of a term (a namespace prefix keeps it apart from every k-gram hash)."""
    return hash_gram(("\x1eterm", word_stem))


def is_term(key: str) -> bool:
    """Content words of three letters or more, and figures of two digits or more."""
    if not is_evidence(key):
        return False
    return len(key) >= 2 if is_number(key) else len(key) >= 3 and key[:1].isalpha()


class _TermCache(dict[str, int | None]):
    """Key → term hash (None: not a term), computed on first sight."""

    def __missing__(self, key: str) -> int | None:
        value = self[key] = term_hash(stem(key)) if is_term(key) else None
        return value


_TERM_CACHE = _TermCache()


def term_frequencies(keys: list[str]) -> Counter[int]:
    """How often each term stem occurs in a text's keys (term hash → count)."""
    if len(_TERM_CACHE) > 200_000:
        _TERM_CACHE.clear()
    return Counter(h for h in map(_TERM_CACHE.__getitem__, keys) if h is not None)


def term_weight(tf: int, df: int) -> float:
    """In-document weight × rarity: (1 + ln tf) / ln(2 + df).

    Needs no corpus size, so a term's weight never changes because other
    documents arrived, only because its own document frequency did.
    """
    return (1 + math.log(tf)) / math.log(2 + df)


def distinctive_terms(tf: Counter[int], df: dict[int, int], limit: int, max_df: int) -> list[int]:
    """The `limit` heaviest terms whose document frequency is at most `max_df`."""
    weighted = [(term_weight(n, df.get(h, 0)), h) for h, n in tf.items() if df.get(h, 0) <= max_df]
    weighted.sort(key=lambda pair: (-pair[0], pair[1]))
    return [h for _, h in weighted[:limit]]
