"""One origin rule, pure, for discovery and the article checks (no database)."""

from __future__ import annotations

from typing import Any

from checks.workflow import Found, best_source
from discovery.role_rule import origin_among
from documents.models import Document, DocumentVersion


def test_the_origin_is_the_first_press_release_in_rank_order() -> None:
    ranked = [("story", "article"), ("statement", "statement"), ("release", "press_release")]
    assert origin_among(ranked, lambda item: item[1]) == ("release", "press_release")
    assert origin_among(ranked[:2], lambda item: item[1]) is None


def _found(pk: int, kind: str, share: float) -> Found:
    document = Document(pk=pk, title=f"doc {pk}", kind=kind)
    version = DocumentVersion(pk=pk, document=document, text="text")
    result: Any = None  # best_source reads only the kind and the shares
    return Found(version, share, 0.0, share, result)


def test_a_check_compares_with_the_origin_discovery_would_name() -> None:
    # The article copies a story (90%) that copied a release (60%): discovery names the
    # release the origin, and the check compares with it; with no release, the strongest.
    story, statement, release = (
        _found(1, "article", 0.9),
        _found(2, "statement", 0.7),
        _found(3, "press_release", 0.6),
    )
    best = best_source([story, statement, release])
    assert best is not None and best.version.pk == 3
    no_release = best_source([story, statement])
    assert no_release is not None and no_release.version.pk == 1
    assert best_source([]) is None
