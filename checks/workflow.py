"""Check an article against the corpus without adding it: read it, find its sources, keep the check.

`read_article` validates what the educator (or class) sent and raises
`RejectedInput` with a message for them; `do_check` finds the sources and writes
the one `Check` row. Nothing here writes to the shared corpus or its index: the
article is analysed in memory, ranked against the index with discovery's `rank`
and compared with each likely source by the engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import F

from checks.models import Check, ClassToken
from comparisons.analysis import analysis_for
from discovery.role_rule import origin_among
from discovery.search import HIT_LIMIT, rank
from documents import fetch
from documents.errors import RejectedInput
from documents.extract import extract, normalise_newlines
from documents.models import Document, DocumentVersion
from provenance.engine import AnalysedText, analyse, compare
from provenance.engine import Comparison as EngineComparison

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from provenance.roles import AnyUser

# A corpus document that holds this much of the article's wording is the same text.
SAME_TEXT_SHARE = 0.9


@dataclass(frozen=True)
class Article:
    title: str
    text: str
    url: str = ""


@dataclass(frozen=True)
class Found:
    """One corpus version the engine confirmed as a source of the article."""

    version: DocumentVersion
    derivative_share: float
    paraphrased_share: float
    source_share: float
    result: EngineComparison  # the engine's comparison of this version with the article

    @property
    def reuse_share(self) -> float:
        return self.derivative_share + self.paraphrased_share

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version.pk,
            "document": self.version.document_id,
            "derivative_share": round(self.derivative_share, 4),
            "paraphrased_share": round(self.paraphrased_share, 4),
            "source_share": round(self.source_share, 4),
        }


def read_article(text: str, url: str) -> Article:
    """Return the article to check from pasted text or a URL, or raise RejectedInput."""
    text, url = text.strip(), url.strip()
    if text and url:
        raise RejectedInput("Paste the article's text or give its address, not both.")
    if url:
        text = _fetched_text(url)
    if not text:
        raise RejectedInput("Paste the article's text or give its address.")
    limit = settings.CHECK_MAX_CHARS
    if len(text) > limit:
        raise RejectedInput(
            f"That article is {len(text):,} characters long; a check takes at most {limit:,}."
        )
    text = normalise_newlines(text)
    return Article(title=_title(text), text=text, url=url)


def _title(text: str, limit: int = 100) -> str:
    """The article's first line, cut at a word near `limit` characters (a pasted text
    rarely keeps its headline, so the first line may be a whole paragraph)."""
    line = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if len(line) <= limit:
        return line or "Untitled article"
    return line[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _fetched_text(url: str) -> str:
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError as exc:
        raise RejectedInput(f"“{url[:80]}” is not a web address (http:// or https://).") from exc
    fetched = fetch.fetch(url)  # its SSRF guards: no private or local addresses
    return extract(fetched.data, fetched.filename, fetched.content_type).text.strip()


def find_sources(text: str | AnalysedText, viewer: AnyUser) -> list[Found]:
    """Corpus versions the viewer may see that the article took from, by reuse share.

    Reads the shared index (discovery's `rank`) and compares the top candidates with
    the engine in memory; stores nothing.
    """
    article = text if isinstance(text, AnalysedText) else analyse(text, name="article")
    hits = rank(article, exclude_version=0, limit=HIT_LIMIT)
    versions = DocumentVersion.objects.filter(
        pk__in=[hit.version_id for hit in hits],
        document__current_version=F("pk"),
        document__in=Document.objects.visible_to(viewer).active(),
    ).select_related("document__outlet")
    by_id = {v.pk: v for v in versions}
    candidates = [by_id[h.version_id] for h in hits if h.version_id in by_id]
    found = []
    for version in candidates[: settings.CHECK_CANDIDATES]:
        if not version.text.strip():
            continue
        result = compare(analysis_for(version), article)
        stats = result.stats
        item = Found(
            version, stats.derivative_share, stats.paraphrased_share, stats.source_share, result
        )
        if item.reuse_share >= settings.DISCOVERY_BEST_THRESHOLD:
            found.append(item)
    found.sort(key=lambda f: (-f.reuse_share, f.version.pk))
    return found


def best_source(found: list[Found]) -> Found | None:
    """The source to compare with: the origin by discovery's rule, else the strongest."""
    origin = origin_among(found, lambda f: f.version.document.kind)
    return origin or (found[0] if found else None)


@transaction.atomic
def do_check(owner: User, article: Article, token: ClassToken | None = None) -> Check:
    """Find the article's sources as `owner` would see them and keep the check."""
    analysed = analyse(article.text, name="article")
    found = find_sources(analysed, owner)
    best = best_source(found)
    return Check.objects.create(
        owner=owner,
        class_token=token,
        title=article.title,
        url=article.url,
        text=article.text,
        sources=[f.to_dict() for f in found],
        best_version=best.version if best else None,
        result=best.result.to_dict() if best else None,
    )


def purge_expired() -> int:
    """Delete every expired check; return how many went."""
    deleted, _ = Check.objects.expired().delete()
    return deleted
