"""Paragraph-level material for the generator: unrelated filler and swapped-in quotations."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from bench.sentence_ops import Context, new_name
from bench.textparts import Span, words
from bench.wordlists import FILLER_WORDS, QUOTE_TEMPLATES, ROLES, TOPICS

# --- Paragraph-level material ----------------------------------------------------------


def shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    ws = [w.lower() for w in re.findall(r"\w+", text)]
    return {tuple(ws[i : i + n]) for i in range(len(ws) - n + 1)}


def synthetic_paragraph(rng: random.Random, n_sentences: int = 3) -> str:
    """Make a paragraph of plausible but unrelated filler text."""
    sentences = []
    for _ in range(n_sentences):
        n = rng.randint(8, 18)
        ws = [rng.choice(FILLER_WORDS) for _ in range(n)]
        for i in range(2, n - 1, rng.randint(3, 5)):
            ws[i] = rng.choice(("the", "and", "of", "in", "with", "for"))
        sentences.append(" ".join(ws).capitalize() + ".")
    return " ".join(sentences)


def filler_paragraph(
    rng: random.Random, filler: Sequence[str], source_shingles: set[tuple[str, ...]]
) -> str:
    candidates = [f for f in filler if len(words(f)) >= 12]
    for f in rng.sample(candidates, min(len(candidates), 20)):
        if not shingles(f) & source_shingles:
            return f
    return synthetic_paragraph(rng)


def quote_paragraph(rng: random.Random, ctx: Context) -> tuple[str, Span]:
    quote = rng.choice(QUOTE_TEMPLATES).format(t=rng.choice(TOPICS))
    name = new_name(rng, ctx)
    text = f"“{quote[:-1]},” said {name}, {rng.choice(ROLES)}."
    return text, (0, len(text))


# --- Building larger texts -------------------------------------------------------------


def synthetic_text(rng: random.Random, n_words: int) -> str:
    """Make unrelated filler text of about `n_words` words, in paragraphs."""
    paras: list[str] = []
    total = 0
    while total < n_words:
        p = synthetic_paragraph(rng, rng.randint(2, 5))
        paras.append(p)
        total += len(words(p))
    return "\n\n".join(paras)
