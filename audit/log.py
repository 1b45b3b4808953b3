"""Write audit entries (and the same line to Python logging, for log collectors)."""

from __future__ import annotations

import logging
from typing import Any

from django.db import models
from django.http import HttpRequest

from audit.models import AuditEntry

Action = AuditEntry.Action
logger = logging.getLogger("provenance.audit")


def client_ip(request: HttpRequest | None) -> str | None:
    """The address the request came from, as Django saw it (the proxy sets REMOTE_ADDR)."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def record(
    request: HttpRequest | None,
    action: str,
    obj: models.Model | None = None,
    *,
    actor: Any = None,
    actor_name: str = "",
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Write one entry; the actor is `actor`, else the request's signed-in user.

    Call it inside the transaction of the change it records, so the entry and the
    change are stored together or not at all.
    """
    if actor is None and request is not None and request.user.is_authenticated:
        actor = request.user
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    name = actor_name or (actor.get_username() if actor is not None else "")
    entry = AuditEntry.objects.create(
        actor=actor,
        actor_name=name[:150],
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        ip_address=client_ip(request),
        details=details or {},
    )
    logger.info(
        "audit %s by %s on %s %s from %s %s",
        action,
        name or "-",
        entry.object_type or "-",
        entry.object_id or "-",
        entry.ip_address or "-",
        details or "",
    )
    return entry
