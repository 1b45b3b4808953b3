from __future__ import annotations

import argparse

from bench import engine_quality as eq
from bench.generate import OPERATIONS, derive

from .fake_engine import crude_compare, oracle
from .sample_text import FILLER, SOURCE


def test_a_perfect_engine_scores_full_marks():
    rows = []
    for op in OPERATIONS:
        row = eq.OpRow(op)
        for doc in range(3):
            d = derive(SOURCE, [op], seed=doc, filler=FILLER)
            row.docs += 1
            row.applied += 1
            row.results.append(eq.evaluate(d, oracle(d), doc))
        rows.append(row)
        summary = eq.summarise_row(row, op)
        if row.results[0].cases:
            assert summary["P"] == summary["R"] == summary["plagdet"] == "100.0", summary
        assert summary["kind acc"].startswith("100.0"), summary
        assert summary["unexpl. findings/doc"] == "0.00", summary
        if op in eq.FINDING_OPS:
            assert summary["finding R"].startswith("100.0"), summary
    assert "| trim |" in eq.markdown_table([eq.summarise_row(r, r.name) for r in rows])


def test_unexplained_findings_are_counted():
    d = derive(SOURCE, ["trivial_edit"], seed=0)
    perfect = oracle(d)
    seg = next(s for s in d.segments if s.op == "trivial_edit")
    from .fake_engine import FakeComparison, FakeFinding

    noisy = FakeComparison(
        perfect.passages,
        (FakeFinding("number_changed", seg.source_span, seg.derivative_span),),
        perfect.stats,
    )
    assert eq.evaluate(d, noisy).unexplained == {"number_changed": 1}


def test_the_generated_run_and_report_work_end_to_end():
    releases = [
        {"pr_id": "a", "institution": "X", "text": SOURCE},
        {"pr_id": "b", "institution": "Y", "text": "\n".join(FILLER * 3)},
    ]
    rows = eq.run_generated(crude_compare, releases, ["trim", "word_edit"], limit=2, seed=1)
    assert [r.name for r in rows] == ["trim", "word_edit", "mixed"]
    unrelated = eq.run_unrelated(crude_compare, releases, 2, seed=1)
    articles = [
        {
            "pr_id": "a",
            "text": SOURCE,
            "words": 300,
            "pr_is_best_tfidf_match": True,
            "broadcast_by_filename": False,
            "filename_note": None,
            "share_of_article_5grams_in_pr": 1.0,
        }
    ]
    real = eq.run_real(crude_compare, releases, articles, 5, seed=1)
    assert real["n"] == 1 and real["true_mean"] > real["mismatched_mean"]
    args = argparse.Namespace(limit=2, seed=1, ops=["trim", "word_edit"])
    text = eq.report(rows, unrelated, real, args)
    assert "| mixed |" in text and "Pearson" in text


def test_clean_articles_follow_the_corpus_definition():
    base = {
        "broadcast_by_filename": False,
        "pr_is_best_tfidf_match": True,
        "filename_note": None,
        "words": 200,
    }
    assert eq.clean_articles([base]) == [base]
    assert not eq.clean_articles([base | {"words": 149}])
    assert not eq.clean_articles([base | {"broadcast_by_filename": True}])
    assert not eq.clean_articles([base | {"pr_is_best_tfidf_match": False}])
    assert not eq.clean_articles([base | {"filename_note": "dup"}])
