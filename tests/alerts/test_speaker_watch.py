"""A quotation finding offers to watch its speaker; share links (anonymous) do not."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from alerts.models import Watch
from comparisons import sharing

pytestmark = pytest.mark.django_db


def test_watch_a_speaker_from_the_comparisons_findings(
    demo_comparison: Any, educator: User, client_for: Any
) -> None:
    client = client_for(educator)
    url = demo_comparison.get_absolute_url()
    page = client.get(url).content.decode()
    # 001 → 000: the minister's words stand in the MP's mouth (a replaced quotation).
    assert ">Watch Richard Fuller MP</button>" in page
    assert ">Watch Home Secretary</button>" in page
    client.post("/alerts/watches/new/", {"kind": "person", "person": "Richard Fuller MP"})
    assert Watch.objects.get(user=educator).person == "Richard Fuller MP"
    page = client.get(url).content.decode()
    assert "Watching Richard Fuller MP" in page
    assert ">Watch Richard Fuller MP</button>" not in page


def test_a_share_link_offers_no_watch(demo_comparison: Any, educator: User) -> None:
    link = sharing.create_link(demo_comparison, educator, None)
    page = Client().get(link.get_absolute_url()).content.decode()
    assert "Richard Fuller" in page
    assert "Watch Richard Fuller" not in page
