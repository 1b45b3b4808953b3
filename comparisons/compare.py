"""The comparison workflow: find or compute the stored comparison of two document versions.

`get_or_compute` is the one entry point for pages, commands and discovery. A
stored result is reused while the engine version that made it is still the
running one; otherwise it is recomputed. Small pairs are computed during the
request; pairs above `COMPARE_INLINE_MAX_WORDS` go to the background task
`compute_comparison`, and the page polls `status`/`progress` until it is done.
A queued or running comparison older than `JOB_STALE_AFTER_SECONDS` lost its
worker (or never had one); the next `ensure_current` (or `resume_work`) starts it
again, through the claims of `provenance.jobs`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from comparisons.analysis import analysis_for
from comparisons.models import Comparison
from provenance import events
from provenance.actions import worker_step
from provenance.engine import ENGINE_VERSION, compare

if TYPE_CHECKING:
    from documents.models import DocumentVersion

logger = logging.getLogger(__name__)

DEFAULT_INLINE_MAX_WORDS = 20_000


def inline_max_words() -> int:
    return int(getattr(settings, "COMPARE_INLINE_MAX_WORDS", DEFAULT_INLINE_MAX_WORDS))


def pair_words(source_version: DocumentVersion, derivative_version: DocumentVersion) -> int:
    return len(source_version.text.split()) + len(derivative_version.text.split())


def check_pair(source_version: DocumentVersion, derivative_version: DocumentVersion) -> None:
    """Raise ValidationError unless the two versions make a comparison worth storing."""
    if source_version.document_id == derivative_version.document_id:
        raise ValidationError("Pick two different documents: a source and a derivative.")
    for role, version in (("source", source_version), ("derivative", derivative_version)):
        if not version.text.strip():
            raise ValidationError(f"The {role} has no text to compare.")


def get_or_compute(
    source_version: DocumentVersion,
    derivative_version: DocumentVersion,
    user: Any = None,
    *,
    origin: str = Comparison.Origin.MANUAL,
) -> Comparison:
    """Return the comparison of the two versions, computing it if it is missing or stale.

    The returned comparison is done, or pending/running in the background when the
    pair is long. Raises ValidationError for a pair that cannot be compared.
    """
    check_pair(source_version, derivative_version)
    with transaction.atomic():
        comparison, _created = Comparison.objects.get_or_create(
            source_version=source_version,
            derivative_version=derivative_version,
            defaults={
                "created_by": user if user is not None and user.is_authenticated else None,
                "origin": origin,
            },
        )
    return ensure_current(comparison)


def ensure_current(comparison: Comparison) -> Comparison:
    """Recompute a comparison that is not done, was made by another engine version, or went stale.

    A queued or running comparison is left to its background run unless that run is
    older than the stale limit (see `Comparison.is_stale_run`).
    """
    if comparison.is_current:
        return comparison
    if comparison.is_in_flight:
        if not comparison.is_stale_run():
            return comparison  # the background run will finish it; the page polls
        if not _claim_stale(comparison):
            # Another request restarted it first, or the worker moved on: show the row as it is.
            comparison.refresh_from_db()
            return comparison
    words = pair_words(comparison.source_version, comparison.derivative_version)
    if words <= inline_max_words():
        run_comparison(comparison)
        return comparison
    _enqueue(comparison)
    return comparison


def _claim_stale(comparison: Comparison) -> bool:
    """Take over a stale run; return False if someone else changed the row first.

    The update only matches the row as this request saw it, so of two requests that find
    the same stale run at once only one restarts it, and a worker that has just started
    (it sets a new `started_at`) is left alone.
    """
    seen = comparison.started_at
    if not Comparison.objects.claim_stale(comparison.pk, seen):
        return False
    logger.warning(
        "Comparison %s was %s since %s with no result; its worker seems to have stopped, "
        "so it is being computed again",
        comparison.pk,
        comparison.status,
        seen or "an unknown time",
    )
    comparison.refresh_from_db(fields=["started_at"])
    return True


def resume() -> dict[str, int]:
    """Queue again every comparison whose worker stopped, or that an older engine made.

    Run at start-up (`resume_work`), so after an engine upgrade the worker redoes the
    stored results; the pages only read, and say the comparison is being worked out.
    """
    restarted = 0
    for comparison in Comparison.objects.stale().with_documents():
        if _claim_stale(comparison):
            _enqueue(comparison)
            restarted += 1
    done = Comparison.objects.filter(status=Comparison.Status.DONE).with_documents()
    outdated = list(done.exclude(engine_version=ENGINE_VERSION))
    for comparison in outdated:
        _enqueue(comparison)
    return {"comparisons": restarted + len(outdated)}


def _enqueue(comparison: Comparison) -> None:
    comparison.status = Comparison.Status.PENDING
    # progress 1 marks "queued" so a page reload does not queue it twice.
    comparison.progress = 1
    comparison.error = ""
    # started_at dates the queued run, so a task lost with its worker is noticed and re-queued.
    comparison.started_at = timezone.now()
    comparison.save(update_fields=["status", "progress", "error", "started_at"])
    compute_comparison.enqueue(comparison.pk)
    comparison.refresh_from_db()


def run_comparison(comparison: Comparison) -> Comparison:
    """Run the engine on the comparison's two texts and store the result (or the failure)."""
    comparison.status = Comparison.Status.RUNNING
    comparison.progress = max(comparison.progress, 5)
    # A fresh start time: the run is judged stale from when it began, not when it was queued.
    comparison.started_at = timezone.now()
    comparison.save(update_fields=["status", "progress", "started_at"])
    try:
        source = analysis_for(comparison.source_version, name="source")
        derivative = analysis_for(comparison.derivative_version, name="derivative")
        result = compare(source, derivative)
    except ValueError as exc:
        # The engine rejects input it cannot read (e.g. binary or empty text) with ValueError.
        return _fail(comparison, f"These texts cannot be compared: {exc}")
    except Exception:
        logger.exception("Comparison %s failed", comparison.pk)
        return _fail(comparison, "The comparison failed unexpectedly. Try again later.")
    fields = comparison.store(result)
    comparison.save(update_fields=fields)
    events.emit(events.comparison_done, events.comparison_done_payload(comparison))
    return comparison


def run_comparison_by_id(comparison_id: int) -> None:
    """Background entry point: compute one stored comparison if it still needs it."""
    comparison = Comparison.objects.with_documents().filter(pk=comparison_id).first()
    if comparison is None or comparison.is_current:
        return
    run_comparison(comparison)


@task()
@worker_step
def compute_comparison(comparison_id: int) -> None:
    """Compute a stored comparison that was too long to compute during the request.

    The task sits beside the workflow it runs, so queueing it imports nothing that
    imports this module back (`comparisons.tasks` only names it for older queue rows).
    """
    run_comparison_by_id(comparison_id)


def _fail(comparison: Comparison, message: str) -> Comparison:
    comparison.status = Comparison.Status.FAILED
    comparison.error = message
    comparison.progress = 0
    comparison.save(update_fields=["status", "error", "progress"])
    return comparison


def retry(comparison: Comparison) -> Comparison:
    """Run a failed comparison again."""
    comparison.status = Comparison.Status.PENDING
    comparison.progress = 0
    comparison.save(update_fields=["status", "progress"])
    return ensure_current(comparison)


def ensure_demo_comparisons() -> list[Comparison]:
    """Compute the demo comparisons 001 → 000 and 001 → 002 if the demo documents exist."""
    from documents.models import Document

    pairs = (("001", "000"), ("001", "002"))
    made = []
    for source_prefix, derivative_prefix in pairs:
        source = demo_document(Document, source_prefix)
        derivative = demo_document(Document, derivative_prefix)
        if source is None or derivative is None:
            logger.warning("Demo documents %s/%s not loaded", source_prefix, derivative_prefix)
            continue
        made.append(get_or_compute(source.current_version, derivative.current_version))
    return made


def demo_document(document_model: Any, prefix: str) -> Any:
    """Find a demo seed by its file-name prefix (e.g. "001"), via its version's file name."""
    return (
        document_model.objects.filter(
            current_version__original_name__startswith=f"{prefix}_",
        )
        .select_related("current_version")
        .first()
    )
