"""One analysis per text: compare() on analysed texts gives what it gives on strings."""

from __future__ import annotations

import itertools

import pytest

from bench.engine_speed import generated_pair
from bench.generate import OPERATIONS, derive
from provenance.engine import ENGINE_VERSION, AnalysedText, analyse, compare

from .seeds import NAMES, seed

SEED_PAIRS = list(itertools.permutations(sorted(NAMES), 2))


@pytest.mark.parametrize(("source", "derivative"), SEED_PAIRS)
def test_analysed_seeds_compare_like_strings(source: str, derivative: str) -> None:
    src, der = seed(source), seed(derivative)
    expected = compare(src, der).to_dict()
    assert compare(analyse(src), analyse(der)).to_dict() == expected
    # Either side alone, and analyses that went through their serialised form.
    assert compare(analyse(src), der).to_dict() == expected
    kept = AnalysedText.from_bytes(analyse(der).to_bytes(), der)
    assert compare(src, kept).to_dict() == expected


@pytest.mark.parametrize("case", range(4))
def test_analysed_generated_pairs_compare_like_strings(case: int) -> None:
    source, derivative = generated_pair(600 + 300 * case, case, [])
    if case % 2:
        derivative = derive(source, OPERATIONS, case, rate=0.5).derivative
    expected = compare(source, derivative).to_dict()
    assert compare(analyse(source), analyse(derivative)).to_dict() == expected


@pytest.mark.parametrize(
    "text",
    ["", "   \n", "###\n—", "One word.", seed("001"), "Ünïcödé “quotes” — 50 per cent.\n\nÉté."],
)
def test_serialisation_round_trips(text: str) -> None:
    analysed = analyse(text)
    assert AnalysedText.from_bytes(analysed.to_bytes(), text) == analysed


def test_serialisation_is_compact() -> None:
    text = seed("001")
    assert len(analyse(text).to_bytes()) < len(text.encode())


def test_serialisation_refuses_another_text_or_engine_version() -> None:
    data = analyse("The minister said so.").to_bytes()
    with pytest.raises(ValueError, match="another text"):
        AnalysedText.from_bytes(data, "The minister said no.")
    version = ENGINE_VERSION.encode()
    other = data.replace(version, b"9" * len(version), 1)
    with pytest.raises(ValueError, match="another engine version"):
        AnalysedText.from_bytes(other, "The minister said so.")
    with pytest.raises(ValueError, match="damaged"):
        AnalysedText.from_bytes(data[:-6], "The minister said so.")
    with pytest.raises(ValueError, match="Not a text analysis"):
        AnalysedText.from_bytes(b"junk", "The minister said so.")


def test_analyse_names_the_side_that_is_not_text() -> None:
    with pytest.raises(ValueError, match="The derivative looks like binary data"):
        compare("Fine text.", "\x00\x01\x02" * 50)
    with pytest.raises(ValueError, match="must be text"):
        analyse(b"bytes")  # type: ignore[arg-type]


def test_an_analysed_text_is_read_once_for_many_comparisons(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A text analysed once keeps its side, and with it what the paraphrase pairing and
    the claim reading read off its units: comparing it again reads only the other text."""
    from provenance.engine import claim_findings, paraphrase

    src, der = seed("001"), seed("000")
    analysed = analyse(src)
    assert analysed.side() is analysed.side()
    first = compare(analysed, der).to_dict()
    assert first == compare(src, der).to_dict()
    sides: list[object] = []
    read_stems = paraphrase._read_unit_stems
    read_rules = claim_findings.read_rules

    def stems_spy(side: object, u: int) -> list[str]:
        sides.append(side)
        return read_stems(side, u)  # type: ignore[arg-type]

    def rules_spy(text: str) -> object:
        sides.append(text)
        return read_rules(text)

    monkeypatch.setattr(paraphrase, "_read_unit_stems", stems_spy)
    monkeypatch.setattr(claim_findings, "read_rules", rules_spy)
    assert compare(analysed, der).to_dict() == first
    own = analysed.side()
    assert not any(s is own for s in sides)
    assert not any(isinstance(s, str) and s in src and s not in der for s in sides)
    assert sides  # the plain texts were read again, each time
