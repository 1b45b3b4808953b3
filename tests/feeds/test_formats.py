"""A feed in each format we read, served locally and polled into a document."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from documents.models import Document
from feeds.actions import NewFeed, do_add_feed
from feeds.parse import NotAFeed, parse
from feeds.polling import poll
from tests.feeds.conftest import HTML, FeedServer, article_html

TITLE = "Council doubles the coastal fund"


def rss091(link: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="0.91"><channel><title>Wire</title>'
        "<link>http://example.org/</link><description>d</description><language>en</language>"
        f"<item><title>{TITLE}</title><link>{link}</link></item></channel></rss>"
    ).encode()


def rss10(link: str) -> bytes:
    return (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<channel rdf:about="http://example.org/"><title>Wire</title>'
        "<link>http://example.org/</link><description>d</description></channel>"
        f'<item rdf:about="{link}"><title>{TITLE}</title><link>{link}</link>'
        "<dc:date>2026-12-08T09:00:00Z</dc:date></item></rdf:RDF>"
    ).encode()


def rss20(link: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<link>http://example.org/</link><description>d</description>"
        f"<item><title>{TITLE}</title><link>{link}</link><guid>urn:story:1</guid>"
        "<pubDate>Tue, 08 Dec 2026 09:00:00 GMT</pubDate></item></channel></rss>"
    ).encode()


def atom(link: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Wire</title><id>urn:wire</id><updated>2026-12-08T09:00:00Z</updated>"
        f'<entry><title>{TITLE}</title><link href="{link}"/><id>urn:story:1</id>'
        "<updated>2026-12-08T09:00:00Z</updated></entry></feed>"
    ).encode()


def json_feed(link: str) -> bytes:
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Wire",
            "items": [
                {
                    "id": "1",
                    "url": link,
                    "title": TITLE,
                    "date_published": "2026-12-08T09:00:00Z",
                }
            ],
        }
    ).encode()


def news_sitemap(link: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"<url><loc>{link}</loc><news:news><news:publication><news:name>Wire</news:name>"
        "<news:language>en</news:language></news:publication>"
        "<news:publication_date>2026-12-08T09:00:00Z</news:publication_date>"
        f"<news:title>{TITLE}</news:title></news:news></url></urlset>"
    ).encode()


FORMATS: dict[str, tuple[Callable[[str], bytes], str]] = {
    "rss-0.91": (rss091, "application/rss+xml"),
    "rss-1.0": (rss10, "application/rdf+xml"),
    "rss-2.0": (rss20, "application/rss+xml"),
    "atom": (atom, "application/atom+xml"),
    "json-feed": (json_feed, "application/feed+json"),
    "news-sitemap": (news_sitemap, "application/xml"),
}


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_each_format_gives_its_entry(name: str) -> None:
    make, content_type = FORMATS[name]
    parsed = parse(make("https://news.example/story"), content_type, "https://news.example/f")
    [entry] = parsed.entries
    assert parsed.title == ("" if name == "news-sitemap" else "Wire")
    assert entry.link == "https://news.example/story"
    assert entry.title == TITLE
    if name != "rss-0.91":  # 0.91 items carry no date
        assert entry.published is not None and entry.published.isoformat().startswith(
            "2026-12-08T09:00"
        )


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(FORMATS))
def test_each_format_is_polled_into_a_document(name: str, feed_server: FeedServer) -> None:
    make, content_type = FORMATS[name]
    link = feed_server.url("/story/1")
    feed_server.routes["/feed"] = (200, {"Content-Type": content_type}, make(link))
    feed_server.routes["/story/1"] = (200, HTML, article_html(TITLE, 1))
    feed, _ = do_add_feed(None, None, NewFeed(url=feed_server.url("/feed"), kind="press_release"))
    result = poll(feed)
    assert result.ok and result.added == 1, result
    document = Document.objects.get(url=link)
    assert document.title == TITLE and document.kind == "press_release"


@pytest.mark.parametrize(
    ("body", "content_type", "message"),
    [
        (b"<html><body>hi</body></html>", "text/html", "a web page (HTML), not a feed"),
        (b"{not json", "application/json", "JSON we could not read"),
        (b'{"items": []}', "application/json", "not a JSON Feed"),
        (b"plain words, no markup", "text/xml", "not RSS, Atom or JSON Feed"),
        (
            b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>',
            "application/xml",
            "not sitemap indexes",
        ),
    ],
)
def test_what_is_not_a_feed_is_said_in_words(body: bytes, content_type: str, message: str) -> None:
    with pytest.raises(NotAFeed) as caught:
        parse(body, content_type, "https://news.example/f")
    assert message in str(caught.value)


def test_entries_that_are_not_web_addresses_are_dropped() -> None:
    parsed = parse(rss20("javascript:alert(1)"), "application/rss+xml", "https://n.example/")
    assert parsed.entries == []


def test_a_sitemap_with_an_entity_is_not_expanded() -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>https://n.example/a&x;</loc></url></urlset>"
    )
    entries = parse(body, "application/xml", "https://n.example/").entries
    assert all("root:" not in entry.link for entry in entries)
