"""Feeds (admins only): list, add, read, their items, and the poll-now / pause / resume buttons."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.http import HttpRequest
from ninja import Router, Schema
from ninja import Status as Answer
from pydantic import Field

from api.auth import uploader
from api.routers.common import responses
from api.schemas import api_url
from feeds import actions
from feeds.access import get_feed_for
from feeds.models import MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES, Feed, FeedItem

router = Router(tags=["feeds"])
ITEMS_SHOWN = 100


class FeedIn(Schema):
    url: str = Field(max_length=2000)
    kind: Literal["press_release", "article"]
    outlet: str = Field("", max_length=200)
    every: int = Field(60, ge=MIN_INTERVAL_MINUTES, le=MAX_INTERVAL_MINUTES, description="minutes")
    title: str = Field("", max_length=300)


class FeedOut(Schema):
    id: int
    url: str
    title: str
    kind: str
    outlet: str
    every: int
    status: Literal["active", "paused"]
    paused_reason: str
    last_polled_at: dt.datetime | None
    next_poll_at: dt.datetime | None
    last_error: str
    failures: int
    items_found: int
    items_added: int
    items_skipped: int
    items_url: str


class FeedItemOut(Schema):
    url: str
    title: str
    published_at: dt.datetime | None
    seen_at: dt.datetime
    outcome: Literal["added", "skipped", "failed"]
    reason: str
    document_id: int | None


def feed_out(request: HttpRequest, feed: Feed) -> FeedOut:
    return FeedOut(
        id=feed.pk,
        url=feed.url,
        title=feed.title,
        kind=feed.kind,
        outlet=feed.outlet,
        every=feed.interval_minutes,
        status=feed.status,  # type: ignore[arg-type]
        paused_reason=feed.paused_reason,
        last_polled_at=feed.last_polled_at,
        next_poll_at=feed.next_poll_at if feed.status == Feed.Status.ACTIVE else None,
        last_error=feed.last_error,
        failures=feed.failures,
        items_found=feed.items_found,
        items_added=feed.items_added,
        items_skipped=feed.items_skipped,
        items_url=api_url(request, "feed_items", feed.pk),
    )


def item_out(item: FeedItem) -> FeedItemOut:
    return FeedItemOut(
        url=item.url,
        title=item.title,
        published_at=item.published_at,
        seen_at=item.seen_at,
        outcome=item.outcome,  # type: ignore[arg-type]
        reason=item.reason,
        document_id=item.document_id,
    )


@router.get("", response=responses({200: list[FeedOut]}), url_name="feed_list")
def feed_list(request: HttpRequest) -> list[FeedOut]:
    uploader(request)
    return [feed_out(request, feed) for feed in Feed.objects.order_by("pk")]


@router.post("", response=responses({200: FeedOut, 201: FeedOut}), url_name="feed_create")
def feed_create(request: HttpRequest, body: FeedIn) -> Answer[FeedOut]:
    """Register a feed (polled at once); an address already registered answers 200 as it is."""
    user = uploader(request)
    new = actions.NewFeed(body.url, body.kind, body.outlet, body.every, body.title)
    feed, created = actions.do_add_feed(user, request, new)
    return Answer(201 if created else 200, feed_out(request, feed))


@router.get("/{id:pk}", response=responses({200: FeedOut}), url_name="feed_detail")
def feed_detail(request: HttpRequest, pk: int) -> FeedOut:
    return feed_out(request, get_feed_for(uploader(request), pk))


@router.get("/{id:pk}/items", response=responses({200: list[FeedItemOut]}), url_name="feed_items")
def feed_items(request: HttpRequest, pk: int) -> list[FeedItemOut]:
    """The feed's latest items, newest first, with what became of each and why."""
    feed = get_feed_for(uploader(request), pk)
    return [item_out(item) for item in feed.items.all()[:ITEMS_SHOWN]]


@router.post("/{id:pk}/poll", response=responses({200: FeedOut}), url_name="feed_poll")
def feed_poll(request: HttpRequest, pk: int) -> FeedOut:
    """Make the feed due now; the worker polls it at its next look (a paused feed is not)."""
    user = uploader(request)
    actions.do_poll_now(user, request, get_feed_for(user, pk))
    return feed_out(request, get_feed_for(user, pk))


@router.post("/{id:pk}/pause", response=responses({200: FeedOut}), url_name="feed_pause")
def feed_pause(request: HttpRequest, pk: int) -> FeedOut:
    user = uploader(request)
    actions.do_pause(user, request, get_feed_for(user, pk))
    return feed_out(request, get_feed_for(user, pk))


@router.post("/{id:pk}/resume", response=responses({200: FeedOut}), url_name="feed_resume")
def feed_resume(request: HttpRequest, pk: int) -> FeedOut:
    user = uploader(request)
    actions.do_resume(user, request, get_feed_for(user, pk))
    return feed_out(request, get_feed_for(user, pk))
