"""Precision on long texts: unrelated long pairs, and copies embedded in long hosts.

Run from the repository root:

    .venv/bin/python -m bench.long_texts                     # 5k, 20k, 50k words
    .venv/bin/python -m bench.long_texts --sizes 5000 --docs 6

Long texts are built at run time, never stored: real releases of one group of
institutions joined end to end (`../shared/real-dev`), Python's own reference prose
(`pydoc_data.topics`, shipped with the interpreter: technical writing, not news) and
the generator's synthetic filler. Two checks per size:

1. Unrelated pairs: two long texts with no common origin (releases of different
   institutions; releases against reference prose; against filler). Every reuse the
   engine reports is false: wording + paraphrase share should stay ≤ 0.5%.
2. Long-host embed: 1–20 source sentences cut at random words (`bench.embed`) set into a
   long host of another genre, the source itself a long run of releases. PAN measures
   (`bench.pan`) per size: plagdet and precision should stay ≥ 0.95 as texts grow.

Prints numbers only and writes bench/out/long_texts.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any

from bench import pan
from bench.embed import embed
from bench.engine_quality import load_jsonl, truth_cases
from bench.filler import shingles, synthetic_text
from bench.realdev import REAL
from bench.textparts import paragraphs, words

OUT = Path(__file__).resolve().parent / "out"
GENRES = ("releases", "reference", "filler")


def _take(paras: Sequence[str], n_words: int, rng: random.Random) -> list[str]:
    """Consecutive paragraphs from a random start (wrapping round) up to n_words words."""
    start = rng.randrange(len(paras))
    out: list[str] = []
    total = 0
    k = start
    while total < n_words:
        p = paras[k % len(paras)]
        out.append(p)
        total += len(words(p))
        k += 1
        if k - start > 4 * len(paras):
            break
    return out


def release_paragraphs(releases: Sequence[dict[str, Any]], rng: random.Random) -> list[str]:
    order = rng.sample(list(releases), len(releases))
    return [r["text"][p.span[0] : p.span[1]] for r in order for p in paragraphs(r["text"])]


def reference_paragraphs() -> list[str]:
    import pydoc_data.topics

    topics = pydoc_data.topics.topics
    return [
        " ".join(block.split())
        for key in sorted(topics)
        for block in topics[key].split("\n\n")
        if len(block.split()) >= 12 and not block.startswith("   ")  # prose, not code
    ]


def groups(releases: Sequence[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Two sets of releases with no institution in common (the largest against the rest)."""
    a = [r for r in releases if r.get("institution") == "BMJ"]
    b = [r for r in releases if r.get("institution") not in ("BMJ", None)]
    return a, b


def _shared_boilerplate(a: Sequence[dict[str, Any]]) -> set[tuple[str, ...]]:
    """Runs of 8 words in group a's releases: a paragraph of b holding one is common text
    (a syndication disclaimer, a journal's standard note), not unrelated text."""
    return set().union(*(shingles(r["text"], 8) for r in a))


def host(
    genre: str,
    pool_b: Sequence[dict[str, Any]],
    n: int,
    rng: random.Random,
    common: AbstractSet[tuple[str, ...]] = frozenset(),
) -> list[str]:
    if genre == "releases":
        paras = [p for p in release_paragraphs(pool_b, rng) if not shingles(p, 8) & common]
        return _take(paras, n, rng)
    if genre == "reference":
        return _take(reference_paragraphs(), n, rng)
    return synthetic_text(rng, n).split("\n\n")


Compare = Callable[[str, str], Any]


def run_unrelated(
    compare: Compare, a: Sequence[dict[str, Any]], b: Sequence[dict[str, Any]], n: int, seed: int
) -> list[dict[str, str]]:
    common = _shared_boilerplate(a)
    rows = []
    for genre in GENRES:
        rng = random.Random(f"{seed}:unrelated:{n}:{genre}")
        source = "\n\n".join(_take(release_paragraphs(a, rng), n, rng))
        derivative = "\n\n".join(host(genre, b, n, rng, common))
        started = time.perf_counter()
        stats = compare(source, derivative).stats
        rows.append(
            {
                "words": f"{n:,}",
                "against": genre,
                "wording %": f"{100 * stats.derivative_share:.2f}",
                "paraphrase %": f"{100 * stats.paraphrased_share:.2f}",
                "reuse %": f"{100 * (stats.derivative_share + stats.paraphrased_share):.2f}",
                "s": f"{time.perf_counter() - started:.1f}",
            }
        )
    return rows


def run_embed(
    compare: Compare,
    a: Sequence[dict[str, Any]],
    b: Sequence[dict[str, Any]],
    n: int,
    docs: int,
    seed: int,
) -> dict[str, str]:
    common = _shared_boilerplate(a)
    cases: list[pan.Pair] = []
    detections: list[pan.Pair] = []
    seconds = []
    for doc in range(docs):
        rng = random.Random(f"{seed}:embed:{n}:{doc}")
        genre = GENRES[doc % len(GENRES)]
        source = "\n\n".join(_take(release_paragraphs(a, rng), n, rng))
        paras = host(genre, b, n, rng, common)
        derived = embed(source, rng, paras, paras=len(paras))
        if derived is None:
            continue
        started = time.perf_counter()
        comparison = compare(derived.source, derived.derivative)
        seconds.append(time.perf_counter() - started)
        cases += truth_cases(derived, doc)
        detections += pan.detections_from_passages(
            list(comparison.passages), derived.source, derived.derivative, doc
        )
    scores = pan.score(cases, detections)
    return {
        "words": f"{n:,}",
        "docs": str(len(seconds)),
        "P": f"{100 * scores.precision:.1f}",
        "R": f"{100 * scores.recall:.1f}",
        "gran": f"{scores.granularity:.2f}",
        "plagdet": f"{100 * scores.plagdet:.1f}",
        "s/doc": f"{statistics.median(seconds):.1f}" if seconds else "–",
    }


def table(rows: Sequence[dict[str, str]]) -> str:
    if not rows:
        return "(no rows)\n"
    head = list(rows[0])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r[h] for h in head) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000,20000,50000", help="words per text")
    parser.add_argument("--docs", type=int, default=9, help="embedded copies per size")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip-unrelated", action="store_true")
    parser.add_argument("--skip-embed", action="store_true")
    args = parser.parse_args(argv)
    path = REAL / "press_releases.jsonl"
    if not path.exists():
        print(f"skipped: {path} is absent (the real development corpus is needed)")
        return 0
    from provenance.engine import compare

    a, b = groups(load_jsonl(path))
    sizes = [int(s) for s in args.sizes.split(",") if s]
    unrelated: list[dict[str, str]] = []
    embedded: list[dict[str, str]] = []
    for n in sizes:
        if not args.skip_unrelated:
            unrelated += run_unrelated(compare, a, b, n, args.seed)
        if not args.skip_embed:
            embedded.append(run_embed(compare, a, b, n, args.docs, args.seed))
    text = "\n".join(
        [
            "# Long texts\n",
            "## Unrelated long pairs (target: reuse ≤ 0.5%)\n",
            table(unrelated),
            "## Long-host embed (targets: plagdet ≥ 95, P ≥ 95)\n",
            table(embedded),
        ]
    )
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "long_texts.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
