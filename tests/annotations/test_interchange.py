"""Export as W3C Web Annotation JSON-LD and CSV; import the JSON-LD into a fresh database."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from annotations import interchange, workflow
from annotations.models import Annotation, AnnotationEvent, Label, Reply
from comparisons.models import Comparison
from documents.models import Document, Outlet
from tests.annotations.conftest import AnnotateFn
from tests.conftest import load_seeds

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]


@pytest.fixture
def annotated(
    demo_comparison: Comparison,
    moderator: User,
    moderator2: User,
    admin_member: User,
    annotate: AnnotateFn,
) -> list[Annotation]:
    added = Label.objects.get(slug="added-material")
    photo = Label.objects.create(name="Recycled wording", slug="recycled-wording")
    release, post = demo_comparison.source_version, demo_comparison.derivative_version
    made = [
        annotate(moderator, post, "Suella Braverman", label=added,
                 note="Named here; *unnamed* in the release.", public=True),
        annotate(moderator2, release, "increase by 40%", note="=HYPERLINK(\"x\")"),
        annotate(moderator, release, "30,000 crossings", label=photo),
    ]  # fmt: skip
    workflow.do_set_status(made[0], moderator2, Annotation.Status.CONFIRMED)
    workflow.do_set_status(made[1], admin_member, Annotation.Status.DISMISSED)
    question = workflow.do_add_reply(made[0], moderator2, "Is she named elsewhere?")
    workflow.do_add_reply(made[0], moderator, "Only in the MP's post.", parent=question)
    return made


def export(client: Client, comparison: Comparison, fmt: str) -> Any:
    response = client.get(reverse("annotations:export_comparison", args=[comparison.pk, fmt]))
    assert response.status_code == 200
    return response


def test_the_jsonld_export_follows_the_w3c_model(
    client_for: ClientFor, educator: User, demo_comparison: Comparison, annotated: list[Annotation]
) -> None:
    response = export(client_for(educator), demo_comparison, "jsonld")
    assert response["Content-Type"].startswith("application/ld+json")
    data = json.loads(response.content)
    assert data["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection"
    items = data["first"]["items"]
    annotations = [i for i in items if i["motivation"] != "replying"]
    assert len(annotations) == 3 and data["total"] == 5
    braverman = next(
        i for i in annotations if i["target"]["selector"][0]["exact"] == "Suella Braverman"
    )
    assert braverman["type"] == "Annotation"
    post = demo_comparison.derivative_version
    assert braverman["target"]["source"] == (
        "http://127.0.0.1:8000" + post.document.get_absolute_url()
    )
    quote, position = braverman["target"]["selector"]
    assert quote["type"] == "TextQuoteSelector" and quote["prefix"].endswith("The Home Secretary, ")
    assert position == {
        "type": "TextPositionSelector", "start": annotated[0].start, "end": annotated[0].end,
    }  # fmt: skip
    assert post.text[position["start"] : position["end"]] == "Suella Braverman"
    bodies = {b["purpose"]: b for b in braverman["body"]}
    assert bodies["tagging"]["value"] == "Added material"
    assert bodies["commenting"]["format"] == "text/markdown"
    assert braverman["creator"] == {"type": "Person", "nickname": "mo"}
    assert (braverman["pvn:status"], braverman["pvn:public"]) == ("confirmed", True)
    replies = [i for i in items if i["motivation"] == "replying"]
    assert replies[0]["target"] == braverman["id"]
    assert replies[1]["target"] == replies[0]["id"]


def test_the_document_url_is_the_source_when_the_document_has_one(
    client_for: ClientFor, educator: User, demo_comparison: Comparison, annotated: list[Annotation]
) -> None:
    Document.objects.filter(pk=demo_comparison.derivative_version.document_id).update(
        url="https://www.richardfuller.co.uk/news/deal"
    )
    data = json.loads(export(client_for(educator), demo_comparison, "jsonld").content)
    sources = {
        i["target"]["source"] for i in data["first"]["items"] if i["motivation"] != "replying"
    }
    assert "https://www.richardfuller.co.uk/news/deal" in sources


def test_the_csv_export_has_a_row_per_annotation_and_defuses_formulas(
    client_for: ClientFor, educator: User, demo_comparison: Comparison, annotated: list[Annotation]
) -> None:
    response = export(client_for(educator), demo_comparison, "csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 3
    by_exact = {r["exact"]: r for r in rows}
    assert by_exact["Suella Braverman"]["status"] == "confirmed"
    assert by_exact["Suella Braverman"]["replies"] == "2"
    assert by_exact["increase by 40%"]["note"].startswith("'=")


def test_the_document_export_includes_every_annotation_on_it(
    client_for: ClientFor, educator: User, demo_comparison: Comparison, annotated: list[Annotation]
) -> None:
    document = demo_comparison.source_version.document
    url = reverse("annotations:export_document", args=[document.pk, "csv"])
    rows = list(csv.DictReader(io.StringIO(client_for(educator).get(url).content.decode())))
    assert sorted(r["exact"] for r in rows) == ["30,000 crossings", "increase by 40%"]


def test_exports_need_a_role_and_a_known_format(
    client: Client,
    client_for: ClientFor,
    outsider: User,
    educator: User,
    demo_comparison: Comparison,
) -> None:
    url = reverse("annotations:export_comparison", args=[demo_comparison.pk, "jsonld"])
    assert client.get(url).status_code == 302
    assert client_for(outsider).get(url).status_code == 403
    bad = reverse("annotations:export_comparison", args=[demo_comparison.pk, "xml"])
    assert client_for(educator).get(bad).status_code == 404


def wipe_corpus() -> None:
    """Empty the annotation and document tables, as a fresh database would be."""
    Reply.objects.all().delete()
    AnnotationEvent.objects.all().delete()
    Annotation.objects.all().delete()
    Label.objects.filter(slug="recycled-wording").delete()
    Comparison.objects.all().delete()
    Document.objects.update(current_version=None)
    for document in Document.objects.all():
        document.versions.all().delete()
    Document.objects.all().delete()
    Outlet.objects.all().delete()


def test_importing_the_jsonld_export_into_a_fresh_database_recreates_the_annotations(
    client_for: ClientFor,
    educator: User,
    admin_member: User,
    demo_comparison: Comparison,
    annotated: list[Annotation],
) -> None:
    exported = export(client_for(educator), demo_comparison, "jsonld").content
    before = [
        (a.exact, a.start, a.end, a.prefix, a.suffix, a.label.name, a.note, a.public,
         a.created_at, a.document_version.document.title)
        for a in Annotation.objects.order_by("exact")
    ]  # fmt: skip
    wipe_corpus()
    seeds = load_seeds()
    assert seeds["000"].pk != demo_comparison.derivative_version.document_id  # new ids

    upload = SimpleUploadedFile("annotations.jsonld", exported, "application/ld+json")
    response = client_for(admin_member).post(reverse("annotations:import"), {"file": upload})
    assert response.status_code == 302

    after = [
        (a.exact, a.start, a.end, a.prefix, a.suffix, a.label.name, a.note, a.public,
         a.created_at, a.document_version.document.title)
        for a in Annotation.objects.order_by("exact")
    ]  # fmt: skip
    assert after == before
    # Credited to the importer and open for review here; who wrote and reviewed it is text.
    for a in Annotation.objects.all():
        assert (a.created_by, a.status, a.reviewed_by) == (admin_member, "open", None)
    braverman = Annotation.objects.get(exact="Suella Braverman")
    assert "Written by mo" in braverman.attribution
    assert "Confirmed by max" in braverman.attribution
    assert braverman.document_version == seeds["000"].current_version
    question, answer = braverman.replies.order_by("created_at")
    assert answer.parent == question and answer.author == admin_member
    assert answer.attribution.startswith("Written by mo")
    assert braverman.events.get().action == AnnotationEvent.Action.IMPORTED
    assert Label.objects.filter(slug="recycled-wording").exists()


def test_importing_the_same_file_twice_adds_nothing(
    educator: User,
    admin_member: User,
    client_for: ClientFor,
    demo_comparison: Comparison,
    annotated: list[Annotation],
) -> None:
    data = json.loads(export(client_for(educator), demo_comparison, "jsonld").content)
    wipe_corpus()
    load_seeds()
    assert len(interchange.do_import_jsonld(data, admin_member).created) == 3
    again = interchange.do_import_jsonld(data, admin_member)
    assert again.created == [] and len(again.skipped) == 3
    assert Annotation.objects.count() == 3


def test_items_whose_text_is_missing_are_reported_not_dropped(
    educator: User,
    admin_member: User,
    client_for: ClientFor,
    demo_comparison: Comparison,
    annotated: list[Annotation],
) -> None:
    data = json.loads(export(client_for(educator), demo_comparison, "jsonld").content)
    wipe_corpus()
    report = interchange.do_import_jsonld(data, admin_member)
    assert report.created == [] and len(report.skipped) == 3
    assert "Skipped 3" in report.message


def test_only_admins_import_and_bad_files_are_explained(
    client_for: ClientFor, moderator: User, admin_member: User
) -> None:
    upload = SimpleUploadedFile("x.jsonld", b'{"type": "Nope"}')
    assert (
        client_for(moderator).post(reverse("annotations:import"), {"file": upload}).status_code
        == 403
    )
    upload = SimpleUploadedFile("x.jsonld", b"not json")
    response = client_for(admin_member).post(reverse("annotations:import"), {"file": upload})
    assert response.status_code == 400
    assert b"cannot be imported" in response.content


def test_importing_an_export_back_into_the_same_database_adds_nothing(
    educator: User,
    admin_member: User,
    client_for: ClientFor,
    demo_comparison: Comparison,
    annotated: list[Annotation],
) -> None:
    data = json.loads(export(client_for(educator), demo_comparison, "jsonld").content)
    report = interchange.do_import_jsonld(data, admin_member)
    assert report.created == [] and report.replies == 0
    assert Annotation.objects.count() == 3 and Reply.objects.count() == 2
