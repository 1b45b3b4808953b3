"""Hard negatives: pairs of real releases on the same subject that do not derive from each other.

Two releases from different institutions are paired when their content words are alike
(cosine of TF-IDF weights) and they share no run of eight words: close in subject,
independent in wording. Any reuse an engine reports between them is a false positive.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

_WORD = re.compile(r"[a-z][a-z'-]{3,}")
_SHINGLE = 8


def _terms(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.lower()))


def _shingles(text: str) -> set[tuple[str, ...]]:
    ws = re.findall(r"\w+", text.lower())
    return {tuple(ws[i : i + _SHINGLE]) for i in range(len(ws) - _SHINGLE + 1)}


def same_subject_pairs(
    releases: Sequence[dict[str, Any]], n: int, min_similarity: float = 0.1
) -> list[tuple[dict[str, Any], dict[str, Any], float]]:
    """The n most alike independent pairs (a, b, cosine), each release in one pair at most."""
    docs = [r for r in releases if r.get("institution") and not r.get("shares_text_with_other_pr")]
    terms = [_terms(r["text"]) for r in docs]
    df: Counter[str] = Counter()
    for t in terms:
        df.update(t.keys())
    n_docs = len(docs)
    vecs = []
    for t in terms:
        v = {w: (1 + math.log(c)) * math.log(n_docs / df[w]) for w, c in t.items() if df[w] > 1}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})
    scored = []
    for i in range(n_docs):
        for j in range(i + 1, n_docs):
            if docs[i]["institution"] == docs[j]["institution"]:
                continue
            a, b = vecs[i], vecs[j]
            if len(a) > len(b):
                a, b = b, a
            sim = sum(x * b.get(w, 0.0) for w, x in a.items())
            if sim >= min_similarity:
                scored.append((sim, i, j))
    scored.sort(reverse=True)
    used: set[int] = set()
    out = []
    for sim, i, j in scored:
        if i in used or j in used:
            continue
        if _shingles(docs[i]["text"]) & _shingles(docs[j]["text"]):
            continue  # shared wording: one may derive from the other
        used |= {i, j}
        out.append((docs[i], docs[j], sim))
        if len(out) >= n:
            break
    return out
