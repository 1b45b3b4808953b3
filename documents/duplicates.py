"""Recognise a text we already hold, exactly or nearly."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from documents.models import Document, DocumentVersion
from documents.signals import near_duplicate_lookup
from provenance.engine import key_sequence

# Two texts sharing this share of their word triples are the same text, lightly edited.
# Heavy reuse by another outlet (seed 000 of 001) stays well below it.
NEAR_DUPLICATE_THRESHOLD = 0.8


@dataclass(frozen=True)
class NearDuplicate:
    """A held document whose current text is very like the one asked about."""

    document: Document
    similarity: float  # `similarity()` of the two texts, at least NEAR_DUPLICATE_THRESHOLD


def text_digest(text: str) -> str:
    """A digest that ignores spacing and line wrapping, and nothing else."""
    collapsed = " ".join(text.split())
    return hashlib.sha256(collapsed.encode("utf-8")).hexdigest()


def shingles(text: str, size: int = 3) -> set[tuple[str, ...]]:
    # The engine's words and keys, as discovery reads them: "40 per cent" and "40%", or
    # “curly” and "straight" quotes, are the same words here too.
    words = key_sequence(text)
    if len(words) < size:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the two texts' word triples, 0–1."""
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def is_near_duplicate(score: float) -> bool:
    return score >= NEAR_DUPLICATE_THRESHOLD


def find_exact(sha256: str, text_sha256: str) -> DocumentVersion | None:
    """A stored version with the same bytes, or failing that the same words."""
    same = DocumentVersion.objects.select_related("document")
    return same.filter(sha256=sha256).first() or same.filter(text_sha256=text_sha256).first()


def find_near_duplicate(text: str) -> NearDuplicate | None:
    """The held document whose current text is most like `text`, if it passes the threshold.

    Asked of whoever answers `near_duplicate_lookup` (discovery's index), so only
    texts already indexed are seen; discovery notes a near-duplicate found later on
    the version (`DocumentVersion.near_duplicate_of`). Call it before opening the
    write transaction: the lookup reads the index and must not hold the write lock.
    """
    # Receivers may answer anything; django-stubs types the answers as `str | None`.
    answers: Sequence[tuple[object, object]] = near_duplicate_lookup.send(
        sender=NearDuplicate, text=text
    )
    found = [answer for _, answer in answers if isinstance(answer, NearDuplicate)]
    if not found:
        return None
    return max(found, key=lambda near: near.similarity)
