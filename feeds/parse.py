"""Read a fetched feed into its entries: RSS 0.9x/1.0/2.0 and Atom (feedparser), JSON Feed
(its JSON), and news sitemaps (lxml, with entities and network access off).

Only what ingest needs is kept: an id, the link to fetch, a title and a date.
"""

from __future__ import annotations

import calendar
import json
import urllib.parse
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser
from django.utils.dateparse import parse_datetime
from lxml import etree

from documents.errors import RejectedInput

# What a feed address may answer; HTML is read only to say clearly it is not a feed.
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/feed+json",
        "application/json",
        "text/html",
    }
)
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


@dataclass(frozen=True)
class Entry:
    id: str  # the feed's own id for it, else its link
    link: str
    title: str = ""
    published: datetime | None = None


@dataclass(frozen=True)
class Parsed:
    title: str  # the feed's own name, when it gives one
    entries: list[Entry]


class NotAFeed(RejectedInput):
    """The address answered something that is not a feed we read."""


def parse(data: bytes, content_type: str, base_url: str) -> Parsed:
    """The feed's title and entries, in the feed's order; raise NotAFeed."""
    media = content_type.split(";", 1)[0].strip().lower()
    head = data.lstrip()[:512].lower()
    if media == "text/html" or head.startswith((b"<!doctype html", b"<html")):
        raise NotAFeed("The feed address answered a web page (HTML), not a feed.")
    if media in {"application/feed+json", "application/json"} or head.startswith(b"{"):
        title, entries = _json_feed(data)
    elif b"<urlset" in head or b"<sitemapindex" in head:
        title, entries = "", _sitemap(data)
    else:
        title, entries = _feed(data, base_url)
    return Parsed(title.strip()[:300], [entry for entry in entries if _is_web(entry.link)])


def _is_web(link: str) -> bool:
    return urllib.parse.urlsplit(link).scheme in {"http", "https"}


def _feed(data: bytes, base_url: str) -> tuple[str, list[Entry]]:
    parsed = feedparser.parse(data, response_headers={"content-location": base_url})
    if not parsed.get("version") and not parsed.entries:
        raise NotAFeed("The feed address answered something that is not RSS, Atom or JSON Feed.")
    entries = []
    for item in parsed.entries:
        link = urllib.parse.urljoin(base_url, item.get("link", "") or "")
        if not link:
            continue
        stamp = item.get("published_parsed") or item.get("updated_parsed")
        published = datetime.fromtimestamp(calendar.timegm(stamp), UTC) if stamp else None
        entries.append(
            Entry(
                id=item.get("id") or link,
                link=link,
                title=item.get("title", ""),
                published=published,
            )
        )
    return str(parsed.feed.get("title", "") or ""), entries


def _json_feed(data: bytes) -> tuple[str, list[Entry]]:
    try:
        document: Any = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise NotAFeed("The feed address answered JSON we could not read.") from exc
    if not isinstance(document, dict) or not str(document.get("version", "")).startswith(
        "https://jsonfeed.org/version/"
    ):
        raise NotAFeed("The feed address answered JSON that is not a JSON Feed.")
    items = document.get("items")
    entries = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        link = str(item.get("url") or item.get("external_url") or "")
        if not link:
            continue
        entries.append(
            Entry(
                id=str(item.get("id") or link),
                link=link,
                title=str(item.get("title") or ""),
                published=_date(item.get("date_published")),
            )
        )
    return str(document.get("title") or ""), entries


def _sitemap(data: bytes) -> list[Entry]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise NotAFeed("The sitemap could not be read as XML.") from exc
    if root.tag != f"{{{SITEMAP_NS}}}urlset":
        raise NotAFeed("Only news sitemaps (a list of pages) are read, not sitemap indexes.")
    entries = []
    for url in root.iter(f"{{{SITEMAP_NS}}}url"):
        link = (url.findtext(f"{{{SITEMAP_NS}}}loc") or "").strip()
        if not link:
            continue
        title = url.findtext(f"{{{NEWS_NS}}}news/{{{NEWS_NS}}}title") or ""
        stamp = url.findtext(f"{{{NEWS_NS}}}news/{{{NEWS_NS}}}publication_date")
        stamp = stamp or url.findtext(f"{{{SITEMAP_NS}}}lastmod")
        entries.append(Entry(id=link, link=link, title=title.strip(), published=_date(stamp)))
    return entries


def _date(value: object) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        found = parse_datetime(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        return None
    if found is not None and found.tzinfo is None:
        found = found.replace(tzinfo=UTC)
    return found
