"""The annotation pages: queue, annotate form, detail, edit, review, replies, labels."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from annotations import workflow
from annotations.models import Annotation, Label, Reply
from comparisons.models import Comparison
from documents.models import DocumentVersion
from tests.annotations.conftest import AnnotateFn, span_of

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]
WORDS = "Numbers of officers in northern France will increase by 40%"


@pytest.fixture
def mine(release: DocumentVersion, moderator: User, annotate: AnnotateFn) -> Annotation:
    return annotate(moderator, release, WORDS, note="Was it **40%**? <script>alert(1)</script>")


# Access -----------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in(client: Client, mine: Annotation) -> None:
    for url in (
        reverse("annotations:queue"),
        mine.get_absolute_url(),
        reverse("annotations:create"),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("login") in response["Location"]


def test_signed_in_users_without_a_role_are_refused(
    client_for: ClientFor, outsider: User, mine: Annotation
) -> None:
    c = client_for(outsider)
    assert c.get(reverse("annotations:queue")).status_code == 403
    assert c.get(mine.get_absolute_url()).status_code == 403


def test_educators_read_but_cannot_write(
    client_for: ClientFor, educator: User, mine: Annotation, release: DocumentVersion
) -> None:
    c = client_for(educator)
    assert c.get(reverse("annotations:queue") + "?status=all").status_code == 200
    page = c.get(mine.get_absolute_url())
    assert page.status_code == 200
    assert b"Save changes" not in page.content and b"Confirm" not in page.content
    start, end = span_of(release, WORDS)
    create = c.get(
        reverse("annotations:create"), {"version": release.pk, "start": start, "end": end}
    )
    assert create.status_code == 403
    label = mine.label.pk
    base = {"label": label, "note": "x", "revision": 1}
    assert c.post(reverse("annotations:edit", args=[mine.pk]), base).status_code == 403
    status = {"status": "confirmed"}
    assert c.post(reverse("annotations:status", args=[mine.pk]), status).status_code == 403
    assert c.post(reverse("annotations:reply", args=[mine.pk]), {"body": "hi"}).status_code == 403
    mine.refresh_from_db()
    assert (mine.note.startswith("Was it"), mine.status, mine.replies.count()) == (True, "open", 0)


def test_mutating_pages_refuse_get(
    client_for: ClientFor, moderator: User, mine: Annotation
) -> None:
    c = client_for(moderator)
    for name in ("edit", "status", "reply", "reattach"):
        assert c.get(reverse(f"annotations:{name}", args=[mine.pk])).status_code == 405


def test_a_missing_annotation_is_404(client_for: ClientFor, moderator: User) -> None:
    assert client_for(moderator).get(reverse("annotations:detail", args=[999])).status_code == 404


# Creating ---------------------------------------------------------------------------


def test_the_annotate_form_is_prefilled_from_the_selection(
    client_for: ClientFor, moderator: User, demo_comparison: Comparison
) -> None:
    version = demo_comparison.derivative_version
    start, end = span_of(version, "Suella Braverman")
    query = {"version": version.pk, "start": start, "end": end, "comparison": demo_comparison.pk}
    page = client_for(moderator).get(reverse("annotations:create"), query)
    assert page.status_code == 200
    assert b'<mark class="anno-exact">Suella Braverman</mark>' in page.content
    assert f'name="start" value="{start}"'.encode() in page.content


def test_a_moderator_annotates_a_selection_and_returns_to_the_comparison(
    client_for: ClientFor, moderator: User, demo_comparison: Comparison
) -> None:
    version = demo_comparison.derivative_version
    start, end = span_of(version, "Suella Braverman")
    label = Label.objects.get(slug="added-material")
    response = client_for(moderator).post(
        reverse("annotations:create"),
        {
            "version": version.pk, "start": start, "end": end, "comparison": demo_comparison.pk,
            "label": label.pk, "note": "The release leaves her *unnamed*.", "public": "on",
            "next": demo_comparison.get_absolute_url(),
        },
    )  # fmt: skip
    assert response.status_code == 302
    assert response["Location"] == demo_comparison.get_absolute_url()
    annotation = Annotation.objects.get()
    assert (annotation.exact, annotation.label, annotation.public) == (
        "Suella Braverman",
        label,
        True,
    )
    assert annotation.comparison == demo_comparison
    assert annotation.created_by == moderator


def test_an_offsite_next_url_is_ignored(
    client_for: ClientFor, moderator: User, release: DocumentVersion, label: Label
) -> None:
    start, end = span_of(release, WORDS)
    data = {"version": release.pk, "start": start, "end": end, "label": label.pk}
    response = client_for(moderator).post(
        reverse("annotations:create"), {**data, "next": "https://evil.example/"}
    )
    assert response["Location"] == Annotation.objects.get().get_absolute_url()


def test_a_bad_selection_is_explained(
    client_for: ClientFor, moderator: User, release: DocumentVersion
) -> None:
    query = {"version": release.pk, "start": 10, "end": len(release.text) + 50}
    page = client_for(moderator).get(reverse("annotations:create"), query)
    assert page.status_code == 400
    assert b"not inside the text" in page.content


def test_a_finding_can_be_annotated_without_javascript(
    client_for: ClientFor, moderator: User, demo_comparison: Comparison
) -> None:
    c = client_for(moderator)
    findings = demo_comparison.engine_result.findings
    index = next(i for i, f in enumerate(findings) if f.type == "name_added")
    form = c.get(
        reverse("annotations:create"), {"comparison": demo_comparison.pk, "finding": index}
    )
    assert b"Suella Braverman" in form.content


# Detail, edit, review ---------------------------------------------------------------


def test_the_detail_page_renders_the_note_safely_with_history(
    client_for: ClientFor, educator: User, mine: Annotation
) -> None:
    page = client_for(educator).get(mine.get_absolute_url()).content.decode()
    assert "<strong>40%</strong>" in page
    assert "<script>alert(1)</script>" not in page
    assert "History" in page and "Created" in page


def test_an_edit_through_the_form_is_saved_and_recorded(
    client_for: ClientFor, moderator: User, mine: Annotation
) -> None:
    response = client_for(moderator).post(
        reverse("annotations:edit", args=[mine.pk]),
        {"label": mine.label.pk, "note": "Now sure.", "public": "on", "revision": 1},
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.note, mine.public, mine.revision) == ("Now sure.", True, 2)


def test_the_second_concurrent_edit_is_refused_with_the_current_text(
    client_for: ClientFor, moderator: User, admin_member: User, mine: Annotation
) -> None:
    form = {"label": mine.label.pk, "public": "", "revision": 1}
    first = client_for(admin_member).post(
        reverse("annotations:edit", args=[mine.pk]), {**form, "note": "Admin's note."}
    )
    assert first.status_code == 302
    second = client_for(moderator).post(
        reverse("annotations:edit", args=[mine.pk]), {**form, "note": "Moderator's note."}
    )
    assert second.status_code == 409
    page = second.content.decode()
    assert "Someone else changed this annotation" in page
    assert "Admin&#x27;s note." in page  # the current text
    assert "Moderator&#x27;s note." in page  # what they tried to save, to copy
    assert 'name="revision" value="2"' in page  # the form is now based on the current revision
    mine.refresh_from_db()
    assert mine.note == "Admin's note."


def test_moderators_cannot_edit_others_annotations_through_the_form(
    client_for: ClientFor, moderator2: User, mine: Annotation
) -> None:
    response = client_for(moderator2).post(
        reverse("annotations:edit", args=[mine.pk]),
        {"label": mine.label.pk, "note": "hijack", "revision": 1},
    )
    assert response.status_code == 403


def test_another_moderator_confirms_through_the_page(
    client_for: ClientFor, moderator2: User, mine: Annotation
) -> None:
    c = client_for(moderator2)
    assert b'data-status="confirmed"' in c.get(mine.get_absolute_url()).content
    response = c.post(
        reverse("annotations:status", args=[mine.pk]), {"status": "confirmed", "revision": 1}
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.status, mine.reviewed_by) == ("confirmed", moderator2)


def test_the_author_is_not_offered_and_cannot_post_a_confirmation(
    client_for: ClientFor, moderator: User, mine: Annotation
) -> None:
    c = client_for(moderator)
    page = c.get(mine.get_absolute_url()).content
    assert b'data-status="confirmed"' not in page
    assert b"Another moderator must confirm" in page
    response = c.post(reverse("annotations:status", args=[mine.pk]), {"status": "confirmed"})
    assert response.status_code == 403


def test_replies_thread_on_the_page(
    client_for: ClientFor, moderator: User, moderator2: User, mine: Annotation
) -> None:
    client_for(moderator2).post(reverse("annotations:reply", args=[mine.pk]), {"body": "Source?"})
    question = Reply.objects.get()
    client_for(moderator).post(
        reverse("annotations:reply", args=[mine.pk]),
        {"body": "The *archive*.", "parent": question.pk},
    )
    answer = Reply.objects.exclude(pk=question.pk).get()
    assert answer.parent == question
    page = client_for(moderator).get(mine.get_absolute_url()).content.decode()
    assert 'class="reply depth-1"' in page and "<em>archive</em>" in page


def test_an_orphan_is_reattached_through_the_page(
    client_for: ClientFor, moderator2: User, mine: Annotation, seeds: dict
) -> None:
    from tests.annotations.conftest import new_version

    release = mine.document_version
    v2 = new_version(
        seeds["001"], release.text.replace(WORDS, "More officers will be deployed")
    ).version
    workflow.reanchor_annotations(release, v2)
    mine.refresh_from_db()
    assert mine.is_orphaned
    c = client_for(moderator2)
    assert b"Re-attach to the current version" in c.get(mine.get_absolute_url()).content
    response = c.post(
        reverse("annotations:reattach", args=[mine.pk]),
        {"words": "More officers will be deployed", "revision": mine.revision},
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.is_orphaned, mine.document_version, mine.exact) == (
        False, v2, "More officers will be deployed",
    )  # fmt: skip


# Queue ------------------------------------------------------------------------------


@pytest.fixture
def several(
    release: DocumentVersion, seeds: dict, moderator: User, moderator2: User, annotate: AnnotateFn
) -> list[Annotation]:
    derivative = seeds["000"].current_version
    figure = Label.objects.get(slug="changed-figure")
    added = Label.objects.get(slug="added-material")
    made = [
        annotate(moderator, release, WORDS, label=figure),
        annotate(moderator, release, "30,000 crossings", label=figure),
        annotate(moderator2, derivative, "Suella Braverman", label=added),
    ]
    workflow.do_set_status(made[1], moderator2, Annotation.Status.CONFIRMED)
    return made


def test_the_queue_opens_on_open_annotations_with_counts(
    client_for: ClientFor, moderator: User, several: list[Annotation]
) -> None:
    response = client_for(moderator).get(reverse("annotations:queue"))
    page = response.content.decode()
    assert list(response.context["page"].object_list) == [several[2], several[0]]
    assert 'Open <span class="count">(2)</span>' in page
    assert 'Confirmed <span class="count">(1)</span>' in page
    assert 'All <span class="count">(3)</span>' in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "confirmed"}, [1]),
        ({"status": "all", "label": "added"}, [2]),
        ({"status": "all", "author": "max"}, [2]),
        ({"status": "all", "document": "001"}, [1, 0]),
        ({"status": "all", "outlet": "Richard Fuller MP"}, [2]),
    ],
)
def test_the_queue_filters(
    client_for: ClientFor,
    moderator: User,
    several: list[Annotation],
    seeds: dict,
    query: dict[str, str],
    expected: list[int],
) -> None:
    from django.contrib.auth.models import User as U

    from documents.models import Outlet

    if "label" in query:
        query["label"] = str(Label.objects.get(slug="added-material").pk)
    if "author" in query:
        query["author"] = str(U.objects.get(username=query["author"]).pk)
    if "document" in query:
        query["document"] = str(seeds[query["document"]].pk)
    if "outlet" in query:
        query["outlet"] = str(Outlet.objects.get(name=query["outlet"]).pk)
    response = client_for(moderator).get(reverse("annotations:queue"), query)
    assert list(response.context["page"].object_list) == [several[i] for i in expected]


def test_the_queue_lists_orphans_and_warns_about_them(
    client_for: ClientFor, moderator: User, several: list[Annotation], seeds: dict
) -> None:
    from tests.annotations.conftest import new_version

    release = several[0].document_version
    v2 = new_version(seeds["001"], release.text.replace(WORDS, "Officer numbers rise")).version
    workflow.reanchor_annotations(release, v2)
    c = client_for(moderator)
    assert b"1 orphaned annotation" in c.get(reverse("annotations:queue")).content
    response = c.get(reverse("annotations:queue"), {"status": "all", "orphans": "on"})
    assert list(response.context["page"].object_list) == [several[0]]


def test_the_queue_has_an_empty_state(client_for: ClientFor, moderator: User) -> None:
    page = client_for(moderator).get(reverse("annotations:queue")).content
    assert b"No annotations yet" in page


def test_the_queue_paginates(
    client_for: ClientFor, moderator: User, release: DocumentVersion, label: Label
) -> None:
    for i in range(30):
        target = workflow.target_from_span(release, i * 10, i * 10 + 5)
        workflow.do_create_annotation(moderator, target, label)
    c = client_for(moderator)
    first = c.get(reverse("annotations:queue"))
    assert len(first.context["page"].object_list) == 25
    assert b"Page 1 of 2" in first.content
    assert len(c.get(reverse("annotations:queue"), {"page": 2}).context["page"].object_list) == 5


# Labels -----------------------------------------------------------------------------


def test_the_eight_default_labels_exist() -> None:
    assert set(Label.objects.values_list("name", flat=True)) == {
        "Verbatim reuse", "Altered quotation", "Misattributed quotation", "Trimmed context",
        "Changed figure", "Added material", "Missing attribution", "Other",
    }  # fmt: skip


def test_admins_add_and_retire_labels(client_for: ClientFor, admin_member: User) -> None:
    c = client_for(admin_member)
    assert c.post(reverse("annotations:labels"), {"name": "Recycled photo"}).status_code == 302
    label = Label.objects.get(slug="recycled-photo")
    c.post(reverse("annotations:label_retire", args=[label.pk]), {"retire": "1"})
    label.refresh_from_db()
    assert label.is_retired
    assert label not in Label.objects.active()


def test_moderators_cannot_manage_labels(client_for: ClientFor, moderator: User) -> None:
    c = client_for(moderator)
    assert c.get(reverse("annotations:labels")).status_code == 403
    assert c.post(reverse("annotations:labels"), {"name": "Mine"}).status_code == 403
    assert not Label.objects.filter(slug="mine").exists()
