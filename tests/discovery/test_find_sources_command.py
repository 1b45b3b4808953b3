from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from discovery.models import Candidate
from documents.models import Document

pytestmark = pytest.mark.django_db


def test_it_prints_the_sources_as_json(seeds: dict[str, Document]) -> None:
    out = StringIO()
    call_command("find_sources", seeds["000"].pk, "--json", stdout=out)
    report = json.loads(out.getvalue())
    top = report["sources"][0]
    assert (top["document"], top["role"], top["direct"]) == (seeds["001"].pk, "origin", True)
    assert top["derivative_share"] > 0.5
    assert 0 < top["source_share"] <= 1
    assert top["weak"] is False and top["reason"]
    checked = report["checked"]["sources"][0]
    assert (checked["source_document"], checked["accepted"]) == (seeds["001"].pk, True)


def test_it_prints_a_table(seeds: dict[str, Document]) -> None:
    out = StringIO()
    call_command("find_sources", seeds["002"].pk, stdout=out)
    assert "origin" in out.getvalue()
    assert seeds["001"].title[:40] in out.getvalue()


def test_it_reuses_decided_pairs_instead_of_recomparing(seeds: dict[str, Document]) -> None:
    before = Candidate.objects.count()
    call_command("find_sources", seeds["000"].pk, "--json", stdout=StringIO())
    assert Candidate.objects.count() == before


def test_it_rejects_an_unknown_document(db: None) -> None:
    with pytest.raises(CommandError, match="No document"):
        call_command("find_sources", 999_999)
