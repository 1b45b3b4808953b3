"""Every write feeds make, one action each (see provenance.actions).

A person's changes (add, pause, resume, poll now) are audited with that person; what
the worker records about a poll is the feed's own state and needs no entry, except a
document it adds, which is audited like any upload with no actor and the feed named
(`details={"via": "feed", "feed": id}`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import F
from django.utils import timezone

from audit.log import Action, record
from documents.clean import clean_line
from documents.errors import RejectedInput
from documents.ingest import NearDuplicates, Prepared, Status, ingest_document
from documents.models import Document
from feeds.models import MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES, Feed, FeedItem, HostTurn
from feeds.parse import Entry
from provenance.actions import action

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.http import HttpRequest


@dataclass(frozen=True)
class NewFeed:
    url: str
    kind: str
    outlet: str = ""
    every: int = 60  # minutes
    title: str = ""


def check_feed(new: NewFeed) -> NewFeed:
    """Validate what an admin asked for; raise RejectedInput with words they can act on."""
    url = new.url.strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError as exc:
        raise RejectedInput(f"“{url[:80]}” is not a web address (http or https).") from exc
    if new.kind not in Feed.ItemKind.values:
        raise RejectedInput("Say whether the feed lists press releases or articles.")
    if not MIN_INTERVAL_MINUTES <= new.every <= MAX_INTERVAL_MINUTES:
        raise RejectedInput(
            f"Poll every {MIN_INTERVAL_MINUTES} to {MAX_INTERVAL_MINUTES} minutes "
            f"(a week), not {new.every}."
        )
    # Control characters (a NUL, say) are dropped: PostgreSQL cannot store them in text.
    outlet, title = clean_line(new.outlet)[:200], clean_line(new.title)[:300]
    return NewFeed(url, new.kind, outlet, new.every, title)


@action
def do_add_feed(actor: User | None, request: HttpRequest | None, new: NewFeed) -> tuple[Feed, bool]:
    """Register a feed, first polled at once; an address already registered is returned as is."""
    new = check_feed(new)
    feed, created = Feed.objects.get_or_create(
        url=new.url,
        defaults={
            "kind": new.kind,
            "outlet": new.outlet,
            "interval_minutes": new.every,
            "title": new.title,
            "created_by": actor,
        },
    )
    if created:
        details = {"url": feed.url, "kind": feed.kind, "every": feed.interval_minutes}
        record(request, Action.FEED_ADDED, feed, actor=actor, details=details)
    return feed, created


@action
def do_pause(actor: User | None, request: HttpRequest | None, feed: Feed) -> bool:
    """Stop polling a feed until it is resumed; False if it was paused already."""
    if not Feed.objects.filter(pk=feed.pk, status=Feed.Status.ACTIVE).update(
        status=Feed.Status.PAUSED, paused_reason="Paused by an admin."
    ):
        return False
    record(request, Action.FEED_PAUSED, feed, actor=actor)
    return True


@action
def do_resume(actor: User | None, request: HttpRequest | None, feed: Feed) -> bool:
    """Poll a paused feed again, at once, with its failure count cleared."""
    if not Feed.objects.filter(pk=feed.pk, status=Feed.Status.PAUSED).update(
        status=Feed.Status.ACTIVE, paused_reason="", failures=0, next_poll_at=timezone.now()
    ):
        return False
    record(request, Action.FEED_RESUMED, feed, actor=actor)
    return True


@action
def do_poll_now(actor: User | None, request: HttpRequest | None, feed: Feed) -> bool:
    """Make an active feed due now, so the worker polls it at its next look."""
    if not Feed.objects.filter(pk=feed.pk, status=Feed.Status.ACTIVE).update(
        next_poll_at=timezone.now()
    ):
        return False
    record(request, Action.FEED_POLL_NOW, feed, actor=actor)
    return True


# ------------------------------------------------------------------ the worker's writes


@action
def do_claim(feed_id: int, seen_next_poll_at: datetime, now: datetime) -> bool:
    """Take this poll of a feed: True for the one process whose UPDATE moved its time on.

    The UPDATE matches only while `next_poll_at` is what the caller read, so of two
    workers that saw the feed due, one moves it on and the other matches nothing.
    """
    feed = Feed.objects.filter(pk=feed_id).only("interval_minutes").first()
    if feed is None:
        return False
    return bool(
        Feed.objects.filter(
            pk=feed_id, status=Feed.Status.ACTIVE, next_poll_at=seen_next_poll_at
        ).update(next_poll_at=now + feed.interval, last_polled_at=now, polls=F("polls") + 1)
    )


@action
def do_record_failure(feed_id: int, error: str) -> Feed:
    """Note a failed poll: back off, and pause the feed after too many in a row."""
    feed = Feed.objects.select_for_update().get(pk=feed_id)
    feed.failures += 1
    feed.last_error = clean_line(error)[:2000]
    feed.next_poll_at = timezone.now() + feed.backoff(feed.failures)
    fields = ["failures", "last_error", "next_poll_at"]
    if feed.failures >= settings.FEED_MAX_FAILURES and feed.status == Feed.Status.ACTIVE:
        feed.status = Feed.Status.PAUSED
        feed.paused_reason = (
            f"Paused after {feed.failures} failed polls in a row. The last one: {feed.last_error}"
        )
        fields += ["status", "paused_reason"]
    feed.save(update_fields=fields)
    return feed


@action
def do_record_success(
    feed_id: int,
    *,
    etag: str,
    last_modified: str,
    found: int,
    added: int,
    skipped: int,
    title: str = "",
) -> None:
    """Note a poll that read the feed (a 304 included): clear its failures, count its items.

    A feed registered without a title takes the one the feed gives itself.
    """
    now = timezone.now()
    if title:
        Feed.objects.filter(pk=feed_id, title="").update(title=clean_line(title)[:300])
    Feed.objects.filter(pk=feed_id).update(
        failures=0,
        last_error="",
        last_success_at=now,
        etag=etag[:500],
        last_modified=last_modified[:100],
        items_found=F("items_found") + found,
        items_added=F("items_added") + added,
        items_skipped=F("items_skipped") + skipped,
    )


@action
def do_skip_entry(feed: Feed, entry: Entry, outcome: str, reason: str) -> FeedItem:
    """Keep an entry that was not added, with the reason, so it is not read again."""
    return _item(feed, entry, outcome, reason)


@action
def do_ingest_entry(feed: Feed, entry: Entry, prepared: Prepared, *, near: bool) -> FeedItem:
    """Store an entry's page as a document by the upload's own path, or say why not.

    `near` says a near-duplicate was found before the transaction opened (the lookup
    reads the index): such an entry is skipped, not stored, and its item says what it
    is very like.
    """
    policy = NearDuplicates.ASK if near else NearDuplicates.SEPARATE
    outcome = ingest_document(prepared, user=None, near_duplicates=policy)
    document = outcome.document
    if outcome.status == Status.ADDED and document is not None:
        details = {"via": "feed", "feed": feed.pk}
        record(None, Action.DOCUMENT_ADDED, document, actor=None, details=details)
        return _item(feed, entry, FeedItem.Outcome.ADDED, f"Added “{document.title}”.", document)
    if outcome.status == Status.NEW_VERSION and document is not None:
        # The same address with a changed text: a new version, as an upload would make.
        details = {"via": "feed", "feed": feed.pk, "version": getattr(outcome.version, "number", 0)}
        record(None, Action.DOCUMENT_ADDED, document, actor=None, details=details)
        return _item(feed, entry, FeedItem.Outcome.ADDED, outcome.message, document)
    if outcome.status == Status.NEAR_DUPLICATE:
        share = round(100 * (outcome.similarity or 0))
        title = document.title if document else "a document"
        reason = f"Very like “{title}” ({share}% the same), which we already hold."
        return _item(feed, entry, FeedItem.Outcome.SKIPPED, reason, document)
    if outcome.status == Status.DUPLICATE:
        title = document.title if document else "a document"
        reason = f"The same text as “{title}”, which we already hold."
        return _item(feed, entry, FeedItem.Outcome.SKIPPED, reason, document)
    return _item(feed, entry, FeedItem.Outcome.FAILED, outcome.reason or "Not stored.")


def _item(
    feed: Feed, entry: Entry, outcome: str, reason: str, document: Document | None = None
) -> FeedItem:
    item, _ = FeedItem.objects.get_or_create(
        feed=feed,
        key=FeedItem.key_for(entry.id),
        defaults={
            # Feed text is untrusted: no control characters reach the database.
            "url": clean_line(entry.link)[:2000],
            "title": clean_line(entry.title)[:500],
            "published_at": entry.published,
            "outcome": outcome,
            "reason": clean_line(reason),
            "document": document,
        },
    )
    return item


@action
def do_take_host_turn(host: str, lease_seconds: float) -> bool:
    """Take the host's turn for at most `lease_seconds`; False while another worker has it."""
    now = timezone.now()
    HostTurn.objects.get_or_create(host=host, defaults={"free_at": now})
    taken = HostTurn.objects.filter(host=host, free_at__lte=now)
    return bool(taken.update(free_at=now + timedelta(seconds=lease_seconds)))


@action
def do_free_host(host: str, delay_seconds: float) -> None:
    """End this worker's turn: the host is free again after the polite delay."""
    free_at = timezone.now() + timedelta(seconds=delay_seconds)
    HostTurn.objects.filter(host=host).update(free_at=free_at)
