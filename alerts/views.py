"""The inbox, "My watches", the watch buttons' posts and the admins' webhook pages."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alerts import actions
from alerts.access import get_alert_for, get_delivery, get_watch_for, get_webhook
from alerts.delivery import queue as delivery_queue
from alerts.forms import DigestForm, PersonWatchForm, WebhookForm
from alerts.models import Alert, DigestSettings, Watch, Webhook
from documents.access import get_document_for
from documents.models import Outlet
from provenance import roles
from provenance.access import AuthenticatedHttpRequest, require_capability, require_role
from provenance.safety import safe_next

PAGE_SIZE = 20
require_webhooks = require_capability(roles.can_upload, "Only admins can manage webhooks.")


@require_GET
@require_role
def inbox(request: AuthenticatedHttpRequest) -> HttpResponse:
    alerts = Alert.objects.for_user(request.user).select_related("watch__document", "watch__outlet")
    page = Paginator(alerts, PAGE_SIZE).get_page(request.GET.get("page"))
    unread = Alert.objects.for_user(request.user).unread().count()
    return render(request, "alerts/inbox.html", {"page": page, "unread": unread})


@require_POST
@require_role
def open_alert(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Mark the alert read and go to what it is about."""
    alert = get_alert_for(request.user, pk)
    actions.do_mark_read(request.user, [alert.pk], request=request)
    return HttpResponseRedirect(alert.target_url())


@require_POST
@require_role
def mark_read(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    alert = get_alert_for(request.user, pk)
    actions.do_mark_read(request.user, [alert.pk], request=request)
    return _back(request, reverse("alerts:inbox"))


@require_POST
@require_role
def mark_all_read(request: AuthenticatedHttpRequest) -> HttpResponse:
    count = actions.do_mark_read(request.user, request=request)
    messages.success(request, f"Marked {count} alert{'s' if count != 1 else ''} read.")
    return redirect("alerts:inbox")


@require_GET
@require_role
def watches(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "alerts/watches.html", _watches_context(request))


def _watches_context(request: AuthenticatedHttpRequest, **extra: object) -> dict[str, object]:
    mine = Watch.objects.filter(user=request.user).select_related("document", "outlet")
    row = DigestSettings.objects.filter(user=request.user).first()
    chosen = row.frequency if row else DigestSettings.Frequency.NONE
    return {
        "watches": mine,
        "person_form": PersonWatchForm(),
        "digest_form": DigestForm(initial={"frequency": chosen}),
        "has_email": bool(request.user.email),
        **extra,
    }


@require_POST
@require_role
def watch(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Start watching a release or outlet (from a document's page) or a person (by name)."""
    kind = request.POST.get("kind", "")
    document = outlet = None
    if kind == Watch.Kind.RELEASE:
        document = get_document_for(request.user, _int(request.POST.get("document")))
    elif kind == Watch.Kind.OUTLET:
        outlet = Outlet.objects.filter(pk=_int(request.POST.get("outlet"))).first()
    try:
        made = actions.do_watch(
            request.user,
            kind,
            document=document,
            outlet=outlet,
            person=request.POST.get("person", ""),
            request=request,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return _back(request, reverse("alerts:watches"))
    messages.success(request, f"You are watching {made.target_name}.")
    return _back(request, reverse("alerts:watches"))


@require_POST
@require_role
def unwatch(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = get_watch_for(request.user, pk)
    name = found.target_name
    actions.do_unwatch(request.user, found, request=request)
    messages.success(request, f"You no longer watch {name}.")
    return _back(request, reverse("alerts:watches"))


@require_POST
@require_role
def digest(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = DigestForm(request.POST)
    if not form.is_valid():
        context = _watches_context(request, digest_form=form)
        return render(request, "alerts/watches.html", context, status=400)
    actions.do_set_digest(request.user, form.cleaned_data["frequency"], request=request)
    messages.success(request, "Your digest choice is saved.")
    return redirect("alerts:watches")


@require_http_methods(["GET", "POST"])
@require_webhooks
def webhooks(request: AuthenticatedHttpRequest) -> HttpResponse:
    """List webhooks; register one (its secret is shown on the answer to that POST only)."""
    form = WebhookForm(request.POST or None)
    made = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = actions.do_register_webhook(
                request.user, data["url"], data["events"], secret=data["secret"], request=request
            )
            form = WebhookForm()
        except ValidationError as exc:
            form.add_error(None, exc)
    context = {"form": form, "webhooks": Webhook.objects.all(), "made": made}
    status = 400 if request.method == "POST" and made is None else 200
    return render(request, "alerts/webhooks.html", context, status=status)


@require_GET
@require_webhooks
def webhook_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    hook = get_webhook(pk)
    page = Paginator(hook.deliveries.all(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "alerts/webhook.html", {"webhook": hook, "page": page})


@require_POST
@require_webhooks
def webhook_toggle(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    hook = get_webhook(pk)
    actions.do_change_webhook(request.user, hook, active=not hook.active, request=request)
    messages.success(request, f"Webhook {'resumed' if hook.active else 'paused'}.")
    return redirect("alerts:webhook", pk=hook.pk)


@require_POST
@require_webhooks
def webhook_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    actions.do_delete_webhook(request.user, get_webhook(pk), request=request)
    messages.success(request, "Webhook deleted.")
    return redirect("alerts:webhooks")


@require_POST
@require_webhooks
def redeliver(request: AuthenticatedHttpRequest, pk: int, delivery: int) -> HttpResponse:
    hook = get_webhook(pk)
    found = get_delivery(hook, delivery)
    again = actions.do_redeliver(request.user, found, delivery_queue, request=request)
    messages.success(request, f"Queued again as delivery {again.pk}.")
    return redirect("alerts:webhook", pk=hook.pk)


def _int(value: str | None) -> int:
    return int(value) if value and value.isdigit() else 0


def _back(request: AuthenticatedHttpRequest, default: str) -> HttpResponse:
    return HttpResponseRedirect(safe_next(request, request.POST.get("next")) or default)
