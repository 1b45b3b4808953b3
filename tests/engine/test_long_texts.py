"""Precision that does not fall as texts grow: chance shared phrases are not copies."""

from __future__ import annotations

import random

from provenance.engine import compare

# Phrases (up to 7 words) any two texts of one field share; each comes up a few times.
STOCK = [
    "the study was published in the journal",
    "previous studies have shown that",
    "was associated with an increased risk of",
    "further research is needed to confirm",
    "a better understanding of the mechanisms",
    "this was an observational study which means",
    "the findings suggest that there may be",
    "according to the latest figures from",
    "the researchers looked at data from",
    "there is a growing body of evidence",
    "more work is needed to establish whether",
    "the team set out to investigate whether",
]


def _words(rng: random.Random, syllables: tuple[str, ...], n: int) -> list[str]:
    return ["".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))) for _ in range(n)]


def _long_text(seed: int, syllables: tuple[str, ...], n_words: int) -> str:
    """Invented prose of about n_words words; a stock phrase in one sentence in 30."""
    rng = random.Random(seed)
    vocab = _words(rng, syllables, 3000)
    paras, total = [], 0
    while total < n_words:
        sentences = []
        for _ in range(4):
            ws = [rng.choice(vocab) for _ in range(rng.randint(10, 18))]
            if rng.random() < 1 / 30:
                k = rng.randrange(len(ws))
                ws[k:k] = rng.choice(STOCK).split()
            total += len(ws)
            sentences.append(" ".join(ws).capitalize() + ".")
        paras.append(" ".join(sentences))
    return "\n\n".join(paras)


A = ("ka", "lo", "mi", "ne", "ru", "ta", "vo", "si")
B = ("bra", "dek", "fol", "gim", "hup", "jes", "plo", "wux")


def test_unrelated_long_texts_sharing_stock_phrases_report_almost_no_reuse() -> None:
    source = _long_text(1, A, 12_000)
    derivative = _long_text(2, B, 12_000)
    stats = compare(source, derivative).stats
    assert stats.derivative_share + stats.paraphrased_share <= 0.005


def test_the_same_stock_phrases_still_count_between_short_texts() -> None:
    """The bar rises with the texts' size only: short texts keep the short-run rule."""
    source = "Kalomi neruta vosika. " + STOCK[2].capitalize() + " heart disease, they said."
    derivative = "Brafol gimhup jesplo. " + STOCK[2].capitalize() + " heart disease, they said."
    assert compare(source, derivative).stats.derivative_share > 0.3


def test_a_real_copy_inside_long_texts_is_still_found() -> None:
    source = _long_text(3, A, 12_000)
    host = _long_text(4, B, 12_000).split("\n\n")
    paras = source.split("\n\n")
    copied = paras[40].split(". ")[1] + "."  # one sentence, copied word for word
    host[70] = host[70] + " " + copied
    derivative = "\n\n".join(host)
    c = compare(source, derivative)
    found = [
        derivative[p.derivative_span[0] : p.derivative_span[1]]
        for p in c.passages
        if p.kind == "verbatim" and p.derivative_span
    ]
    assert found == [copied]


def test_figures_and_dates_alone_are_no_restatement() -> None:
    source = "Press release from the Medical Journal: 23 February 2017\nDoctors welcomed it."
    derivative = "Parents were told on Friday.\n23 February 2017\nThe weather was fine."
    c = compare(source, derivative)
    assert not [p for p in c.passages if p.kind == "paraphrased"]
