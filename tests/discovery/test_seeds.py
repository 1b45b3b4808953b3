"""The seed story for discovery: who took text from whom."""

from __future__ import annotations

import pytest
from django.conf import settings

from discovery.models import IndexState, Status
from discovery.relations import derivatives_of, sources_of
from documents.models import Document

pytestmark = pytest.mark.django_db


def test_every_seed_is_indexed_and_discovered(seeds: dict[str, Document]) -> None:
    for document in seeds.values():
        state = IndexState.objects.get(version=document.current_version)
        assert (state.index_status, state.discovery_status) == (Status.DONE, Status.DONE)
        assert state.fingerprints > 0


def test_000_top_source_is_001_with_more_than_half_taken(seeds: dict[str, Document]) -> None:
    top = sources_of(seeds["000"])[0]
    assert top.document == seeds["001"]
    assert top.comparison.derivative_share > 0.5


def test_002_top_source_is_001(seeds: dict[str, Document]) -> None:
    top = sources_of(seeds["002"])[0]
    assert top.document == seeds["001"]


@pytest.mark.parametrize("number", ["003", "004"])
def test_same_topic_documents_get_no_source_above_threshold(
    seeds: dict[str, Document], number: str
) -> None:
    assert sources_of(seeds[number]) == []


def test_001_has_000_and_002_among_its_derivatives(seeds: dict[str, Document]) -> None:
    derivatives = {r.document for r in derivatives_of(seeds["001"])}
    assert {seeds["000"], seeds["002"]} <= derivatives


def test_the_release_is_never_reported_as_derived_from_its_articles(
    seeds: dict[str, Document],
) -> None:
    assert sources_of(seeds["001"]) == []


def test_stored_relations_carry_both_shares(seeds: dict[str, Document]) -> None:
    for relation in sources_of(seeds["000"]):
        assert relation.reuse_share >= settings.DISCOVERY_THRESHOLD
        assert relation.comparison.source_share is not None
        assert relation.comparison.origin == "discovery"
