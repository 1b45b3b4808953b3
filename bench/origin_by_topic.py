# ruff: noqa: E501  (the report table is clearer as one line per row)
"""Could a story's origin be named from its subject alone, when it took no text?

    .venv/bin/python -m bench.origin_by_topic

Discovery names an origin only from text a story took (bench/lineage_real.py). Many real
stories report a study in their own words: they share almost none of their release's
wording, so no text-based rule can name it. This benchmark asks whether a subject-based
rule could, without naming wrong releases: for every story of ../shared/real-dev/ it
scores all 340 releases by TF-IDF cosine over content words, and by the rarest words they
share (those in at most three releases: names, figures, terms of the study), then tries
"the best release, if it scores at least S and at least M times the next". Two figures
per rule and subset:

- **right**: the story's own release is named;
- **held-out false**: with the story's own release taken out of the corpus (the case of
  a story whose release was never uploaded), another release is named, necessarily wrong.

The subsets are the clean stories and the clean stories sharing under 5% of their word
5-grams with their release (those the text-based rule cannot reach). Numbers only.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from bench.realdev import REAL, is_clean, load

OUT = Path(__file__).resolve().parent / "out" / "origin-by-topic.md"
WORD = re.compile(r"[a-z][a-z0-9]{3,}")
STOP = frozenset(
    "that this with from were been have also which their they said will would could more "  # noqa: SIM905
    "than about into after over says those these there when what such some most".split()
)
Scores = list[tuple[float, str]]  # (score, release id), best first


def words(text: str) -> list[str]:
    return [w for w in WORD.findall(text.lower()) if w not in STOP]


def tfidf_scorer(releases: Sequence[dict[str, object]]) -> Callable[[str], Scores]:
    counts = [Counter(words(str(r["text"]))) for r in releases]
    n = len(releases)
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())

    def vector(c: Counter[str]) -> dict[str, float]:
        v = {w: (1 + math.log(k)) * math.log(n / (1 + df.get(w, 0))) for w, k in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {w: x / norm for w, x in v.items()}

    vectors = [(vector(c), str(r["pr_id"])) for c, r in zip(counts, releases, strict=True)]

    def score(text: str) -> Scores:
        q = vector(Counter(words(text)))
        out = [(sum(x * v.get(w, 0.0) for w, x in q.items()), pid) for v, pid in vectors]
        return sorted(out, reverse=True)

    return score


def rare_scorer(releases: Sequence[dict[str, object]]) -> Callable[[str], Scores]:
    sets = [(set(words(str(r["text"]))), str(r["pr_id"])) for r in releases]
    df: Counter[str] = Counter()
    for s, _ in sets:
        df.update(s)
    n = len(releases)

    def score(text: str) -> Scores:
        q = {w for w in words(text) if 0 < df[w] <= 3}
        out = [(sum(math.log(n / df[w]) for w in q & s), pid) for s, pid in sets]
        return sorted(out, reverse=True)

    return score


def rule_rows(
    name: str, scored: list[tuple[str, Scores]], rules: Sequence[tuple[float, float]]
) -> list[str]:
    rows = []
    for floor, margin in rules:
        right = false = 0
        for truth, scores in scored:
            (top, best), (second, _) = scores[0], scores[1]
            right += best == truth and top >= floor and top >= margin * second
            rest = [s for s in scores if s[1] != truth]
            false += rest[0][0] >= floor and rest[0][0] >= margin * rest[1][0]
        n = len(scored)
        rows.append(
            f"| {name} | {floor:g} | {margin:g} | {n} | {right / n:.3f} | {false / n:.3f} |"
        )
    return rows


def main() -> None:
    if not (REAL / "press_releases.jsonl").exists():
        print(f"Real corpus not found at {REAL}; skipping.")
        return
    releases = load("press_releases.jsonl")
    known = {str(r["pr_id"]) for r in releases}
    stories = [s for s in load("articles.jsonl") if is_clean(s) and str(s["pr_id"]) in known]
    low = [s for s in stories if float(str(s["share_of_article_5grams_in_pr"] or 0)) < 0.05]
    lines = [
        f"## Origin from the subject alone: {len(stories)} clean stories, {len(low)} of them sharing under 5% of their 5-grams with their release",
        "",
        "| scorer, subset | min score | margin | stories | right | held-out false |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for label, make, rules in (
        ("TF-IDF cosine", tfidf_scorer, [(0.15, 1.5), (0.2, 2.0), (0.3, 2.0), (0.3, 2.5)]),
        ("rare shared words", rare_scorer, [(10, 3.0), (15, 2.0), (30, 2.0)]),
    ):
        score = make(releases)
        scored = [(str(s["pr_id"]), score(str(s["text"]))) for s in stories]
        low_ids = {id(s) for s in low}
        low_scored = [x for s, x in zip(stories, scored, strict=True) if id(s) in low_ids]
        lines += rule_rows(f"{label}, clean", scored, rules)
        lines += rule_rows(f"{label}, clean under 5%", low_scored, rules)
    text = "\n".join(lines)
    print(text)
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(text + "\n")


if __name__ == "__main__":
    main()
