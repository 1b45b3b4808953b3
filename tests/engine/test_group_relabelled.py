"""A group of people named differently outside quotation marks is a finding."""

from __future__ import annotations

from provenance.engine import compare

from .helpers import assert_spans_valid

RELEASE = (
    "The Home Secretary met her French counterpart in Paris on Monday. "
    "A new task force will look at the recent rise in Albanian nationals and organised "
    "crime groups exploiting illegal migration routes across the Channel. "
    "Officers will share intelligence about the smuggling networks every week."
)


def _findings(derivative: str) -> list[tuple[str, str]]:
    c = compare(RELEASE, derivative)
    assert_spans_valid(c, RELEASE, derivative)
    return [(f.type, f.reason) for f in c.findings]


def test_the_head_noun_of_a_nationality_changed_unquoted_is_flagged() -> None:
    derivative = RELEASE.replace("Albanian nationals", "Albanian gangs")
    c = compare(RELEASE, derivative)
    (f,) = [f for f in c.findings if f.type == "group_relabelled"]
    assert f.severity == "high"
    assert "“Albanian nationals”" in f.reason and "“Albanian gangs”" in f.reason
    assert f.source_span and RELEASE[f.source_span[0] : f.source_span[1]] == "Albanian nationals"
    assert f.derivative_span
    assert derivative[f.derivative_span[0] : f.derivative_span[1]] == "Albanian gangs"


def test_inside_a_quotation_it_is_an_altered_quotation_instead() -> None:
    derivative = RELEASE.replace(
        "the recent rise in Albanian nationals and organised crime groups exploiting illegal",
        "the “recent rise in Albanian gangs and organised crime groups exploiting illegal”",
    )
    types = [t for t, _ in _findings(derivative)]
    assert "group_relabelled" not in types


def test_other_word_edits_are_not_group_relabelling() -> None:
    for old, new in [
        ("smuggling networks", "smuggling gangs"),  # no group adjective before the noun
        ("French counterpart", "French minister"),  # a singular noun, not a group
        ("illegal migration routes", "illegal migration paths"),
    ]:
        types = [t for t, _ in _findings(RELEASE.replace(old, new))]
        assert "group_relabelled" not in types, (old, new)
