"""`manage.py add_feed URL --kind press_release|article --outlet NAME [--every MINUTES]`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from documents.errors import RejectedInput
from feeds.actions import NewFeed, do_add_feed
from feeds.models import Feed


class Command(BaseCommand):
    help = "Register a feed the worker polls on its own schedule (first poll at once)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("url")
        parser.add_argument("--kind", required=True, choices=Feed.ItemKind.values)
        parser.add_argument("--outlet", default="")
        parser.add_argument("--every", type=int, default=60, help="minutes between polls")
        parser.add_argument("--title", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        new = NewFeed(
            url=options["url"],
            kind=options["kind"],
            outlet=options["outlet"],
            every=options["every"],
            title=options["title"],
        )
        try:
            feed, created = do_add_feed(None, None, new)
        except RejectedInput as exc:
            raise CommandError(str(exc)) from exc
        verb = "Added" if created else "Already registered:"
        self.stdout.write(f"{verb} feed {feed.pk} {feed.url} (every {feed.interval_minutes} min)")
