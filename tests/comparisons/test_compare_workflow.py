"""Storing, reusing and recomputing comparisons; the compare command; demo comparisons."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import override_settings

from comparisons.compare import ensure_demo_comparisons, get_or_compute
from comparisons.models import Comparison
from documents.models import Document
from provenance.engine import ENGINE_VERSION
from tests.conftest import make_document

pytestmark = pytest.mark.django_db


def test_it_stores_the_result_with_versions_and_shares(demo_comparison: Comparison) -> None:
    c = Comparison.objects.get(pk=demo_comparison.pk)
    assert c.status == Comparison.Status.DONE
    assert c.engine_version == ENGINE_VERSION
    assert c.source_version.original_name.startswith("001_")
    assert c.derivative_version.original_name.startswith("000_")
    assert c.derivative_share == pytest.approx(c.result["stats"]["derivative_share"])
    assert 0.5 < c.derivative_share <= 1
    assert c.computed_at is not None


def test_it_reuses_a_current_comparison(seeds: dict[str, Document]) -> None:
    first = get_or_compute(seeds["001"].current_version, seeds["000"].current_version)
    again = get_or_compute(seeds["001"].current_version, seeds["000"].current_version)
    assert again.pk == first.pk
    assert again.computed_at == first.computed_at
    assert Comparison.objects.count() == 1


def test_it_recomputes_when_the_engine_version_changed(demo_comparison: Comparison) -> None:
    Comparison.objects.filter(pk=demo_comparison.pk).update(engine_version="0.0.1")
    assert Comparison.objects.outdated().count() == 1
    again = get_or_compute(demo_comparison.source_version, demo_comparison.derivative_version)
    assert again.engine_version == ENGINE_VERSION
    assert Comparison.objects.outdated().count() == 0


def test_it_refuses_a_document_compared_with_itself(seeds: dict[str, Document]) -> None:
    v = seeds["001"].current_version
    with pytest.raises(ValidationError):
        get_or_compute(v, v)


@override_settings(COMPARE_INLINE_MAX_WORDS=10)
def test_long_pairs_run_as_a_background_task(seeds: dict[str, Document]) -> None:
    # Under pytest the immediate backend runs the task at once; the row shows it went through it.
    c = get_or_compute(seeds["001"].current_version, seeds["002"].current_version)
    c.refresh_from_db()
    assert c.status == Comparison.Status.DONE
    assert c.progress == 100


def test_for_document_finds_both_roles(demo_comparison: Comparison, seeds: dict) -> None:
    assert list(Comparison.objects.for_document(seeds["000"])) == [demo_comparison]
    assert list(Comparison.objects.for_document(seeds["001"])) == [demo_comparison]
    assert not Comparison.objects.for_document(seeds["003"]).exists()


def test_demo_comparisons_exist_after_the_post_step(seeds: dict[str, Document]) -> None:
    made = ensure_demo_comparisons()
    pairs = {
        (c.source_version.original_name[:3], c.derivative_version.original_name[:3]) for c in made
    }
    assert pairs == {("001", "000"), ("001", "002")}
    assert all(c.is_done for c in made)


def test_compare_command_prints_a_report_and_json(seeds: dict[str, Document]) -> None:
    out = StringIO()
    call_command("compare", seeds["001"].pk, seeds["000"].pk, stdout=out)
    assert "Passages:" in out.getvalue()
    out = StringIO()
    call_command("compare", seeds["001"].pk, seeds["000"].pk, "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["engine_version"] == ENGINE_VERSION
    assert Comparison.objects.count() == 1


def test_a_failing_engine_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    a = make_document("A", "one two three four")
    b = make_document("B", "one two three five")

    def broken(source: str, derivative: str) -> None:
        raise ValueError("text is not readable")

    monkeypatch.setattr("comparisons.compare.compare", broken)
    c = get_or_compute(a.current_version, b.current_version)
    assert c.status == Comparison.Status.FAILED
    assert "cannot be compared" in c.error
