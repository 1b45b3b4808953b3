"""Findings ranked by what a reader must notice, one per speaker, moves only for sentences."""

from __future__ import annotations

from provenance.engine import Comparison, compare
from provenance.engine.result import Finding

from .seeds import seed

S1 = "The council will spend more on the repair of roads across the county this year."
S2 = "Officials said the money would come from savings in the transport budget."
S3 = (
    "Work on the first roads is expected to start in the early spring of next year, once the"
    " contracts have been signed and the weather allows crews to lay new surfaces."
)
S4 = "Residents will be able to report potholes through a new online service."
S5 = "The scheme will be reviewed by councillors at the end of its first year."
RELEASE = " ".join([S1, S2, S3, S4, S5])


def texts(c: Comparison, text: str) -> list[str]:
    return [
        text[f.derivative_span[0] : f.derivative_span[1]] for f in c.findings if f.derivative_span
    ]


def unsourced(c: Comparison) -> list[Finding]:
    return [f for f in c.findings if f.type == "quote_unsourced"]


def test_on_seed_002_the_altered_albanians_quotation_comes_first() -> None:
    c = compare(seed("001"), seed("002"))
    first = c.findings[0]
    assert first.type == "quote_altered"
    assert "Albanian nationals" in first.message
    assert first.severity == "high"
    assert first.reason


def test_on_seed_002_a_group_name_and_a_read_more_headline_are_not_quotations() -> None:
    c = compare(seed("001"), seed("002"))
    reported = texts(c, seed("002"))
    assert "Calais Group" not in reported
    assert "Every day" not in reported
    assert not any("Calais Group" in f.message or "Every day" in f.message for f in c.findings)


def test_on_seed_002_the_prime_ministers_fragments_are_one_finding() -> None:
    c = compare(seed("001"), seed("002"))
    der = seed("002")
    sunak = [f for f in unsourced(c) if "Sunak" in f.detail.get("speaker", "")]
    assert len(sunak) == 1
    parts = [der[a:b] for a, b in sunak[0].parts]
    assert parts == ["grip illegal migration,", "confident"]
    assert "grip illegal migration" in sunak[0].message and "confident" in sunak[0].message


def test_findings_are_ordered_by_rank_then_position() -> None:
    c = compare(seed("001"), seed("002"))
    ranks = [f.rank for f in c.findings]
    assert ranks == sorted(ranks)
    assert all(f.severity in ("high", "medium", "low") and f.reason for f in c.findings)
    lows = [f for f in c.findings if f.type == "quote_unsourced"]
    starts = [f.derivative_span[0] for f in lows if f.derivative_span]
    assert starts == sorted(starts)


def test_quoted_fragments_from_one_speaker_are_one_finding_listing_them() -> None:
    der = (
        f"{S1} {S2} Council leader Jane Smith said the plan would "
        '"fix the county\'s worst roads" and was "long overdue". '
        'She added it was "a fair deal" for drivers. '
        f"{S3} {S4} {S5}"
    )
    c = compare(RELEASE, der)
    (f,) = unsourced(c)
    assert f.detail["speaker"] == "Jane Smith"
    assert [der[a:b] for a, b in f.parts] == [
        "fix the county's worst roads",
        "long overdue",
        "a fair deal",
    ]


def test_a_title_in_quote_marks_and_a_furniture_line_are_not_quotations() -> None:
    der = (
        f"{S1} {S2} The work will be done by the 'Roads Recovery Group' of the county.\n"
        f"Read more: 'Every day' drivers face delays on the ring road\n{S3} {S4} {S5}"
    )
    assert unsourced(compare(RELEASE, der)) == []


def test_a_moved_sentence_is_a_finding() -> None:
    der = " ".join([S1, S4, S2, S3, S5])
    c = compare(RELEASE, der)
    moved = [f for f in c.findings if f.type == "passage_moved"]
    assert len(moved) == 1 and moved[0].severity == "low"


def test_a_moved_dateline_is_not_a_move() -> None:
    src = f"14 November 2022\n{RELEASE}"
    der = f"{RELEASE}\n14 November 2022"
    c = compare(src, der)
    assert not [f for f in c.findings if f.type == "passage_moved"]
    assert not any(p.moved for p in c.passages)


def test_a_fragment_of_a_rewritten_sentence_is_not_a_move() -> None:
    # The article rewrites S3 around a phrase copied from it and puts that first: the
    # copied middle is a passage of its own, out of order, but not a moved passage.
    der = (
        "Campaigners, who have waited years for repairs on the worst stretches, say work on"
        " the first roads is expected to start far too late for the drivers who need it most."
        f" {S1} {S2} {S4} {S5}"
    )
    c = compare(RELEASE, der)
    # The passage holds the copied words only (it starts and ends inside the sentence).
    fragment = next(p for p in c.passages if p.kind in ("altered", "reused", "verbatim"))
    assert fragment.derivative_span is not None
    assert der[fragment.derivative_span[0] :].startswith("work on the first roads")
    assert not fragment.moved
    assert not [f for f in c.findings if f.type == "passage_moved"]


def test_schema_one_results_still_read_with_severity_from_the_type() -> None:
    c = compare(seed("001"), seed("002"))
    data = c.to_dict()
    data["schema"] = 1
    for f in data["findings"]:
        del f["severity"], f["reason"], f["parts"]
    old = Comparison.from_dict(data)
    assert [f.severity for f in old.findings] == [f.severity for f in c.findings]
    assert all(f.reason for f in old.findings)
