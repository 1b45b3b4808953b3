"""Read and check a JSON-LD annotation import before anything is stored.

An import file comes from anywhere, so every field it may hold is checked for
its type and range here, and the file is refused as a whole (with a message
naming the item and field) when one is wrong: the importer then works on typed
values and cannot fail half-way with a TypeError. Names of people in the file
are kept only as text (`nickname`): who wrote or reviewed an annotation
elsewhere is attribution, never an account here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.utils.dateparse import parse_datetime
from django.utils.timezone import is_naive, make_aware

# Deeper than any export this app writes (5 levels) by a wide margin; a file nested deeper
# is not an annotation export, and Python's json parser would recurse without end on it.
MAX_DEPTH = 20
MAX_ITEMS = 10_000
MAX_INT = 2_147_483_647  # the largest value every database's integer column holds
MAX_ERRORS_SHOWN = 5


class UnreadableExport(ValueError):
    """The file is not a Web Annotation export we can read."""


@dataclass(frozen=True)
class AnnotationItem:
    """One annotation of an import file, checked and typed."""

    ident: str
    created: datetime | None
    modified: datetime | None
    creator: str
    note: str
    label_name: str
    label_slug: str
    exact: str
    prefix: str
    suffix: str
    start: int | None
    source: str
    digest: str
    status: str
    public: bool
    reviewed_by: str
    reviewed: datetime | None
    passage: int | None
    finding: int | None
    attribution: str


@dataclass(frozen=True)
class ReplyItem:
    ident: str
    target: str
    body: str
    creator: str
    created: datetime | None


@dataclass(frozen=True)
class ImportFile:
    annotations: list[AnnotationItem]
    replies: list[ReplyItem]


def load(raw: bytes) -> Any:
    """Parse the bytes of an import file as JSON, refusing what is not text or nests too deep."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableExport("it is not UTF-8 text.") from exc
    if _nesting(text) > MAX_DEPTH:
        raise UnreadableExport(f"it nests deeper than {MAX_DEPTH} levels.")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableExport(f"it is not JSON ({exc.msg}, line {exc.lineno}).") from exc
    except RecursionError as exc:  # pragma: no cover - _nesting stops these first
        raise UnreadableExport("it nests too deep.") from exc


def _nesting(text: str) -> int:
    """The deepest bracket nesting outside strings, counted without parsing (no recursion)."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


class _Fields:
    """Typed reads of one JSON object; each wrong field adds a message to `errors`."""

    def __init__(self, data: dict[str, Any], where: str, errors: list[str]) -> None:
        self.data, self.where, self.errors = data, where, errors

    def _wrong(self, key: str, wanted: str) -> None:
        value = repr(self.data.get(key))
        value = value if len(value) <= 40 else value[:37] + "…"
        self.errors.append(f"{self.where}: “{key}” must be {wanted}, not {value}")

    def text(self, key: str, limit: int | None = None) -> str:
        value = self.data.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            self._wrong(key, "text")
            return ""
        if limit is not None and len(value) > limit:
            self._wrong(key, f"at most {limit} characters")
        return value

    def integer(self, key: str) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        # bool is an int in Python, but `true` is not a position; past MAX_INT the
        # database column overflows.
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_INT:
            self._wrong(key, f"a whole number from 0 to {MAX_INT}")
            return None
        return value

    def boolean(self, key: str) -> bool:
        value = self.data.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            self._wrong(key, "true or false")
            return False
        return value

    def when(self, key: str) -> datetime | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self._wrong(key, "a date and time (ISO 8601)")
            return None
        try:
            parsed = parse_datetime(value)
        except ValueError:  # well formed but not a real date, like 2024-02-30
            parsed = None
        try:
            # The database stores UTC: a time at the edge of the calendar must fit there too.
            aware = make_aware(parsed) if parsed is not None and is_naive(parsed) else parsed
            if aware is not None:
                aware.astimezone(UTC)
        except (OverflowError, ValueError):
            aware = None
        if aware is None:
            self._wrong(key, "a real date and time (ISO 8601)")
        return aware

    def obj(self, key: str) -> dict[str, Any]:
        value = self.data.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self._wrong(key, "an object")
            return {}
        return value

    def objects(self, key: str) -> list[dict[str, Any]]:
        """A field that is one object or a list of objects."""
        value = self.data.get(key)
        if value is None:
            return []
        values = value if isinstance(value, list) else [value]
        if not all(isinstance(v, dict) for v in values):
            self._wrong(key, "an object or a list of objects")
            return []
        return values

    def person(self, key: str) -> str:
        """The nickname of a `Person`, as text."""
        inner = _Fields(self.obj(key), f"{self.where}, {key}", self.errors)
        return inner.text("nickname", limit=150)

    def within(self, value: dict[str, Any], name: str) -> _Fields:
        return _Fields(value, f"{self.where}, {name}", self.errors)


def _items(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise UnreadableExport("the file holds no annotations.")
    if data.get("type") == "Annotation":
        return [data]
    page = data.get("first")
    items = page.get("items") if isinstance(page, dict) else None
    if data.get("type") != "AnnotationCollection" or not isinstance(items, list):
        raise UnreadableExport("this is not a W3C Web Annotation collection.")
    return items


def _annotation(f: _Fields) -> AnnotationItem:
    bodies = f.objects("body")
    note = next((b for b in bodies if b.get("purpose") == "commenting"), {})
    tag = next((b for b in bodies if b.get("purpose") == "tagging"), {})
    note_f, tag_f = f.within(note, "note body"), f.within(tag, "label body")
    target = f.within(f.obj("target"), "target")
    quote: dict[str, Any] = {}
    position: dict[str, Any] = {}
    for selector in target.objects("selector"):
        kind = selector.get("type")
        if not isinstance(kind, str):
            target.within(selector, "selector")._wrong("type", "text")
        elif kind == "TextQuoteSelector":
            quote = selector
        elif kind == "TextPositionSelector":
            position = selector
    quote_f = target.within(quote, "TextQuoteSelector")
    return AnnotationItem(
        ident=f.text("id", limit=500),
        created=f.when("created"),
        modified=f.when("modified"),
        creator=f.person("creator"),
        note=note_f.text("value"),
        label_name=tag_f.text("value").strip()[:80],
        label_slug=tag_f.text("pvn:labelSlug"),
        exact=quote_f.text("exact"),
        prefix=quote_f.text("prefix", limit=64),
        suffix=quote_f.text("suffix", limit=64),
        start=target.within(position, "TextPositionSelector").integer("start"),
        source=target.text("source", limit=2000),
        digest=f.text("pvn:textSha256", limit=64),
        status=f.text("pvn:status", limit=20),
        public=f.boolean("pvn:public"),
        reviewed_by=f.person("pvn:reviewedBy"),
        reviewed=f.when("pvn:reviewed"),
        passage=f.integer("pvn:passage"),
        finding=f.integer("pvn:finding"),
        attribution=f.text("pvn:attribution", limit=2000),
    )


def _reply(f: _Fields) -> ReplyItem:
    bodies = f.objects("body")
    return ReplyItem(
        ident=f.text("id", limit=500),
        target=f.text("target", limit=600),
        body=f.within(bodies[0] if bodies else {}, "body").text("value"),
        creator=f.person("creator"),
        created=f.when("created"),
    )


def read(data: Any) -> ImportFile:
    """Check every item of parsed JSON; raise UnreadableExport listing what is wrong."""
    items = _items(data)
    if len(items) > MAX_ITEMS:
        raise UnreadableExport(f"it holds more than {MAX_ITEMS} items; split it.")
    errors: list[str] = []
    checked = ImportFile([], [])
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            errors.append(f"item {number} is not an object")
            continue
        f = _Fields(item, f"item {number}", errors)
        motivation = f.text("motivation")
        if motivation == "replying":
            checked.replies.append(_reply(f))
        else:
            checked.annotations.append(_annotation(f))
    if errors:
        shown = "; ".join(errors[:MAX_ERRORS_SHOWN])
        more = len(errors) - MAX_ERRORS_SHOWN
        raise UnreadableExport(shown + (f"; and {more} more" if more > 0 else "") + ".")
    return checked
