"""Measure how well compare() recovers generated reuse, and how it behaves on real text.

Run from the repository root:

    .venv/bin/python -m bench.engine_quality --limit 100 --seed 0

Three checks, all on the real development corpus in ../shared/real-dev (skipped with a
message when it is absent):

1. Generated derivatives: each operation of bench.generate alone, and a mix, applied
   to `--limit` press releases. Scored with the PAN measures (bench.pan), the share of
   each operation's own characters that was detected, kind accuracy, finding recall
   and findings that no edit explains.
2. Unrelated pairs: two releases from different institutions; derivative_share
   should be near 0.
3. Real articles (the clean subset): derivative_share against the corpus's own
   5-gram share, and true pairs against mismatched pairs.

The summary is printed and written to bench/out/engine_quality.md.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import pan, paraphrase_calibration
from bench.edge_ops import EDGE_FINDINGS, EDGE_OPS, edge_edit
from bench.embed import embed
from bench.generate import OPERATIONS, Derived, Segment, derive, paragraphs
from bench.realdev import REAL
from bench.same_subject import same_subject_pairs

REPO = Path(__file__).resolve().parent.parent
REAL_DEV = REAL
OUT = REPO / "bench" / "out"

#: Finding types an edit of each operation makes legitimate (anything else is unexplained).
ALLOWED_FINDINGS: dict[str, frozenset[str]] = {
    "verbatim": frozenset(),
    "reorder": frozenset(),
    "trivial_edit": frozenset(),
    "split": frozenset(),
    "merge": frozenset(),
    "word_edit": frozenset({"quote_altered"}),
    "paraphrase": frozenset({"quote_altered"}),
    "trim": frozenset({"name_removed", "quote_altered", "number_changed"}),
    "trim_tail": frozenset({"name_removed", "quote_altered", "number_changed"}),
    "omit": frozenset({"name_removed", "quote_altered", "attribution_changed", "quote_replaced"}),
    "insert": frozenset({"name_added", "quote_unsourced", "attribution_changed", "quote_replaced"}),
    # embed: host text from another subject holds its own names and quotations.
    "embed": frozenset(),
    "host": frozenset({"name_added", "quote_unsourced", "attribution_changed", "quote_replaced"}),
    "quote_swap": frozenset(
        {
            "quote_unsourced",
            "quote_altered",
            "attribution_changed",
            "quote_replaced",
            "name_added",
            "name_removed",
        }
    ),
    "name_swap": frozenset({"name_added", "name_removed", "attribution_changed", "quote_altered"}),
    "name_insert": frozenset({"name_added", "attribution_changed", "quote_altered"}),
    "number_change": frozenset({"number_changed", "quote_altered"}),
    **EDGE_FINDINGS,
}
FINDING_OPS = ("name_swap", "name_insert", "number_change", "quote_swap", "reorder", *EDGE_OPS)


# --- Scoring one comparison --------------------------------------------------------------


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int:
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def best_passage(segment: Segment, passages: Sequence[Any]) -> Any | None:
    """The engine passage that overlaps the segment most (derivative side first)."""
    side = "derivative_span" if segment.derivative_span is not None else "source_span"
    span = segment.derivative_span if side == "derivative_span" else segment.source_span
    best, best_overlap = None, 0
    for p in passages:
        ov = _overlap(span, getattr(p, side))
        if ov > best_overlap:
            best, best_overlap = p, ov
    return best


def truth_cases(derived: Derived, doc: int = 0) -> list[pan.Pair]:
    pairs = [
        pan.Pair(s.source_span, s.derivative_span, doc)
        for s in derived.segments
        if s.source_span is not None and s.derivative_span is not None
    ]
    return pan.merge_adjacent(pairs, derived.source, derived.derivative)


@dataclass
class DocResult:
    cases: list[pan.Pair]
    detections: list[pan.Pair]
    op_cases: dict[str, list[pan.Pair]]
    kinds: list[tuple[str, frozenset[str], str]]  # (segment op, accepted kinds, engine kind)
    moved: list[tuple[bool, bool]]  # (truth moved, engine moved) for moved segments
    findings: list[tuple[str, bool]]  # (op, found)
    unexplained: Counter[str]
    derivative_share: float


def evaluate(derived: Derived, comparison: Any, doc: int = 0) -> DocResult:
    """Score one engine result against the generator's truth."""
    passages = list(comparison.passages)
    detections = pan.detections_from_passages(passages, derived.source, derived.derivative, doc)
    op_cases: dict[str, list[pan.Pair]] = defaultdict(list)
    kinds = []
    moved = []
    for seg in derived.segments:
        if seg.source_span is not None and seg.derivative_span is not None:
            op_cases[seg.op].append(pan.Pair(seg.source_span, seg.derivative_span, doc))
        best = best_passage(seg, passages)
        kinds.append((seg.op, seg.kinds, getattr(best, "kind", "none")))
        if seg.moved:
            moved.append((True, bool(getattr(best, "moved", False))))

    engine_findings = list(comparison.findings)
    found = []
    for expected in derived.findings:
        hit = any(
            f.type in expected.types
            and (
                _overlap(f.derivative_span, expected.derivative_span) > 0
                or _overlap(f.source_span, expected.source_span) > 0
            )
            for f in engine_findings
        )
        found.append((expected.op, hit))

    unexplained: Counter[str] = Counter()
    for f in engine_findings:
        if not _explained(f, derived):
            unexplained[f.type] += 1
    return DocResult(
        cases=truth_cases(derived, doc),
        detections=detections,
        op_cases=dict(op_cases),
        kinds=kinds,
        moved=moved,
        findings=found,
        unexplained=unexplained,
        derivative_share=float(comparison.stats.derivative_share),
    )


def _explained(finding: Any, derived: Derived) -> bool:
    for seg in derived.segments:
        allowed = ALLOWED_FINDINGS.get(seg.op, frozenset())
        if seg.moved:
            allowed = allowed | {"passage_moved"}
        if finding.type not in allowed:
            continue
        if (
            _overlap(finding.derivative_span, seg.derivative_span) > 0
            or _overlap(finding.source_span, seg.source_span) > 0
        ):
            return True
    return False


# --- Aggregating -------------------------------------------------------------------------


@dataclass
class OpRow:
    name: str
    docs: int = 0
    applied: int = 0
    errors: int = 0
    seconds: list[float] = field(default_factory=list)
    results: list[DocResult] = field(default_factory=list)
    first_error: str = ""


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}"


def _ratio(hits: int, n: int) -> str:
    return "–" if n == 0 else f"{100 * hits / n:.1f} ({n})"


def summarise_row(row: OpRow, kind_op: str | None) -> dict[str, str]:
    cases = [c for r in row.results for c in r.cases]
    detections = [d for r in row.results for d in r.detections]
    scores = pan.score(cases, detections)
    ops = [kind_op] if kind_op else None
    op_pairs = [
        c
        for r in row.results
        for op, cs in r.op_cases.items()
        if ops is None or op in ops
        for c in cs
    ]
    op_recall = pan.score(op_pairs, detections).recall if op_pairs else None
    kind_items = [
        (accepted, got)
        for r in row.results
        for op, accepted, got in r.kinds
        if (op == kind_op if kind_op else op != "verbatim")
    ]
    kind_hits = sum(got in accepted for accepted, got in kind_items)
    finding_items = [
        hit for r in row.results for op, hit in r.findings if kind_op is None or op == kind_op
    ]
    moved = [m for r in row.results for _, m in r.moved]
    unexplained = sum(sum(r.unexplained.values()) for r in row.results)
    return {
        "run": row.name,
        "docs": f"{row.applied}/{row.docs}",
        "P": _pct(scores.precision),
        "R": _pct(scores.recall),
        "gran": f"{scores.granularity:.2f}",
        "plagdet": _pct(scores.plagdet),
        "op R": _pct(op_recall),
        "kind acc": _ratio(kind_hits, len(kind_items)),
        "finding R": _ratio(sum(finding_items), len(finding_items)),
        "moved": _ratio(sum(moved), len(moved)) if kind_op == "reorder" else "–",
        "unexpl. findings/doc": f"{unexplained / max(1, len(row.results)):.2f}",
        "ms/doc": f"{1000 * statistics.median(row.seconds):.0f}" if row.seconds else "–",
        "errors": str(row.errors),
    }


def markdown_table(rows: Sequence[dict[str, str]]) -> str:
    if not rows:
        return "(no rows)\n"
    headers = list(rows[0])
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(r[h] for h in headers) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def confusion(rows: Iterable[OpRow]) -> str:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    accepted_by_op: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for r in row.results:
            for op, accepted, got in r.kinds:
                counts[op][got] += 1
                accepted_by_op[op] |= accepted
    kinds = ["verbatim", "reused", "altered", "paraphrased", "trimmed", "omitted", "added", "none"]
    out = [
        {"truth op (accepted)": f"{op} ({'/'.join(sorted(accepted_by_op[op]))})"}
        | {k: str(counts[op][k]) for k in kinds}
        for op in sorted(counts)
    ]
    return markdown_table(out)


# --- Data --------------------------------------------------------------------------------


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def filler_pool(releases: Sequence[dict[str, Any]], institution: str | None) -> list[str]:
    """Paragraphs of releases from other institutions (their boilerplate differs)."""
    pool = []
    for r in releases:
        if r.get("institution") == institution:
            continue
        text = r["text"]
        pool += [text[p.span[0] : p.span[1]] for p in paragraphs(text)]
    return pool


def clean_articles(articles: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        a
        for a in articles
        if not a.get("broadcast_by_filename")
        and a.get("pr_is_best_tfidf_match") is True
        and not a.get("filename_note")
        and (a.get("words") or 0) >= 150
    ]


# --- The runs ----------------------------------------------------------------------------

Compare = Callable[[str, str], Any]


def run_generated(
    compare: Compare, releases: Sequence[dict[str, Any]], ops: Sequence[str], limit: int, seed: int
) -> list[OpRow]:
    rng = random.Random(seed)
    sample = rng.sample(list(releases), min(limit, len(releases)))
    pools: dict[str | None, list[str]] = {}
    generated = [op for op in ops if op in OPERATIONS]
    runs = [(op, [op]) for op in ops] + [("mixed", None)]
    rows = {name: OpRow(name) for name, _ in runs}
    for doc, release in enumerate(sample):
        inst = release.get("institution")
        if inst not in pools:
            pools[inst] = filler_pool(releases, inst)
        for name, run_ops in runs:
            run_rng = random.Random(f"{seed}:{doc}:{name}")
            row = rows[name]
            row.docs += 1
            derived: Derived | None
            if name == "embed":
                derived = embed(release["text"], run_rng, pools[inst])
            elif name in EDGE_OPS:
                derived = edge_edit(release["text"], run_rng, pools[inst], name)
            else:
                chosen = run_ops or run_rng.sample(generated, min(5, len(generated)))
                derived = derive(release["text"], chosen, run_rng, filler=pools[inst])
            if derived is None or (run_ops and not derived.applied.get(name)):
                continue  # the release had nothing this operation could work on
            row.applied += 1
            start = time.perf_counter()
            try:
                comparison = compare(derived.source, derived.derivative)
            except Exception as exc:  # an engine failure is a result, not a crash
                row.errors += 1
                row.first_error = row.first_error or f"{type(exc).__name__}: {exc}"
                continue
            row.seconds.append(time.perf_counter() - start)
            row.results.append(evaluate(derived, comparison, doc))
    return [rows[name] for name, _ in runs]


def _share(compare: Compare, source: str, derivative: str) -> float | None:
    try:
        return float(compare(source, derivative).stats.derivative_share)
    except Exception:
        return None


def run_unrelated(
    compare: Compare, releases: Sequence[dict[str, Any]], n: int, seed: int
) -> list[float]:
    rng = random.Random(f"{seed}:unrelated")
    shares = []
    for _ in range(n):
        a, b = rng.sample(list(releases), 2)
        while a.get("institution") == b.get("institution"):
            a, b = rng.sample(list(releases), 2)
        share = _share(compare, a["text"], b["text"])
        if share is not None:
            shares.append(share)
    return shares


def run_same_subject(
    compare: Compare, releases: Sequence[dict[str, Any]], n: int
) -> list[tuple[float, float]]:
    """(wording share, paraphrase share) for independent releases on the same subject."""
    out = []
    for a, b, _ in same_subject_pairs(releases, n):
        stats = compare(a["text"], b["text"]).stats
        out.append((float(stats.derivative_share), float(stats.paraphrased_share)))
    return out


def run_real(
    compare: Compare,
    releases: Sequence[dict[str, Any]],
    articles: Sequence[dict[str, Any]],
    limit: int,
    seed: int,
) -> dict[str, Any]:
    by_id = {r["pr_id"]: r for r in releases}
    rng = random.Random(f"{seed}:real")
    clean = [a for a in clean_articles(articles) if a["pr_id"] in by_id]
    sample = rng.sample(clean, min(limit, len(clean)))
    ours, theirs, mismatched = [], [], []
    for a in sample:
        share = _share(compare, by_id[a["pr_id"]]["text"], a["text"])
        if share is None:
            continue
        ours.append(share)
        theirs.append(float(a["share_of_article_5grams_in_pr"]))
        other = rng.choice([r for r in releases if r["pr_id"] != a["pr_id"]])
        wrong = _share(compare, other["text"], a["text"])
        if wrong is not None:
            mismatched.append(wrong)
    result: dict[str, Any] = {"clean": len(clean), "n": len(ours)}
    if len(ours) >= 3 and len(set(ours)) > 1:
        result["pearson"] = statistics.correlation(ours, theirs)
        result["spearman"] = statistics.correlation(ours, theirs, method="ranked")
    result["true_mean"] = statistics.fmean(ours) if ours else None
    result["mismatched_mean"] = statistics.fmean(mismatched) if mismatched else None
    result["mismatched_max"] = max(mismatched) if mismatched else None
    result["fivegram_mean"] = statistics.fmean(theirs) if theirs else None
    return result


# --- Report ------------------------------------------------------------------------------


def report(
    rows: Sequence[OpRow],
    unrelated: Sequence[float],
    real: dict[str, Any],
    args: argparse.Namespace,
    same_subject: Sequence[tuple[float, float]] = (),
    calibration: Sequence[dict[str, str]] = (),
) -> str:
    table = [summarise_row(r, None if r.name == "mixed" else r.name) for r in rows]
    background = OpRow("verbatim (untouched text)")
    for r in rows:
        if r.name != "mixed":
            background.results += r.results
    verbatim_row = summarise_row(background, "verbatim")
    verbatim_row |= dict.fromkeys(("docs", "P", "R", "gran", "plagdet", "ms/doc", "errors"), "–")
    verbatim_row |= {"unexpl. findings/doc": "–", "finding R": "–"}
    table.append(verbatim_row)
    parts = [
        "# Engine quality\n",
        f"limit={args.limit} seed={args.seed} ops={','.join(args.ops)}\n",
        "## Generated derivatives (PAN measures in %)\n",
        "P, R, plagdet: PAN macro precision/recall over merged cases and detections. "
        "op R: recall of the operation's own segments. kind acc: engine kind among the "
        "accepted kinds (n segments). finding R: expected findings reported with an "
        "accepted type, overlapping the edit. moved: moved segments flagged `moved`. "
        "unexpl. findings: findings no edit of that run explains. docs: releases the "
        "operation could be applied to.\n",
        markdown_table(table),
        "\n### Kinds given by the engine, per true operation (all runs)\n",
        confusion(rows),
    ]
    errors = [f"- {r.name}: {r.first_error}" for r in rows if r.first_error]
    if errors:
        parts += ["\n### Engine errors\n", "\n".join(errors) + "\n"]
    parts.append("\n## Unrelated releases (different institutions)\n")
    if unrelated:
        parts.append(
            f"derivative_share over {len(unrelated)} pairs: "
            f"mean {statistics.fmean(unrelated):.3f}, median {statistics.median(unrelated):.3f}, "
            f"max {max(unrelated):.3f} (target: near 0)\n"
        )
    else:
        parts.append("no results\n")
    parts.append("\n## Same subject, independent releases (hard negatives)\n")
    if same_subject:
        reuse = [w + p for w, p in same_subject]
        parts.append(
            f"{len(reuse)} pairs of releases from different institutions on the same subject "
            f"(bench/same_subject.py). Reuse share (wording + paraphrase): mean "
            f"{statistics.fmean(reuse):.4f}, max {max(reuse):.3f}; wording alone mean "
            f"{statistics.fmean(w for w, _ in same_subject):.4f}, paraphrase alone mean "
            f"{statistics.fmean(p for _, p in same_subject):.4f} (target: mean ≤ 0.02)\n"
        )
    else:
        parts.append("no results\n")
    if calibration:
        parts += [
            "\n## Paraphrase decision: precision/recall by operating point\n",
            "Paraphrased passages of the `paraphrase` operation's derivatives (positives) "
            "and of the same-subject pairs (negatives), engine run once at the lowest "
            "threshold (bench/paraphrase_calibration.py). The engine's operating point: "
            "min score 0.30, 3 shared stems, 0.50 where the texts share little wording.\n",
            markdown_table(calibration),
        ]
    parts.append("\n## Real articles (clean subset)\n")
    if real.get("n"):
        fmt = lambda v: "–" if v is None else f"{v:.3f}"  # noqa: E731
        parts.append(
            f"{real['n']} of {real['clean']} clean articles. derivative_share vs "
            f"share_of_article_5grams_in_pr: Pearson {fmt(real.get('pearson'))}, "
            f"Spearman {fmt(real.get('spearman'))}. Mean derivative_share: true pairs "
            f"{fmt(real['true_mean'])} (5-gram share {fmt(real['fivegram_mean'])}), "
            f"mismatched pairs {fmt(real['mismatched_mean'])} "
            f"(max {fmt(real['mismatched_max'])}).\n"
        )
    else:
        parts.append("no results\n")
    return "\n".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200, help="releases (and articles) to use")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--ops",
        type=lambda s: [o for o in s.split(",") if o],
        default=[*OPERATIONS, "embed", *EDGE_OPS],
        help="comma-separated operations (default: all)",
    )
    parser.add_argument("--unrelated", type=int, default=50, help="unrelated pairs to compare")
    parser.add_argument("--skip-real", action="store_true", help="skip the real-article check")
    parser.add_argument(
        "--same-subject", type=int, default=40, help="same-subject release pairs to compare"
    )
    parser.add_argument(
        "--skip-calibration", action="store_true", help="skip the paraphrase trade-off table"
    )
    args = parser.parse_args(argv)
    known = [*OPERATIONS, "embed", *EDGE_OPS]
    unknown = set(args.ops) - set(known)
    if unknown:
        parser.error(f"unknown operations: {sorted(unknown)}; known: {', '.join(known)}")

    releases_path = REAL_DEV / "press_releases.jsonl"
    if not releases_path.exists():
        print(f"skipped: {releases_path} is absent (the real development corpus is needed)")
        return 0
    from provenance.engine import compare

    releases = load_jsonl(releases_path)
    started = time.perf_counter()
    rows = run_generated(compare, releases, args.ops, args.limit, args.seed)
    unrelated = run_unrelated(compare, releases, args.unrelated, args.seed)
    same = run_same_subject(compare, releases, args.same_subject)
    calibration: list[dict[str, str]] = []
    if not args.skip_calibration:
        pairings, truth = paraphrase_calibration.collect(
            compare, releases, min(args.limit, 80), args.same_subject, args.seed
        )
        calibration = paraphrase_calibration.table(pairings, truth)
    real: dict[str, Any] = {}
    articles_path = REAL_DEV / "articles.jsonl"
    if not args.skip_real and articles_path.exists():
        real = run_real(compare, releases, load_jsonl(articles_path), args.limit, args.seed)
    text = report(rows, unrelated, real, args, same, calibration)
    text += f"\n_{time.perf_counter() - started:.0f} s in all._\n"
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "engine_quality.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
