"""Poll feeds: fetch each due feed, read its new entries and ingest them like uploads.

The worker's schedule wakes `poll_due` (see provenance.schedule); it claims due feeds
one at a time (`actions.do_claim`), so two workers never poll one feed twice in an
interval. Every request goes through `documents.fetch` (no private addresses, an overall
deadline, size caps), asks robots.txt first, and waits its turn for the host: one
request at a time per host across every worker (`HostTurn`), FEED_HOST_DELAY_SECONDS
apart.
"""

from __future__ import annotations

import logging
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

from documents import duplicates, fetch
from documents.errors import RejectedInput
from documents.ingest import Submission, check_submission
from documents.metadata import Metadata
from documents.models import Document, DocumentVersion
from feeds import actions
from feeds.models import Feed, FeedItem, HostTurn
from feeds.parse import FEED_TYPES, Entry, parse

logger = logging.getLogger(__name__)


@dataclass
class PollResult:
    feed_id: int
    ok: bool = True
    not_modified: bool = False
    error: str = ""
    found: int = 0
    added: int = 0
    skipped: int = 0
    version_ids: list[int] = field(default_factory=list)


class _Hosts:
    """One request at a time per host, at least FEED_HOST_DELAY_SECONDS apart, across
    every worker: threads of this process queue on a lock, processes on `HostTurn`."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}

    def turn(self, url: str) -> _Turn:
        host = (urllib.parse.urlsplit(url).hostname or "").lower()[:255]
        with self._guard:
            lock = self._locks.setdefault(host, threading.Lock())
        return _Turn(host, lock)


class _Turn:
    def __init__(self, host: str, lock: threading.Lock) -> None:
        self.host, self.lock = host, lock

    def __enter__(self) -> None:
        self.lock.acquire()
        try:
            while not self._take():
                free_at = HostTurn.objects.filter(host=self.host).values_list("free_at", flat=True)
                wait = (free_at.first() or timezone.now()) - timezone.now()
                time.sleep(min(max(wait.total_seconds(), 0.05), 1.0))
        except BaseException:
            self.lock.release()
            raise

    def _take(self) -> bool:
        # The lease: the longest a fetch may run, so a worker that dies mid-fetch does
        # not keep the host from everyone.
        return actions.do_take_host_turn(self.host, settings.FETCH_DEADLINE_SECONDS + 5)

    def __exit__(self, *exc: object) -> None:
        try:
            actions.do_free_host(self.host, settings.FEED_HOST_DELAY_SECONDS)
        finally:
            self.lock.release()


hosts = _Hosts()


def poll_due(budget: float | None = None) -> list[PollResult]:
    """Poll feeds that are due, oldest due first, until none is left or the budget is spent."""
    budget = settings.FEED_POLL_BUDGET_SECONDS if budget is None else budget
    started = time.monotonic()
    results: list[PollResult] = []
    while time.monotonic() - started < budget:
        due = list(
            Feed.objects.due().order_by("next_poll_at").values_list("pk", "next_poll_at")[:10]
        )
        if not due:
            break
        for pk, next_poll_at in due:
            if time.monotonic() - started >= budget:
                break
            if actions.do_claim(pk, next_poll_at, timezone.now()):
                results.append(poll(Feed.objects.get(pk=pk)))
    return results


def poll_all() -> list[PollResult]:
    """Poll every active feed now, whatever its schedule (`poll_feeds --now`)."""
    results = []
    for feed in Feed.objects.active().order_by("pk"):
        if actions.do_claim(feed.pk, feed.next_poll_at, timezone.now()):
            results.append(poll(Feed.objects.get(pk=feed.pk)))
    return results


def poll(feed: Feed) -> PollResult:
    """Poll one feed that this process has claimed, and record how it went."""
    result = PollResult(feed.pk)
    try:
        fetched = _fetch_feed(feed)
        parsed = (
            None if fetched.not_modified else parse(fetched.data, fetched.content_type, feed.url)
        )
    except RejectedInput as exc:
        result.ok, result.error = False, str(exc)
        actions.do_record_failure(feed.pk, str(exc))
        return result
    except Exception as exc:  # a parser crash is the feed's failure, not the worker's
        logger.exception("Reading feed %s failed", feed.pk)
        result.ok, result.error = False, f"The feed could not be read ({type(exc).__name__})."
        actions.do_record_failure(feed.pk, result.error)
        return result
    result.not_modified = fetched.not_modified
    for entry in _new_entries(feed, parsed.entries if parsed else []):
        item = _read_entry(feed, entry)
        result.found += 1
        if item.outcome == FeedItem.Outcome.ADDED:
            result.added += 1
            if item.document and item.document.current_version_id:
                result.version_ids.append(item.document.current_version_id)
        else:
            result.skipped += 1
    actions.do_record_success(
        feed.pk,
        etag=feed.etag if fetched.not_modified else fetched.etag,
        last_modified=feed.last_modified if fetched.not_modified else fetched.last_modified,
        found=result.found,
        added=result.added,
        skipped=result.skipped,
        title=parsed.title if parsed else "",
    )
    return result


def _fetch_feed(feed: Feed) -> fetch.Fetched:
    if not _robots_allow(feed.url):
        raise RejectedInput("The site's robots.txt asks us not to fetch this feed.")
    with hosts.turn(feed.url):
        return fetch.fetch(
            feed.url, accept=FEED_TYPES, etag=feed.etag, last_modified=feed.last_modified
        )


def _robots_allow(url: str) -> bool:
    fetch.check_url(url)  # never ask a private address for its robots.txt either
    return fetch.robots_allow(url, wait_turn=lambda: hosts.turn(url))


def _new_entries(feed: Feed, entries: list[Entry]) -> list[Entry]:
    """Entries this feed has not shown before (each once), at most FEED_MAX_ENTRIES."""
    keys = {FeedItem.key_for(entry.id) for entry in entries}
    seen = set(FeedItem.objects.filter(feed=feed, key__in=keys).values_list("key", flat=True))
    fresh = []
    for entry in entries:
        key = FeedItem.key_for(entry.id)
        if key not in seen:
            seen.add(key)
            fresh.append(entry)
    return fresh[: settings.FEED_MAX_ENTRIES]


def _read_entry(feed: Feed, entry: Entry) -> FeedItem:
    """Fetch, extract and ingest one entry (reading happens before any transaction)."""
    if any(ch < " " or ch == "\x7f" for ch in entry.link):
        # Not a web address, and PostgreSQL refuses a NUL even in a query's parameter.
        reason = "The entry's address holds control characters; it cannot be fetched."
        return actions.do_skip_entry(feed, entry, FeedItem.Outcome.FAILED, reason)
    if same := Document.objects.filter(url=entry.link).order_by("pk").first():
        reason = f"Already in the corpus as “{same.title}” (the same address)."
        return actions.do_skip_entry(feed, entry, FeedItem.Outcome.SKIPPED, reason)
    try:
        if not _robots_allow(entry.link):
            reason = "The site's robots.txt asks us not to fetch this page."
            return actions.do_skip_entry(feed, entry, FeedItem.Outcome.SKIPPED, reason)
        meta = Metadata(
            kind=feed.kind,
            title=entry.title,
            outlet=feed.outlet,
            url=entry.link,
            published=entry.published,
        )
        with hosts.turn(entry.link):
            prepared = check_submission(
                Submission(fetch_url=entry.link, source=DocumentVersion.Source.URL), meta
            )
    except RejectedInput as exc:
        return actions.do_skip_entry(feed, entry, FeedItem.Outcome.FAILED, str(exc))
    near = duplicates.find_near_duplicate(prepared.text) is not None
    return actions.do_ingest_entry(feed, entry, prepared, near=near)
