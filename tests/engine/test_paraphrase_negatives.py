"""Independent texts on the same subject are not paraphrases of each other."""

from __future__ import annotations

from provenance.engine import compare

# Two releases about college courses, written independently: they share generic words
# ("students", "opportunity", "courses", "college") but no sentence restates another.
RELEASE_A = (
    "Students at the college will have the opportunity to take new evening courses in "
    "engineering from September. The courses were designed with local employers, who "
    "asked for more technicians. Places are limited and applications close in June."
)
RELEASE_B = (
    "The college gives adult students a new opportunity to pay for their courses by "
    "instalments. The fund was set up by a charity after a survey of families. Parents "
    "can apply online before the end of the month."
)


def test_same_subject_sentences_sharing_generic_words_are_not_paraphrased() -> None:
    c = compare(RELEASE_A, RELEASE_B)
    assert [p.kind for p in c.passages if p.kind == "paraphrased"] == []
    assert c.stats.paraphrased_share == 0.0
