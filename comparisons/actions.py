"""The writes made to comparisons (share links aside), each one action (`provenance.actions`).

A comparison's result is derived data, recomputed by the worker after an engine
upgrade: no audit entry for it; a person asking for a comparison is audited. Share
links are written by their own actions (`comparisons.share_actions`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from audit.log import Action, record
from comparisons import compare
from comparisons.models import Comparison
from provenance.actions import action

if TYPE_CHECKING:
    from documents.models import DocumentVersion


@action
def do_compare(
    actor: Any,
    source_version: DocumentVersion,
    derivative_version: DocumentVersion,
    *,
    origin: str = Comparison.Origin.MANUAL,
) -> Comparison:
    """Find or store the comparison of two versions; a short pair is computed now.

    A long pair is queued for the worker (the page or API polls). Raises
    ValidationError for a pair that cannot be compared.
    """
    comparison = compare.get_or_compute(source_version, derivative_version, actor, origin=origin)
    if getattr(actor, "is_authenticated", False):
        record(None, Action.COMPARISON_REQUESTED, comparison, actor=actor)
    return comparison


@action
def do_finish_comparison(actor: Any, comparison: Comparison) -> Comparison:
    """Compute, for a command that has no page to poll, a comparison still not done."""
    return compare.run_comparison(comparison)


@action
def do_retry_comparison(actor: Any, comparison: Comparison) -> Comparison:
    """Work out a comparison a page could only say is missing: failed, outdated or stuck.

    A queued run still on time is left alone.
    """
    if comparison.status == Comparison.Status.FAILED:
        return compare.retry(comparison)
    if not comparison.is_current:
        return compare.ensure_current(comparison)
    return comparison


@action
def do_resume_comparisons() -> dict[str, int]:
    """The start-up sweep (no actor): queue stale runs and results of an older engine."""
    return compare.resume()


@action
def do_setup_demo_comparisons() -> list[Comparison]:
    """Compute the demo's comparisons 001 → 000 and 001 → 002 (the setup_demo command)."""
    return compare.ensure_demo_comparisons()
