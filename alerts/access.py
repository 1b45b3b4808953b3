"""The one getter per object of this app: other users' rows answer 404."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404

from alerts.models import Alert, Delivery, Watch, Webhook


def get_alert_for(user: Any, pk: int) -> Alert:
    return get_object_or_404(Alert.objects.for_user(user), pk=pk)


def get_watch_for(user: Any, pk: int) -> Watch:
    return get_object_or_404(Watch.objects.filter(user_id=user.pk), pk=pk)


def get_webhook(pk: int) -> Webhook:
    """Webhooks are the admins' (the view checks the role); any admin may manage any."""
    return get_object_or_404(Webhook, pk=pk)


def get_delivery(webhook: Webhook, pk: int) -> Delivery:
    return get_object_or_404(webhook.deliveries.all(), pk=pk)
