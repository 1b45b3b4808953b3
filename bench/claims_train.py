"""Learn the claim reading's weights from the labelled sentences' training split.

    .venv/bin/python -m bench.claims_train            # writes provenance/engine/claim_weights.json

A multinomial logistic regression over provenance.engine.claims.features (words, word
pairs, the rules' cues), trained in pure Python with AdaGrad and L2, deterministic
(a fixed shuffle). Features seen fewer than MIN_COUNT times are dropped, and weights
are rounded, to keep the shipped file small. Never reads the held-out split.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from collections import Counter
from pathlib import Path

from bench.claims_data import CSV, LEVELS, load
from provenance.engine import claim_features as features

OUT = Path(__file__).resolve().parent.parent / "provenance" / "engine" / "claim_weights.json"


def train(
    data: list[tuple[list[str], int]], epochs: int, rate: float, l2: float, seed: int = 7
) -> dict[str, list[float]]:
    k = len(LEVELS)
    w: dict[str, list[float]] = {}
    g2: dict[str, list[float]] = {}
    order = list(range(len(data)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for n in order:
            feats, gold = data[n]
            scores = [0.0] * k
            for f in feats:
                row = w.get(f)
                if row is not None:
                    for i in range(k):
                        scores[i] += row[i]
            top = max(scores)
            exp = [math.exp(s - top) for s in scores]
            total = sum(exp)
            for f in feats:
                row = w.setdefault(f, [0.0] * k)
                acc = g2.setdefault(f, [1e-8] * k)
                for i in range(k):
                    grad = exp[i] / total - (1.0 if i == gold else 0.0) + l2 * row[i]
                    acc[i] += grad * grad
                    row[i] -= rate * grad / math.sqrt(acc[i])
    return w


def featurise(split: str, keep: set[str] | None) -> list[tuple[list[str], int]]:
    out = []
    for sentence, level in load(split):
        feats = features(sentence)
        if keep is not None:
            feats = [f for f in feats if f in keep]
        out.append((feats, LEVELS.index(level)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--rate", type=float, default=0.1)
    parser.add_argument("--l2", type=float, default=1e-3)
    parser.add_argument("--min-count", type=int, default=2)
    args = parser.parse_args()
    if not CSV.exists():
        print(f"Labelled sentences not found at {CSV}; skipping.")
        return
    counts: Counter[str] = Counter()
    for sentence, _ in load("train"):
        counts.update(set(features(sentence)))
    keep = {f for f, c in counts.items() if c >= args.min_count}
    data = featurise("train", keep)
    weights = train(data, args.epochs, args.rate, args.l2)
    rounded = {
        f: [round(x, 3) for x in row]
        for f, row in sorted(weights.items())
        if max(abs(x) for x in row) >= 0.01
    }
    meta = {
        "levels": list(LEVELS),
        "trained_on": "train split of ../shared/claims (bench/claims_data.py)",
        "epochs": args.epochs,
        "rate": args.rate,
        "l2": args.l2,
        "min_count": args.min_count,
    }
    OUT.write_text(
        json.dumps({"meta": meta, "weights": rounded}, separators=(",", ":"), sort_keys=True)
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(rounded)} features → {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
