"""Time compare() against a naive word-level difflib baseline, in one process.

Run from the repository root:

    .venv/bin/python -m bench.engine_speed

Inputs: the seed pair 001 → 000, an unrelated pair of about 1k words, and generated
pairs of 1k, 5k, 20k and 50k words whose derivative reuses about 30% of its words from
the source. Each is timed timeit-style (calls are batched until a sample lasts at least
`--min-sample` seconds, and at least `--repeat` samples are taken); the median and 90th
percentile per call are reported, with the ratio to the baseline, the growth exponent
(log-log slope of the median between consecutive sizes) and peak memory of one call
under tracemalloc (measured apart from timing, which tracemalloc slows down). The
baseline is skipped once one call would exceed `--baseline-budget` seconds. The machine
is shared and noisy: compare medians and ratios, not single runs.

Writes bench/out/engine_speed.md and prints it.
"""

from __future__ import annotations

import argparse
import difflib
import gc
import json
import math
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.filler import synthetic_text
from bench.generate import derive, paragraphs, words
from bench.realdev import REAL as REAL_DEV

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "demo" / "seeds"
OUT = REPO / "bench" / "out"
SIZES = (1_000, 5_000, 20_000, 50_000)
TARGETS = {
    "seed 001→000": "< 5 ms",
    "unrelated 1k": "< 5 ms",
    "generated 20k": "< 150 ms",
}
MEMORY_TARGETS = {"generated 50k": "< 100 MB"}


def baseline(source: str, derivative: str) -> list[tuple[str, int, int, int, int]]:
    """The naive aligner: difflib over the word lists, no junk heuristic."""
    matcher = difflib.SequenceMatcher(None, source.split(), derivative.split(), autojunk=False)
    return matcher.get_opcodes()


@dataclass
class Timing:
    median: float
    p90: float
    runs: int
    cpu_median: float  # process time: what this process used, whatever else the machine ran


def time_call(fn: Callable[[], Any], repeat: int, min_sample: float, budget: float) -> Timing:
    """Batch calls until a sample lasts `min_sample` s; take `repeat`+ samples within `budget`."""
    gc.collect()
    start = time.perf_counter()
    fn()
    first = time.perf_counter() - start
    number = max(1, math.ceil(min_sample / max(first, 1e-9))) if first < min_sample else 1
    per_call: list[float] = []
    cpu_per_call: list[float] = []
    spent = first
    while len(per_call) < repeat or (spent < budget and len(per_call) < 50):
        start = time.perf_counter()
        cpu_start = time.process_time()
        for _ in range(number):
            fn()
        cpu_per_call.append((time.process_time() - cpu_start) / number)
        elapsed = time.perf_counter() - start
        spent += elapsed
        per_call.append(elapsed / number)
    per_call.sort()
    p90 = per_call[min(len(per_call) - 1, math.ceil(0.9 * len(per_call)) - 1)]
    return Timing(
        statistics.median(per_call), p90, len(per_call) * number, statistics.median(cpu_per_call)
    )


def peak_memory(fn: Callable[[], Any]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# --- Inputs ------------------------------------------------------------------------------


def _real_paragraphs() -> list[str]:
    path = REAL_DEV / "press_releases.jsonl"
    if not path.exists():
        return []
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            out += [text[p.span[0] : p.span[1]] for p in paragraphs(text)]
    return out


class _Pool:
    """Paragraphs handed out without replacement (synthetic text once they run out)."""

    def __init__(self, paras: list[str], rng: random.Random) -> None:
        self.paras = rng.sample(paras, len(paras))
        self.rng = rng

    def text(self, n_words: int) -> str:
        out: list[str] = []
        total = 0
        while total < n_words:
            p = self.paras.pop() if self.paras else synthetic_text(self.rng, 60)
            out.append(p)
            total += len(words(p))
        return "\n\n".join(out)


def generated_pair(n_words: int, seed: int, paras: list[str]) -> tuple[str, str]:
    """A source of about n words, and a derivative of about n words, ~30% reused from it.

    The reused part is a run of source paragraphs edited by the generator (trivial and
    word edits, trims, paraphrases); the rest is unrelated text, interleaved in order.
    """
    rng = random.Random(f"speed:{seed}:{n_words}")
    pool = _Pool(paras, rng)
    source = pool.text(n_words)
    spans = paragraphs(source)
    start = rng.randrange(max(1, len(spans) // 2))
    taken: list[str] = []
    total = 0
    for p in spans[start:]:
        if total >= 0.3 * n_words:
            break
        taken.append(source[p.span[0] : p.span[1]])
        total += len(words(taken[-1]))
    ops = ["trivial_edit", "word_edit", "trim", "paraphrase"]
    reused = derive("\n".join(taken), ops, rng, rate=0.3).derivative.split("\n\n")
    fresh = pool.text(n_words - total).split("\n\n")
    slots = set(rng.sample(range(len(fresh) + len(reused)), len(reused)))
    r_iter, f_iter = iter(reused), iter(fresh)
    out = [next(r_iter) if i in slots else next(f_iter) for i in range(len(fresh) + len(reused))]
    return source, "\n\n".join(out)


def inputs(seed: int) -> list[tuple[str, str, str]]:
    cases = []
    src, der = SEEDS / "001_5d387909d68261b9.txt", SEEDS / "000_2c9eaf67016cf026.txt"
    if src.exists() and der.exists():
        cases.append(("seed 001→000", src.read_text("utf-8"), der.read_text("utf-8")))
    paras = _real_paragraphs()
    pool = _Pool(paras, random.Random(f"speed:{seed}:unrelated"))
    cases.append(("unrelated 1k", pool.text(1_000), pool.text(1_000)))
    for n in SIZES:
        cases.append((f"generated {n // 1000}k", *generated_pair(n, seed, paras)))
    return cases


# --- Report ------------------------------------------------------------------------------


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    return f"{seconds * 1000:.2f}" if seconds < 0.1 else f"{seconds * 1000:.0f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="at least this many samples")
    parser.add_argument("--min-sample", type=float, default=0.05, help="seconds per sample")
    parser.add_argument("--budget", type=float, default=3.0, help="seconds of timing per input")
    parser.add_argument("--baseline-budget", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    from provenance.engine import compare

    rows = []
    skip_baseline = False
    prev: tuple[int, float] | None = None
    for name, source, derivative in inputs(args.seed):
        n_words = len(derivative.split())
        ours = time_call(
            lambda s=source, d=derivative: compare(s, d), args.repeat, args.min_sample, args.budget
        )
        memory = peak_memory(lambda s=source, d=derivative: compare(s, d))
        base: Timing | None = None
        if not skip_baseline:
            start = time.perf_counter()
            baseline(source, derivative)
            if time.perf_counter() - start > args.baseline_budget:
                skip_baseline = True
            else:
                base = time_call(
                    lambda s=source, d=derivative: baseline(s, d),
                    args.repeat,
                    args.min_sample,
                    args.budget,
                )
                # The baseline grows about quadratically: stop before it blows the budget.
                if name.startswith("generated") and base.median * 2.5**2 > args.baseline_budget:
                    skip_baseline = True
        base_note = "" if base else f"skipped (>{args.baseline_budget:.0f}s)"
        growth = "–"
        if name.startswith("generated"):
            if prev is not None:
                growth = f"{math.log(ours.median / prev[1]) / math.log(n_words / prev[0]):.2f}"
            prev = (n_words, ours.median)
        rows.append(
            {
                "input": name,
                "words (src/der)": f"{len(source.split())}/{n_words}",
                "median ms": _ms(ours.median),
                "p90 ms": _ms(ours.p90),
                "CPU median ms": _ms(ours.cpu_median),
                "runs": str(ours.runs),
                "target": TARGETS.get(name, ""),
                "baseline median ms": base_note or _ms(base.median if base else None),
                "ratio to baseline": f"{ours.median / base.median:.2f}" if base else "–",
                "growth exp.": growth,
                "peak MB": f"{memory / 1e6:.1f}",
                "memory target": MEMORY_TARGETS.get(name, ""),
            }
        )
        print(f"  {name}: {rows[-1]['median ms']} ms", file=sys.stderr, flush=True)

    headers = list(rows[0])
    lines = [
        "# Engine speed\n",
        "compare() vs difflib.SequenceMatcher over word lists (autojunk=False), same process. "
        "Times per call (wall clock; CPU is this process's time, which the machine's other "
        "work does not inflate); growth exp. is the log-log slope from the previous generated "
        "size; "
        "ratio < 1 means compare() is faster than the baseline.\n",
        "| " + " | ".join(headers) + " |",
        "|" + "---|" * len(headers),
    ]
    lines += ["| " + " | ".join(r[h] for h in headers) + " |" for r in rows]
    text = "\n".join(lines) + "\n"
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "engine_speed.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
