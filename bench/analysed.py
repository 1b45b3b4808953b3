# ruff: noqa: E501  (the report lines are clearer as one line each)
"""One analysis per version: same results, and what keeping it saves when finding sources.

Run from the repository root:

    .venv/bin/python -m bench.analysed            # 200 clean stories
    .venv/bin/python -m bench.analysed --limit 0  # every clean story

Reads ../shared/real-dev/ (skips cleanly when absent; prints numbers only, never
text). For each clean story and its release, checks that compare() on analysed
texts (kept through `to_bytes`/`from_bytes`) gives the same `to_dict()` as on the
strings. Then times the engine work of finding one story's sources, per story,
with its release and the four other releases sharing most of its terms as the
candidates (discovery compares about five):

- before (strings): tokenise for the index, tokenise again to rank, then
  compare(release text, story text) for each candidate, which tokenises and
  segments both texts again;
- after (analyses kept): analyse the story once (index, rank and every
  comparison read it), load each candidate's kept analysis (`from_bytes`), compare.

Database work is the same either way and left out. Reports medians per story.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter

from bench.realdev import REAL, is_clean, load
from provenance.engine import AnalysedText, analyse, compare, key_sequence, term_frequencies

CANDIDATES = 5


def candidates(story: str, true_id: str, terms: dict[str, Counter[int]]) -> list[str]:
    """The true release and the releases sharing most of the story's terms."""
    mine = term_frequencies(key_sequence(story))
    others = sorted(
        (rid for rid in terms if rid != true_id),
        key=lambda rid: (-sum((mine & terms[rid]).values()), rid),
    )
    return [true_id, *others[: CANDIDATES - 1]]


def before(story: str, sources: list[str]) -> None:
    key_sequence(story)  # index
    key_sequence(story)  # rank
    for source in sources:
        compare(source, story)


def after(story: str, kept: list[bytes], texts: list[str]) -> None:
    analysed = analyse(story)  # index, rank and every comparison read this one
    for data, text in zip(kept, texts, strict=True):
        compare(AnalysedText.from_bytes(data, text), analysed)


def best_of(fn: object, *args: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(*args)  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200, help="stories (0: every clean one)")
    parser.add_argument("--repeat", type=int, default=3, help="timings per story (best kept)")
    args = parser.parse_args()
    if not (REAL / "press_releases.jsonl").exists():
        print(f"Real corpus not found at {REAL}; skipping.")
        return 0
    releases = {str(r["pr_id"]): str(r["text"]) for r in load("press_releases.jsonl")}
    stories = [a for a in load("articles.jsonl") if is_clean(a) and str(a["pr_id"]) in releases]
    stories.sort(key=lambda a: str(a["article_id"]))
    if args.limit:
        stories = stories[: args.limit]
    kept = {rid: analyse(text).to_bytes() for rid, text in releases.items()}
    terms = {rid: term_frequencies(key_sequence(text)) for rid, text in releases.items()}

    mismatches = 0
    slow: list[float] = []
    fast: list[float] = []
    for article in stories:
        story, true_id = str(article["text"]), str(article["pr_id"])
        release = releases[true_id]
        plain = compare(release, story).to_dict()
        reread = AnalysedText.from_bytes(kept[true_id], release)
        if compare(reread, analyse(story)).to_dict() != plain:
            mismatches += 1
        ids = candidates(story, true_id, terms)
        texts = [releases[i] for i in ids]
        slow.append(best_of(before, story, texts, repeat=args.repeat))
        fast.append(best_of(after, story, [kept[i] for i in ids], texts, repeat=args.repeat))

    sizes = [len(data) for data in kept.values()]
    chars = [len(text.encode()) for text in releases.values()]
    b, a = statistics.median(slow), statistics.median(fast)
    print(f"stories: {len(stories)} (clean), candidates per story: {CANDIDATES}")
    print(f"to_dict() differs (analysed vs strings): {mismatches}")
    print(
        f"finding one story's sources, engine work, median per story: before {b * 1000:.1f} ms, after {a * 1000:.1f} ms ({(1 - a / b) * 100:.0f}% less)"
    )
    print(
        f"  90th percentile: before {statistics.quantiles(slow, n=10)[-1] * 1000:.1f} ms, after {statistics.quantiles(fast, n=10)[-1] * 1000:.1f} ms"
    )
    print(
        f"kept analysis size: median {statistics.median(sizes)} bytes (text median {statistics.median(chars)} bytes)"
    )
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
