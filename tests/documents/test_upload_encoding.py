"""An upload whose encoding detection is unsure shows a preview of each reading and lets the
uploader pick one before anything is stored."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from documents.extract import encoding_choices
from documents.models import Document

pytestmark = pytest.mark.django_db
URL = reverse("documents:upload")

# Short texts are where detectors hesitate: these read as cp949 (Korean) and as
# Icelandic or Central European Mac encodings about as well as they read right.
JAPANESE = "東京都の新しい計画"
MAC_TEXT = (
    "The café’s owner said “we’re delighted” — prices rise 5% from Monday; naïve critics disagree."
)


@pytest.fixture
def client(admin_member: User, client_for: Callable[[User], Client]) -> Client:
    return client_for(admin_member)


def upload(client: Client, data: bytes, name: str, **extra: str) -> object:
    return client.post(
        URL, {"kind": "article", "files": SimpleUploadedFile(name, data, "text/plain"), **extra}
    )


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [(JAPANESE, "shift_jis", "shift_jis"), (MAC_TEXT, "mac_roman", "mac-roman")],
)
def test_an_unsure_upload_is_previewed_and_stored_only_in_the_picked_encoding(
    client: Client, text: str, codec: str, expected: str
) -> None:
    data = text.encode(codec)
    response = upload(client, data, "note.txt")

    assert response.status_code == 200
    assert not Document.objects.exists()  # nothing stored before the choice
    page = response.content.decode()
    assert "Which reading of this file is right?" in page
    offered = [c.encoding for c in encoding_choices(data, "note.txt")]
    assert expected in offered and len(offered) > 1
    assert text in page  # the right reading is previewed
    staged = response.context["result"].staged

    response = client.post(
        URL, {"kind": "article", "staged": staged, "encoding": expected, "title": "Picked"}
    )
    assert response.status_code == 302
    version = Document.objects.get().current_version
    assert version.text == text
    assert version.content_type.endswith(f"charset={expected}")
    assert bytes(version.original) == data


def test_an_encoding_not_offered_is_refused(client: Client) -> None:
    data = JAPANESE.encode("shift_jis")
    staged = upload(client, data, "note.txt").context["result"].staged
    response = client.post(URL, {"kind": "article", "staged": staged, "encoding": "rot13"})
    assert "Pick one of the encodings offered" in response.content.decode()
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        "Plain UTF-8 text with an é.".encode(),
        "The café’s owner said “we’re delighted” today.".encode("cp1252"),
        ("東京都は火曜日、新しい防災計画を発表した。知事は記者会見で述べた。" * 3).encode(
            "shift_jis"
        ),
    ],
)
def test_a_sure_detection_stores_at_once(client: Client, data: bytes) -> None:
    assert encoding_choices(data, "note.txt") == []
    assert upload(client, data, "note.txt").status_code == 302
    assert Document.objects.count() == 1
