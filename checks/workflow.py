"""Check an article against the corpus without adding it: read it, find its sources, keep the check.

`read_article` validates what the educator (or class) sent and raises
`RejectedInput` with a message for them; `keep_check` finds the sources of a pasted
text and writes the one `Check` row, or queues an address for the worker
(`run_url_check` fetches and checks it there). Nothing here writes to the shared
corpus or its index: the article is analysed in memory, ranked against the index
with discovery's `rank` and compared with each likely source by the engine.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import F
from django.tasks import task
from django.utils import timezone

from checks.models import Check, ClassToken
from comparisons.analysis import analysis_for
from discovery.role_rule import origin_among
from discovery.search import HIT_LIMIT, rank
from documents import fetch
from documents.clean import clean_line, clean_text
from documents.errors import RejectedInput
from documents.extract import extract, normalise_newlines
from documents.models import Document, DocumentVersion
from provenance import ratelimit
from provenance.actions import acting
from provenance.engine import AnalysedText, analyse, compare
from provenance.engine import Comparison as EngineComparison

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from provenance.roles import AnyUser

logger = logging.getLogger(__name__)

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
    """Return the article to check from pasted text or a URL, or raise RejectedInput.

    An address is only checked for form here (`text` stays empty): fetching it may take
    as long as the other site likes, so the worker does it (`run_url_check`).
    """
    text, url = text.strip(), url.strip()
    if text and url:
        raise RejectedInput("Paste the article's text or give its address, not both.")
    if url:
        _check_url_form(url)
        return Article(title=clean_line(url)[:100], text="", url=url)
    if not text:
        raise RejectedInput("Paste the article's text or give its address.")
    return _article(text, "")


def _article(text: str, url: str) -> Article:
    limit = settings.CHECK_MAX_CHARS
    if len(text) > limit:
        raise RejectedInput(
            f"That article is {len(text):,} characters long; a check takes at most {limit:,}."
        )
    text = clean_text(normalise_newlines(text))
    return Article(title=clean_line(_title(text)), text=text, url=url)


def _title(text: str, limit: int = 100) -> str:
    """The article's first line, cut at a word near `limit` characters (a pasted text
    rarely keeps its headline, so the first line may be a whole paragraph)."""
    line = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if len(line) <= limit:
        return line or "Untitled article"
    return line[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _check_url_form(url: str) -> None:
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError as exc:
        raise RejectedInput(f"“{url[:80]}” is not a web address (http:// or https://).") from exc


def _fetched_text(url: str) -> str:
    fetched = fetch.fetch(url)  # its SSRF guards: no private or local addresses
    # Stops reading at the check's own limit, not after the whole file.
    limit = settings.CHECK_MAX_CHARS
    return extract(
        fetched.data, fetched.filename, fetched.content_type, max_chars=limit
    ).text.strip()


def wait_before_checking(owner: User) -> int:
    """Count one check against the educator's hourly budget; 0 to go on, else seconds to wait."""
    return ratelimit.take("checks", owner.pk, settings.CHECK_HOURLY_LIMIT, 3600)


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
def keep_check(owner: User, article: Article, token: ClassToken | None = None) -> Check:
    """Keep the check: done at once for a pasted text, queued for the worker for an address.

    Pages call `checks.actions.do_check`, the action around this.
    """
    if not article.text:
        check = Check.objects.create(
            owner=owner, class_token=token, title=article.title, url=article.url, text=""
        )
        transaction.on_commit(partial(_enqueue, check.pk))
        return check
    check = Check(owner=owner, class_token=token, url=article.url)
    _complete(check, article)
    check.save()
    return check


def _enqueue(check_id: int) -> None:
    run_check.enqueue(check_id)


def _complete(check: Check, article: Article) -> None:
    """Find the article's sources as the check's owner would see them, onto `check`."""
    analysed = analyse(article.text, name="article")
    found = find_sources(analysed, check.owner)
    best = best_source(found)
    check.title = article.title
    check.text = article.text
    check.sources = [f.to_dict() for f in found]
    check.best_version = best.version if best else None
    check.result = best.result.to_dict() if best else None
    check.status = Check.Status.DONE
    check.finished_at = timezone.now()


def run_url_check(check_id: int) -> None:
    """Fetch a queued check's address and check it (in the worker); a failure is kept in words."""
    # The claim, the result and a failure are each their own action; the fetch is
    # between them, holding no transaction.
    with acting():
        claimed = Check.objects.claim(check_id, attempts=F("attempts") + 1)
    if not claimed:
        return  # another worker has it, or it is finished
    check = Check.objects.select_related("owner").get(pk=check_id)
    try:
        article = _article(_fetched_text(check.url), check.url)
        with acting():
            _complete(check, article)
            check.save()
    except RejectedInput as exc:
        _fail(check, exc.message)
    except Exception:
        logger.exception("Check %s failed", check_id)
        _fail(check, "The check stopped on an error on our side. Try it again later.")


@task()
def run_check(check_id: int) -> None:
    """Fetch and check an article's address, away from the web request that asked."""
    run_url_check(check_id)


def resume() -> dict[str, int]:
    """Queue again every address check whose worker stopped (`manage.py resume_work`)."""
    restarted = Check.objects.restart_stale()
    for check_id in restarted:
        logger.warning("Check %s stopped with its worker; queueing it again", check_id)
        transaction.on_commit(partial(_enqueue, check_id))
    return {"checks": len(restarted)}


def _fail(check: Check, message: str) -> None:
    with acting():
        Check.objects.filter(pk=check.pk).update(
            status=Check.Status.FAILED, error=message, finished_at=timezone.now()
        )


def purge_expired() -> int:
    """Delete every expired check; return how many went."""
    deleted, _ = Check.objects.expired().delete()
    return deleted
