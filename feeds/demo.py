"""The demo's own feed, served by the app from demo/feed/ so the demo works offline.

One more item is released every DEMO_FEED_STEP_SECONDS after the web process started,
so an admin watching the demo sees items arrive one at a time. Served only when
settings.DEMO_FEED is on (which the settings refuse when DEBUG is off); the worker
reaches it because `scripts/run-demo` allows the demo's exact origin
(FETCH_ALLOW_ORIGINS), not by loosening the address rules.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.views.decorators.http import require_GET

DEMO_DIR = Path(settings.BASE_DIR) / "demo" / "feed"
STARTED = time.monotonic()


@dataclass(frozen=True)
class DemoItem:
    slug: str
    title: str
    published: datetime | None
    path: Path


def items() -> list[DemoItem]:
    found = []
    for path in sorted(DEMO_DIR.glob("*.html")):
        html = path.read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", html, re.S)
        stamp = re.search(r'article:published_time" content="([^"]+)"', html)
        published = datetime.fromisoformat(stamp.group(1)) if stamp else None
        found.append(
            DemoItem(path.stem, title.group(1).strip() if title else path.stem, published, path)
        )
    return found


def released(now: float | None = None) -> list[DemoItem]:
    """The items out so far: the first at once, then one more each step."""
    elapsed = (time.monotonic() if now is None else now) - STARTED
    count = 1 + int(elapsed // max(settings.DEMO_FEED_STEP_SECONDS, 1))
    return items()[:count]


def _require_demo() -> None:
    if not settings.DEMO_FEED:
        raise Http404("There is no demo feed here.")


@require_GET
def demo_feed(request: HttpRequest) -> HttpResponse:
    _require_demo()
    feed = Rss201rev2Feed(
        title="Demo news wire",
        link=request.build_absolute_uri(reverse("feeds:demo_feed")),
        description="Articles derived from the demo's UK-France press release, one at a time.",
        language="en",
    )
    for item in reversed(released()):
        link = request.build_absolute_uri(reverse("feeds:demo_item", args=[item.slug]))
        feed.add_item(
            title=item.title,
            link=link,
            description=item.title,
            unique_id=link,
            pubdate=item.published,
        )
    response = HttpResponse(content_type="application/rss+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response


@require_GET
def demo_item(request: HttpRequest, slug: str) -> HttpResponse:
    _require_demo()
    item = next((item for item in released() if item.slug == slug), None)
    if item is None:
        raise Http404("No such demo item (yet).")
    return HttpResponse(item.path.read_bytes(), content_type="text/html; charset=utf-8")
