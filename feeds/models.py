"""Feeds an admin registered, and every entry seen in them with what became of it."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from documents.models import Document

MIN_INTERVAL_MINUTES = 1
MAX_INTERVAL_MINUTES = 7 * 24 * 60
# A failing feed waits longer after each failure, up to a day.
MAX_BACKOFF = timedelta(days=1)


class FeedQuerySet(models.QuerySet["Feed"]):
    def active(self) -> FeedQuerySet:
        return self.filter(status=Feed.Status.ACTIVE)

    def due(self, now: datetime | None = None) -> FeedQuerySet:
        return self.active().filter(next_poll_at__lte=now or timezone.now())


class Feed(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        PAUSED = "paused", "Paused"

    class ItemKind(models.TextChoices):
        PRESS_RELEASE = Document.Kind.PRESS_RELEASE.value, "Press releases"
        ARTICLE = Document.Kind.ARTICLE.value, "Articles"

    url = models.URLField(max_length=2000, unique=True)
    title = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=20, choices=ItemKind.choices)
    outlet = models.CharField(max_length=200, blank=True)
    interval_minutes = models.PositiveIntegerField(default=60)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    paused_reason = models.TextField(blank=True)
    next_poll_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    failures = models.PositiveIntegerField(default=0)  # failed polls in a row
    polls = models.PositiveIntegerField(default=0)
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    items_found = models.PositiveIntegerField(default=0)
    items_added = models.PositiveIntegerField(default=0)
    items_skipped = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = FeedQuerySet.as_manager()

    class Meta:
        ordering = ["title", "url"]

    def __str__(self) -> str:
        return self.title or self.url

    def get_absolute_url(self) -> str:
        return reverse("feeds:feed", args=[self.pk])

    @property
    def interval(self) -> timedelta:
        return timedelta(minutes=self.interval_minutes)

    def backoff(self, failures: int) -> timedelta:
        """How long to wait after `failures` failed polls in a row."""
        # The first failure waits one interval, then each doubles it.
        doubled = self.interval * (1 << min(max(failures - 1, 0), 16))
        return min(doubled, max(MAX_BACKOFF, self.interval))


class FeedItem(models.Model):
    """One entry of a feed, kept once per feed (by its id, else its link)."""

    class Outcome(models.TextChoices):
        ADDED = "added", "Added"
        SKIPPED = "skipped", "Skipped"
        FAILED = "failed", "Could not read"

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="items")
    key = models.CharField(max_length=64)  # sha256 of the entry's id or link
    url = models.URLField(max_length=2000)
    title = models.CharField(max_length=500, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    reason = models.TextField(blank=True)
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    seen_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-seen_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["feed", "key"], name="feeds_item_once_per_feed")
        ]

    def __str__(self) -> str:
        return self.title or self.url

    @staticmethod
    def key_for(entry_id: str) -> str:
        return hashlib.sha256(entry_id.encode("utf-8")).hexdigest()


class HostTurn(models.Model):
    """Whose turn it is at a host, shared by every worker: one request at a time per host.

    A worker takes the turn by moving `free_at` forward with a conditional UPDATE (only
    one caller can match `free_at <= now`), for at most the fetch deadline, so a worker
    that dies mid-fetch frees the host when that lease runs out; when its request ends it
    sets `free_at` to now plus the polite delay.
    """

    host = models.CharField(max_length=255, unique=True)
    free_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.host
