from __future__ import annotations

from bench import engine_speed as es


def test_generated_pairs_have_the_requested_size_and_reuse():
    source, derivative = es.generated_pair(1_000, 0, [])
    assert 1_000 <= len(source.split()) < 1_100
    assert 900 <= len(derivative.split()) < 1_200
    # About 30% of the derivative's words come from the source.
    src_words = set(source.split())
    shared = sum(w in src_words for w in derivative.split()) / len(derivative.split())
    assert shared >= 0.2


def test_timing_takes_at_least_the_requested_runs():
    t = es.time_call(lambda: sum(range(100)), repeat=5, min_sample=0.001, budget=0.01)
    assert t.runs >= 5 and 0 < t.median <= t.p90


def test_the_baseline_aligns_words():
    ops = es.baseline("a b c d", "a b x d")
    assert ("replace", 2, 3, 2, 3) in ops
