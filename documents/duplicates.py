"""Recognise a text we already hold, exactly or nearly."""

from __future__ import annotations

import hashlib
import re

from django.db.models.functions import Length

from documents.models import Document, DocumentVersion

# Two texts sharing this share of their word triples are the same text, lightly edited.
# Heavy reuse by another outlet (seed 000 of 001) stays well below it.
NEAR_DUPLICATE_THRESHOLD = 0.8
SCAN_LIMIT = 2000

_WORD = re.compile(r"\w+")


def text_digest(text: str) -> str:
    """A digest that ignores spacing and line wrapping, and nothing else."""
    collapsed = " ".join(text.split())
    return hashlib.sha256(collapsed.encode("utf-8")).hexdigest()


def shingles(text: str, size: int = 3) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the two texts' word triples, 0–1."""
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def find_exact(sha256: str, text_sha256: str) -> DocumentVersion | None:
    """A stored version with the same bytes, or failing that the same words."""
    same = DocumentVersion.objects.select_related("document")
    return same.filter(sha256=sha256).first() or same.filter(text_sha256=text_sha256).first()


def find_near_duplicate(text: str) -> tuple[Document, float] | None:
    """The document whose current text is most like `text`, if it passes the threshold.

    Scans current versions of similar length; the discovery index will make this
    cheaper once it exists.
    """
    length = len(text)
    candidates = (
        DocumentVersion.objects.filter(pk__in=Document.objects.values("current_version"))
        .annotate(length=Length("text"))
        .filter(length__range=(int(length * 0.7), int(length / 0.7) + 1))
        .order_by("-created_at")
        .values_list("document_id", "text")[:SCAN_LIMIT]
    )
    best: tuple[int, float] | None = None
    mine = shingles(text)
    for document_id, other in candidates:
        theirs = shingles(other)
        if not mine or not theirs:
            continue
        score = len(mine & theirs) / len(mine | theirs)
        if score >= NEAR_DUPLICATE_THRESHOLD and (best is None or score > best[1]):
            best = (document_id, score)
    if best is None:
        return None
    return Document.objects.get(pk=best[0]), best[1]
