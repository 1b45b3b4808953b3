"""Watches, the alerts they raise, each user's digest choice, webhooks and their deliveries."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone


class Watch(models.Model):
    """A user following a release, an outlet or a person (their name and quotations)."""

    class Kind(models.TextChoices):
        RELEASE = "release", "Release"
        OUTLET = "outlet", "Outlet"
        PERSON = "person", "Person"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    outlet = models.ForeignKey(
        "documents.Outlet", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # A person is watched by name: speakers are words in texts, not rows.
    person = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "document"], condition=Q(kind="release"), name="one_release_watch"
            ),
            models.UniqueConstraint(
                fields=["user", "outlet"], condition=Q(kind="outlet"), name="one_outlet_watch"
            ),
            models.UniqueConstraint(
                fields=["user", "person"], condition=Q(kind="person"), name="one_person_watch"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.target_name}"

    @property
    def target_name(self) -> str:
        if self.kind == self.Kind.RELEASE and self.document is not None:
            return self.document.title
        if self.kind == self.Kind.OUTLET and self.outlet is not None:
            return self.outlet.name
        return self.person


class AlertQuerySet(models.QuerySet["Alert"]):
    def for_user(self, user: Any) -> AlertQuerySet:
        return self.filter(user_id=getattr(user, "pk", 0) or 0)

    def unread(self) -> AlertQuerySet:
        return self.filter(read_at__isnull=True)

    def not_emailed(self) -> AlertQuerySet:
        return self.filter(emailed_at__isnull=True)


class Alert(models.Model):
    """One thing a watch noticed, for one user's inbox (and digest)."""

    class Kind(models.TextChoices):
        REUSED = "reused", "A new article reuses the release"
        FINDING = "finding", "A serious change in an article"
        NEW_DOCUMENT = "new_document", "A new document from the outlet"
        QUOTE = "quote", "A quotation altered"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # Kept when the watch is removed: unwatching stops new alerts, it does not empty the inbox.
    watch = models.ForeignKey(
        Watch, null=True, blank=True, on_delete=models.SET_NULL, related_name="alerts"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # What one alert is about, so a watch raises it once ("finding:c12", "document:d7").
    key = models.CharField(max_length=64)
    comparison = models.ForeignKey(
        "comparisons.Comparison", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # The anchor of the finding on the comparison page ("d-f0"), or empty.
    anchor = models.CharField(max_length=20, blank=True)
    message = models.TextField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = AlertQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["watch", "key"], name="one_alert_per_watch_and_key")
        ]
        indexes = [models.Index(fields=["user", "read_at"], name="alerts_user_unread")]

    def __str__(self) -> str:
        return self.message[:80]

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    def target_url(self) -> str:
        """The comparison page at the finding, else the document's page."""
        if self.comparison_id is not None:
            url = reverse("comparisons:detail", args=[self.comparison_id])
            return f"{url}#{self.anchor}" if self.anchor else url
        if self.document_id is not None:
            return reverse("documents:detail", args=[self.document_id])
        return reverse("alerts:inbox")


class DigestSettings(models.Model):
    """How often a user wants their unread alerts by email."""

    class Frequency(models.TextChoices):
        NONE = "none", "Never"
        HOURLY = "hourly", "Every hour"
        DAILY = "daily", "Once a day"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alert_digest"
    )
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.NONE)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user}: {self.frequency}"


class Webhook(models.Model):
    """An address outside that is sent the app's events, signed with a shared secret."""

    url = models.URLField(max_length=500)
    # Kept as given: the signature needs the secret itself, not a digest of it.
    secret = models.CharField(max_length=200)
    events = models.JSONField(default=list)
    active = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.url

    def wants(self, event: str) -> bool:
        return self.active and event in self.events


class Delivery(models.Model):
    """One event sent (or being sent) to one webhook, with every attempt's outcome."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed"

    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=40)
    # The exact JSON sent, so a redelivery sends the same bytes (with a fresh signature).
    body = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    response_code = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    # One entry per attempt: {"at": ISO time, "code": int | None, "error": str}.
    log = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "deliveries"

    def __str__(self) -> str:
        return f"{self.event} → {self.webhook}"
