"""The embed operation's truth, and same-subject pairs (synthetic texts, no real corpus)."""

from __future__ import annotations

import random

from bench.embed import embed
from bench.same_subject import same_subject_pairs

from .sample_text import FILLER, SOURCE


def test_embed_records_one_copy_cut_inside_sentences() -> None:
    cut_inside = made = 0
    for seed in range(30):
        d = embed(SOURCE, random.Random(seed), FILLER)
        if d is None:
            continue  # a copy too short to score: the release is skipped
        made += 1
        (case,) = [s for s in d.segments if s.op == "embed"]
        assert case.source_span is not None and case.derivative_span is not None
        s0, s1 = case.source_span
        d0, d1 = case.derivative_span
        assert d.derivative[d0:d1] == SOURCE[s0:s1]
        # Host text on both sides of the copy, and the copy starts after a sentence's start.
        assert d0 > 0 and d1 < len(d.derivative)
        cut_inside += SOURCE[s0 - 2 : s0] not in (". ", "\n") and SOURCE[s0 - 1] == " "
        again = embed(SOURCE, random.Random(seed), FILLER)
        assert again == d
    assert made >= 25 and cut_inside >= 20


def test_same_subject_pairs_are_alike_independent_and_from_two_institutions() -> None:
    def release(inst: str, text: str) -> dict[str, object]:
        return {"institution": inst, "text": text}

    a = release("North", "Students on evening courses in engineering welcome new funding.")
    b = release("South", "Engineering students on evening courses will receive new bursaries.")
    c = release("North", "Engineering students at the college take evening courses again.")
    copy = release("West", a["text"])  # type: ignore[dict-item]
    other = release("East", "A comet passed close to the planet on Tuesday night.")
    pairs = same_subject_pairs([a, b, c, copy, other], 5, min_similarity=0.01)
    names = {(x["institution"], y["institution"]) for x, y, _ in pairs}
    # Never the same institution, never a copy (shared eight-word run), never off subject.
    assert all(x != y for x, y in names)
    assert ("North", "West") not in names and ("West", "North") not in names
    assert all("East" not in pair for pair in names)
    assert pairs
