"""Anchor a quoted span in a text, and find it again in a later version of that text.

This follows the W3C Web Annotation selectors: a `TextQuoteSelector` (the exact
words with a little context either side) and a `TextPositionSelector` (character
offsets). Offsets are the fallback a reader trusts least, the quote the most,
so placing a quote in a new text goes:

1. exact: every occurrence of the quote, ranked by how much of the old context
   surrounds it, then by nearness to where the old offsets map to in the new
   text (through a diff of the two texts); an occurrence with little of the old
   context around it is placed but marked as out of context (`in_context`), so a
   reviewed annotation goes back to review;
2. fuzzy: diff-match-patch's bitap `match_main`, whose patterns are limited to
   32 characters, so long quotes are matched by head and tail separately and
   the distance between them is checked against the quote's length; the
   placed span must then be similar enough to the quote;
3. otherwise nothing: the caller keeps the annotation as an orphan.

Pure Python (no Django), so it is tested on plain strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from diff_match_patch import diff_match_patch

CONTEXT = 32  # characters of prefix and suffix kept with a quote
BITAP_LIMIT = 32  # diff-match-patch's Match_MaxBits: the longest pattern match_main takes
MATCH_THRESHOLD = 0.3  # 0 = perfect match only, 1 = anything; dmp's default 0.5 is too loose
MATCH_DISTANCE = 1000  # how far from the expected place a match may drift (dmp units)
MIN_SIMILARITY = 0.7  # a fuzzy placement must keep this share of the quote's characters
LENGTH_TOLERANCE = 0.3  # a fuzzy placement may be this much longer or shorter than the quote
# An occurrence is in the quote's own place when this share of the old context (prefix
# and suffix together) still surrounds it; the same words elsewhere say something else
# ("a further £9 million" is not "a new fund of £9 million").
CONTEXT_KEPT = 0.5

Method = Literal["exact", "fuzzy"]


@dataclass(frozen=True)
class Quote:
    """A TextQuoteSelector and TextPositionSelector for one span of one text."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class Placement:
    """Where a quote landed in a new text, and how it was found."""

    quote: Quote
    method: Method
    similarity: float
    # False when the words were found only among other words than the old context's.
    in_context: bool = True


def quote_for(text: str, start: int, end: int, context: int = CONTEXT) -> Quote:
    """Describe text[start:end] as a quote with context; raise ValueError for a bad span."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"The span {start}–{end} is not inside a text of {len(text)} characters.")
    return Quote(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


def similarity(a: str, b: str) -> float:
    """Share of characters the two strings have in common, 0–1 (Levenshtein on dmp's diff)."""
    if not a and not b:
        return 1.0
    dmp = diff_match_patch()
    distance: int = dmp.diff_levenshtein(dmp.diff_main(a, b, False))  # dmp has no types
    return max(0.0, 1.0 - distance / max(len(a), len(b)))


class PositionMap:
    """Map offsets in an old text to the corresponding offsets in a new one."""

    def __init__(self, old: str, new: str) -> None:
        dmp = diff_match_patch()
        dmp.Diff_Timeout = 2.0
        self.diffs = dmp.diff_main(old, new, False)
        self._dmp = dmp

    def __call__(self, offset: int) -> int:
        index: int = self._dmp.diff_xIndex(self.diffs, offset)
        return index


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _context_score(quote: Quote, text: str, start: int) -> int:
    """How many characters of the old prefix and suffix surround an occurrence."""
    end = start + len(quote.exact)
    before = text[max(0, start - len(quote.prefix)) : start]
    after = text[end : end + len(quote.suffix)]
    return _common_suffix(before, quote.prefix) + _common_prefix(after, quote.suffix)


def keeps_context(quote: Quote, text: str, start: int) -> bool:
    """Whether the occurrence at `start` is surrounded by enough of the quote's old context."""
    context = len(quote.prefix) + len(quote.suffix)
    return context == 0 or _context_score(quote, text, start) >= CONTEXT_KEPT * context


def find_exact(quote: Quote, text: str, expected: int) -> int | None:
    """Return the start of the best occurrence of quote.exact in text, or None."""
    best: tuple[int, int] | None = None  # (-context score, distance) ranks occurrences
    best_start = None
    pos = text.find(quote.exact)
    while pos != -1:
        rank = (-_context_score(quote, text, pos), abs(pos - expected))
        if best is None or rank < best:
            best, best_start = rank, pos
        pos = text.find(quote.exact, pos + 1)
    return best_start


def _match(text: str, pattern: str, loc: int) -> int:
    dmp = diff_match_patch()
    dmp.Match_Threshold = MATCH_THRESHOLD
    dmp.Match_Distance = MATCH_DISTANCE
    loc = max(0, min(loc, len(text)))
    found: int = dmp.match_main(text, pattern, loc)
    return found


def find_fuzzy(quote: Quote, text: str, expected: int) -> tuple[int, int] | None:
    """Return the (start, end) of an approximate occurrence of quote.exact, or None."""
    exact = quote.exact
    if not text or not exact.strip():
        return None
    if len(exact) <= BITAP_LIMIT:
        start = _match(text, exact, expected)
        if start == -1:
            return None
        span = (start, min(len(text), start + len(exact)))
    else:
        head, tail = exact[:BITAP_LIMIT], exact[-BITAP_LIMIT:]
        start = _match(text, head, expected)
        if start == -1:
            return None
        tail_at = _match(text, tail, start + len(exact) - BITAP_LIMIT)
        if tail_at == -1 or tail_at < start:
            return None
        span = (start, tail_at + BITAP_LIMIT)
    length = span[1] - span[0]
    if abs(length - len(exact)) > LENGTH_TOLERANCE * len(exact):
        return None
    return span


def place(quote: Quote, new_text: str, positions: PositionMap | None = None) -> Placement | None:
    """Find quote in new_text (exact, then fuzzy); None when it cannot be placed safely."""
    expected = positions(quote.start) if positions is not None else quote.start
    start = find_exact(quote, new_text, expected)
    if start is not None:
        placed = quote_for(new_text, start, start + len(quote.exact))
        return Placement(placed, "exact", 1.0, keeps_context(quote, new_text, start))
    span = find_fuzzy(quote, new_text, expected)
    if span is None:
        return None
    found = new_text[span[0] : span[1]]
    score = similarity(quote.exact, found)
    if score < MIN_SIMILARITY:
        return None
    return Placement(
        quote_for(new_text, *span), "fuzzy", score, keeps_context(quote, new_text, span[0])
    )
