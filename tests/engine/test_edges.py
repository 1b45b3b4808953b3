"""Text as it really arrives, and input that is not text at all."""

from __future__ import annotations

import json
import random

import pytest

from provenance.engine import Comparison, compare

from .helpers import assert_spans_valid
from .seeds import seed


def test_empty_texts() -> None:
    c = compare("", "")
    assert c.passages == () and c.findings == ()
    assert c.stats.derivative_share == 0.0 and c.stats.source_words == 0


def test_empty_against_text_is_all_added() -> None:
    c = compare("", "A whole article.")
    assert [p.kind for p in c.passages] == ["added"]
    c = compare("A whole release.", "")
    assert [p.kind for p in c.passages] == ["omitted"]


def test_one_word_texts() -> None:
    c = compare("Hello", "Hello")
    assert_spans_valid(c, "Hello", "Hello")
    assert compare("Hello", "Goodbye").stats.derivative_share == 0.0


@pytest.mark.parametrize("bad", [None, 42, b"text", ["a"]])
def test_non_text_is_a_value_error(bad: object) -> None:
    with pytest.raises(ValueError, match="must be text"):
        compare(bad, "text")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="must be text"):
        compare("text", bad)  # type: ignore[arg-type]


def test_binary_garbage_is_a_value_error() -> None:
    rng = random.Random(0)
    garbage = bytes(rng.randrange(256) for _ in range(5000)).decode("latin-1")
    with pytest.raises(ValueError, match="binary"):
        compare(garbage, "text")


def test_unknown_option_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="Unknown option"):
        compare("a", "b", fuzzy=True)


def test_crlf_nbsp_and_curly_quotes_are_trivial() -> None:
    src = seed("001")
    der = src.replace("\n", "\r\n").replace(" ", "\u00a0", 40).replace("’", "'")
    c = compare(src, der)
    assert_spans_valid(c, src, der)
    kinds = {p.kind for p in c.passages}
    assert kinds <= {"verbatim", "reused"}
    assert c.stats.derivative_share == 1.0


def test_a_single_100k_character_line() -> None:
    rng = random.Random(1)
    words = [
        rng.choice(["alpha", "beta", "gamma", "delta", "river", "stone"]) for _ in range(16000)
    ]
    line = " ".join(words)[:100_000]
    # How fast is a benchmark's question (bench/engine_speed.py), not a test's.
    c = compare(line, line)
    assert_spans_valid(c, line, line)
    assert c.stats.derivative_share == 1.0
    blob = "x" * 100_000
    assert_spans_valid(compare(blob, blob), blob, blob)


def test_right_to_left_and_mixed_scripts() -> None:
    src = (
        "قالت الوزيرة إن الاتفاق جديد. שלום עולם, זה טקסט בעברית. "
        "The deal was signed in Paris on Monday."
    )
    der = "The deal was signed in Paris on Monday. قالت الوزيرة إن الاتفاق جديد. 中文文本没有空格。"
    c = compare(src, der)
    assert_spans_valid(c, src, der)
    matched = [p for p in c.passages if p.kind in ("verbatim", "reused")]
    assert {
        der[p.derivative_span[0] : p.derivative_span[1]] for p in matched if p.derivative_span
    } == {
        "The deal was signed in Paris on Monday.",
        "قالت الوزيرة إن الاتفاق جديد.",
    }


def test_200k_words_with_or_without_sentence_breaks() -> None:
    rng = random.Random(2)
    vocab = [f"w{i}" for i in range(5000)]
    sentences = ["W " + " ".join(rng.choice(vocab) for _ in range(19)) + "." for _ in range(10_000)]
    big = " ".join(sentences)
    der = " ".join(sentences[5000:5020]) + " Something new entirely here."
    one_line = " ".join(s[2:-1] for s in sentences)  # no sentence breaks at all
    # Speed at this size is measured by bench/engine_speed.py; no test asserts a time.
    c = compare(big, der)
    assert c.stats.source_words == 200_000
    assert c.stats.derivative_share > 0.9
    c = compare(one_line, " ".join(s[2:-1] for s in sentences[5000:5020]))
    assert c.stats.derivative_share == 1.0


def test_identical_runs_give_identical_output() -> None:
    a = json.dumps(compare(seed("001"), seed("002")).to_dict(), sort_keys=True)
    b = json.dumps(compare(seed("001"), seed("002")).to_dict(), sort_keys=True)
    assert a == b


def test_json_round_trip() -> None:
    c = compare(seed("001"), seed("000"))
    data = json.loads(json.dumps(c.to_dict()))
    assert data["schema"] == c.schema and data["engine_version"] == c.engine_version
    assert Comparison.from_dict(data) == c


def test_from_dict_rejects_other_schemas() -> None:
    data = compare("a b c", "a b c").to_dict()
    data["schema"] = 999
    with pytest.raises(ValueError, match="schema"):
        Comparison.from_dict(data)


@pytest.mark.parametrize(
    ("src", "der"), [("001", "000"), ("001", "002"), ("001", "004"), ("000", "001")]
)
def test_seed_spans_are_valid(src: str, der: str) -> None:
    assert_spans_valid(compare(seed(src), seed(der)), seed(src), seed(der))


def test_stock_phrases_alone_are_not_a_match() -> None:
    src = "The government said in a statement that it would act. Rain fell across Wales on Tuesday."
    der = "The government said in a statement that prices would rise. Cats sleep all afternoon."
    c = compare(src, der)
    assert c.stats.derivative_share == 0.0
    assert {p.kind for p in c.passages} <= {"added", "omitted"}
