"""Claim findings in the API: typed findings on a comparison, the schema's enum, the list filter."""

from __future__ import annotations

import json
import typing
from pathlib import Path

from api.schemas import FindingKind
from provenance.engine import ClaimLevel
from provenance.engine import Finding as EngineFinding
from tests.claim_pair import REASON, RELEASE, STORY, fibre_comparison
from tests.conftest import make_document

SCHEMA = Path(__file__).resolve().parents[2] / "clients" / "python" / "openapi.json"


def test_a_comparison_serves_its_claim_finding_with_both_phrases(api_for, educator):
    comparison = fibre_comparison()
    body = api_for(educator).get(f"/api/v1/comparisons/{comparison.pk}").json()
    [claim] = [f for f in body["findings"] if f["type"] == "claim_strengthened"]
    assert claim["source_words"] == "linked to"
    assert claim["derived_words"] == "cuts"
    assert claim["source_level"] == ClaimLevel.CORRELATIONAL.value
    assert claim["derived_level"] == ClaimLevel.CAUSAL.value
    assert claim["reason"] == REASON
    assert claim["severity"] == "high"
    s0, s1 = claim["source_span"]
    d0, d1 = claim["derivative_span"]
    assert "linked to" in RELEASE[s0:s1]
    assert "cuts" in STORY[d0:d1]


def test_findings_that_are_not_claims_have_no_levels(api_for, educator):
    release = make_document(
        "Pay release", "The council will raise pay by 4% from April.", "press_release"
    )
    story = make_document("Pay story", "The council will raise pay by 6% from April.")
    from comparisons.compare import get_or_compute

    comparison = get_or_compute(release.current_version, story.current_version)
    body = api_for(educator).get(f"/api/v1/comparisons/{comparison.pk}").json()
    [figure] = [f for f in body["findings"] if f["type"] == "number_changed"]
    assert figure["source_level"] is None and figure["derived_words"] is None


def test_the_schema_names_the_claim_kinds_as_an_enum():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    finding = schema["components"]["schemas"]["FindingOut"]
    kinds = finding["properties"]["type"]["enum"]
    for kind in ("claim_strengthened", "claim_weakened", "subjects_generalised", "advice_added"):
        assert kind in kinds
    assert "claim_strengthened" in finding["properties"]["type"]["description"]
    for field in ("source_level", "derived_level", "source_words", "derived_words", "reason"):
        assert finding["properties"][field].get("description"), field
    levels = finding["properties"]["source_level"]["anyOf"][0]["enum"]
    assert levels == [level.value for level in ClaimLevel]


def test_the_schema_enum_is_the_engines_list_of_finding_types():
    engine_types = typing.get_args(typing.get_type_hints(EngineFinding)["type"])
    assert set(typing.get_args(FindingKind)) == set(engine_types)


def test_the_documents_list_filters_and_flags_stronger_claims(api_for, educator):
    fibre_comparison()
    make_document("Plain story", "The council met on Tuesday to discuss the bins.")
    client = api_for(educator)
    every = {
        d["title"]: d["overstates_claim"] for d in client.get("/api/v1/documents").json()["results"]
    }
    assert every == {"Fibre release": False, "Fibre story": True, "Plain story": False}
    only = client.get("/api/v1/documents", claim="strengthened").json()["results"]
    assert [d["title"] for d in only] == ["Fibre story"]


def test_an_unknown_claim_filter_is_a_clear_400(api_for, educator):
    response = api_for(educator).get("/api/v1/documents", claim="weakened")
    assert response.status_code in (400, 422)
    assert "claim" in response.content.decode()
