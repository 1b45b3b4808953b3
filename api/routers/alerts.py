"""Watches, the alerts inbox, and (for admins) webhooks and their deliveries."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja import Status as Answer
from pydantic import Field

from alerts import actions
from alerts.access import get_alert_for, get_delivery, get_watch_for, get_webhook
from alerts.delivery import queue as delivery_queue
from alerts.models import Alert, Delivery, Watch, Webhook
from api.auth import reader, uploader
from api.pagination import MAX_PER_PAGE, PER_PAGE, PageLinks, paginate
from api.routers.common import responses
from api.types import Id
from documents.access import get_document_for
from documents.models import Outlet

if TYPE_CHECKING:
    from django.contrib.auth.models import User

router = Router(tags=["alerts"])
EventName = Literal[
    "document.added",
    "comparison.done",
    "discovery.done",
    "alert.raised",
    "annotation.reviewed",
    "import.finished",
]


class WatchIn(Schema):
    kind: Literal["release", "outlet", "person"]
    document_id: Id | None = Field(None, description="The press release, for kind `release`.")
    outlet_id: Id | None = Field(None, description="The outlet, for kind `outlet`.")
    person: str = Field("", max_length=200, description="The person's name, for kind `person`.")


class WatchOut(Schema):
    id: int
    kind: Literal["release", "outlet", "person"]
    name: str = Field(description="What is watched: the release's title, the outlet, the name.")
    document_id: int | None
    outlet_id: int | None
    person: str
    created_at: dt.datetime


class AlertOut(Schema):
    id: int
    kind: Literal["reused", "finding", "new_document", "quote"]
    message: str
    watch_id: int | None = Field(description="None once the watch has been removed.")
    comparison_id: int | None
    document_id: int | None
    url: str = Field(description="The comparison page at the finding, or the document's page.")
    created_at: dt.datetime
    read_at: dt.datetime | None


class AlertPage(PageLinks):
    unread: int
    results: list[AlertOut]


class AlertFilters(Schema):
    unread: bool = Field(False, description="Only alerts not yet read.")
    page: int = Field(1, ge=1, le=100_000)
    per_page: int = Field(PER_PAGE, ge=1, le=MAX_PER_PAGE)


class ReadCount(Schema):
    marked: int


class WebhookIn(Schema):
    url: str = Field(min_length=1, max_length=500)
    events: list[EventName] = Field(min_length=1)
    secret: str = Field("", max_length=200, description="Leave empty to have one made.")


class WebhookChange(Schema):
    events: list[EventName] | None = Field(None, min_length=1)
    active: bool | None = None


class WebhookOut(Schema):
    id: int
    url: str
    events: list[str]
    active: bool
    created_at: dt.datetime


class WebhookCreated(WebhookOut):
    secret: str = Field(description="Signs every delivery; shown this once.")


class DeliveryOut(Schema):
    id: int
    event: str
    status: Literal["pending", "delivered", "failed"]
    attempts: int
    response_code: int | None
    error: str
    created_at: dt.datetime
    last_attempt_at: dt.datetime | None
    delivered_at: dt.datetime | None


class DeliveryPage(PageLinks):
    results: list[DeliveryOut]


class PageFilters(Schema):
    page: int = Field(1, ge=1, le=100_000)
    per_page: int = Field(PER_PAGE, ge=1, le=MAX_PER_PAGE)


def _watch(row: Watch) -> WatchOut:
    return WatchOut(
        id=row.pk,
        kind=row.kind,  # type: ignore[arg-type]
        name=row.target_name,
        document_id=row.document_id,
        outlet_id=row.outlet_id,
        person=row.person,
        created_at=row.created_at,
    )


def _alert(request: HttpRequest, row: Alert) -> AlertOut:
    return AlertOut(
        id=row.pk,
        kind=row.kind,  # type: ignore[arg-type]
        message=row.message,
        watch_id=row.watch_id,
        comparison_id=row.comparison_id,
        document_id=row.document_id,
        url=request.build_absolute_uri(row.target_url()),
        created_at=row.created_at,
        read_at=row.read_at,
    )


def _webhook(row: Webhook) -> WebhookOut:
    return WebhookOut(
        id=row.pk, url=row.url, events=row.events, active=row.active, created_at=row.created_at
    )


def _delivery(row: Delivery) -> DeliveryOut:
    return DeliveryOut(
        id=row.pk,
        event=row.event,
        status=row.status,  # type: ignore[arg-type]
        attempts=row.attempts,
        response_code=row.response_code,
        error=row.error,
        created_at=row.created_at,
        last_attempt_at=row.last_attempt_at,
        delivered_at=row.delivered_at,
    )


# Watches ---------------------------------------------------------------------------------


@router.get("/watches", response=responses({200: list[WatchOut]}), url_name="watch_list")
def watch_list(request: HttpRequest) -> list[WatchOut]:
    """What you watch, newest first."""
    mine = Watch.objects.filter(user=reader(request)).select_related("document", "outlet")
    return [_watch(row) for row in mine]


@router.post("/watches", response=responses({201: WatchOut}), url_name="watch_create")
def watch_create(request: HttpRequest, payload: WatchIn) -> Answer[WatchOut]:
    """Watch a release, an outlet or a person (watching one twice gives the same watch)."""
    user: User = reader(request)
    document = outlet = None
    if payload.document_id is not None and payload.kind == "release":
        document = get_document_for(user, payload.document_id)
    if payload.outlet_id is not None and payload.kind == "outlet":
        outlet = get_object_or_404(Outlet, pk=payload.outlet_id)
    row = actions.do_watch(
        user, payload.kind, document=document, outlet=outlet, person=payload.person, request=request
    )
    return Answer(201, _watch(row))


@router.delete("/watches/{id:pk}", response=responses({204: None}), url_name="watch_delete")
def watch_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Stop watching."""
    user = reader(request)
    actions.do_unwatch(user, get_watch_for(user, pk), request=request)
    return HttpResponse(status=204)


# Alerts ----------------------------------------------------------------------------------


@router.get("/alerts", response=responses({200: AlertPage}), url_name="alert_list")
def alert_list(request: HttpRequest, filters: Query[AlertFilters]) -> AlertPage:
    """Your alerts, newest first, with how many are unread."""
    mine = Alert.objects.for_user(reader(request))
    shown = mine.unread() if filters.unread else mine
    page, links = paginate(request, shown, filters.page, filters.per_page)
    results = [_alert(request, row) for row in page]
    return AlertPage(**links.dict(), unread=mine.unread().count(), results=results)


@router.post("/alerts/read-all", response=responses({200: ReadCount}), url_name="alert_read_all")
def alert_read_all(request: HttpRequest) -> ReadCount:
    """Mark every unread alert of yours read."""
    return ReadCount(marked=actions.do_mark_read(reader(request), request=request))


@router.post("/alerts/{id:pk}/read", response=responses({200: AlertOut}), url_name="alert_read")
def alert_read(request: HttpRequest, pk: int) -> AlertOut:
    """Mark one of your alerts read (again is no change)."""
    user = reader(request)
    row = get_alert_for(user, pk)
    actions.do_mark_read(user, [row.pk], request=request)
    row.refresh_from_db()
    return _alert(request, row)


# Webhooks (admins) -------------------------------------------------------------------------


@router.get("/webhooks", response=responses({200: list[WebhookOut]}), url_name="webhook_list")
def webhook_list(request: HttpRequest) -> list[WebhookOut]:
    uploader(request)
    return [_webhook(row) for row in Webhook.objects.all()]


@router.post("/webhooks", response=responses({201: WebhookCreated}), url_name="webhook_create")
def webhook_create(request: HttpRequest, payload: WebhookIn) -> Answer[WebhookCreated]:
    """Register a webhook; its address must pass the same rules as a fetched URL."""
    row = actions.do_register_webhook(
        uploader(request), payload.url, payload.events, secret=payload.secret, request=request
    )
    return Answer(201, WebhookCreated(**_webhook(row).dict(), secret=row.secret))


@router.get("/webhooks/{id:pk}", response=responses({200: WebhookOut}), url_name="webhook_detail")
def webhook_detail(request: HttpRequest, pk: int) -> WebhookOut:
    uploader(request)
    return _webhook(get_webhook(pk))


@router.patch("/webhooks/{id:pk}", response=responses({200: WebhookOut}), url_name="webhook_edit")
def webhook_edit(request: HttpRequest, pk: int, payload: WebhookChange) -> WebhookOut:
    """Change a webhook's events, or pause (`active: false`) and resume it."""
    row = actions.do_change_webhook(
        uploader(request),
        get_webhook(pk),
        chosen=payload.events,
        active=payload.active,
        request=request,
    )
    return _webhook(row)


@router.delete("/webhooks/{id:pk}", response=responses({204: None}), url_name="webhook_delete")
def webhook_delete(request: HttpRequest, pk: int) -> HttpResponse:
    actions.do_delete_webhook(uploader(request), get_webhook(pk), request=request)
    return HttpResponse(status=204)


@router.get(
    "/webhooks/{id:pk}/deliveries",
    response=responses({200: DeliveryPage}),
    url_name="delivery_list",
)
def delivery_list(request: HttpRequest, pk: int, filters: Query[PageFilters]) -> DeliveryPage:
    """A webhook's deliveries, newest first, with each one's last response code."""
    uploader(request)
    rows = get_webhook(pk).deliveries.all()
    page, links = paginate(request, rows, filters.page, filters.per_page)
    return DeliveryPage(**links.dict(), results=[_delivery(row) for row in page])


@router.post(
    "/webhooks/{id:pk}/deliveries/{id:delivery}/redeliver",
    response=responses({202: DeliveryOut}),
    url_name="delivery_redeliver",
)
def delivery_redeliver(request: HttpRequest, pk: int, delivery: int) -> Answer[DeliveryOut]:
    """Send a delivery's body again, as a new delivery."""
    user = uploader(request)
    webhook = get_webhook(pk)
    found = get_delivery(webhook, delivery)
    row = actions.do_redeliver(user, found, delivery_queue, request=request)
    row.refresh_from_db()
    return Answer(202, _delivery(row))
