"""A release and a story of our own whose only difference is how strongly they state a claim."""

from __future__ import annotations

from comparisons.compare import get_or_compute
from comparisons.models import Comparison
from tests.conftest import make_document

RELEASE = "Eating more fibre is linked to a lower risk of heart disease, researchers found."
STORY = "Eating more fibre cuts your risk of heart disease."
REASON = "The release says “linked to”; the article says “cuts”."


def fibre_comparison() -> Comparison:
    """Store the pair and compare it through the real workflow (short texts run inline)."""
    release = make_document("Fibre release", RELEASE, kind="press_release")
    story = make_document("Fibre story", STORY)
    assert release.current_version is not None and story.current_version is not None
    return get_or_compute(release.current_version, story.current_version)
