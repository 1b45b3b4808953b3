"""Provenance roles on the demo corpus: origin, direct source, sibling, related."""

from __future__ import annotations

import json
from collections.abc import Callable
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from discovery.lineage import sources_report
from discovery.models import Role, SourceRelation
from discovery.search import find_sources
from documents.demo import SEEDS, SEEDS_DIR, load_demo
from documents.ingest import NearDuplicates, Submission, ingest
from documents.metadata import Metadata
from documents.models import Document

pytestmark = pytest.mark.django_db

Capture = Callable[..., Any]


def _add(capture: Capture, text: str, filename: str, **meta: str) -> Document:
    with capture(execute=True):
        outcome = ingest(
            Submission(text=text, filename=filename),
            Metadata(**meta),
            near_duplicates=NearDuplicates.SEPARATE,
        )
    assert outcome.document is not None
    return outcome.document


def _roles(document: Document) -> dict[int, SourceRelation]:
    return {r.other_id: r for r in SourceRelation.objects.filter(article=document)}


def test_000_origin_and_only_direct_source_is_001_and_002_is_a_sibling(
    seeds: dict[str, Document], admin_member: Any
) -> None:
    report = sources_report(seeds["000"], admin_member)
    assert report.origin is not None and report.origin.document == seeds["001"]
    assert report.origin.direct
    assert [e.document for e in report.direct] == [seeds["001"]]
    assert seeds["002"] in [e.document for e in report.siblings]
    assert seeds["002"] not in [e.document for e in report.direct + report.derivatives]
    assert "001" not in report.origin.reason  # reasons are words, not ids
    assert report.entries()[0] == report.origin


def test_the_newspaper_does_not_list_the_mp_as_taking_from_it(
    seeds: dict[str, Document], admin_member: Any
) -> None:
    report = sources_report(seeds["002"], admin_member)
    assert seeds["000"] not in [e.document for e in report.derivatives]
    assert seeds["000"] in [e.document for e in report.siblings]
    release = sources_report(seeds["001"], admin_member)
    assert {seeds["000"], seeds["002"]} <= {e.document for e in release.derivatives}


def test_the_later_release_is_no_source_of_either_article(seeds: dict[str, Document]) -> None:
    for number in ("000", "002"):
        roles = _roles(seeds[number])
        assert seeds["003"].pk not in roles or roles[seeds["003"].pk].role == Role.RELATED


def test_an_article_written_from_the_release_alone_never_gets_002(
    seeds: dict[str, Document], django_capture_on_commit_callbacks: Capture, admin_member: Any
) -> None:
    release = (SEEDS_DIR / "001_5d387909d68261b9.txt").read_text()
    sentences = " ".join(release.split()).split(". ")
    half = sentences[1 : len(sentences) // 2]  # after the title, the first half
    body = "".join(f"<p>{'. '.join(half[i : i + 2])}.</p>" for i in range(0, len(half), 2))
    html = (
        "<html><body><h1>Officers to be embedded in France</h1>"
        "<p>Our home affairs reporter looks at the new arrangement.</p>"
        f"{body}</body></html>"
    )
    article = _add(
        django_capture_on_commit_callbacks,
        html,
        "story.html",
        kind="article",
        title="Officers to be embedded in France",
        outlet="Example Gazette",
        published="2022-11-16",
    )
    report = sources_report(article, admin_member)
    assert report.origin is not None and report.origin.document == seeds["001"]
    takes = [e.document for e in report.direct]
    assert takes == [seeds["001"]]
    assert seeds["002"] not in takes


def test_a_copy_of_000_with_a_new_sentence_takes_from_000_and_starts_at_001(
    seeds: dict[str, Document], django_capture_on_commit_callbacks: Capture, admin_member: Any
) -> None:
    mp_text = (SEEDS_DIR / "000_2c9eaf67016cf026.txt").read_text()
    copy = _add(
        django_capture_on_commit_callbacks,
        "Our political correspondent writes from Westminster on the new deal.\n\n" + mp_text,
        "copy.txt",
        kind="article",
        title="MP hails Channel deal",
        outlet="Daily Example",
        published="2022-11-20",
    )
    report = sources_report(copy, admin_member)
    assert [e.document for e in report.direct] == [seeds["000"]]
    assert report.origin is not None and report.origin.document == seeds["001"]
    assert report.origin.via == seeds["000"]
    mp = report.direct[0]
    assert "Richard Fuller" in mp.reason or "Suella Braverman" in mp.reason, mp.reason
    assert "press release does not have" in mp.reason
    # The text is coloured by where each passage came from: nearly all of it from 000.
    from_mp = sum(s.end - s.start for s in report.segments if s.source == seeds["000"])
    assert from_mp / len(copy.text) > 0.8


def test_a_release_uploaded_after_its_articles_becomes_their_origin(
    db: None, django_capture_on_commit_callbacks: Capture, admin_member: Any
) -> None:
    order = ["002", "000", "001"]
    by_number = {seed.number: seed for seed in SEEDS}
    with django_capture_on_commit_callbacks(execute=True):
        loaded = load_demo(numbers=order[:2])
    mp = loaded["000"].document
    assert mp is not None
    before = sources_report(mp, admin_member, on_demand=False)
    assert before.origin is None
    with django_capture_on_commit_callbacks(execute=True):
        release = load_demo(numbers=[order[2]])["001"].document
    assert release is not None
    assert by_number["001"].meta.kind == Document.Kind.PRESS_RELEASE
    after = sources_report(mp, admin_member, on_demand=False)
    assert after.origin is not None and after.origin.document == release
    assert [e.document for e in after.direct] == [release]
    if before.direct:  # the newspaper stood in as a source until the release came
        old = next(e for e in after.related if e.document == before.direct[0].document)
        assert old.changed_at is not None
        assert "was the direct source until" in old.change_reason


def test_find_sources_answers_for_a_pending_document(
    seeds: dict[str, Document], admin_member: Any
) -> None:
    mp_text = (SEEDS_DIR / "000_2c9eaf67016cf026.txt").read_text()
    # Stored without running the on-commit hooks: its index entry stays pending.
    outcome = ingest(
        Submission(text=mp_text.replace("Richard Fuller", "Jane Example"), filename="p.txt"),
        Metadata(kind="article", title="Pending copy", published="2022-11-21"),
        near_duplicates=NearDuplicates.SEPARATE,
    )
    assert outcome.document is not None
    out = StringIO()
    call_command("find_sources", outcome.document.pk, "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["status"] == "done"
    roles = [s["role"] for s in data["sources"]]
    assert roles[0] == "origin"
    assert data["sources"][0]["document"] == seeds["001"].pk
    assert {"role", "derivative_share", "source_share", "reason", "weak"} <= set(data["sources"][0])


def test_the_document_page_says_pending_then_shows_the_report_above_the_text(
    seeds: dict[str, Document], client_for: Callable[..., Any], educator: Any
) -> None:
    mp_text = (SEEDS_DIR / "000_2c9eaf67016cf026.txt").read_text()
    outcome = ingest(
        Submission(text=mp_text.replace("Richard Fuller", "Jane Example"), filename="p.txt"),
        Metadata(kind="article", title="Pending copy", published="2022-11-21"),
        near_duplicates=NearDuplicates.SEPARATE,
    )
    assert outcome.document is not None
    client = client_for(educator)
    # Before the worker has run, the page only says so: a GET never runs discovery.
    page = client.get(outcome.document.get_absolute_url()).content.decode()
    assert "being worked out" in page
    assert not SourceRelation.objects.filter(article=outcome.document).exists()
    find_sources(outcome.document)  # what the worker's discovery task does
    page = client.get(outcome.document.get_absolute_url()).content.decode()
    report_at = page.index("Where this text came from")
    assert report_at < page.index('id="text-heading"') < page.index('id="versions-heading"')
    assert "origin" in page[report_at:] and seeds["001"].title in page[report_at:]
    assert 'class="src src-0"' in page  # the text is coloured by the source it came from
    assert "No source found" not in page
