# ruff: noqa: E501  (the report tables are clearer as one line per row)
"""The `reports` role on the real corpus: is the release named for stories that copy none of it?

    .venv/bin/python -m bench.reports_real               # the operating point in settings
    .venv/bin/python -m bench.reports_real --grid        # and a grid of other points

Reads ../shared/real-dev/ in place (never copied; REAL_DEV_DIR overrides the path)
and runs the rule's pure parts (`discovery.shared_content`, the same functions the
worker calls) over every story, without a database: each story is dated the day
after its release, and its candidates are every release dated no later than it.
Document frequencies are counted over every text loaded, as the index counts them.

- **(a) named**: of the clean stories sharing under 5% of their word 5-grams with
  their release (the corpus's own measure), the share for which the rule names that
  release; and the share for which it names another one (wrong);
- **(b) held out**: every story again with its own release removed from the
  candidates (leave one out, so every story is a hard negative): the share that still
  gets a `reports` release (necessarily wrong). Releases the corpus marks as sharing
  text with another release are counted apart: their twin is not a wrong answer.

Candidates are found as the worker finds them: earlier releases holding at least
REPORTS_MIN_TERMS of the story's distinctive terms among their own, the REPORTS_HITS
with most. Also counts how many pairs named right carry a claim finding (the engine's
`compare`). Prints numbers only, never text.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

from bench.realdev import REAL, is_clean, load

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "reports-real.md"
LOW_OVERLAP = 0.05


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--grid", action="store_true", help="Also print other operating points.")
    args = parser.parse_args()
    if not (REAL / "press_releases.jsonl").exists():
        print(f"Real corpus not found at {REAL}; skipping.")
        return
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "provenance.settings")
    import django

    django.setup()
    from django.conf import settings

    from discovery.role_store import REPORTS_HITS, REPORTS_MIN_TERMS
    from discovery.shared_content import Match, Weights, choose, evidence_of, match
    from provenance.engine import compare, distinctive_terms, key_sequence, term_frequencies

    started = time.perf_counter()
    releases = load("press_releases.jsonl")
    stories = load("articles.jsonl")
    day = {
        str(r["pr_id"]): date.fromisoformat(str(r["pr_date_final"])[:10])
        if r.get("pr_date_final")
        else date.min
        for r in releases
    }
    twins = {str(r["pr_id"]) for r in releases if r.get("shares_text_with_other_pr")}
    r_ids = [str(r["pr_id"]) for r in releases]
    r_ev = [evidence_of(str(r["text"])) for r in releases]
    s_ev = [evidence_of(str(s["text"])) for s in stories]
    # Document frequencies as the index keeps them (`Term.df`): every text counts.
    df: Counter[int] = Counter()
    for ev in r_ev + s_ev:
        df.update(ev.terms)
    documents = len(releases) + len(stories)
    # The worker's retrieval (`role_store._candidate_releases`): releases holding at least
    # REPORTS_MIN_TERMS of the story's distinctive terms among their own posted ones.
    r_terms = [
        set(
            distinctive_terms(
                term_frequencies(key_sequence(str(r["text"]))),
                dict(df),
                settings.DISCOVERY_TERMS,
                settings.DISCOVERY_MAX_DF,
            )
        )
        for r in releases
    ]
    s_terms = [
        set(
            distinctive_terms(
                term_frequencies(key_sequence(str(s["text"]))),
                dict(df),
                settings.DISCOVERY_QUERY_TERMS,
                settings.DISCOVERY_MAX_DF,
            )
        )
        for s in stories
    ]
    build_s = time.perf_counter() - started

    weights = Weights(
        documents=documents,
        min_weight=settings.DISCOVERY_REPORTS_MIN_WEIGHT,
        max_term_df=settings.DISCOVERY_REPORTS_MAX_TERM_DF,
        item_factor=settings.DISCOVERY_REPORTS_ITEM_FACTOR,
    )
    # Every story's matches against every earlier release, computed once per min_weight.
    scored: list[tuple[list[int], list[Match]]] = []
    for n, (s, ev) in enumerate(zip(stories, s_ev, strict=True)):
        when = day.get(str(s["pr_id"]), date.min)
        found = sorted(
            (-len(s_terms[n] & r_terms[i]), i)
            for i, rid in enumerate(r_ids)
            if day[rid] <= when and len(s_terms[n] & r_terms[i]) >= REPORTS_MIN_TERMS
        )
        pool = [i for _, i in found[:REPORTS_HITS]]
        scored.append((pool, [match(ev, r_ev[i], df.__getitem__, weights) for i in pool]))

    def evaluate(
        min_score: float, ratio: float, items: int, pairs: list[tuple[int, int]] | None = None
    ) -> dict[str, float]:
        low = named = wrong = 0
        held = held_named = held_twin = 0
        for k, (s, (pool, matches)) in enumerate(zip(stories, scored, strict=True)):
            truth = str(s["pr_id"])
            share = float(str(s["share_of_article_5grams_in_pr"] or 0))
            if is_clean(s) and share < LOW_OVERLAP:
                low += 1
                choice = choose(matches, min_score, ratio, items)
                if choice is not None:
                    if r_ids[pool[choice.index]] == truth:
                        named += 1
                        if pairs is not None:
                            pairs.append((pool[choice.index], k))
                    else:
                        wrong += 1
            rest = [(i, m) for i, m in zip(pool, matches, strict=True) if r_ids[i] != truth]
            choice = choose([m for _, m in rest], min_score, ratio, items)
            if truth in twins:
                held_twin += choice is not None
                continue
            held += 1
            held_named += choice is not None
        return {
            "low": low,
            "named": named / max(low, 1),
            "wrong": wrong / max(low, 1),
            "held": held,
            "held_named": held_named / max(held, 1),
            "held_twin": held_twin,
        }

    point = (
        settings.DISCOVERY_REPORTS_MIN_SCORE,
        settings.DISCOVERY_REPORTS_MIN_RATIO,
        settings.DISCOVERY_REPORTS_MIN_ITEMS,
    )
    lines = [
        f"## `reports` on the real corpus: {len(stories)} stories, {len(releases)} releases",
        "",
        f"Evidence read from {documents} texts in {build_s:.0f} s; {weights}.",
        "",
        "| min score | min ratio | min items | (a) low-overlap clean stories | named right | named wrong | (b) held-out stories | given a release | twins given one |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    pairs: list[tuple[int, int]] = []
    evaluate(*point, pairs=pairs)
    # Claim findings on the pairs named: the engine compares main claims even when
    # nothing aligns, as the stored comparison of each `reports` pair does.
    claimed = sum(
        any(
            f.type.startswith("claim")
            for f in compare(str(releases[r]["text"]), str(stories[s]["text"])).findings
        )
        for r, s in pairs
    )
    grid = [point]
    if args.grid:
        grid += [
            (sc, ra, it) for sc in (40.0, 50.0, 60.0) for ra in (2.0, 2.3, 2.5, 3.0) for it in (2,)
        ]
    for sc, ra, it in grid:
        r = evaluate(sc, ra, it)
        lines.append(
            f"| {sc} | {ra} | {it} | {r['low']} | {r['named']:.3f} | {r['wrong']:.3f} | {r['held']} | {r['held_named']:.4f} | {r['held_twin']} |"
        )
    lines += [
        "",
        f"At the operating point, {claimed} of the {len(pairs)} pairs named right carry a claim finding.",
    ]
    text = "\n".join(lines)
    print(text)
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(text + "\n")


if __name__ == "__main__":
    main()
