"""Unit tests per engine module: text, tokens, segment, fingerprint, diff."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from provenance.engine.analysis import make_side
from provenance.engine.diff import diff_ranges, to_ops
from provenance.engine.fingerprint import fingerprints, hash_gram, winnow
from provenance.engine.segment import segment
from provenance.engine.text import check_text, normalise
from provenance.engine.tokens import key_sequence, tokenize

from .seeds import seed

ROOT = Path(__file__).resolve().parents[2]


class TestNormalise:
    def test_offsets_map_back_to_the_original(self) -> None:
        raw = "  “Hello”\r\n\r\n  world\u00a0—  again "
        norm = normalise(raw)
        assert norm.text == ' "Hello"\nworld - again '
        start = norm.text.index("world")
        s, e = norm.span_to_original(start, start + 5)
        assert raw[s:e] == "world"
        start = norm.text.index("again")
        s, e = norm.span_to_original(start, start + 5)
        assert raw[s:e] == "again"

    def test_rejects_non_text_and_binary(self) -> None:
        with pytest.raises(ValueError, match="must be text"):
            check_text(b"bytes", "source")
        with pytest.raises(ValueError, match="binary"):
            check_text("\x00\x01\x02" * 50, "source")
        assert check_text("", "source") == ""


class TestKeys:
    def test_trivial_differences_fold_to_the_same_keys(self) -> None:
        a = key_sequence("The 2 countries’ co-operation rose 40 per cent, said Gérald")
        b = key_sequence("the two countries' cooperation rose 40% , said GERALD")
        assert a == b

    def test_figures_keep_their_value(self) -> None:
        assert key_sequence("30,000 and 72.2") == ["30000", "and", "72.2"]
        assert key_sequence("40%") != key_sequence("45%")

    def test_spans_point_at_the_words(self) -> None:
        text = "Numbers rose by 40 per cent today."
        toks = tokenize(text)
        assert [text[s:e] for s, e in zip(toks.starts, toks.ends, strict=True)] == [
            "Numbers",
            "rose",
            "by",
            "40",
            "per cent",
            "today",
        ]


class TestSegment:
    def test_hard_wrapped_release_splits_into_sentences(self) -> None:
        text = seed("001")
        units = [" ".join(text[u.start : u.end].split()) for u in segment(text)]
        assert units[0] == "UK-France joint statement:"
        assert units[1] == "enhancing co-operation against illegal migration"
        assert units[2].startswith("Numbers of officers") and units[2].endswith("signed today.")
        assert "Home Secretary said:" in units
        assert units[3].startswith("The Home Secretary, , is in France today (Monday 14 November)")
        for u in segment(text):
            assert not text[u.start].isspace() and not text[u.end - 1].isspace()

    def test_paragraphs_follow_the_layout(self) -> None:
        text = seed("001")
        units = segment(text)
        said = next(u for u in units if text[u.start : u.end].endswith("said:"))
        after = [u for u in units if u.start > said.start]
        assert after[0].paragraph == after[1].paragraph  # "We must…" and "This is…"
        assert after[2].paragraph == after[1].paragraph + 1  # "There are no quick fixes…"

    def test_crlf_and_blank_lines(self) -> None:
        text = "First line here.\r\n\r\nSecond para starts. It goes on.\r\n"
        got = [text[u.start : u.end] for u in segment(text)]
        assert got == ["First line here.", "Second para starts.", "It goes on."]


class TestFingerprint:
    def test_values_fit_a_bigint_and_are_stable(self) -> None:
        h = hash_gram(["uk", "and", "france"])
        assert 0 <= h < 2**63
        assert h == hash_gram(("uk", "and", "france"))

    def test_winnowing_picks_one_per_window(self) -> None:
        got = winnow([5, 3, 8, 3, 9, 1, 7], 3)
        assert got == [(3, 1), (3, 3), (1, 5)]

    def test_same_across_processes_and_hash_seeds(self) -> None:
        script = (
            "import json, sys; from provenance.engine.fingerprint import fingerprints;"
            "print(json.dumps(fingerprints(sys.stdin.read())))"
        )
        outs = []
        for hash_seed in ("0", "12345"):
            done = subprocess.run(
                [sys.executable, "-c", script],
                input=seed("001"),
                capture_output=True,
                text=True,
                cwd=ROOT,
                env={"PYTHONHASHSEED": hash_seed, "PATH": "/usr/bin:/bin"},
                check=True,
            )
            outs.append(json.loads(done.stdout))
        assert outs[0] == outs[1]
        assert [tuple(x) for x in outs[0]] == fingerprints(seed("001"))
        assert len(outs[0]) > 50

    def test_shared_text_shares_fingerprints(self) -> None:
        a = {h for h, _ in fingerprints(seed("001"))}
        b = {h for h, _ in fingerprints(seed("000"))}
        c = {h for h, _ in fingerprints(seed("004"))}
        assert len(a & b) > 10 * max(1, len(a & c))


class TestDiff:
    def test_ops_are_word_level_with_trivial_flags(self) -> None:
        src_text = "The 2 countries signed a deal on Monday."
        der_text = "The two countries signed a new deal on Friday."
        src = make_side(src_text, tokenize(src_text), segment(src_text))
        der = make_side(der_text, tokenize(der_text), segment(der_text))
        raw = diff_ranges(
            src_text, src.tokens, 0, len(src.tokens), der_text, der.tokens, 0, len(der.tokens)
        )
        ops = to_ops(raw, src.tokens, der.tokens)

        def show(op_span: tuple[int, int] | None, text: str) -> str:
            return "" if op_span is None else text[op_span[0] : op_span[1]]

        got = [
            (o.kind, show(o.source_span, src_text), show(o.derivative_span, der_text), o.trivial)
            for o in ops
        ]
        assert got == [
            ("equal", "The", "The", False),
            ("replace", "2", "two", True),
            ("equal", "countries signed a", "countries signed a", False),
            ("insert", "", "new", False),
            ("equal", "deal on", "deal on", False),
            ("replace", "Monday", "Friday", False),
        ]

    def test_large_dissimilar_ranges_stay_fast(self) -> None:
        a = " ".join(f"alpha{i}" for i in range(3000))
        b = " ".join(f"beta{i}" for i in range(3000))
        sa, sb = tokenize(a), tokenize(b)
        raw = diff_ranges(a, sa, 0, len(sa), b, sb, 0, len(sb))
        assert [r.kind for r in raw] == ["replace"]
