"""Pages for the write guard's tests: each writes one way, inside an action or not."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from annotations.models import Label
from provenance.actions import action


def _add(request: HttpRequest) -> HttpResponse:
    Label.objects.create(slug="guarded", name="Guarded")
    return HttpResponse("stored")


def _update(request: HttpRequest) -> HttpResponse:
    Label.objects.filter(slug="guard-other").update(name="Changed")
    return HttpResponse("stored")


def _delete(request: HttpRequest) -> HttpResponse:
    Label.objects.get(slug="guard-other").delete()
    return HttpResponse("stored")


def _queryset_delete(request: HttpRequest) -> HttpResponse:
    Label.objects.filter(slug="guard-other").delete()
    return HttpResponse("stored")


def _bulk(request: HttpRequest) -> HttpResponse:
    Label.objects.bulk_create([Label(slug="bulk", name="Bulk")])
    return HttpResponse("stored")


@action
def do_add_label(actor: object) -> None:
    Label.objects.create(slug="guarded", name="Guarded")


def _through_action(request: HttpRequest) -> HttpResponse:
    do_add_label(request.user)
    return HttpResponse("stored")


def _session(request: HttpRequest) -> HttpResponse:
    request.session["seen"] = True  # saved by SessionMiddleware after the view
    return HttpResponse("stored")


urlpatterns = [
    path("add", _add),
    path("update", _update),
    path("delete", _delete),
    path("queryset-delete", _queryset_delete),
    path("bulk", _bulk),
    path("action", _through_action),
    path("session", _session),
    path("", include("provenance.urls")),  # the error pages link to the site's own pages
]
