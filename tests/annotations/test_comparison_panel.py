"""The annotation panel on the comparison page and on share links."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from annotations import workflow
from annotations.models import Annotation
from comparisons import sharing
from comparisons.models import Comparison
from tests.annotations.conftest import AnnotateFn

pytestmark = pytest.mark.django_db
ClientFor = Callable[[User], Client]


@pytest.fixture
def on_comparison(
    demo_comparison: Comparison, moderator: User, moderator2: User, annotate: AnnotateFn
) -> dict[str, Annotation]:
    post, release = demo_comparison.derivative_version, demo_comparison.source_version
    made = {
        "public_confirmed": annotate(moderator, post, "Suella Braverman", public=True),
        "public_open": annotate(moderator, post, "Gérald Darmanin", public=True),
        "private_confirmed": annotate(moderator, release, "increase by 40%"),
        "public_dismissed": annotate(moderator, release, "30,000 crossings", public=True),
    }
    workflow.do_set_status(made["public_confirmed"], moderator2, Annotation.Status.CONFIRMED)
    workflow.do_set_status(made["private_confirmed"], moderator2, Annotation.Status.CONFIRMED)
    workflow.do_set_status(made["public_dismissed"], moderator2, Annotation.Status.DISMISSED)
    return made


def panel_ids(html: bytes) -> set[int]:
    text = html.decode()
    start = text.index('id="anno-config"')
    config = json.loads(text[text.index(">", start) + 1 : text.index("</script>", start)])
    return {m["id"] for m in config["marks"]}


def test_moderators_see_every_annotation_and_the_annotate_paths(
    client_for: ClientFor, moderator: User, demo_comparison: Comparison, on_comparison: dict
) -> None:
    page = client_for(moderator).get(demo_comparison.get_absolute_url())
    assert page.status_code == 200
    assert panel_ids(page.content) == {a.pk for a in on_comparison.values()}
    assert b"Annotate a finding" in page.content
    assert b"js/annotations.js" in page.content
    assert b"Export these annotations" in page.content


def test_educators_read_the_annotations_but_get_no_annotate_paths(
    client_for: ClientFor, educator: User, demo_comparison: Comparison, on_comparison: dict
) -> None:
    page = client_for(educator).get(demo_comparison.get_absolute_url())
    assert panel_ids(page.content) == {a.pk for a in on_comparison.values()}
    assert b"Annotate a finding" not in page.content
    assert b'"createUrl": ""' in page.content


def test_a_share_link_shows_only_confirmed_public_annotations_to_anyone(
    client: Client, educator: User, demo_comparison: Comparison, on_comparison: dict
) -> None:
    link = sharing.create_link(demo_comparison, educator, None)
    page = client.get(link.get_absolute_url())
    assert page.status_code == 200
    assert panel_ids(page.content) == {on_comparison["public_confirmed"].pk}
    html = page.content.decode()
    assert "Suella Braverman" in html
    assert "increase by 40%</blockquote>" not in html
    assert "Annotate a finding" not in html and "Export these annotations" not in html
    assert on_comparison["public_confirmed"].get_absolute_url() not in html  # no private links


def test_the_step_through_gets_step_spans_for_selecting(
    client_for: ClientFor, moderator: User, demo_comparison: Comparison
) -> None:
    page = client_for(moderator).get(demo_comparison.get_absolute_url() + "?view=steps")
    text = page.content.decode()
    start = text.index('id="anno-config"')
    config = json.loads(text[text.index(">", start) + 1 : text.index("</script>", start)])
    assert config["stepSpans"] and config["stepPassages"]


def test_annotations_on_other_versions_do_not_show(
    client_for: ClientFor,
    moderator: User,
    demo_comparison: Comparison,
    seeds: dict,
    annotate: AnnotateFn,
) -> None:
    annotate(moderator, seeds["002"].current_version, "Albanians")
    page = client_for(moderator).get(demo_comparison.get_absolute_url())
    assert panel_ids(page.content) == set()
    assert b"No annotations on these texts yet." in page.content


def test_a_share_link_shows_what_the_queryset_rule_allows(
    client: Client,
    educator: User,
    demo_comparison: Comparison,
    on_comparison: dict,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The share link's visibility is `AnnotationQuerySet.public_for`, not a rule of the
    # template tag's own: change the rule and the shared page follows.
    from annotations.models import AnnotationQuerySet

    def only_open(self: AnnotationQuerySet, comparison: Comparison) -> AnnotationQuerySet:
        return self.for_comparison(comparison).filter(pk=on_comparison["public_open"].pk)

    monkeypatch.setattr(AnnotationQuerySet, "public_for", only_open)
    link = sharing.create_link(demo_comparison, educator, None)
    shown = panel_ids(client.get(link.get_absolute_url()).content)
    assert shown == {on_comparison["public_open"].pk}
