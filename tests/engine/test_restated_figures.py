"""A sentence restated with its figures written another way is a paraphrase."""

from __future__ import annotations

import pytest

from provenance.engine import compare

BEFORE_S = "The university opened a new laboratory on Monday. "
AFTER_S = " The building work took the contractors most of the winter."
BEFORE_D = "Parents gathered outside the gates for the ceremony. "
AFTER_D = " Nobody expected the weather to hold."


@pytest.mark.parametrize(
    ("source", "derivative"),
    [
        (
            "The project, which began in 2019, has cost the council £12 million so far.",
            "Since 2019 the council has spent £12m on the project.",
        ),
        (
            "The project, which began in 2019, has cost the council £12 million so far.",
            "Since 2019 the council has spent twelve million pounds on the project.",
        ),
        (
            "Around 40% of pupils at the school now cycle to lessons every day.",
            "Every day forty per cent of the school's pupils cycle to their lessons.",
        ),
    ],
)
def test_restated_with_the_same_figures_in_another_form(source: str, derivative: str) -> None:
    src, der = BEFORE_S + source + AFTER_S, BEFORE_D + derivative + AFTER_D
    c = compare(src, der)
    (p,) = [p for p in c.passages if p.kind == "paraphrased"]
    assert p.source_span and src[p.source_span[0] : p.source_span[1]] == source
    assert p.derivative_span and der[p.derivative_span[0] : p.derivative_span[1]] == derivative
    assert not [f for f in c.findings if f.type == "number_changed"]


def test_the_same_figure_without_the_same_content_words_is_not_paired() -> None:
    src = BEFORE_S + "The project has cost the council £12 million so far." + AFTER_S
    der = BEFORE_D + "A striker was sold by the club for £12m in the summer." + AFTER_D
    assert not [p for p in compare(src, der).passages if p.kind == "paraphrased"]
