"""The role rule: what each earlier document is to an article, as pure functions.

Reads only what it is given (candidates built from stored comparisons by
`discovery.role_store`), writes nothing and says nothing in words (that is
`discovery.role_reasons`); tested without a database (tests/discovery/test_lineage_decide.py).
The rule, with worked examples, is in docs/architecture.md, "Provenance roles":

- **direct source**: the article took text from it that nothing ranked before it
  explains. Releases are ranked first (a release outranks an article for the same
  text), then by how much of the article each explains. An article counts only for
  *wording* it alone supplies (a reprinted sentence, a syndicated story), never for
  paraphrase, which two stories rewriting one release produce on their own.
- **origin**: the press release at the root of the article's chain: a direct
  source that is a release, or the origin of the direct source it took most from.
- **sibling**: shares text with the article only through a common source.
- **related**: below the threshold, or a former source that a better one replaced.
- **reports**: for an article with no origin and no direct source, the earlier press
  release whose rare names, figures and subject words it shares far more than any
  other release's (`decide_reports`): a story in its own words about that release.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings

from comparisons.models import Comparison
from discovery.chains import Intervals, length, merge, subtract
from discovery.models import Role
from discovery.shared_content import Item, Match, choose
from documents.models import Document
from provenance.engine import WORDING_KINDS

# Passage kinds whose derivative side keeps the source's wording are the engine's
# (`WORDING_KINDS`); paraphrase counts as taken too.
TAKEN_KINDS = WORDING_KINDS | {"paraphrased"}
# What makes an article a source of another: its own words copied, exactly or with
# trivial edits or a tail dropped. Two rewrites of one release sentence can come out
# "altered" against each other without either having read the other.
COPIED_KINDS = frozenset({"verbatim", "reused", "trimmed"})

RELEASE_KINDS = frozenset({Document.Kind.PRESS_RELEASE, Document.Kind.STATEMENT})
# What a source must supply that nothing ranked before it does, to be a direct source:
# about a sentence of wording, and a visible part of the article.
MIN_UNIQUE_CHARS = 80
MIN_UNIQUE_SHARE = 0.03
# A candidate whose shared text is at least this much explained by the chosen sources
# shares it through them: a sibling.
SIBLING_EXPLAINED = 0.5

ROLE_ORDER = {Role.ORIGIN: 0, Role.REPORTS: 1, Role.DIRECT: 1, Role.SIBLING: 2, Role.RELATED: 3}
# The kind of text that can be an origin: the root of a chain of reuse.
ORIGIN_KINDS = frozenset({Document.Kind.PRESS_RELEASE})


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
    # For `reports`: the names, figures and journals the two texts share.
    shared: tuple[Item, ...] = ()


def _rank_key(c: Candidate) -> tuple[int, int, date, int]:
    covered = length(c.taken if c.is_release else c.wording)
    return (0 if c.is_release else 1, -covered, c.document.published_on or date.max, c.document.pk)


def decide(article: Document, candidates: Sequence[Candidate]) -> list[Decision]:
    """Give each candidate its role for the article (pure: reads only what it is given).

    The decisions carry no words yet: `discovery.role_reasons.explain` adds them.
    """
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
    release = origin_among(direct, lambda c: c.document.kind)
    if release is not None:
        return release.document, None
    for c in direct:
        # The origin passes down a chain only with its text: an article that shares
        # just a story's own lines (an outlet's furniture, an added quotation) does not
        # inherit that story's release.
        if c.upstream_origin is not None and length(c.carried) >= MIN_UNIQUE_CHARS:
            return c.upstream_origin, c.document
    return None, None


def origin_among[T](ranked: Iterable[T], kind: Callable[[T], str]) -> T | None:
    """The origin rule, for discovery and the article checks alike: the first press
    release in rank order (the text at the root of the others), if any."""
    return next((item for item in ranked if kind(item) in ORIGIN_KINDS), None)


def comparison_spans(comparison: Comparison, kinds: frozenset[str]) -> Intervals:
    """The derivative's spans of the comparison's passages of the given kinds, merged."""
    passages = comparison.engine_result.passages
    return merge([p.derivative_span for p in passages if p.kind in kinds and p.derivative_span])


@dataclass(frozen=True)
class ReportsCandidate:
    """A press release scored against an article by what they share (`shared_content.match`)."""

    document: Document
    match: Match


def _dated_before(release: Document, article: Document) -> bool:
    """A release can be reported only if it came out no later than the story."""
    a, b = release.published_on, article.published_on
    return a is None or b is None or a <= b


def decide_reports(
    article: Document, decisions: Sequence[Decision], candidates: Sequence[ReportsCandidate]
) -> ReportsCandidate | None:
    """The release the article reports without copying, if one clearly stands out.

    Only for an article (never a release) with no origin and no direct source: a text
    that took words from somewhere is explained by that. The best-scoring earlier
    release must clear the settings' floor and beat the runner-up by their ratio;
    else nothing is named, since a wrong pairing misleads more than none.
    """
    if article.kind in RELEASE_KINDS:
        return None
    if any(d.role == Role.ORIGIN or d.direct for d in decisions):
        return None
    pool = [
        c
        for c in candidates
        if c.document.kind in ORIGIN_KINDS
        and c.document.pk != article.pk
        and _dated_before(c.document, article)
    ]
    choice = choose(
        [c.match for c in pool],
        settings.DISCOVERY_REPORTS_MIN_SCORE,
        settings.DISCOVERY_REPORTS_MIN_RATIO,
        settings.DISCOVERY_REPORTS_MIN_ITEMS,
    )
    return pool[choice.index] if choice is not None else None
