"""A JSON-LD import cannot forge authorship or reviews, and bad input is a 400, never a 500.

Every file here is refused as a whole with a message naming the item and field,
and nothing of it is stored (no annotation, no label, no reply).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from annotations.models import Annotation, Label, Reply
from audit.models import AuditEntry
from documents.models import DocumentVersion

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]
WORDS = "increase by 40%"


@pytest.fixture
def item(release: DocumentVersion) -> dict[str, Any]:
    """A well-formed annotation on seed 001 with a label this database does not have yet."""
    start = release.text.index(WORDS)
    return {
        "id": "https://elsewhere.example/annotations/7",
        "type": "Annotation",
        "motivation": "assessing",
        "created": "2024-02-01T10:00:00+00:00",
        "creator": {"type": "Person", "nickname": "mo"},
        "body": [
            {"type": "TextualBody", "purpose": "commenting", "value": "Was it 40%?"},
            {"type": "TextualBody", "purpose": "tagging", "value": "Brand new label"},
        ],
        "target": {
            "source": "https://elsewhere.example/documents/1",
            "selector": [
                {"type": "TextQuoteSelector", "exact": WORDS, "prefix": "", "suffix": ""},
                {"type": "TextPositionSelector", "start": start, "end": start + len(WORDS)},
            ],
        },
        "pvn:status": "confirmed",
        "pvn:public": True,
        "pvn:reviewedBy": {"type": "Person", "nickname": "mo"},
        "pvn:reviewed": "2024-02-02T10:00:00+00:00",
        "pvn:textSha256": release.text_sha256,
    }


def post(client: Client, payload: Any) -> Any:
    raw = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    upload = SimpleUploadedFile("in.jsonld", raw, "application/ld+json")
    return client.post(reverse("annotations:import"), {"file": upload})


def collection(*items: Any) -> dict[str, Any]:
    return {"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": items}}


def assert_nothing_stored() -> None:
    assert not Annotation.objects.exists()
    assert not Reply.objects.exists()
    assert not Label.objects.filter(name="Brand new label").exists()


def test_a_forged_import_is_credited_to_the_importer_and_left_for_review(
    client_for: ClientFor, admin_member: User, moderator: User, item: dict[str, Any]
) -> None:
    # The file says moderator "mo" wrote it and "mo" confirmed it: both claims stay text.
    reply = {
        "id": item["id"] + "#reply-1",
        "type": "Annotation",
        "motivation": "replying",
        "creator": {"type": "Person", "nickname": "mo"},
        "body": {"type": "TextualBody", "value": "Agreed."},
        "target": item["id"],
    }
    response = post(client_for(admin_member), collection(item, reply))
    assert response.status_code == 302
    imported = Annotation.objects.get()
    assert imported.created_by == admin_member != moderator
    assert (imported.status, imported.reviewed_by, imported.reviewed_at) == ("open", None, None)
    assert "Written by mo on 2024-02-01" in imported.attribution
    assert "Confirmed by mo on 2024-02-02 there, not here" in imported.attribution
    assert not Annotation.objects.confirmed().exists()
    assert imported.replies.get().author == admin_member
    page = client_for(admin_member).get(imported.get_absolute_url()).content.decode()
    assert "Attribution" in page and "Written by mo on 2024-02-01" in page
    entry = AuditEntry.objects.get(action=AuditEntry.Action.ANNOTATIONS_IMPORTED)
    assert entry.actor == admin_member and entry.details["created"] == 1


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split("/")
    for key in parents:
        data = data[int(key)] if isinstance(data, list) else data[key]
    if isinstance(data, list):
        data[int(last)] = value
    else:
        data[last] = value


BAD_FIELDS = [
    ("created", "2024-02-30T10:00:00+00:00", "created"),
    ("created", "yesterday", "created"),
    ("modified", 20240201, "modified"),
    ("created", "9999-12-31T23:59:59-05:00", "created"),
    ("created", "2024-02-01T10:00:00+25:00", "created"),
    ("pvn:reviewed", "2024-13-01T00:00:00", "pvn:reviewed"),
    ("target/selector/0/type", ["TextQuoteSelector"], "type"),
    ("target/selector/1/type", {"a": 1}, "type"),
    ("target/selector/1/start", "12", "start"),
    ("target/selector/1/start", -4, "start"),
    ("target/selector/1/start", True, "start"),
    ("target/selector/0/exact", 40, "exact"),
    ("target/selector/0/prefix", "x" * 65, "prefix"),
    ("target/selector", "TextQuoteSelector", "selector"),
    ("target/source", ["a"], "source"),
    ("target", ["a"], "target"),
    ("body", "a note", "body"),
    ("body/0/value", ["Was", "it"], "value"),
    ("body/1/value", {"name": "x"}, "value"),
    ("creator", "mo", "creator"),
    ("creator/nickname", 7, "nickname"),
    ("pvn:public", "yes", "pvn:public"),
    ("pvn:status", ["confirmed"], "pvn:status"),
    ("pvn:reviewedBy", [1], "pvn:reviewedBy"),
    ("pvn:passage", -1, "pvn:passage"),
    ("pvn:passage", 10**30, "pvn:passage"),
    ("target/selector/1/start", 2**31, "start"),
    ("pvn:finding", "2", "pvn:finding"),
    ("pvn:textSha256", 5, "pvn:textSha256"),
    ("id", {"x": 1}, "id"),
    ("id", "x" * 501, "id"),
    ("motivation", 3, "motivation"),
]


@pytest.mark.parametrize(("path", "value", "named"), BAD_FIELDS)
def test_each_bad_field_is_a_400_naming_it_and_nothing_is_stored(
    client_for: ClientFor,
    admin_member: User,
    item: dict[str, Any],
    path: str,
    value: Any,
    named: str,
) -> None:
    good = copy.deepcopy(item)
    good["id"] = "https://elsewhere.example/annotations/8"
    bad = copy.deepcopy(item)
    _set(bad, path, value)
    # The good item comes first: an import that stored items one by one would keep it.
    response = post(client_for(admin_member), collection(good, bad))
    assert response.status_code == 400
    text = response.content.decode()
    assert "cannot be imported" in text and "item 2" in text and f"“{named}”" in text
    assert_nothing_stored()


@pytest.mark.parametrize(
    "payload",
    [
        b"[" * 100_000 + b"]" * 100_000,  # past Python's recursion limit
        json.dumps(
            {
                "type": "AnnotationCollection",
                "first": {"items": [[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]},
            }
        ).encode(),
        b"\xff\xfe not utf-8",
        b'{"type": "AnnotationCollection", "first": {"items": [1, "two"]}}',
        b"42",
        b'{"type": "AnnotationCollection", "first": []}',
    ],
    ids=["deep", "nested-22", "not-utf8", "items-not-objects", "number", "no-items"],
)
def test_files_that_are_not_annotation_exports_are_a_400(
    client_for: ClientFor, admin_member: User, payload: bytes
) -> None:
    response = post(client_for(admin_member), payload)
    assert response.status_code == 400
    assert b"cannot be imported" in response.content
    assert_nothing_stored()
