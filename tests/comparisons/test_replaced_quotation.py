"""A quotation replaced (001 → 000): one step with both sides, one finding, every fragment boxed."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client

from comparisons import render
from comparisons.models import Comparison
from comparisons.steps import side_passage
from provenance.engine import Comparison as EngineComparison
from provenance.engine import compare
from tests.engine.seeds import seed

ClientFor = Callable[[User], Client]


def test_the_step_through_shows_the_replaced_quotation_as_one_step(
    educator: User, client_for: ClientFor, demo_comparison: Comparison
) -> None:
    response = client_for(educator).get(demo_comparison.get_absolute_url(), {"view": "steps"})
    html = response.content.decode()
    steps = response.context["steps"]
    replaced = [s for s in steps if s.label == "Quotation replaced"]
    assert len(replaced) == 1
    step = replaced[0]
    # Neither quotation has a step of its own.
    assert [s for s in steps if s.index in (step.index, step.partner_index)] == [step]
    block = html[html.index(f'id="step-{step.number}"') :]
    block = block[: block.index("</div>\n  </div>") if "</div>\n  </div>" in block else None]
    assert 'data-label="Quotation replaced"' in block
    text = re.sub(r"<[^>]+>", "", block)
    assert "We must do everything we can" in text  # the source side: the Home Secretary
    assert "This is a positive step" in text  # the derivative side: the MP
    assert "Not in the source." not in text and "Not in the derivative." not in text


def test_the_findings_panel_lists_the_replacement_once(
    educator: User, client_for: ClientFor, demo_comparison: Comparison
) -> None:
    html = client_for(educator).get(demo_comparison.get_absolute_url()).content.decode()
    panel = html[html.index('id="findings-h"') :]
    panel = panel[: panel.index("</section>")]
    assert panel.count('<span class="flabel">quotation replaced</span>') == 1
    assert '<span class="flabel">quotation unsourced</span>' not in panel
    assert '<span class="flabel">attribution changed</span>' not in panel
    # Both quotations are a link away: the finding holds both spans.
    assert "In the source<span" in panel and "In the derivative<span" in panel


def test_every_fragment_of_a_grouped_finding_is_boxed() -> None:
    src, der = seed("001"), seed("002")
    result: EngineComparison = compare(src, der)
    grouped = next(i for i, f in enumerate(result.findings) if len(f.parts) > 1)
    html = render.side_html(der, result, "derivative")
    boxed = [
        m.start()
        for m in re.finditer(r'class="find[^"]*"[^>]* data-f="([^"]*)"', html)
        if str(grouped) in m.group(1).split()
    ]
    # Each fragment is boxed (a fragment may be cut in pieces by other marks).
    assert len(boxed) >= len(result.findings[grouped].parts) > 1


def test_presentation_mode_shows_the_replaced_quotation_as_one_slide_with_both_sides() -> None:
    source, derivative = seed("001"), seed("000")
    result = compare(source, derivative)
    replaced = [s for s in render.steps(result, source, derivative) if s.partner is not None]
    assert replaced
    step = replaced[0]
    src, der = side_passage(step, "source"), side_passage(step, "derivative")
    assert src is not None and der is not None
    assert src[0] != der[0]  # the omitted quotation on one side, the new one on the other


def test_side_by_side_and_inline_label_both_quotations_as_replaced() -> None:
    source, derivative = seed("001"), seed("000")
    result = compare(source, derivative)
    pair = result.replacements[0]
    for html in (
        render.side_html(source, result, "source"),
        render.side_html(derivative, result, "derivative"),
        render.inline_html(source, derivative, result),
    ):
        marks = re.findall(
            r'<mark class="([^"]*)"[^>]*data-p="(\d+)"[^>]*data-label="([^"]*)"', html
        )
        labelled = {int(p) for classes, p, label in marks if label == "Quotation replaced"}
        assert labelled & {pair.omitted, pair.added}, html[:200]
        assert all("k-replaced" in c for c, p, _ in marks if int(p) in labelled)
