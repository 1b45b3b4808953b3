"""An educator's check of an article: kept apart from the shared corpus, and only for a while.

A check owns its article's text. It is never a `Document`: it is not indexed, not
discovered, not listed and not compared by anyone else. Its owner sees it (and a
class holding one of the owner's class tokens sees the checks made with that
token) until it expires; `purge_checks` deletes expired ones.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from documents.models import DocumentVersion
from provenance.jobs import Job, JobQuerySet

if TYPE_CHECKING:
    from provenance.roles import AnyUser


class CheckSettings(models.Model):
    """The one row of settings an admin edits in the admin site."""

    retention_days = models.PositiveIntegerField(
        default=settings.CHECK_RETENTION_DAYS,
        validators=[MinValueValidator(1)],
        help_text="How many days a check is kept before it is deleted.",
    )
    token_hourly_limit = models.PositiveIntegerField(
        default=settings.CHECK_TOKEN_HOURLY_LIMIT,
        validators=[MinValueValidator(1)],
        help_text="How many checks a class token may run in an hour.",
    )

    class Meta:
        verbose_name = "check settings"
        verbose_name_plural = "check settings"

    def __str__(self) -> str:
        return "Check settings"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.pk = 1  # one row: editing it in the admin never makes a second
        super().save(*args, **kwargs)

    @classmethod
    def load(cls) -> CheckSettings:
        # Unsaved defaults until an admin saves the row: reading the settings never writes.
        return cls.objects.filter(pk=1).first() or cls(pk=1)


def new_token() -> str:
    return secrets.token_urlsafe(24)


class ClassTokenQuerySet(models.QuerySet["ClassToken"]):
    def active(self) -> ClassTokenQuerySet:
        return self.filter(revoked_at__isnull=True)


class ClassToken(models.Model):
    """A link an educator gives a class so students can check articles without accounts."""

    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    label = models.CharField(max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="class_tokens"
    )
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)
    # A fixed-window counter: enough to stop one leaked link flooding the engine.
    window_started_at = models.DateTimeField(default=timezone.now)
    window_uses = models.PositiveIntegerField(default=0)

    objects = ClassTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("checks:class", args=[self.token])

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def take_use(self, limit: int, now: Any = None) -> bool:
        """Count one check against this hour's allowance; False when it is used up.

        Two conditional UPDATEs, so two requests racing for the last use cannot both win.
        """
        now = now or timezone.now()
        tokens = ClassToken.objects.filter(pk=self.pk)
        tokens.filter(window_started_at__lte=now - timedelta(hours=1)).update(
            window_started_at=now, window_uses=0
        )
        return bool(tokens.filter(window_uses__lt=limit).update(window_uses=F("window_uses") + 1))


def retention_cutoff() -> datetime:
    """Checks made before this moment are past the retention period the admin set."""
    return timezone.now() - timedelta(days=CheckSettings.load().retention_days)


class CheckQuerySet(JobQuerySet["Check"]):
    # Expiry is worked out from the current setting, so shortening the retention
    # period hides older checks at once, before `purge_checks` deletes them.
    def live(self) -> CheckQuerySet:
        return self.filter(created_at__gt=retention_cutoff())

    def expired(self) -> CheckQuerySet:
        return self.filter(created_at__lte=retention_cutoff())

    def visible_to(self, user: AnyUser) -> CheckQuerySet:
        """A user's own live checks (those their classes made included), and nobody else's."""
        if not user.is_authenticated:
            return self.none()
        return self.live().filter(owner=user)

    def for_token(self, token: ClassToken) -> CheckQuerySet:
        return self.live().filter(class_token=token)


class Check(Job):
    """One article checked against the corpus, with what was found.

    A check of a pasted text is done when it is made; a check of an address is pending
    until the worker has fetched and checked it (`status`, and `error` in words when it
    failed), so no page waits on another site.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checks"
    )
    class_token = models.ForeignKey(
        ClassToken, null=True, blank=True, on_delete=models.CASCADE, related_name="checks"
    )
    title = models.CharField(max_length=500)
    url = models.URLField(max_length=2000, blank=True)
    text = models.TextField()
    # Each candidate source the engine confirmed: version id and shares, best first.
    sources = models.JSONField(default=list)
    best_version = models.ForeignKey(
        DocumentVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The engine's comparison of the best source with the article (its to_dict()).
    result = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    # Job's manager, with the checks' own queries (mypy cannot see the two managers agree).
    objects = CheckQuerySet.as_manager()  # type: ignore[misc]

    class Meta(Job.Meta):
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """The owner's page for it (a class reaches it through its token's page)."""
        return reverse("checks:detail", args=[self.pk])

    @property
    def expires_at(self) -> datetime:
        return self.created_at + timedelta(days=CheckSettings.load().retention_days)
