from __future__ import annotations

import math

import pytest

from bench.pan import Pair, detections_from_passages, merge_adjacent, score


def test_perfect_detection_scores_one():
    case = Pair((0, 100), (0, 100))
    s = score([case], [case])
    assert (s.precision, s.recall, s.granularity, s.plagdet) == (1.0, 1.0, 1.0, 1.0)


def test_half_coverage_halves_recall():
    # The detection covers 50 of the case's 100 source and 50 of its 100 derivative chars.
    s = score([Pair((0, 100), (0, 100))], [Pair((0, 50), (0, 50))])
    assert s.precision == 1.0
    assert s.recall == 0.5
    assert s.plagdet == pytest.approx(2 / 3)


def test_oversized_detection_halves_precision():
    s = score([Pair((0, 50), (0, 50))], [Pair((0, 100), (0, 100))])
    assert s.recall == 1.0
    assert s.precision == 0.5


def test_split_detection_has_granularity_two():
    case = Pair((0, 100), (0, 100))
    halves = [Pair((0, 50), (0, 50)), Pair((50, 100), (50, 100))]
    s = score([case], halves)
    assert (s.precision, s.recall, s.granularity) == (1.0, 1.0, 2.0)
    assert s.plagdet == pytest.approx(1 / math.log2(3))


def test_no_detections_gives_zero_recall_and_plagdet():
    s = score([Pair((0, 100), (0, 100))], [])
    assert (s.precision, s.recall, s.plagdet, s.granularity) == (0.0, 0.0, 0.0, 1.0)


def test_a_detection_must_overlap_both_sides():
    # Right derivative text, wrong source text: it detects nothing.
    s = score([Pair((0, 100), (0, 100))], [Pair((500, 600), (0, 100))])
    assert (s.precision, s.recall) == (0.0, 0.0)


def test_macro_averages_over_cases_and_detections():
    cases = [Pair((0, 100), (0, 100)), Pair((200, 300), (200, 300))]
    detections = [Pair((0, 100), (0, 100)), Pair((900, 950), (900, 950))]
    s = score(cases, detections)
    assert s.recall == 0.5  # one case found whole, one missed
    assert s.precision == 0.5  # one detection right, one wholly wrong


def test_document_pairs_are_kept_apart():
    s = score([Pair((0, 10), (0, 10), doc=1)], [Pair((0, 10), (0, 10), doc=2)])
    assert s.recall == 0.0


def test_overlapping_detections_are_not_double_counted():
    case = Pair((0, 100), (0, 100))
    s = score([case], [Pair((0, 60), (0, 60)), Pair((40, 100), (40, 100))])
    assert s.recall == 1.0
    assert s.granularity == 2.0


SRC = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota."
DER = "Alpha beta gamma.  Delta epsilon zeta! New words here. Eta theta iota."


def test_adjacent_pairs_merge_across_punctuation_and_space():
    a = Pair((0, 16), (0, 16))  # "Alpha beta gamma"
    b = Pair((18, 36), (19, 37))  # "Delta epsilon zeta"
    assert SRC[18:36] == DER[19:37] == "Delta epsilon zeta"
    assert merge_adjacent([b, a], SRC, DER) == [Pair((0, 36), (0, 37))]


def test_pairs_separated_by_words_stay_apart():
    b = Pair((18, 36), (19, 37))
    c = Pair((38, 52), (55, 69))  # "Eta theta iota" after inserted words in the derivative
    assert SRC[38:52] == DER[55:69]
    assert len(merge_adjacent([b, c], SRC, DER)) == 2


class P:
    def __init__(self, kind, source_span, derivative_span):
        self.kind, self.source_span, self.derivative_span = kind, source_span, derivative_span


def test_detections_skip_added_and_omitted_passages():
    passages = [
        P("verbatim", (0, 16), (0, 16)),
        P("reused", (18, 36), (19, 37)),
        P("added", None, (39, 54)),
        P("verbatim", (38, 52), (55, 69)),
        P("omitted", (100, 120), None),
    ]
    assert detections_from_passages(passages, SRC, DER) == [
        Pair((0, 36), (0, 37)),
        Pair((38, 52), (55, 69)),
    ]
