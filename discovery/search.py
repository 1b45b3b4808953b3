"""Source discovery: rank candidates by shared fingerprints and terms, let the engine decide.

A query reads only the postings of the article's own gram hashes and distinctive
terms (boilerplate over the document-frequency cap skipped), so its cost grows
with the number of documents that share text with it, not with the corpus.
The top candidates in each direction (earlier documents as sources, later ones as
derivatives) are compared with the engine; a pair whose reuse share reaches
`DISCOVERY_THRESHOLD` is stored as a `Comparison` (origin "discovery"). Below it, a
text's one best candidate source is still stored when it reaches
`DISCOVERY_BEST_THRESHOLD` and shares more than every other candidate (see
`store_best_source`).
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from comparisons.analysis import analysis_for
from comparisons.models import Comparison
from discovery.index import (
    current_params,
    distinctive_terms,
    frequencies,
    gram_hashes,
    index_version,
    keyed_rows,
    state_for,
)
from discovery.models import Candidate, Fingerprint, IndexState, Status, TermPosting
from discovery.reports import discovery_status
from discovery.role_store import redecide
from documents.models import Document, DocumentVersion
from provenance import events
from provenance.engine import (
    ENGINE_VERSION,
    AnalysedText,
    compare,
    key_sequence,
    term_frequencies,
)
from provenance.engine import Comparison as EngineComparison

logger = logging.getLogger(__name__)

# Who is the likelier original when dates do not decide: releases before statements
# before articles.
RELEASE_KINDS = (Document.Kind.PRESS_RELEASE, Document.Kind.STATEMENT)
KIND_RANK: dict[str, int] = {
    Document.Kind.PRESS_RELEASE: 0,
    Document.Kind.STATEMENT: 1,
    Document.Kind.OTHER: 2,
    Document.Kind.ARTICLE: 3,
}
# How many ranked hits to read before filtering by date and document.
HIT_LIMIT = 50


@dataclass(frozen=True)
class Hit:
    version_id: int
    shared: int  # fingerprints shared with the query
    terms: int = 0  # distinctive terms of the version found in the query

    @property
    def score(self) -> float:
        return self.shared + settings.DISCOVERY_TERM_WEIGHT * self.terms


@dataclass
class Checked:
    """One candidate pair after the engine has looked at it."""

    source: DocumentVersion
    derivative: DocumentVersion
    shared: int
    reuse_share: float
    derivative_share: float
    source_share: float
    comparison: Comparison | None

    @property
    def accepted(self) -> bool:
        return self.comparison is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source_document": self.source.document_id,
            "source_version": self.source.pk,
            "derivative_document": self.derivative.document_id,
            "derivative_version": self.derivative.pk,
            "shared_fingerprints": self.shared,
            "reuse_share": round(self.reuse_share, 4),
            "derivative_share": round(self.derivative_share, 4),
            "source_share": round(self.source_share, 4),
            "accepted": self.accepted,
            "comparison": self.comparison.pk if self.comparison else None,
        }


@dataclass
class Report:
    version: DocumentVersion
    sources: list[Checked] = field(default_factory=list)
    derivatives: list[Checked] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.version.document_id,
            "version": self.version.pk,
            "threshold": settings.DISCOVERY_THRESHOLD,
            "sources": [c.to_dict() for c in self.sources],
            "derivatives": [c.to_dict() for c in self.derivatives],
        }


def reuse_share(result: EngineComparison) -> float:
    """How much of the derivative came from the source: wording plus paraphrase."""
    return result.stats.derivative_share + result.stats.paraphrased_share


def _order_key(document: Document) -> tuple[int, object, int]:
    published = document.published_at.timestamp() if document.published_at else float("inf")
    return (KIND_RANK.get(document.kind, 2), published, document.pk)


def can_source(source: Document, derivative: Document) -> bool:
    """Tell whether `source` may be a source of `derivative` (never both ways round).

    Dates decide when both documents have different ones; otherwise (same day,
    or a date missing) a release comes before an article, then the one published
    or added first.
    """
    if source.pk == derivative.pk:
        return False
    a: date | None = source.published_on
    b: date | None = derivative.published_on
    if a is not None and b is not None and a != b:
        return a < b
    return _order_key(source) < _order_key(derivative)


def grouped_counts(model: type[Fingerprint | TermPosting], hashes: set[int]) -> dict[int, int]:
    """Per version, how many of the hashes it holds: one grouped query."""
    sql, params = keyed_rows(
        model._meta.db_table, "t.version_id, COUNT(*)", hashes, tail="GROUP BY t.version_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return dict(cursor.fetchall())


def ranked_hits(hashes: set[int], exclude_version: int, limit: int = HIT_LIMIT) -> list[Hit]:
    """Versions sharing the most fingerprints with the hashes, best first."""
    if not hashes:
        return []
    counts = grouped_counts(Fingerprint, hashes)
    counts.pop(exclude_version, None)
    minimum = settings.DISCOVERY_MIN_SHARED
    ranked = sorted(
        (Hit(v, n) for v, n in counts.items() if n >= minimum),
        key=lambda hit: (-hit.shared, hit.version_id),
    )
    return ranked[:limit]


def rank(text: str | AnalysedText, exclude_version: int, limit: int = HIT_LIMIT) -> list[Hit]:
    """Versions most likely related to a text, best first, from both candidate sources.

    Three queries whatever the corpus size: the document frequencies of the text's
    terms (how rare each is, which are boilerplate over the cap), then one grouped
    count over the fingerprints of its grams and one over the postings of its most
    distinctive terms. A version qualifies with
    `DISCOVERY_MIN_SHARED` fingerprints or `DISCOVERY_MIN_TERMS` terms and scores
    shared fingerprints + `DISCOVERY_TERM_WEIGHT` × shared terms: exact reuse ranks
    first, and a paraphrase that keeps the names, figures and subject words of its
    source still gets a candidate for the engine to judge.
    """
    params = current_params()
    keys = text.tokens.keys if isinstance(text, AnalysedText) else key_sequence(text)
    grams = set(gram_hashes(keys, params.k))
    tf = term_frequencies(keys)
    # Fingerprints over the cap need no lookup: their postings were dropped when
    # they reached it (`capped_grams`, `cap_common`). Terms over it are skipped here,
    # and only terms some document holds (df > 0) can have postings.
    df = frequencies(tf)
    held = {h: n for h, n in tf.items() if df.get(h, 0) > 0}
    terms = set(distinctive_terms(Counter(held), df, settings.DISCOVERY_QUERY_TERMS))
    shared = grouped_counts(Fingerprint, grams) if grams else {}
    found = grouped_counts(TermPosting, terms) if terms else {}
    min_shared, min_terms = settings.DISCOVERY_MIN_SHARED, settings.DISCOVERY_MIN_TERMS
    hits = [
        Hit(v, shared.get(v, 0), found.get(v, 0))
        for v in shared.keys() | found.keys()
        if v != exclude_version and (shared.get(v, 0) >= min_shared or found.get(v, 0) >= min_terms)
    ]
    hits.sort(key=lambda hit: (-hit.score, -hit.shared, hit.version_id))
    return hits[:limit]


def candidates(version: DocumentVersion) -> tuple[list[Hit], list[Hit], dict[int, DocumentVersion]]:
    """Split the ranked hits into likely sources and likely derivatives of the version."""
    # Enough hits for the sources and every derivative that may be checked.
    limit = HIT_LIMIT + settings.DISCOVERY_TOP_DERIVATIVES
    hits = rank(analysis_for(version), version.pk, limit)
    versions = {
        v.pk: v
        for v in DocumentVersion.objects.filter(
            pk__in=[h.version_id for h in hits],
            document__current_version=F("pk"),
            document__archived_at__isnull=True,
        ).select_related("document")
    }
    top, top_releases = settings.DISCOVERY_TOP_CANDIDATES, settings.DISCOVERY_TOP_RELEASES
    sources: list[Hit] = []
    derivatives: list[Hit] = []
    releases = 0
    for hit in hits:
        other = versions.get(hit.version_id)
        if other is None or other.document_id == version.document_id:
            continue
        if can_source(other.document, version.document):
            is_release = other.document.kind in RELEASE_KINDS
            if len(sources) < top or (is_release and releases < top_releases):
                sources.append(hit)
                releases += is_release
        elif len(derivatives) < settings.DISCOVERY_TOP_DERIVATIVES:
            derivatives.append(hit)
    return sources, derivatives, versions


def check_pair(source: DocumentVersion, derivative: DocumentVersion, shared: int) -> Checked:
    """Compare a candidate pair with the engine (unless already decided) and keep the verdict."""
    known = (
        Candidate.objects.filter(
            source_version=source, derivative_version=derivative, engine_version=ENGINE_VERSION
        )
        .select_related("comparison")
        .first()
    )
    if known is not None:
        return Checked(
            source,
            derivative,
            shared,
            known.reuse_share,
            known.derivative_share,
            known.source_share,
            known.comparison,
        )
    result = compare(analysis_for(source), analysis_for(derivative))
    share = reuse_share(result)
    comparison = None
    with transaction.atomic():
        if share >= settings.DISCOVERY_THRESHOLD:
            comparison = store_comparison(source, derivative, result)
        Candidate.objects.update_or_create(
            source_version=source,
            derivative_version=derivative,
            defaults={
                "shared": shared,
                "reuse_share": share,
                "derivative_share": result.stats.derivative_share,
                "source_share": result.stats.source_share,
                "engine_version": result.engine_version,
                "comparison": comparison,
                "checked_at": timezone.now(),
            },
        )
    return Checked(
        source,
        derivative,
        shared,
        share,
        result.stats.derivative_share,
        result.stats.source_share,
        comparison,
    )


def store_comparison(
    source: DocumentVersion, derivative: DocumentVersion, result: EngineComparison
) -> Comparison:
    """Save the engine's result as the pair's Comparison (reusing a manual one if it exists)."""
    comparison, _ = Comparison.objects.get_or_create(
        source_version=source,
        derivative_version=derivative,
        defaults={"origin": Comparison.Origin.DISCOVERY},
    )
    if not comparison.is_current:
        comparison.save(update_fields=comparison.store(result))
        events.emit(events.comparison_done, events.comparison_done_payload(comparison))
    return comparison


def discover(version: DocumentVersion) -> Report:
    """Find the version's sources and derivatives among documents sharing fingerprints.

    The version must be indexed first (see `find_sources`). Pairs that cannot be
    compared (an empty text) are skipped.
    """
    sources, derivatives, versions = candidates(version)
    report = Report(version)
    for hit in sources:
        checked = _check(versions[hit.version_id], version, hit.shared)
        if checked:
            report.sources.append(checked)
    for hit in derivatives:
        checked = _check(version, versions[hit.version_id], hit.shared)
        if checked:
            report.derivatives.append(checked)
    _mark_best(report.sources, store_best_source(version))
    for checked in report.derivatives:
        _mark_best([checked], store_best_source(checked.derivative))
    report.sources.sort(key=lambda c: -c.reuse_share)
    report.derivatives.sort(key=lambda c: -c.reuse_share)
    # Roles follow the comparisons: this text's own, and those of every later text
    # that may now have a better source or an origin it lacked.
    # Every later text compared with this one counts, archived or compared by hand too:
    # pages hide what a viewer may not see, but the roles must be there for admins.
    later = Document.objects.filter(
        current_version__comparisons_as_derivative__source_version=version
    ).distinct()
    redecide([version.document, *(c.derivative.document for c in report.derivatives), *later])
    return report


def store_best_source(derivative: DocumentVersion) -> Comparison | None:
    """Store the derivative's best candidate source when it falls short of the threshold.

    News stories rewrite their releases heavily: on the real corpus the engine finds
    less than `DISCOVERY_THRESHOLD` of reuse for about a third of true pairs, while a
    wrong release rarely beats the true one. So below the threshold the one candidate
    with the highest reuse share is kept if it reaches `DISCOVERY_BEST_THRESHOLD` and
    shares strictly more than the runner-up. Returns the comparison stored, if any.
    """
    floor = settings.DISCOVERY_BEST_THRESHOLD
    if floor >= settings.DISCOVERY_THRESHOLD:
        return None
    checked = Candidate.objects.filter(
        derivative_version=derivative,
        engine_version=ENGINE_VERSION,
        source_version__document__current_version=F("source_version"),
        source_version__document__archived_at__isnull=True,
    ).select_related("source_version")
    # A release outranks an article for the same text: the best release is looked for
    # first, among releases only, so a sibling story sharing more cannot hide it.
    releases = checked.filter(source_version__document__kind__in=RELEASE_KINDS)
    # One floor for every kind: a comparison stored below it would be one that no page,
    # export or role ever reads (`reuse_edges`). Showing release claims from 0.05 instead
    # would give about 3% of held-out real stories a wrong origin, against 1% (bench/).
    stored = _store_best(derivative, releases, floor, settings.DISCOVERY_BEST_RELEASE_MARGIN)
    if stored is None and not releases.filter(comparison__isnull=False).exists():
        stored = _store_best(derivative, checked, floor)
    return stored


def _store_best(
    derivative: DocumentVersion, pool: QuerySet[Candidate], floor: float, margin: float = 1.0
) -> Comparison | None:
    """Store the pool's best candidate if it reaches `floor` and beats the next by `margin`."""
    top = list(pool.order_by("-reuse_share", "source_version_id")[:2])
    if not top:
        return None
    best = top[0]
    if best.comparison_id is not None or best.reuse_share < floor:
        return None
    if len(top) > 1 and top[1].reuse_share * margin >= best.reuse_share:
        return None  # too close to call: name no source
    if len(top) == 1 and best.reuse_share < settings.DISCOVERY_BEST_THRESHOLD:
        return None  # below the general floor only a clear lead over a rival counts
    result = compare(analysis_for(best.source_version), analysis_for(derivative))
    with transaction.atomic():
        comparison = store_comparison(best.source_version, derivative, result)
        Candidate.objects.filter(pk=best.pk).update(comparison=comparison)
    return comparison


def _mark_best(checked: list[Checked], comparison: Comparison | None) -> None:
    """Show a comparison stored by `store_best_source` on its entry in the report."""
    if comparison is None:
        return
    for entry in checked:
        if (entry.source.pk, entry.derivative.pk) == (
            comparison.source_version_id,
            comparison.derivative_version_id,
        ):
            entry.comparison = comparison


def _check(source: DocumentVersion, derivative: DocumentVersion, shared: int) -> Checked | None:
    if not source.text.strip() or not derivative.text.strip():
        return None
    try:
        return check_pair(source, derivative, shared)
    except ValueError:
        logger.warning("Engine refused %s → %s", source.pk, derivative.pk, exc_info=True)
        return None


def find_sources(document: Document) -> Report:
    """Index the document's current version if needed, then run discovery on it now."""
    version = document.current_version
    if version is None:
        raise ValueError("This document has no text yet.")
    state = state_for(version)
    if state.index_status != Status.DONE:
        index_version(version)
    report = discover(version)
    IndexState.objects.filter(version=version).update(
        discovery_status=Status.DONE, discovered_at=timezone.now(), updated_at=timezone.now()
    )
    return report


def ensure_discovered(document: Document) -> str:
    """Run discovery now for a document whose discovery is pending or failed; the new status.

    A write: for a command or a POST, never a GET (a page says "being worked out" and
    the worker does it). A failure is recorded on the state row, as the worker's are.
    """
    status = discovery_status(document)
    if status not in ("queued", "failed"):
        return status
    try:
        find_sources(document)
    except Exception as exc:  # the page must still render, saying what happened
        logger.exception("On-demand discovery of document %s failed", document.pk)
        IndexState.objects.filter(version_id=document.current_version_id).update(
            discovery_status=Status.FAILED, error=f"{type(exc).__name__}: {exc}"
        )
    return discovery_status(document)
