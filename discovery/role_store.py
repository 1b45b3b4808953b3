"""The roles kept: build the rule's input from stored comparisons, store its decisions.

`redecide` stores each article's roles as `SourceRelation` rows and passes a change
on to the articles that took from it; pages read them through `discovery.reports`.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from comparisons.analysis import analysis_for
from comparisons.models import Comparison
from discovery.chains import Intervals, length, merge, subtract
from discovery.index import distinctive_terms, frequencies
from discovery.models import IndexState, Role, SourceRelation, Status, TermPosting
from discovery.relations import reuse_edges
from discovery.role_reasons import explain, label
from discovery.role_rule import (
    COPIED_KINDS,
    RELEASE_KINDS,
    TAKEN_KINDS,
    Candidate,
    Decision,
    ReportsCandidate,
    comparison_spans,
    decide,
    decide_reports,
)
from discovery.shared_content import Evidence, Item, Weights, evidence_of, match, term_of
from documents.models import Document
from provenance.engine import WORDING_KINDS, compare, key_sequence, term_frequencies

# Articles a change passes on to after one discovery run, at most, beyond the ones the
# run itself compared (which are always re-decided).
MAX_CASCADE = 500


def candidates_for(article: Document) -> list[Candidate]:
    """The article's stored comparisons with current, live sources, as rule input."""
    if article.current_version_id is None:
        return []
    rows = reuse_edges().filter(
        derivative_version_id=article.current_version_id,
        source_version__document__archived_at__isnull=True,
        source_version__document__current_version=F("source_version"),
    )
    found = []
    upstream = _upstream({c.source_version.document_id for c in rows})
    for c in rows:
        source = c.source_version.document
        up = upstream.get(source.pk, Upstream())
        wording, carried = comparison_spans(c, WORDING_KINDS), list[tuple[int, int]]()
        if source.kind not in RELEASE_KINDS:
            wording, carried = _own_wording(c, up.inherited)
        taken = comparison_spans(c, TAKEN_KINDS)
        found.append(Candidate(source, c, wording, taken, up.origin, up.ids, carried))
    return found


def _own_wording(comparison: Comparison, inherited: Intervals) -> tuple[Intervals, Intervals]:
    """Split the article's text from this source: what the source wrote, what it passed on.

    Material an earlier article took from its own sources is theirs, not its: two
    stories reprinting one release sentence share it through the release, even when
    the release's own comparison with the later story fell below the threshold. The
    first list is the wording the source wrote itself; the second, everything the
    article has from it that the source took from its own sources (the chain's text).
    """
    own, carried = [], []
    for p in comparison.engine_result.passages:
        if p.kind not in TAKEN_KINDS or not p.derivative_span or not p.source_span:
            continue
        start, end = p.source_span
        borrowed = length(subtract([(start, end)], subtract([(start, end)], inherited)))
        if borrowed >= (end - start) / 2:
            carried.append(p.derivative_span)
        elif p.kind in COPIED_KINDS:
            own.append(p.derivative_span)
    return merge(own), merge(carried)


@dataclass
class Upstream:
    """What a candidate source itself took, as stored: origin, sources, and its spans from them."""

    origin: Document | None = None
    ids: frozenset[int] = frozenset()
    inherited: Intervals = field(default_factory=list)


def _upstream(ids: set[int]) -> dict[int, Upstream]:
    """For each document, its stored origin, the ids it took text from and the spans it took.

    One query for all the article's candidate sources.
    """
    rows = (
        SourceRelation.objects.filter(article_id__in=ids)
        .takes_from()
        .select_related("other", "comparison")
    )
    origin: dict[int, Document] = {}
    took: dict[int, set[int]] = {i: set() for i in ids}
    spans: dict[int, Intervals] = {i: [] for i in ids}
    for r in rows:
        took[r.article_id].add(r.other_id)
        if r.role == Role.ORIGIN:
            origin[r.article_id] = r.other
        if r.comparison is not None:
            spans[r.article_id].extend(comparison_spans(r.comparison, TAKEN_KINDS))
    return {i: Upstream(origin.get(i), frozenset(took[i]), merge(spans[i])) for i in ids}


@transaction.atomic
def redecide_one(article: Document) -> bool:
    """Decide and store the article's roles; say whether its origin or direct sources changed."""
    found = candidates_for(article) if article.text else []
    decisions = explain(decide(article, found), article) if found else []
    reported = reports_decision(article, decisions) if article.text else None
    if reported is not None:
        decisions = [d for d in decisions if d.document.pk != reported.document.pk]
        decisions.insert(0, reported)
    old = {r.other_id: r for r in SourceRelation.objects.filter(article=article)}
    size = max(len(article.text), 1)
    now = timezone.now()
    took_before = {pk for pk, r in old.items() if r.role in (Role.ORIGIN, Role.DIRECT) or r.direct}
    took_now = {d.document.pk for d in decisions if d.role == Role.ORIGIN or d.direct}
    replacement = next((d.document for d in decisions if d.role == Role.ORIGIN), None) or next(
        (d.document for d in decisions if d.direct), None
    )
    keep = set()
    for d in decisions:
        keep.add(d.document.pk)
        c = d.candidate
        values: dict[str, Any] = {
            "role": d.role,
            "direct": d.direct,
            "comparison": c.comparison if c else None,
            "via": d.via,
            "derivative_share": (c.comparison.derivative_share or 0.0) if c else 0.0,
            "paraphrased_share": (c.comparison.paraphrased_share or 0.0) if c else 0.0,
            "source_share": (c.comparison.source_share or 0.0) if c else 0.0,
            "unique_share": length(d.unique) / size,
            "weak": c.weak if c and d.role != Role.REPORTS else False,
            "reason": d.reason,
            "decided_at": now,
        }
        before = old.get(d.document.pk)
        if before is not None and d.document.pk in took_before - took_now:
            # A source that lost its place stays visible, saying when and why.
            values["role"] = Role.RELATED
            values["previous_role"] = Role.DIRECT if before.direct else before.role
            values["changed_at"] = now
            was = Role(values["previous_role"]).label
            values["change_reason"] = f"was the {was} until {now:%-d %b %Y}; " + (
                f"{label(replacement)} now explains the same text"
                if replacement is not None
                else "its text no longer explains this one"
            )
        elif before is not None and before.changed_at and d.role == Role.RELATED:
            values["previous_role"] = before.previous_role
            values["changed_at"] = before.changed_at
            values["change_reason"] = before.change_reason
        else:
            values.update(previous_role="", changed_at=None, change_reason="")
        SourceRelation.objects.update_or_create(article=article, other=d.document, defaults=values)
    for pk, r in old.items():
        if pk not in keep:
            if r.role in (Role.ORIGIN, Role.DIRECT) and replacement is not None:
                # The comparison went (archived or re-compared); keep the trace as related.
                r.role, r.previous_role, r.changed_at = Role.RELATED, r.role, now
                r.direct = False
                r.change_reason = f"was the {Role(r.previous_role).label} until {now:%-d %b %Y}"
                r.save()
            else:
                r.delete()
    return took_before != took_now or _origin_id(old) != _origin_id_decisions(decisions)


# How many releases, ranked by shared distinctive terms, are scored for `reports`, and
# the terms one must share. One term is enough: the runner-up matters as much as the
# best (the rule asks for a lead over it), and a stricter search that missed it would
# make weak leads look clear (bench/reports_real.py, same operating point otherwise:
# 1.5% of held-out stories named at three terms, 0.7% at one).
REPORTS_HITS = 50
REPORTS_MIN_TERMS = 1


def reports_decision(article: Document, decisions: list[Decision]) -> Decision | None:
    """The `reports` decision for an article that took no text from anything, if any.

    Scores the releases sharing most of its distinctive terms by the names, figures
    and subject words they share, lets the rule choose,
    and stores the pair's comparison so its page and claim findings exist.
    """
    if article.kind in RELEASE_KINDS or article.current_version is None:
        return None
    if any(d.role == Role.ORIGIN or d.direct for d in decisions):
        return None
    releases = _candidate_releases(article)
    story = evidence_of(article.text)
    texts = {r.pk: _release_evidence(r) for r in releases}
    df = _frequencies(story, texts.values())
    weights = Weights(
        documents=IndexState.objects.filter(index_status=Status.DONE).count(),
        min_weight=settings.DISCOVERY_REPORTS_MIN_WEIGHT,
        max_term_df=settings.DISCOVERY_REPORTS_MAX_TERM_DF,
        item_factor=settings.DISCOVERY_REPORTS_ITEM_FACTOR,
    )
    scored = [
        ReportsCandidate(r, match(story, texts[r.pk], lambda h: df.get(h, 0), weights))
        for r in releases
    ]
    chosen = decide_reports(article, decisions, scored)
    if chosen is None:
        return None
    comparison = _store_reports_comparison(chosen.document, article)
    d = Decision(
        Candidate(chosen.document, comparison, [], []),
        chosen.document,
        Role.REPORTS,
        shared=chosen.match.shared,
    )
    return explain([d], article)[0]


# Versions never change, so a release's evidence is read once per process (tens of ms
# a text; a cascade re-decides hundreds of articles against the same few releases).
_EVIDENCE: OrderedDict[tuple[int, str], Evidence] = OrderedDict()
EVIDENCE_CACHE = 2000


def _release_evidence(release: Document) -> Evidence:
    version = release.current_version
    # The text's digest too: a test database hands the same id to another text.
    key = (version.pk, version.text_sha256) if version is not None else (0, "")
    found = _EVIDENCE.get(key)
    if found is None:
        found = _EVIDENCE[key] = evidence_of(release.text)
        if len(_EVIDENCE) > EVIDENCE_CACHE:
            _EVIDENCE.popitem(last=False)
    return found


def _candidate_releases(article: Document) -> list[Document]:
    """The live press releases holding the most of the article's distinctive terms.

    A story that copies nothing shares no fingerprints with its release, so the term
    postings alone find it: one grouped query over the article's rarest terms.
    """
    tf = term_frequencies(key_sequence(article.text))
    df = frequencies(tf)
    # Only terms some document holds can have postings (as discovery's search reads them).
    held = Counter({h: n for h, n in tf.items() if df.get(h, 0) > 0})
    terms = distinctive_terms(held, df, settings.DISCOVERY_QUERY_TERMS)
    if not terms:
        return []
    counts = (
        TermPosting.objects.filter(
            hash__in=terms,
            version__document__kind=Document.Kind.PRESS_RELEASE,
            version__document__current_version=F("version"),
            version__document__archived_at__isnull=True,
        )
        .values("version")
        .annotate(n=Count("hash"))
        .filter(n__gte=REPORTS_MIN_TERMS)
        .order_by("-n", "version")[:REPORTS_HITS]
    )
    versions = [row["version"] for row in counts]
    return list(
        Document.objects.filter(current_version_id__in=versions).select_related("current_version")
    )


def _frequencies(story: Evidence, releases: Iterable[Evidence]) -> dict[int, int]:
    """Document frequencies of every term and item word the texts hold: one query."""
    wanted: set[int] = set(story.terms)
    items: list[Item] = list(story.items.values())
    for r in releases:
        wanted |= r.terms
        items.extend(r.items.values())
    wanted |= {term_of(i) for i in items}
    return frequencies(wanted)


def _store_reports_comparison(release: Document, article: Document) -> Comparison:
    """The pair's comparison (the engine's claim findings need no aligned text), kept current."""
    assert release.current_version is not None and article.current_version is not None
    comparison, _ = Comparison.objects.get_or_create(
        source_version=release.current_version,
        derivative_version=article.current_version,
        defaults={"origin": Comparison.Origin.DISCOVERY},
    )
    if not comparison.is_current:
        result = compare(
            analysis_for(release.current_version), analysis_for(article.current_version)
        )
        comparison.save(update_fields=comparison.store(result))
    return comparison


def _origin_id(rows: dict[int, SourceRelation]) -> int | None:
    return next((pk for pk, r in rows.items() if r.role == Role.ORIGIN), None)


def _origin_id_decisions(decisions: list[Decision]) -> int | None:
    return next((d.document.pk for d in decisions if d.role == Role.ORIGIN), None)


def redecide(documents: Iterable[Document]) -> int:
    """Re-decide the roles of the documents, then of every article that took from a changed one.

    Earlier documents first, so a source's own origin is stored before the articles
    that inherit it. Returns how many articles were decided.
    """
    queue = sorted(set(documents), key=lambda d: (d.published_on or date.max, d.pk))
    first = {d.pk for d in queue}
    done: set[int] = set()
    while queue:
        document = queue.pop(0)
        if document.pk not in first and len(done) >= len(first) + MAX_CASCADE:
            continue  # the rest keep their roles until a later run reaches them
        if document.pk in done:
            continue
        done.add(document.pk)
        if redecide_one(document):
            takers = Document.objects.filter(
                Q(source_relations__other=document)
                & (
                    Q(source_relations__role__in=[Role.ORIGIN, Role.DIRECT])
                    | Q(source_relations__direct=True)
                )
            ).distinct()
            queue.extend(t for t in takers if t.pk not in done)
            queue.sort(key=lambda d: (d.published_on or date.max, d.pk))
    return len(done)
