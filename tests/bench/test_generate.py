from __future__ import annotations

import itertools
import re

import pytest

from bench.generate import (
    OPERATIONS,
    SENTENCE_OPS,
    Derived,
    derive,
    paragraphs,
    words,
)
from bench.wordlists import FIRST_NAMES, LAST_NAMES

from .sample_text import FILLER, SOURCE

_NUMBER_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
]


def comparison_key(text: str) -> str:
    """What a trivial edit may change, folded away (the benchmark's own reading)."""
    text = text.lower()
    text = re.sub(r"\s*%|\s+per cent", " percent", text)
    text = re.sub(r"[“”\"]", '"', text)
    text = re.sub(r"[‘’']", "'", text)
    text = re.sub(r"\s[-–]\s", " - ", text)
    for n, word in enumerate(_NUMBER_WORDS):
        text = re.sub(rf"\b{word}\b", str(n), text)
    text = re.sub(r"\b(co|re|pre|non|anti|multi|inter|post|sub|semi|mid|over|under)-", r"\1", text)
    return " ".join(text.split())


def _slices(d: Derived, seg) -> tuple[str | None, str | None]:
    s = None if seg.source_span is None else d.source[seg.source_span[0] : seg.source_span[1]]
    t = (
        None
        if seg.derivative_span is None
        else d.derivative[seg.derivative_span[0] : seg.derivative_span[1]]
    )
    return s, t


def test_it_segments_paragraphs_and_sentences_with_spans():
    paras = paragraphs(SOURCE)
    assert len(paras) == 11
    for p in paras:
        for start, end in p.sentences:
            assert SOURCE[start:end] == SOURCE[start:end].strip()
            assert p.span[0] <= start < end <= p.span[1]
    assert len(paras[2].sentences) == 1


def test_same_seed_gives_same_output():
    a = derive(SOURCE, OPERATIONS, seed=7, filler=FILLER)
    b = derive(SOURCE, OPERATIONS, seed=7, filler=FILLER)
    assert a == b
    c = derive(SOURCE, OPERATIONS, seed=8, filler=FILLER)
    assert c.derivative != a.derivative


def test_it_rejects_unknown_operations():
    with pytest.raises(ValueError, match="unknown"):
        derive(SOURCE, ["shuffle"], seed=0)


@pytest.mark.parametrize("op", OPERATIONS)
def test_every_operation_is_exercised(op):
    applied = [derive(SOURCE, [op], seed=s, filler=FILLER).applied[op] for s in range(5)]
    assert all(n > 0 for n in applied), applied


def check_truth(d: Derived) -> None:
    """Every recorded span must point at text that relates as its operation says."""
    taken: list[tuple[int, int]] = []
    for seg in d.segments:
        src, der = _slices(d, seg)
        if seg.derivative_span is not None:
            assert 0 <= seg.derivative_span[0] < seg.derivative_span[1] <= len(d.derivative)
            taken.append(seg.derivative_span)
        if seg.source_span is not None:
            assert 0 <= seg.source_span[0] < seg.source_span[1] <= len(d.source)
        if seg.op in ("verbatim", "trim", "reorder"):
            assert src == der, seg
        elif seg.op == "trim_tail":
            assert der is None and src and src not in d.derivative
        elif seg.op in ("split", "merge"):
            assert comparison_key(src.rstrip(".")) == comparison_key(der.rstrip(".")), seg
        elif seg.op == "trivial_edit":
            assert src != der and comparison_key(src) == comparison_key(der), (src, der)
        elif seg.op == "word_edit":
            a, b = words(src), words(der)
            assert a != b
            shared = len(set(a) & set(b)) / len(set(a))
            assert shared >= 0.6, (src, der)
        elif seg.op == "paraphrase":
            num = r"\d[\d,.]*\d|\d"
            assert sorted(re.findall(num, src)) == sorted(re.findall(num, der))
            content = {w.lower().strip(".,;:") for w in words(src) if len(w) >= 5}
            shared = content & {w.lower().strip(".,;:") for w in words(der)}
            assert len(shared) >= 0.3 * len(content), (src, der)
            pairs_a = set(zip(words(src.lower()), words(src.lower())[1:], strict=False))
            pairs_b = set(zip(words(der.lower()), words(der.lower())[1:], strict=False))
            assert len(pairs_a & pairs_b) <= 0.5 * len(pairs_a), (src, der)
        elif seg.op in ("name_swap", "name_insert", "number_change"):
            assert src != der and der is not None
        elif seg.op == "insert":
            assert src is None and (der in FILLER or len(words(der)) >= 8)
        elif seg.op == "omit":
            assert der is None and src not in d.derivative
        elif seg.op == "quote_swap":
            assert (src is None) != (der is None)
            assert re.search(r"[“”\"]", src or der)
        else:
            raise AssertionError(f"unexpected op {seg.op}")
    taken.sort()
    for a, b in itertools.pairwise(taken):
        assert a[1] <= b[0], "derivative spans overlap"


@pytest.mark.parametrize("op", OPERATIONS)
def test_true_spans_point_at_matching_text(op):
    for seed in range(5):
        check_truth(derive(SOURCE, [op], seed=seed, filler=FILLER))


def test_mixed_operations_keep_the_truth_consistent():
    for seed in range(10):
        d = derive(SOURCE, OPERATIONS, seed=seed, filler=FILLER)
        check_truth(d)
        assert sum(d.applied.values()) >= 8


def test_name_and_number_edits_point_at_the_changed_tokens():
    names = set(FIRST_NAMES) | set(LAST_NAMES)
    for seed in range(5):
        d = derive(SOURCE, ["name_swap", "name_insert", "number_change"], seed=seed)
        assert d.findings
        for f in d.findings:
            new = d.derivative[f.derivative_span[0] : f.derivative_span[1]]
            if f.op == "number_change":
                old = d.source[f.source_span[0] : f.source_span[1]]
                assert re.fullmatch(r"[\d,.]+", old) and re.fullmatch(r"[\d,.]+", new)
                assert old != new
            else:
                assert set(new.split()) & names, new
                if f.op == "name_swap":
                    old = d.source[f.source_span[0] : f.source_span[1]]
                    assert old != new and old[0].isupper()
                else:
                    assert f.source_span is None
                    assert "nameswap" not in f.types


def test_reorder_moves_whole_paragraphs_and_expects_a_move_finding():
    d = derive(SOURCE, ["reorder"], seed=3)
    moved = [s for s in d.segments if s.moved]
    assert moved
    assert all(
        d.source[s.source_span[0] : s.source_span[1]]
        == d.derivative[s.derivative_span[0] : s.derivative_span[1]]
        for s in moved
    )
    assert {f.op for f in d.findings} == {"reorder"}
    source_order = [s.source_span[0] for s in sorted(d.segments, key=lambda s: s.derivative_span)]
    assert source_order != sorted(source_order)


def test_quote_swap_replaces_a_quotation_with_another_speakers():
    d = derive(SOURCE, ["quote_swap"], seed=1)
    added = [s for s in d.segments if s.op == "quote_swap" and s.source_span is None]
    gone = [s for s in d.segments if s.op == "quote_swap" and s.derivative_span is None]
    assert added and len(added) == len(gone)
    for s in added:
        text = d.derivative[s.derivative_span[0] : s.derivative_span[1]]
        assert "said" in text and text not in d.source
    assert all(f.types >= {"quote_unsourced"} for f in d.findings)


def test_sentence_operations_respect_the_rate():
    d = derive(SOURCE, SENTENCE_OPS, seed=0, rate=0.4)
    n_sentences = sum(len(p.sentences) for p in paragraphs(SOURCE))
    assert sum(d.applied.values()) <= n_sentences
