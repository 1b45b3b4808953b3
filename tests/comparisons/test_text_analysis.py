"""One kept analysis per version: made once, stored, reused by discovery, the workflow and pages."""

from __future__ import annotations

from typing import Any

import pytest

from comparisons import analysis, render
from comparisons.analysis import analysis_for, clear_cache
from comparisons.compare import get_or_compute
from comparisons.models import TextAnalysis
from discovery.index import index_version
from discovery.search import find_sources
from documents.models import Document
from provenance.engine import ENGINE_VERSION, AnalysedText, analyse, compare

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    # Rolled-back tests reuse primary keys: start each from the database alone.
    clear_cache()


def _refuse_analysing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str, **_: Any) -> AnalysedText:
        raise AssertionError("analysed again")

    monkeypatch.setattr(analysis, "analyse", refuse)


def test_it_keeps_one_analysis_per_version_and_reads_it_back(
    seeds: dict[str, Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    version = seeds["001"].current_version
    made = analysis_for(version)
    row = TextAnalysis.objects.get(version=version)
    assert row.engine_version == ENGINE_VERSION
    assert made == analyse(version.text)
    assert analysis_for(version) is made  # the in-process cache
    clear_cache()
    _refuse_analysing(monkeypatch)
    assert analysis_for(version) == made  # from the database, not made again
    assert TextAnalysis.objects.filter(version=version).count() == 1


def test_an_analysis_of_another_engine_version_is_made_again(seeds: dict[str, Document]) -> None:
    version = seeds["002"].current_version
    analysis_for(version)
    TextAnalysis.objects.filter(version=version).update(engine_version="0.0.1", data=b"old")
    clear_cache()
    assert analysis_for(version) == analyse(version.text)
    row = TextAnalysis.objects.get(version=version)
    assert row.engine_version == ENGINE_VERSION
    assert AnalysedText.from_bytes(bytes(row.data), version.text) == analyse(version.text)


def test_discovery_indexes_and_compares_from_kept_analyses(
    seeds: dict[str, Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    for document in seeds.values():
        index_version(document.current_version)
    assert TextAnalysis.objects.count() == len(seeds)
    sides: list[tuple[object, object]] = []

    def recording(source: Any, derivative: Any) -> Any:
        sides.append((source, derivative))
        return compare(source, derivative)

    monkeypatch.setattr("discovery.search.compare", recording)
    _refuse_analysing(monkeypatch)  # every version was analysed when it was indexed
    report = find_sources(seeds["000"])
    assert report.sources
    assert sides
    assert all(isinstance(s, AnalysedText) for pair in sides for s in pair)


def test_the_compare_workflow_reads_kept_analyses(seeds: dict[str, Document]) -> None:
    source, derivative = seeds["001"].current_version, seeds["000"].current_version
    comparison = get_or_compute(source, derivative)
    assert set(TextAnalysis.objects.values_list("version_id", flat=True)) == {
        source.pk,
        derivative.pk,
    }
    assert comparison.engine_result == compare(source.text, derivative.text)


def test_pages_render_the_same_from_an_analysis_as_from_the_text(
    seeds: dict[str, Document],
) -> None:
    source, derivative = seeds["001"].current_version, seeds["000"].current_version
    result = compare(source.text, derivative.text)
    kept_s, kept_d = analysis_for(source), analysis_for(derivative)
    for side, text, kept in (
        ("source", source.text, kept_s),
        ("derivative", derivative.text, kept_d),
    ):
        assert render.side_html(kept, result, side) == render.side_html(text, result, side)
    assert render.inline_html(kept_s, kept_d, result) == render.inline_html(
        source.text, derivative.text, result
    )
    assert render.paragraph_breaks(kept_s) == render.paragraph_breaks(source.text)
