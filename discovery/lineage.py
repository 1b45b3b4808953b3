"""Provenance roles: what each stored source is to an article, decided and kept.

Discovery stores comparisons; this module reads an article's comparisons with earlier
documents and gives each of those documents one role (the rule, with worked examples,
is in docs/architecture.md, "Provenance roles"):

- **direct source**: the article took text from it that nothing ranked before it
  explains. Releases are ranked first (a release outranks an article for the same
  text), then by how much of the article each explains. An article counts only for
  *wording* it alone supplies (a reprinted sentence, a syndicated story), never for
  paraphrase, which two stories rewriting one release produce on their own.
- **origin**: the press release at the root of the article's chain: a direct
  source that is a release, or the origin of the direct source it took most from.
- **sibling**: shares text with the article only through a common source.
- **related**: below the threshold, or a former source that a better one replaced
  (kept, with when and why it changed).

`redecide` stores the roles as `SourceRelation` rows; pages, exports and the
`find_sources` command read them through `sources_report`, `origins_for` and
`graph_edges`, filtered by the viewer's visibility.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from comparisons.models import Comparison
from discovery.chains import Intervals, length, merge, subtract
from discovery.models import IndexState, Role, SourceRelation, Status
from discovery.relations import reuse_edges
from documents.models import Document

if TYPE_CHECKING:
    from provenance.roles import AnyUser

# Passage kinds whose derivative side keeps the source's wording.
WORDING_KINDS = frozenset({"verbatim", "reused", "altered", "trimmed"})
TAKEN_KINDS = WORDING_KINDS | {"paraphrased"}
# What makes an article a source of another: its own words copied, exactly or with
# trivial edits or a tail dropped. Two rewrites of one release sentence can come out
# "altered" against each other without either having read the other.
COPIED_KINDS = frozenset({"verbatim", "reused", "trimmed"})
logger = logging.getLogger(__name__)

RELEASE_KINDS = frozenset({Document.Kind.PRESS_RELEASE, Document.Kind.STATEMENT})
# What a source must supply that nothing ranked before it does, to be a direct source:
# about a sentence of wording, and a visible part of the article.
MIN_UNIQUE_CHARS = 80
MIN_UNIQUE_SHARE = 0.03
# A candidate whose shared text is at least this much explained by the chosen sources
# shares it through them: a sibling.
SIBLING_EXPLAINED = 0.5
# Articles a change passes on to after one discovery run, at most, beyond the ones the
# run itself compared (which are always re-decided).
MAX_CASCADE = 500

ROLE_ORDER = {Role.ORIGIN: 0, Role.DIRECT: 1, Role.SIBLING: 2, Role.RELATED: 3}


# ----------------------------------------------------------------------------- the rule


@dataclass
class Candidate:
    """One earlier document sharing text with the article, with the article's spans it explains."""

    document: Document
    comparison: Comparison
    wording: Intervals
    taken: Intervals
    # The candidate's own origin and direct sources (as stored), for chains and "through".
    upstream_origin: Document | None = None
    upstream: frozenset[int] = frozenset()
    # The article's spans from this (article) source that it had taken from its own sources.
    carried: Intervals = field(default_factory=list)

    @property
    def is_release(self) -> bool:
        return self.document.kind in RELEASE_KINDS

    @property
    def reuse(self) -> float:
        c = self.comparison
        return (c.derivative_share or 0.0) + (c.paraphrased_share or 0.0)

    @property
    def weak(self) -> bool:
        return self.comparison.origin != Comparison.Origin.MANUAL and (
            self.reuse < settings.DISCOVERY_THRESHOLD
        )


@dataclass
class Decision:
    candidate: Candidate | None
    document: Document
    role: str
    direct: bool = False
    unique: Intervals = field(default_factory=list)
    via: Document | None = None
    reason: str = ""


def _rank_key(c: Candidate) -> tuple[int, int, date, int]:
    covered = length(c.taken if c.is_release else c.wording)
    return (0 if c.is_release else 1, -covered, c.document.published_on or date.max, c.document.pk)


def decide(article: Document, candidates: Sequence[Candidate]) -> list[Decision]:
    """Give each candidate its role for the article (pure: reads only what it is given)."""
    size = max(len(article.text), 1)
    ordered = sorted(candidates, key=_rank_key)
    explained: Intervals = []
    unique: dict[int, Intervals] = {}
    direct: list[Candidate] = []
    for c in ordered:
        # A release counts for paraphrase too (stories rewrite releases); an article only
        # for wording, which independent rewrites of one release do not share.
        supplied = subtract(c.taken if c.is_release else c.wording, explained)
        unique[c.document.pk] = supplied
        if _enough(supplied, size):
            direct.append(c)
        explained = merge(explained + c.taken)
    direct = _drop_explained_through(direct, unique, size)
    origin, via = _origin(direct)
    decisions = []
    chosen = merge([s for c in direct for s in c.taken])
    for c in ordered:
        is_direct = c in direct
        if origin is not None and c.document.pk == origin.pk:
            role = Role.ORIGIN
        elif is_direct:
            role = Role.DIRECT
        elif c.weak:
            role = Role.RELATED
        elif _explained_share(c, chosen) >= SIBLING_EXPLAINED and not c.is_release:
            role = Role.SIBLING
        else:
            role = Role.RELATED
        decisions.append(
            Decision(c, c.document, role, is_direct, unique[c.document.pk] if is_direct else [])
        )
    if origin is not None and not any(d.document.pk == origin.pk for d in decisions):
        decisions.append(Decision(None, origin, Role.ORIGIN, False, [], via))
    for d in decisions:
        if d.role == Role.ORIGIN and not d.direct:
            d.via = via
        d.reason = _reason(d, decisions, article, size)
    decisions.sort(key=lambda d: (ROLE_ORDER[Role(d.role)], not d.direct, d.document.pk))
    return decisions


def _enough(spans: Intervals, size: int) -> bool:
    n = length(spans)
    return n >= MIN_UNIQUE_CHARS and n / size >= MIN_UNIQUE_SHARE


def _explained_share(c: Candidate, chosen: Intervals) -> float:
    taken = length(c.taken)
    return 1.0 if not taken else 1 - length(subtract(c.taken, chosen)) / taken


def _drop_explained_through(
    direct: list[Candidate], unique: dict[int, Intervals], size: int
) -> list[Candidate]:
    """Drop a direct source whose whole share came to the article through another one.

    A copy of the MP's post takes the release's sentences as the MP reprinted them:
    the release is its origin, through the post, not a source it read itself.
    """
    kept = list(direct)
    for c in direct:
        carriers = [o for o in kept if o is not c and c.document.pk in o.upstream]
        spans = [s for o in carriers for s in o.taken]
        if not carriers and c.is_release:
            # A copy of a story: a release whose text here is all inside wording copied
            # from a story with an origin of its own reached the article in that story,
            # even when the story's own roles do not list the release (too little of it
            # there to count). Otherwise a second, weaker release would become the origin.
            carriers = [
                o
                for o in kept
                if not o.is_release
                and o.upstream_origin is not None
                and o.upstream_origin.pk != c.document.pk
            ]
            spans = [s for o in carriers for s in o.wording + o.carried]
        if not carriers:
            continue
        rest = subtract(c.taken, merge(spans))
        if not _enough(rest, size):
            kept.remove(c)
            unique[c.document.pk] = []
    return kept


def _origin(direct: list[Candidate]) -> tuple[Document | None, Document | None]:
    """The release at the root: a direct release, else the origin of the main direct source."""
    for c in direct:
        if c.document.kind == Document.Kind.PRESS_RELEASE:
            return c.document, None
    for c in direct:
        # The origin passes down a chain only with its text: an article that shares
        # just a story's own lines (an outlet's furniture, an added quotation) does not
        # inherit that story's release.
        if c.upstream_origin is not None and length(c.carried) >= MIN_UNIQUE_CHARS:
            return c.upstream_origin, c.document
    return None, None


# ----------------------------------------------------------------------------- reasons

NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|of|de|van|von))*\s+[A-Z][\w'’-]+")
LEADING = frozenset({"The", "A", "An", "This", "That", "Our", "Its", "In", "On", "At", "But"})
INSTITUTION_WORDS = frozenset(
    {"Office", "Department", "Ministry", "Government", "Council", "Act", "Group", "Cell", "Street"}
)


def _strip_name(name: str) -> str:
    words = name.split()
    while words and words[0] in LEADING:
        words = words[1:]
    return " ".join(words) if len(words) >= 2 else ""


def _personal(name: str) -> int:
    """Rank a name: 1 if it reads as a person's (no institution word), else 0."""
    return 0 if INSTITUTION_WORDS & set(name.split()) else 1


FIGURE = re.compile(r"[£$€]?\d[\d,.]*\s*(?:%|per cent|million|bn|billion|m\b)?")


def _percent(x: float) -> str:
    return f"{round(100 * x)}%"


def _label(document: Document) -> str:
    title = document.title if len(document.title) <= 60 else document.title[:59] + "…"
    return f"“{title}”"


def _reason(d: Decision, decisions: list[Decision], article: Document, size: int) -> str:
    c = d.candidate
    share = c.reuse if c else 0.0  # the same share the tables show
    if d.role == Role.ORIGIN:
        kind = "press release" if d.document.kind == Document.Kind.PRESS_RELEASE else "document"
        if d.direct:
            return f"the {kind} at the root of this text: {_percent(share)} of it comes from here"
        via = _label(d.via) if d.via else "its sources"
        return f"the {kind} at the root of this text, which reached it through {via}"
    if d.role == Role.DIRECT:
        return _supplies(d, decisions, article, share)
    if d.role == Role.SIBLING:
        common = [x for x in decisions if x.direct or x.role == Role.ORIGIN]
        through = _label(common[0].document) if common else "a common source"
        return f"shares text with this one only through {through}, which both took from"
    if c is not None and c.weak:
        return f"below the threshold: {_percent(c.reuse)} of this text in common"
    return "shares some text, but the sources above explain it"


def _supplies(d: Decision, decisions: list[Decision], article: Document, share: float) -> str:
    """Say in words what a direct source supplies that the ones before it do not."""
    before = [x for x in decisions if x is not d and (x.direct or x.role == Role.ORIGIN)]
    if not before or not d.unique:
        return f"the source of {_percent(share)} of this text; nothing earlier explains it"
    which = (
        "the press release"
        if any(x.document.kind == Document.Kind.PRESS_RELEASE for x in before)
        else "the sources before it"
    )
    verb = "does" if which == "the press release" else "do"
    others = " ".join(x.document.text for x in before)
    spans = sorted(d.unique, key=lambda s: s[0] - s[1])  # longest first
    names = [
        n
        for start, end in spans
        for n in (_strip_name(m) for m in NAME.findall(article.text[start:end]))
        if n and n not in others
    ]
    if names:
        name = max(names, key=_personal)  # a person before an office, the first of equals
        return f"supplies the sentence naming {name}, which {which} {verb} not have"
    start, end = spans[0]
    text = article.text[start:end]
    figures = [f.strip() for f in FIGURE.findall(text) if len(f.strip()) > 1]
    figures = [f for f in figures if f not in others]
    if figures:
        return f"supplies the passage giving {figures[0]}, which {which} {verb} not have"
    words = text.split()
    quote = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
    return f"supplies the passage “{quote}”, which {which} {verb} not have"


# ----------------------------------------------------------------------------- storing


def _spans(comparison: Comparison, kinds: frozenset[str]) -> Intervals:
    passages = comparison.engine_result.passages
    return merge([p.derivative_span for p in passages if p.kind in kinds and p.derivative_span])


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
        wording, carried = _spans(c, WORDING_KINDS), list[tuple[int, int]]()
        if source.kind not in RELEASE_KINDS:
            wording, carried = _own_wording(c, up.inherited)
        found.append(
            Candidate(source, c, wording, _spans(c, TAKEN_KINDS), up.origin, up.ids, carried)
        )
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
            spans[r.article_id].extend(_spans(r.comparison, TAKEN_KINDS))
    return {i: Upstream(origin.get(i), frozenset(took[i]), merge(spans[i])) for i in ids}


@transaction.atomic
def redecide_one(article: Document) -> bool:
    """Decide and store the article's roles; say whether its origin or direct sources changed."""
    decisions = decide(article, candidates_for(article)) if article.text else []
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
            "weak": c.weak if c else False,
            "reason": d.reason,
            "decided_at": now,
        }
        before = old.get(d.document.pk)
        if before is not None and d.document.pk in took_before - took_now:
            # A source that lost its place stays visible, saying when and why.
            values["role"] = Role.RELATED
            values["previous_role"] = Role.DIRECT if before.direct else before.role
            values["changed_at"] = now
            label = Role(values["previous_role"]).label
            values["change_reason"] = f"was the {label} until {now:%-d %b %Y}; " + (
                f"{_label(replacement)} now explains the same text"
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


# ----------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class SourceEntry:
    """One typed relation as a page, an export or the API shows it."""

    document: Document
    role: str
    direct: bool
    derivative_share: float
    paraphrased_share: float
    source_share: float
    unique_share: float
    reason: str
    weak: bool
    comparison: Comparison | None
    via: Document | None
    changed_at: datetime | None
    change_reason: str

    @classmethod
    def from_row(cls, row: SourceRelation, document: Document) -> SourceEntry:
        return cls(
            document=document,
            role=row.role,
            direct=row.direct,
            derivative_share=row.derivative_share,
            paraphrased_share=row.paraphrased_share,
            source_share=row.source_share,
            unique_share=row.unique_share,
            reason=row.reason,
            weak=row.weak,
            comparison=row.comparison,
            via=row.via,
            changed_at=row.changed_at,
            change_reason=row.change_reason,
        )

    @property
    def role_label(self) -> str:
        return Role(self.role).label

    @property
    def reuse_share(self) -> float:
        return self.derivative_share + self.paraphrased_share

    def to_dict(self) -> dict[str, Any]:
        d = self.document
        return {
            "document": d.pk,
            "title": d.title,
            "kind": d.kind,
            "outlet": str(d.outlet) if d.outlet_id else None,
            "published_on": d.published_on.isoformat() if d.published_on else None,
            "role": self.role,
            "direct": self.direct,
            "derivative_share": round(self.derivative_share, 4),
            "paraphrased_share": round(self.paraphrased_share, 4),
            "source_share": round(self.source_share, 4),
            "unique_share": round(self.unique_share, 4),
            "reason": self.reason,
            "weak": self.weak,
            "comparison": self.comparison.pk if self.comparison else None,
            "via": self.via.pk if self.via else None,
            "changed_at": self.changed_at.isoformat() if self.changed_at else None,
            "change_reason": self.change_reason,
        }


@dataclass
class Segment:
    start: int
    end: int
    source: Document | None  # None: no stored source explains it

    @property
    def key(self) -> str:
        return "none" if self.source is None else str(self.source.pk)


@dataclass
class SourcesReport:
    document: Document
    status: str
    origin: SourceEntry | None = None
    direct: list[SourceEntry] = field(default_factory=list)
    siblings: list[SourceEntry] = field(default_factory=list)
    related: list[SourceEntry] = field(default_factory=list)
    derivatives: list[SourceEntry] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)

    def entries(self) -> list[SourceEntry]:
        """Origin first, then direct sources (not repeating the origin), siblings, related."""
        head = [self.origin] if self.origin else []
        rest = [e for e in self.direct if e.role != Role.ORIGIN]
        return head + rest + self.siblings + self.related

    @property
    def colour_keys(self) -> dict[int, int]:
        """Each document that colours the text, numbered in report order (for the legend)."""
        keys: dict[int, int] = {}
        for e in self.entries():
            if e.direct and e.document.pk not in keys:
                keys[e.document.pk] = len(keys)
        return keys

    def to_dict(self) -> dict[str, Any]:
        size = max(len(self.document.text), 1)
        unexplained = sum(s.end - s.start for s in self.segments if s.source is None)
        return {
            "document": self.document.pk,
            "title": self.document.title,
            "status": self.status,
            "threshold": settings.DISCOVERY_THRESHOLD,
            "sources": [e.to_dict() for e in self.entries()],
            "derivatives": [e.to_dict() for e in self.derivatives],
            "unexplained_share": round(unexplained / size, 4) if self.segments else None,
        }


def _visible_rows(viewer: AnyUser | None) -> Any:
    rows = SourceRelation.objects.all()
    if viewer is not None:
        rows = rows.visible_to(viewer)
    return rows.select_related("other__outlet", "article__outlet", "comparison", "via")


def discovery_status(document: Document) -> str:
    if document.current_version_id is None or not document.text.strip():
        return "no-text"
    state = IndexState.objects.filter(version_id=document.current_version_id).first()
    if state is None:
        return "queued"
    if state.is_failed:
        return "failed"
    return "done" if state.discovery_status == Status.DONE else "queued"


def ensure_discovered(document: Document) -> str:
    """Run discovery now for a document whose discovery is pending or failed; the new status.

    A page or command never shows an empty list for a text discovery has not looked
    at: it looks now. A failure is recorded on the state row, as the worker's are.
    """
    status = discovery_status(document)
    if status not in ("queued", "failed"):
        return status
    from discovery.search import find_sources  # search stores its roles through this module

    try:
        find_sources(document)
    except Exception as exc:  # the page must still render, saying what happened
        logger.exception("On-demand discovery of document %s failed", document.pk)
        IndexState.objects.filter(version_id=document.current_version_id).update(
            discovery_status=Status.FAILED, error=f"{type(exc).__name__}: {exc}"
        )
    return discovery_status(document)


def sources_report(
    document: Document, viewer: AnyUser | None, *, on_demand: bool = True
) -> SourcesReport:
    """The article's typed sources (and what took from it) as the viewer may see them."""
    status = ensure_discovered(document) if on_demand else discovery_status(document)
    report = SourcesReport(document, status)
    rows = _visible_rows(viewer)
    for row in rows.filter(article=document):
        entry = SourceEntry.from_row(row, row.other)
        if row.role == Role.ORIGIN:
            report.origin = entry
            if row.direct:
                report.direct.insert(0, entry)
        elif row.role == Role.DIRECT:
            report.direct.append(entry)
        elif row.role == Role.SIBLING:
            report.siblings.append(entry)
        else:
            report.related.append(entry)
    # A later article that shares text with this one only through a common source is a
    # sibling from this side too.
    for row in rows.filter(other=document, role=Role.SIBLING):
        if all(e.document.pk != row.article_id for e in report.siblings):
            report.siblings.append(SourceEntry.from_row(row, row.article))
    for row in rows.filter(other=document).takes_from():
        report.derivatives.append(SourceEntry.from_row(row, row.article))
    for entries in (report.direct, report.siblings, report.related, report.derivatives):
        entries.sort(key=lambda e: (e.role != Role.ORIGIN, -e.reuse_share, e.document.pk))
    report.segments = _segments(document, report.direct)
    return report


def _segments(document: Document, direct: list[SourceEntry]) -> list[Segment]:
    """Split the text by the direct source each passage came from (the first that explains it)."""
    size = len(document.text)
    if not size or not direct:
        return []
    out: list[tuple[int, int, Document | None]] = []
    claimed: Intervals = []
    for entry in direct:
        if entry.comparison is None:
            continue
        mine = subtract(_spans(entry.comparison, TAKEN_KINDS), claimed)
        out.extend((s, e, entry.document) for s, e in mine)
        claimed = merge(claimed + mine)
    out.extend((s, e, None) for s, e in subtract([(0, size)], claimed))
    out.sort(key=lambda t: t[0])
    return [Segment(s, e, d) for s, e, d in out if e > s]


def origins_for(documents: Sequence[Document], viewer: AnyUser | None) -> dict[int, SourceEntry]:
    """Each document's origin, or without one its main direct source: two queries for a list."""
    rows = _visible_rows(viewer).filter(article__in=[d.pk for d in documents]).takes_from()
    best: dict[int, SourceEntry] = {}
    for row in sorted(rows, key=lambda r: (r.role != Role.ORIGIN, -r.derivative_share, r.pk)):
        best.setdefault(row.article_id, SourceEntry.from_row(row, row.other))
    return best


@dataclass(frozen=True)
class GraphEdge:
    source: Document
    article: Document
    role: str
    direct: bool
    derivative_share: float
    source_share: float
    weak: bool
    comparison: Comparison | None


def graph_edges(
    documents: Sequence[Document], viewer: AnyUser | None, include_siblings: bool = False
) -> list[GraphEdge]:
    """Typed edges among the documents: from each source to the article that took from it."""
    ids = [d.pk for d in documents]
    rows = _visible_rows(viewer).filter(article__in=ids, other__in=ids)
    if not include_siblings:
        rows = rows.exclude(role=Role.SIBLING)
    return [
        GraphEdge(
            r.other,
            r.article,
            r.role,
            r.direct,
            r.derivative_share + r.paraphrased_share,
            r.source_share,
            r.weak,
            r.comparison,
        )
        for r in rows.order_by("article_id", "other_id")
    ]
