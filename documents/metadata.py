"""Metadata that comes with a document: what the admin typed or the file declared."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from documents.errors import RejectedInput


@dataclass(frozen=True)
class Metadata:
    """Fields a user or a file may supply; empty means "not given"."""

    kind: str = ""
    title: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    published: str | dt.date | dt.datetime | None = None
    language: str = ""

    def merged_over(self, defaults: Metadata) -> Metadata:
        """Return these values, falling back to `defaults` for each one not given."""
        values = {
            name: getattr(self, name) or getattr(defaults, name)
            for name in self.__dataclass_fields__
        }
        return replace(self, **values)


_TZ_WORDS = {"GMT": "+00:00", "UTC": "+00:00", "BST": "+01:00", "CET": "+01:00", "CEST": "+02:00"}
_WEEKDAY = re.compile(
    r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+", re.IGNORECASE
)  # "Wednesday 31 January 2024"
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%d/%m/%Y", "%d.%m.%Y")
_TIME_FORMATS = ("%H:%M", "%H:%M:%S", "%I:%M%p", "%I:%M %p", "%I.%M%p")


def parse_published(value: object) -> tuple[dt.date | None, dt.datetime | None]:
    """Return (date, datetime-if-the-time-is-known) for a publication date.

    Accepts ISO dates and datetimes and the common newsroom forms
    ("Wednesday 31 January 2024 03:53 GMT", "14 November 2022"). Raises
    RejectedInput with a message the admin can act on when it cannot be read.
    """
    if value is None or value == "":
        return None, None
    if isinstance(value, dt.datetime):
        return _aware(value).date(), _aware(value)
    if isinstance(value, dt.date):
        return value, None
    text = " ".join(str(value).split())
    try:
        parsed = _parse_text(text)
    except ValueError:
        parsed = None
    if parsed is None:
        raise RejectedInput(
            f"“{text[:60]}” is not a date we understand. "
            "Use a form like 2024-01-31, 2024-01-31 09:30 or 31 January 2024."
        )
    if isinstance(parsed, dt.datetime):
        aware = _aware(parsed)
        return timezone.localtime(aware).date(), aware
    return parsed, None


def _parse_text(text: str) -> dt.date | dt.datetime | None:
    # Django's parsers raise ValueError for well-formed but impossible values (2024-02-30).
    # A bare date goes first: parse_datetime would read it as midnight, inventing a time.
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return parse_date(text)
    if found := parse_datetime(text.replace("Z", "+00:00") if text.endswith("Z") else text):
        return found
    if found_date := parse_date(text):
        return found_date
    text = _WEEKDAY.sub("", text).replace(",", "")
    offset = None
    words = text.split()
    if words and words[-1].upper() in _TZ_WORDS:
        offset = _TZ_WORDS[words.pop().upper()]
    for date_format in _DATE_FORMATS:
        for time_format in (None, *_TIME_FORMATS):
            pattern = date_format if time_format is None else f"{date_format} {time_format}"
            try:
                found_dt = dt.datetime.strptime(" ".join(words), pattern)
            except ValueError:
                continue
            if time_format is None:
                return found_dt.date()
            if offset:
                found_dt = dt.datetime.fromisoformat(f"{found_dt.isoformat()}{offset}")
            return found_dt
    return None


def _aware(value: dt.datetime) -> dt.datetime:
    if timezone.is_naive(value):
        return timezone.make_aware(value)
    return value
