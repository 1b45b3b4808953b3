"""The audit log: who did what, when, to which object, with details.

Entries are written by `audit.log.record` and never changed afterwards. The
actor's name and the object's description are copied into the entry, so it
still reads right after the user or the object is gone.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditEntryQuerySet(models.QuerySet["AuditEntry"]):
    def of_action(self, action: str) -> AuditEntryQuerySet:
        return self.filter(action=action) if action else self

    def about(self, obj: models.Model) -> AuditEntryQuerySet:
        return self.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        LOGIN = "login", "Signed in"
        LOGIN_FAILED = "login_failed", "Failed sign-in"
        LOCKED_OUT = "locked_out", "Locked out after failed sign-ins"
        LOGOUT = "logout", "Signed out"
        IDLE_LOGOUT = "idle_logout", "Signed out after being idle"
        PASSWORD_CHANGED = "password_changed", "Changed password"
        PASSWORD_RESET_SENT = "password_reset_sent", "Password reset link sent"
        PASSWORD_RESET = "password_reset", "Set password from a link"
        DOCUMENT_ADDED = "document_added", "Added a document or version"
        DOCUMENTS_IMPORT = "documents_import", "Started a document import"
        DOCUMENT_EDITED = "document_edited", "Edited a document"
        DOCUMENT_ARCHIVED = "document_archived", "Archived a document"
        DOCUMENT_UNARCHIVED = "document_unarchived", "Brought back a document"
        ANNOTATIONS_IMPORTED = "annotations_imported", "Imported annotations"
        USER_INVITED = "user_invited", "Invited a user"
        USER_ROLE = "user_role", "Changed a user's role"
        USER_DEACTIVATED = "user_deactivated", "Deactivated a user"
        USER_REACTIVATED = "user_reactivated", "Reactivated a user"
        API_TOKEN_CREATED = "api_token_created", "Made an API token"
        API_TOKEN_REVOKED = "api_token_revoked", "Revoked an API token"
        ANNOTATION_DELETED = "annotation_deleted", "Deleted an annotation"
        FEED_ADDED = "feed_added", "Added a feed"
        FEED_PAUSED = "feed_paused", "Paused a feed"
        FEED_RESUMED = "feed_resumed", "Resumed a feed"
        FEED_POLL_NOW = "feed_poll_now", "Asked for a feed to be polled now"
        WATCH_ADDED = "watch_added", "Started watching"
        WATCH_REMOVED = "watch_removed", "Stopped watching"
        ALERTS_READ = "alerts_read", "Marked alerts read"
        DIGEST_CHANGED = "digest_changed", "Changed the alert email digest"
        WEBHOOK_REGISTERED = "webhook_registered", "Registered a webhook"
        WEBHOOK_CHANGED = "webhook_changed", "Changed a webhook"
        WEBHOOK_DELETED = "webhook_deleted", "Deleted a webhook"
        WEBHOOK_REDELIVERED = "webhook_redelivered", "Sent a webhook delivery again"
        IMPORT_RESUMED = "import_resumed", "Resumed a stalled import"
        COMPARISON_REQUESTED = "comparison_requested", "Asked for a comparison"
        DISCOVERY_REQUESTED = "discovery_requested", "Asked for source discovery again"
        CHECK_DELETED = "check_deleted", "Deleted an article check"
        CLASS_LINK_CREATED = "class_link_created", "Made a class link for checks"
        CLASS_LINK_REVOKED = "class_link_revoked", "Withdrew a class link for checks"
        ANNOTATION_CREATED = "annotation_created", "Annotated a passage"
        ANNOTATION_EDITED = "annotation_edited", "Edited an annotation"
        ANNOTATION_REVIEWED = "annotation_reviewed", "Reviewed an annotation"
        ANNOTATION_REPLIED = "annotation_replied", "Replied to an annotation"
        ANNOTATION_REATTACHED = "annotation_reattached", "Re-attached an annotation"
        LABEL_ADDED = "label_added", "Added an annotation label"
        LABEL_RETIRED = "label_retired", "Retired an annotation label"
        LABEL_RESTORED = "label_restored", "Brought back an annotation label"
        SHARE_LINK_CREATED = "share_link_created", "Made a share link"
        SHARE_LINK_REVOKED = "share_link_revoked", "Revoked a share link"
        SHARE_LINK_RESTORED = "share_link_restored", "Restored a revoked share link"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The actor's username when the entry was written; for a failed sign-in, the name tried.
    actor_name = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=32, choices=Action.choices, db_index=True)
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(max_length=200, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    details = models.JSONField(default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name or '—'}: {self.get_action_display()}"

    @property
    def detail_items(self) -> list[tuple[str, Any]]:
        return sorted(self.details.items()) if isinstance(self.details, dict) else []
