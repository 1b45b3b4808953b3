"""Copies cut at any word, set into unrelated text: the `embed` operation.

`embed(source, rng, host)` takes 1–20 consecutive source sentences, cuts the copy at a
random word inside the first and inside the last of them, and sets it at a random word
inside a paragraph of host text from another subject. The truth is one case: the
copied source characters and where they landed, which an engine should report as one
verbatim passage (boundaries inside sentences, not at them). Real copying starts and
ends mid-sentence; the sentence operations of `bench.generate` never do.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from bench.generate import Derived, Segment
from bench.textparts import WORD_RE, Span, paragraphs

MAX_SENTENCES = 20
MIN_WORDS = 6  # a copy shorter than this is not worth scoring as reuse


def _sentences(text: str) -> list[Span]:
    return [s for p in paragraphs(text) for s in p.sentences]


def _cut(text: str, span: Span, rng: random.Random, *, start: bool) -> int:
    """A random word boundary inside the sentence: a word start, or a word end."""
    ws = list(WORD_RE.finditer(text, span[0], span[1]))
    if len(ws) < 2:
        return span[0] if start else span[1]
    if start:
        return ws[rng.randrange(1, len(ws))].start()
    return ws[rng.randrange(0, len(ws) - 1)].end()


def embed(
    source: str, rng: random.Random, host: Sequence[str], *, paras: int = 3
) -> Derived | None:
    """Derive host text holding one copy of 1–20 source sentences cut at random words.

    None when the source or the host pool is too small.
    """
    sentences = _sentences(source)
    candidates = [h for h in host if len(WORD_RE.findall(h)) >= 12]
    if len(sentences) < 2 or not candidates:
        return None
    n = rng.randint(1, min(MAX_SENTENCES, len(sentences)))
    first = rng.randrange(0, len(sentences) - n + 1)
    last = first + n - 1
    for _ in range(10):
        lo = _cut(source, sentences[first], rng, start=True)
        hi = _cut(source, sentences[last], rng, start=False)
        if hi > lo and len(WORD_RE.findall(source, lo, hi)) >= MIN_WORDS:
            break
    else:
        return None
    copied = source[lo:hi]
    chosen = rng.sample(candidates, min(paras, len(candidates)))
    k = rng.randrange(len(chosen))
    words = list(WORD_RE.finditer(chosen[k]))
    at = words[rng.randrange(1, len(words))].start()  # inside the paragraph, before a word
    before, after = chosen[k][:at], chosen[k][at:]
    head = "\n\n".join([*chosen[:k], before])
    derivative = head + copied + " " + "\n\n".join([after, *chosen[k + 1 :]])
    d_span = (len(head), len(head) + len(copied))
    segments = [
        Segment("embed", frozenset({"verbatim"}), (lo, hi), d_span),
        Segment("host", frozenset({"added"}), None, (0, d_span[0])),
        Segment("host", frozenset({"added"}), None, (d_span[1] + 1, len(derivative))),
    ]
    return Derived(
        source=source,
        derivative=derivative,
        ops=("embed",),
        applied={"embed": 1},
        segments=tuple(segments),
        findings=(),
    )
