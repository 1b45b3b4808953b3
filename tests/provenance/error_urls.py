"""The app's URLs plus one view that fails, to see the 500 page (tests only)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import path

from provenance.urls import urlpatterns as app_urlpatterns


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a fault the page must not show")


urlpatterns = [path("broken/", broken), *app_urlpatterns]
