"""Claim findings show on the comparison page with plain labels and their reasons."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from comparisons.compare import get_or_compute
from comparisons.templatetags.diff import finding_label
from tests.conftest import make_document

ClientFor = Callable[[User], Client]

RELEASE = (
    "Researchers at the University of Northbridge followed 40,000 adults for twelve years.\n\n"
    "A diet rich in blueberries improved memory in mice, the researchers report.\n\n"
    "Eating more fibre is linked to a lower risk of bowel cancer, the team found.\n\n"
    "The study was published in the Journal of Public Nutrition on Tuesday."
)
STORY = (
    "Researchers at the University of Northbridge followed 40,000 adults for twelve years.\n\n"
    "A diet rich in blueberries improves memory in older people, the researchers report.\n\n"
    "Eating more fibre cuts the risk of bowel cancer, the team found, so you should eat more.\n\n"
    "The study was published in the Journal of Public Nutrition on Tuesday."
)


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        ("claim_strengthened", "stated more strongly"),
        ("claim_weakened", "stated more cautiously"),
        ("subjects_generalised", "animal or cell study told about people"),
        ("advice_added", "advice added"),
    ],
)
def test_claim_findings_have_plain_labels(kind: str, label: str) -> None:
    assert finding_label(kind) == label


def test_the_findings_panel_shows_claim_findings_in_plain_words(
    educator: User, client_for: ClientFor, db: None
) -> None:
    release = make_document("Fibre release", RELEASE, kind="press_release")
    story = make_document("Fibre story", STORY)
    comparison = get_or_compute(release.current_version, story.current_version)
    html = client_for(educator).get(comparison.get_absolute_url()).content.decode()
    panel = html[html.index('id="findings-h"') :]
    panel = panel[: panel.index("</section>")]
    assert '<span class="flabel">stated more strongly</span>' in panel
    assert '<span class="flabel">animal or cell study told about people</span>' in panel
    assert '<span class="flabel">advice added</span>' in panel
    assert "The release says “linked to”; the article says “cuts”." in panel


def test_the_handout_asks_about_claim_findings(db: None) -> None:
    from comparisons import handout

    release = make_document("Fibre release", RELEASE, kind="press_release")
    story = make_document("Fibre story", STORY)
    comparison = get_or_compute(release.current_version, story.current_version)
    questions = " ".join(handout.default_questions(comparison.engine_result))
    assert "animals or cells" in questions
    assert "more strongly than the release" in questions
