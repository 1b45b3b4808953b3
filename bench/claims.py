"""The claim reading and claim findings, measured.

    .venv/bin/python -m bench.claims                 # levels, real-dev findings, speed
    .venv/bin/python -m bench.claims --limit 0       # every clean real-dev story
    .venv/bin/python -m bench.claims --sample 50     # write 50 findings to check by hand

1. Levels on the held-out fifth of ../shared/claims (never trained or tuned on):
   accuracy and macro-F1 of claim_strength(), of the cue rules alone, and of the
   learnt weights alone. The labelled sentences keep a negated claim at its wording's
   level ("did not reduce" is labelled causal), so the level compared is `wording`,
   the one before negation or a question mark undo it.
2. Real-dev stories compared with their releases: how many get each claim finding.
   With --sample N, N findings (seeded draw) go to bench/out/claims-sample.md, with
   both sentences, for a person to judge; that file is never committed (bench/out/ is
   ignored) as it quotes the corpus.
3. Speed: compare() with and without the claim findings (`claims=False`), median of
   repeats, on the seed pair 001 → 000 and a generated 10k-word pair, as
   bench/engine_speed builds them.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.claims_data import CSV, LEVELS, load

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
CLAIM_TYPES = ("claim_strengthened", "subjects_generalised", "advice_added", "claim_weakened")


def macro_f1(pairs: list[tuple[str, str]]) -> tuple[float, float, dict[str, float]]:
    per: dict[str, float] = {}
    for k in LEVELS:
        tp = sum(1 for g, p in pairs if g == p == k)
        fp = sum(1 for g, p in pairs if p == k and g != k)
        fn = sum(1 for g, p in pairs if g == k and p != k)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        per[k] = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    acc = sum(1 for g, p in pairs if g == p) / len(pairs)
    return acc, sum(per.values()) / len(per), per


def levels() -> list[str]:
    from provenance.engine import claim_strength

    test = load("test")
    rows = []
    for sentence, gold in test:
        r = claim_strength(sentence)
        learnt = r.learnt.value if r.learnt is not None else "none"
        rows.append((gold, r.wording.value, r.rules.value, learnt))
    out = [
        f"## Levels on the held-out split ({len(test)} sentences)",
        "",
        "| reader | accuracy | macro-F1 | F1 none / correlational / conditional / causal |",
        "| --- | --- | --- | --- |",
    ]
    for name, col in (("claim_strength()", 1), ("cue rules alone", 2), ("weights alone", 3)):
        acc, mf1, per = macro_f1([(r[0], r[col]) for r in rows])
        f1s = " / ".join(f"{per[k]:.2f}" for k in LEVELS)
        out.append(f"| {name} | {acc:.3f} | {mf1:.3f} | {f1s} |")
    return out


def real_pairs(limit: int) -> list[tuple[str, str, str]]:
    from bench.realdev import REAL, is_clean
    from bench.realdev import load as load_real

    if not (REAL / "press_releases.jsonl").exists():
        return []
    releases = {str(r["pr_id"]): str(r["text"]) for r in load_real("press_releases.jsonl")}
    out = []
    for a in load_real("articles.jsonl"):
        if is_clean(a) and str(a["pr_id"]) in releases:
            out.append((str(a["article_id"]), releases[str(a["pr_id"])], str(a["text"])))
    return out[:limit] if limit else out


def findings_on_real(limit: int, sample: int, seed: int) -> list[str]:
    from provenance.engine import compare

    pairs = real_pairs(limit)
    if not pairs:
        return ["## Real-dev findings", "", "Real corpus not found; skipped."]
    per_type: Counter[str] = Counter()
    stories: Counter[str] = Counter()
    found: list[tuple[str, str, str, Any]] = []
    for story_id, release, story in pairs:
        result = compare(release, story)
        kinds = set()
        for f in result.findings:
            if f.type in CLAIM_TYPES:
                per_type[f.type] += 1
                kinds.add(f.type)
                found.append((story_id, release, story, f))
        stories.update(kinds)
    out = [
        f"## Real-dev stories compared with their releases ({len(pairs)} clean stories)",
        "",
        "| finding | findings | stories with one |",
        "| --- | --- | --- |",
    ]
    out += [f"| {k} | {per_type[k]} | {stories[k]} |" for k in CLAIM_TYPES]
    if sample:
        rng = random.Random(seed)
        picked = rng.sample(found, min(sample, len(found)))
        lines = ["# Claim findings to judge by hand (not for the repository)", ""]
        for n, (story_id, release, story, f) in enumerate(picked, 1):
            s = release[f.source_span[0] : f.source_span[1]] if f.source_span else "—"
            d = story[f.derivative_span[0] : f.derivative_span[1]] if f.derivative_span else "—"
            lines += [
                f"## {n}. {f.type} ({f.severity}), story {story_id}",
                f"- reason: {f.reason}",
                f"- release: {' '.join(s.split())[:400]}",
                f"- article: {' '.join(d.split())[:400]}",
                "- verdict: ",
                "",
            ]
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "claims-sample.md").write_text("\n".join(lines), encoding="utf-8")
        out += ["", f"{len(picked)} findings written to bench/out/claims-sample.md to judge."]
    return out


def _medians(
    with_: Callable[[], Any], without: Callable[[], Any], repeat: int
) -> tuple[float, float]:
    """Median process time of each, the two interleaved so that load on the shared
    machine falls on both alike."""
    with_()
    without()
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeat):
        for fn, out in ((with_, a), (without, b)):
            start = time.process_time()
            fn()
            out.append(time.process_time() - start)
    return statistics.median(a), statistics.median(b)


def speed(repeat: int) -> list[str]:
    from bench.engine_speed import _real_paragraphs, generated_pair
    from provenance.engine import compare

    seeds = ROOT / "demo" / "seeds"
    cases = [
        (
            "seed 001→000",
            (seeds / "001_5d387909d68261b9.txt").read_text("utf-8"),
            (seeds / "000_2c9eaf67016cf026.txt").read_text("utf-8"),
        ),
        ("generated 10k", *generated_pair(10_000, 1, _real_paragraphs())),
    ]
    out = [
        f"## Speed: compare() with and without claims (median process time of {repeat})",
        "",
        "| pair | without | with | added |",
        "| --- | --- | --- | --- |",
    ]
    for name, a, b in cases:
        with_, without = _medians(
            lambda a=a, b=b: compare(a, b), lambda a=a, b=b: compare(a, b, claims=False), repeat
        )
        added = (with_ - without) / without * 100
        out.append(f"| {name} | {without * 1000:.1f} ms | {with_ * 1000:.1f} ms | {added:+.1f}% |")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=400, help="First N clean stories (0: all).")
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--skip", nargs="*", default=[], choices=["levels", "real", "speed"])
    args = parser.parse_args()
    report = ["# Claims bench", ""]
    if "levels" not in args.skip:
        report += [*(levels() if CSV.exists() else ["Labelled sentences not found; skipped."]), ""]
    if "real" not in args.skip:
        report += [*findings_on_real(args.limit, args.sample, args.seed), ""]
    if "speed" not in args.skip:
        report += speed(args.repeat)
    text = "\n".join(report) + "\n"
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "claims.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
