"""A comparison's findings download as CSV and JSON with the claim kinds' phrases; annotation
exports of a comparison say which finding an annotation is on."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from annotations import workflow
from annotations.models import Label
from comparisons.models import Comparison
from tests.claim_pair import REASON, fibre_comparison
from tests.conftest import make_user

ClientFor = Callable[[User], Client]


def test_the_findings_csv_has_both_phrases_and_levels(
    educator: User, client_for: ClientFor, db: None
) -> None:
    comparison = fibre_comparison()
    response = client_for(educator).get(f"/comparisons/{comparison.pk}/findings.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    [row] = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert row["type"] == "claim_strengthened"
    assert row["label"] == "stated more strongly"
    assert (row["source_words"], row["derived_words"]) == ("linked to", "cuts")
    assert (row["source_level"], row["derived_level"]) == ("correlational", "causal")
    assert row["reason"] == REASON
    assert row["source_text"].startswith("Eating more fibre is linked to")
    assert row["derivative_text"] == "Eating more fibre cuts your risk of heart disease."


def test_the_findings_json_has_the_same_rows(
    educator: User, client_for: ClientFor, db: None
) -> None:
    comparison = fibre_comparison()
    body = json.loads(
        client_for(educator).get(f"/comparisons/{comparison.pk}/findings.json").content
    )
    [finding] = body["findings"]
    assert finding["type"] == "claim_strengthened"
    assert finding["source_words"] == "linked to" and finding["derived_words"] == "cuts"
    assert finding["derivative_start"] == 0


def test_the_comparison_page_links_its_findings_export(
    educator: User, client_for: ClientFor, db: None
) -> None:
    comparison = fibre_comparison()
    html = client_for(educator).get(comparison.get_absolute_url()).content.decode()
    assert f'href="/comparisons/{comparison.pk}/findings.csv"' in html


def test_the_findings_export_is_for_those_who_may_see_the_comparison(
    client_for: ClientFor, db: None
) -> None:
    comparison = fibre_comparison()
    outsider = make_user("olly")
    response = client_for(outsider).get(f"/comparisons/{comparison.pk}/findings.csv")
    assert response.status_code in (403, 404)
    assert b"linked to" not in response.content


def test_an_unknown_format_is_a_404_and_an_unfinished_comparison_a_plain_409(
    educator: User, client_for: ClientFor, db: None
) -> None:
    comparison = fibre_comparison()
    client = client_for(educator)
    assert client.get(f"/comparisons/{comparison.pk}/findings.xlsx").status_code == 404
    Comparison.objects.filter(pk=comparison.pk).update(status=Comparison.Status.RUNNING)
    response = client.get(f"/comparisons/{comparison.pk}/findings.csv")
    assert response.status_code == 409
    assert b"still being worked out" in response.content


@pytest.fixture
def claim_annotation(moderator: User, db: None) -> Comparison:
    comparison = fibre_comparison()
    label = Label.objects.get(slug="changed-figure")
    target = workflow.target_from_comparison(comparison, finding=0)
    workflow.do_create_annotation(moderator, target, label)
    return comparison


def test_the_annotation_export_names_the_claim_finding(
    claim_annotation: Comparison, moderator: User, client_for: ClientFor
) -> None:
    pk = claim_annotation.pk
    client = client_for(moderator)
    data = json.loads(client.get(f"/annotations/export/comparison/{pk}.jsonld").content)
    [item] = data["first"]["items"]
    assert item["pvn:finding"] == 0
    assert item["pvn:findingType"] == "claim_strengthened"
    assert (item["pvn:sourceWords"], item["pvn:derivedWords"]) == ("linked to", "cuts")
    assert item["pvn:sourceLevel"] == "correlational"
    text = client.get(f"/annotations/export/comparison/{pk}.csv").content.decode()
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert (row["finding_type"], row["source_words"], row["derived_words"]) == (
        "claim_strengthened",
        "linked to",
        "cuts",
    )
