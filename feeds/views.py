"""Feed pages (admins only): the list, the add form, a feed's page, and its POST buttons."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from feeds import actions
from feeds.access import get_feed_for
from feeds.forms import FeedForm
from feeds.models import Feed
from provenance.access import AuthenticatedHttpRequest, require_upload

PAGE_SIZE = 25


@require_GET
@require_upload
def feed_list(request: HttpRequest) -> HttpResponse:
    feeds = Feed.objects.order_by("status", "title", "url")
    return render(request, "feeds/list.html", {"feeds": feeds})


@require_http_methods(["GET", "POST"])
@require_upload
def feed_add(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = FeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        feed, created = actions.do_add_feed(request.user, request, form.new_feed)
        if created:
            messages.success(request, "Feed added. The worker polls it within a minute.")
        else:
            messages.info(request, "That feed was already registered.")
        return redirect(feed)
    return render(request, "feeds/add.html", {"form": form})


@require_GET
@require_upload
def feed_detail(request: HttpRequest, pk: int) -> HttpResponse:
    feed = get_feed_for(request.user, pk)
    items = feed.items.select_related("document")
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "feeds/detail.html", {"feed": feed, "page": page, "items": page})


@require_POST
@require_upload
def feed_poll(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseRedirect:
    feed = get_feed_for(request.user, pk)
    if actions.do_poll_now(request.user, request, feed):
        messages.success(request, "Asked for a poll: the worker polls this feed within a minute.")
    else:
        messages.info(request, "A paused feed is not polled. Resume it first.")
    return redirect(feed)


@require_POST
@require_upload
def feed_pause(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseRedirect:
    feed = get_feed_for(request.user, pk)
    if actions.do_pause(request.user, request, feed):
        messages.success(request, "Paused. Nothing is fetched until you resume it.")
    return redirect(feed)


@require_POST
@require_upload
def feed_resume(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseRedirect:
    feed = get_feed_for(request.user, pk)
    if actions.do_resume(request.user, request, feed):
        messages.success(request, "Resumed. The worker polls it within a minute.")
    return redirect(feed)
