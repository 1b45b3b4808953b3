"""Direct sources: a newspaper copying an MP who copied a release."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from discovery.chains import chain, direct_source, source_roles
from documents.demo import SEEDS_DIR
from documents.ingest import NearDuplicates, Submission, ingest
from documents.metadata import Metadata
from documents.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def newspaper(
    seeds: dict[str, Document], django_capture_on_commit_callbacks: Callable[..., Any]
) -> Document:
    """A later newspaper story that copies the MP's post (000), with a line of its own."""
    mp_text = (SEEDS_DIR / "000_2c9eaf67016cf026.txt").read_text()
    text = "Our political correspondent writes from Westminster.\n\n" + mp_text
    with django_capture_on_commit_callbacks(execute=True):
        outcome = ingest(
            Submission(text=text, filename="newspaper.txt"),
            Metadata(
                kind="article",
                title="MP hails Channel deal",
                outlet="Daily Example",
                published="2022-11-20",
            ),
            near_duplicates=NearDuplicates.SEPARATE,
        )
    assert outcome.document is not None
    return outcome.document


def test_the_copy_of_a_copy_names_the_copy_as_direct_source(
    seeds: dict[str, Document], newspaper: Document
) -> None:
    roles = {role.document: role for role in source_roles(newspaper)}
    assert {seeds["000"], seeds["001"]} <= set(roles)
    assert direct_source(newspaper) == seeds["000"]
    assert roles[seeds["000"]].unique > 0
    assert not roles[seeds["001"]].direct


def test_the_chain_runs_from_the_release_to_the_newspaper(
    seeds: dict[str, Document], newspaper: Document
) -> None:
    assert chain(newspaper) == [seeds["001"], seeds["000"], newspaper]


def test_a_release_is_its_own_chain(seeds: dict[str, Document]) -> None:
    assert chain(seeds["001"]) == [seeds["001"]]


def test_000_takes_its_text_directly_from_the_release(seeds: dict[str, Document]) -> None:
    assert direct_source(seeds["000"]) == seeds["001"]
