"""Turn an engine result into escaped HTML for the comparison pages.

The engine returns spans into the two texts; this package cuts the texts at
those spans and wraps each piece in an element that says what it is
(`<mark class="p k-altered" data-p="3">`, `<ins>`, `<del>`). Every character of
document text passes through `html.escape`, so a document that contains
markup shows it as text. HTML is built with string joins rather than template
loops because a 20,000-word pair has tens of thousands of pieces.

The side-by-side columns keep every character of their text, in order, so the
text content of a column equals the document text: annotations can map a
selection back to character offsets. Passage labels come from CSS generated
content (`data-label`) for the same reason. Where the text content is not one
document's text (the redline interleaves both; "differences only" folds text
away), each piece of text is a run, `<span class="r" data-side="s|d"
data-start data-end>`, whose text is text[start:end] of that side.

The pieces, by what they do: `writer` escapes one text and marks its findings;
`passages` marks passages and their word edits and holds the reader's options;
`columns` is the side-by-side view (aligned rows, "differences only" folds), `findings_list`
the one rule for which findings lead and which fold, `redline` the
inline view, `stepthrough` the step-by-step view and `minimap_bar` the bar above
the texts. Callers import everything from `comparisons.render`.
"""

from __future__ import annotations

from comparisons.render.columns import Row, aligned_rows, row_spans, side_html
from comparisons.render.findings_list import FindingGroups, finding_groups
from comparisons.render.minimap_bar import MinimapCell, minimap, minimap_html
from comparisons.render.passages import (
    KIND_EXAMPLES,
    KIND_HELP,
    KINDS,
    UNCHANGED_KINDS,
    Options,
    finding_passages,
    is_change,
    kind_counts,
    passage_label,
)
from comparisons.render.redline import inline_html, source_text
from comparisons.render.stepthrough import Step, explain, step_side_html, steps, word_changes
from comparisons.render.writer import (
    FINDING_LABELS,
    Side,
    Span,
    paragraph_breaks,
    span_of,
    word_count,
)

__all__ = [
    "FINDING_LABELS",
    "KINDS",
    "KIND_EXAMPLES",
    "KIND_HELP",
    "UNCHANGED_KINDS",
    "FindingGroups",
    "MinimapCell",
    "Options",
    "Row",
    "Side",
    "Span",
    "Step",
    "aligned_rows",
    "explain",
    "finding_groups",
    "finding_passages",
    "inline_html",
    "is_change",
    "kind_counts",
    "minimap",
    "minimap_html",
    "paragraph_breaks",
    "passage_label",
    "row_spans",
    "side_html",
    "source_text",
    "span_of",
    "step_side_html",
    "steps",
    "word_changes",
    "word_count",
]
