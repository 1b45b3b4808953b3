# ruff: noqa: E501  (the report tables are clearer as one line per row)
"""Source discovery on the real development corpus: does each story find its release?

    .venv/bin/python -m bench.discovery_real                # every story
    .venv/bin/python -m bench.discovery_real --limit 300 --no-engine

Indexes the 340 press releases of ../shared/real-dev/ into a scratch SQLite
database under var/bench/, then searches with every news story: top-1 and top-5
accuracy of the fingerprint ranking over all 340 releases, and top-1 after the
engine re-ranks the top 5 by reuse share (what discovery stores), for all stories
and for the clean subset (not broadcast, best TF-IDF match, no filename note,
150+ words). Prints numbers only, never text. Skips cleanly when the corpus is
absent.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from bench.realdev import REAL, is_clean, load

ROOT = Path(__file__).resolve().parent.parent
DB = ROOT / "var" / "bench" / f"discovery-real-{os.getpid()}.sqlite3"
OUT = ROOT / "bench" / "out" / "discovery-real.md"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="Only the first N stories.")
    parser.add_argument("--no-engine", action="store_true", help="Skip the engine re-ranking.")
    parser.add_argument(
        "--fingerprints-only",
        action="store_true",
        help="Rank by shared fingerprints alone, as before terms were added (for comparison).",
    )
    parser.add_argument(
        "--single-pass",
        action="store_true",
        help="Index releases one after another (upload order) instead of counting terms first.",
    )
    parser.add_argument(
        "--sweep",
        action="store_true",
        help="Also tabulate true and wrong releases stored at other thresholds.",
    )
    args = parser.parse_args()
    if not (REAL / "press_releases.jsonl").exists():
        print(f"Real corpus not found at {REAL}; skipping.")
        return

    DB.parent.mkdir(parents=True, exist_ok=True)
    DB.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{DB}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "provenance.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from discovery.index import bulk_index, cap_common, count_terms, query_hashes
    from discovery.search import rank, ranked_hits, reuse_share
    from documents.models import Document, DocumentVersion
    from provenance.engine import compare

    call_command("migrate", verbosity=0)
    releases = load("press_releases.jsonl")
    articles = load("articles.jsonl")
    if args.limit:
        articles = articles[: args.limit]
    docs = Document.objects.bulk_create(
        [Document(title=str(r["pr_id"]), kind="press_release") for r in releases]
    )
    versions = DocumentVersion.objects.bulk_create(
        [
            DocumentVersion(
                document=d,
                number=1,
                original=b"",
                content_type="text/plain",
                size=0,
                sha256="-",
                text=str(r["text"]),
                text_sha256="-",
            )
            for d, r in zip(docs, releases, strict=True)
        ]
    )
    pr_of_version = {v.pk: str(r["pr_id"]) for v, r in zip(versions, releases, strict=True)}
    text_of_pr = {str(r["pr_id"]): str(r["text"]) for r in releases}
    started = time.perf_counter()
    if args.single_pass:  # as uploads would: each release sees only those before it
        postings = sum(bulk_index(versions))
    else:  # as `reindex` does: count every release's terms first
        count_terms(versions)
        postings = sum(bulk_index(versions, counted=True))
    capped = cap_common()
    build_s = time.perf_counter() - started
    from discovery.models import TermPosting

    term_postings = TermPosting.objects.count()

    # n, top1, top5, engine top-1, no candidate, true source stored (reuse share ≥ threshold)
    # … and a wrong release stored (some other candidate reaches the threshold)
    groups = {"all": [0] * 7, "clean": [0] * 7}
    latencies = []
    sweep_rows: list[tuple[bool, float, float]] = []  # clean?, true share, best wrong share
    for article in articles:
        text = str(article["text"])
        t0 = time.perf_counter()
        if args.fingerprints_only:
            hits = ranked_hits(query_hashes(text), exclude_version=-1, limit=5)
        else:
            hits = rank(text, exclude_version=-1, limit=5)
        latencies.append(1000 * (time.perf_counter() - t0))
        top = [pr_of_version[h.version_id] for h in hits]
        truth = str(article["pr_id"])
        engine_top = ""
        stored = wrong = False
        if top and not args.no_engine:
            shares = {pr: reuse_share(compare(text_of_pr[pr], text)) for pr in top}
            engine_top = max(top, key=shares.__getitem__)
            others = sorted((s for pr, s in shares.items() if pr != truth), reverse=True)
            true_share, best_other = shares.get(truth, 0.0), others[0] if others else 0.0
            # What discovery stores: anything at the threshold, and below it the one best
            # candidate from the best-source threshold (see discovery.search.store_best_source).
            high, floor = settings.DISCOVERY_THRESHOLD, settings.DISCOVERY_BEST_THRESHOLD
            stored = true_share >= high or (floor <= true_share > best_other)
            wrong = best_other >= high or (floor <= best_other > true_share)
            sweep_rows.append((is_clean(article), true_share, best_other))
        for name in ("all", "clean") if is_clean(article) else ("all",):
            g = groups[name]
            g[0] += 1
            g[1] += bool(top) and top[0] == truth
            g[2] += truth in top
            g[3] += engine_top == truth
            g[4] += not top
            g[5] += stored
            g[6] += wrong
    latencies.sort()
    lines = [
        f"## Discovery on the real corpus: {len(articles)} stories against {len(releases)} releases",
        "",
        f"Index: {postings:,} fingerprint postings ({postings / len(releases):.0f} per release) "
        f"and {term_postings:,} term postings ({'single pass' if args.single_pass else 'terms counted first'}), "
        f"{capped} fingerprints over the cap of {settings.DISCOVERY_MAX_DF}; built in {build_s:.1f} s; "
        f"search p50 {latencies[len(latencies) // 2]:.1f} ms. "
        + ("Ranked by shared fingerprints only. " if args.fingerprints_only else "")
        + "Settings: "
        f"{settings.DISCOVERY_TERMS} terms per release, {settings.DISCOVERY_QUERY_TERMS} per query, "
        f"min {settings.DISCOVERY_MIN_SHARED} fingerprints or {settings.DISCOVERY_MIN_TERMS} terms, "
        f"term weight {settings.DISCOVERY_TERM_WEIGHT}; stored at reuse share "
        f"{settings.DISCOVERY_THRESHOLD}, or the best candidate from "
        f"{settings.DISCOVERY_BEST_THRESHOLD}.",
        "",
        "| stories | n | top-1 (candidate ranking) | top-5 (candidate ranking) | top-1 after engine "
        "re-ranking | no candidate | true source stored | a wrong release stored |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, (n, t1, t5, e1, none, st, wr) in groups.items():
        engine = "–" if args.no_engine else f"{e1 / n:.3f}"
        kept = "–" if args.no_engine else f"{st / n:.3f}"
        wrong_kept = "–" if args.no_engine else f"{wr / n:.3f}"
        lines.append(
            f"| {name} | {n} | {t1 / n:.3f} | {t5 / n:.3f} | {engine} | {none / n:.3f} | {kept} | {wrong_kept} |"
        )
    if args.sweep and sweep_rows:
        lines += ["", *sweep_table(sweep_rows)]
    report = "\n".join(lines)
    print(report)
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(report + "\n")
    for path in (DB, Path(f"{DB}-wal"), Path(f"{DB}-shm")):
        path.unlink(missing_ok=True)


def sweep_table(rows: list[tuple[bool, float, float]]) -> list[str]:
    """True and wrong releases stored per threshold, all stories and the clean subset.

    Shares are of the stories that have at least one candidate.

    "any" stores every candidate at or above the threshold (what discovery does);
    "best" stores candidates at or above DISCOVERY_THRESHOLD, and below it only the one
    candidate with the highest share, if it reaches the lower threshold.
    """
    from django.conf import settings

    high = settings.DISCOVERY_THRESHOLD
    out = [
        "| rule | threshold | true stored (all) | wrong stored (all) | true stored (clean) "
        "| wrong stored (clean) |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    clean = [r for r in rows if r[0]]
    for rule in ("any", "best"):
        for t in (0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25):
            if rule == "best" and t >= high:
                continue
            cells = []
            for group in (rows, clean):
                n = max(1, len(group))
                if rule == "any":
                    true = sum(r[1] >= t for r in group)
                    wrong = sum(r[2] >= t for r in group)
                else:
                    true = sum(r[1] >= high or (r[1] >= t and r[1] > r[2]) for r in group)
                    wrong = sum(r[2] >= high or (r[2] >= t and r[2] > r[1]) for r in group)
                cells += [f"{true / n:.3f}", f"{wrong / n:.3f}"]
            out.append(f"| {rule} | {t:.2f} | " + " | ".join(cells) + " |")
    return out


if __name__ == "__main__":
    main()
