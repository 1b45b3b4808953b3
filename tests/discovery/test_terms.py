"""The second candidate source (distinctive terms) and the cap on boilerplate keys."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from discovery.index import (
    current_params,
    distinctive_terms,
    frequencies,
    index_analysis,
    index_version,
)
from discovery.models import Fingerprint, IndexState, Term, TermPosting
from discovery.search import rank
from documents.models import Document, DocumentVersion
from provenance.engine import key_sequence, term_frequencies, term_hash

RELEASE = (
    "Researchers at Cardiff University found that interleukin-27 suppresses the lymphoid "
    "structures that form in the joints of patients with early rheumatoid arthritis. "
    "Professor Simon Jones said the protein could guide new treatments for arthritis. "
    "The interleukin study followed 120 patients at the Cardiff clinic for two years."
)
# The same story told in other words: no four consecutive keys in common.
PARAPHRASE = (
    "A protein called interleukin-27 may hold back arthritis, according to Cardiff "
    "scientists. Their work with 120 patients showed fewer lymphoid clusters forming in "
    "swollen joints. Jones, a professor of immunology, hopes rheumatoid patients benefit."
)
UNRELATED = (
    "Astronomers in Chile catalogued a faint dwarf galaxy orbiting the Milky Way, using "
    "telescope images taken over several winters. The galaxy holds very few stars."
)


def make(text: str, title: str, kind: str = Document.Kind.PRESS_RELEASE) -> DocumentVersion:
    document = Document.objects.create(title=title, kind=kind)
    version = DocumentVersion.objects.create(
        document=document,
        number=1,
        original=b"",
        content_type="text/plain",
        size=len(text),
        sha256=title,
        text=text,
        text_sha256=title,
    )
    document.current_version = version
    document.save(update_fields=["current_version"])
    return version


def test_the_rarest_repeated_terms_are_chosen(settings: Any) -> None:
    settings.DISCOVERY_MAX_DF = 100
    tf = Counter({1: 3, 2: 1, 3: 1, 4: 5})
    df = {1: 0, 2: 50, 3: 0, 4: 101}  # 4 is over the cap
    assert distinctive_terms(tf, df, 2) == [1, 3]


def test_function_words_and_single_digits_are_not_terms() -> None:
    tf = term_frequencies(key_sequence("The 3 of them said it was 2015 in Cardiff."))
    assert set(tf) == {term_hash("2015"), term_hash("cardif")}


@pytest.mark.django_db
def test_a_paraphrase_finds_its_source_through_terms() -> None:
    source = make(RELEASE, "release")
    other = make(UNRELATED, "other")
    for version in (source, other):
        index_version(version)
    params = current_params()
    paraphrase = index_analysis(key_sequence(PARAPHRASE), params)
    assert not paraphrase.hashes & index_analysis(key_sequence(RELEASE), params).hashes
    hits = rank(PARAPHRASE, exclude_version=-1)
    assert [h.version_id for h in hits] == [source.pk]
    assert hits[0].shared == 0
    assert hits[0].terms >= 3


@pytest.mark.django_db
def test_a_search_runs_three_queries() -> None:
    index_version(make(RELEASE, "release"))
    with CaptureQueriesContext(connection) as queries:
        rank(PARAPHRASE, exclude_version=-1)
    assert len(queries) == 3


@pytest.mark.django_db
def test_document_frequencies_follow_the_current_versions() -> None:
    version = make(RELEASE, "release")
    index_version(version)
    stems = term_frequencies(key_sequence(RELEASE))
    assert set(frequencies(stems).values()) == {1}
    assert TermPosting.objects.filter(version=version).exists()
    new = DocumentVersion.objects.create(
        document=version.document,
        number=2,
        original=b"",
        content_type="text/plain",
        size=1,
        sha256="2",
        text=UNRELATED,
        text_sha256="2",
    )
    version.document.current_version = new
    version.document.save(update_fields=["current_version"])
    index_version(new)
    gone = set(stems) - set(term_frequencies(key_sequence(UNRELATED)))
    assert set(frequencies(gone).values()) == {0}
    assert not TermPosting.objects.filter(version=version).exists()
    assert IndexState.objects.get(version=version).terms == 0
    version.document.delete()
    assert not TermPosting.objects.filter(version=new).exists()


@pytest.mark.django_db
def test_boilerplate_over_the_cap_is_no_longer_stored_or_searched(settings: Any) -> None:
    settings.DISCOVERY_MAX_DF = 2
    footer = " Notes to editors: Cardiff University is a leading research university in Wales."
    first = make(RELEASE + footer, "a")
    second = make(UNRELATED + footer, "b")
    third = make("A new ferry links two islands off the coast." + footer, "c")
    index_version(first)
    index_version(second)
    footer_hashes = index_analysis(key_sequence(footer), current_params()).hashes
    assert not Term.objects.filter(df__gt=2, hash__in=footer_hashes)
    index_version(third)  # the footer's fingerprints are now held by three documents
    grams = Term.objects.filter(
        df__gt=2, hash__in=index_analysis(key_sequence(third.text), current_params()).hashes
    )
    capped = set(grams.values_list("hash", flat=True))
    assert capped
    fourth = make("Something else entirely about lighthouses." + footer, "d")
    index_version(fourth)
    assert not Fingerprint.objects.filter(version=fourth, hash__in=capped).exists()
    # A search with the footer alone skips the capped fingerprints.
    assert all(h.shared < len(footer_hashes) for h in rank(footer, exclude_version=-1))
