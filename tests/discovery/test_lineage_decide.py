"""The role rule on its own (`discovery.lineage.decide` reads only what it is given)."""

from __future__ import annotations

from comparisons.models import Comparison
from discovery.lineage import Candidate, decide
from discovery.models import Role
from documents.models import Document, DocumentVersion

WORDS = "the council said the plan would fund new libraries across the districts "


def _doc(pk: int, title: str, kind: str, text: str = WORDS * 10) -> Document:
    document = Document(pk=pk, title=title, kind=kind)
    document.current_version = DocumentVersion(pk=pk, document=document, text=text)
    return document


def _candidate(
    document: Document,
    share: float,
    taken: list[tuple[int, int]],
    wording: list[tuple[int, int]] | None = None,
    origin: Document | None = None,
    carried: list[tuple[int, int]] | None = None,
) -> Candidate:
    comparison = Comparison(
        derivative_share=share, paraphrased_share=0.0, origin=Comparison.Origin.DISCOVERY
    )
    return Candidate(
        document,
        comparison,
        wording if wording is not None else taken,
        taken,
        origin,
        frozenset({origin.pk}) if origin else frozenset(),
        carried or [],
    )


def test_a_copy_of_a_story_gets_the_story_s_origin_not_a_weaker_release() -> None:
    # The article copies a story whole. The story's origin is release A (its first 300
    # characters); release B matches 120 characters further on that the story also has,
    # too few for the story's own roles to list B. B's text reached the article inside
    # the story, so A, through the story, is the origin; B is no source of its own.
    article = _doc(1, "Copy", "article", WORDS * 14)
    release_a = _doc(2, "Release A", "press_release")
    release_b = _doc(3, "Release B", "press_release")
    story = _doc(4, "Story", "article", WORDS * 14)
    size = len(article.text)
    decisions = decide(
        article,
        [
            _candidate(release_a, 0.3, [(0, 300)]),
            _candidate(release_b, 0.12, [(500, 620)]),
            _candidate(
                story,
                1.0,
                [(0, size)],
                wording=[(300, size)],
                origin=release_a,
                carried=[(0, 300)],
            ),
        ],
    )
    roles = {d.document.title: (d.role, d.direct) for d in decisions}
    assert roles["Release A"] == (Role.ORIGIN, False)
    assert roles["Story"] == (Role.DIRECT, True)
    assert roles["Release B"][0] != Role.ORIGIN
    assert not roles["Release B"][1]
    origin = next(d for d in decisions if d.role == Role.ORIGIN)
    assert origin.via == story


def test_a_release_with_text_outside_the_copied_story_stays_a_source() -> None:
    # The same, but the article also has 200 characters of release B that the story
    # does not: the article read B itself, and B, a release, is its origin.
    article = _doc(1, "Article", "article", WORDS * 14)
    release_a = _doc(2, "Release A", "press_release")
    release_b = _doc(3, "Release B", "press_release")
    story = _doc(4, "Story", "article", WORDS * 14)
    decisions = decide(
        article,
        [
            _candidate(release_a, 0.3, [(0, 300)]),
            _candidate(release_b, 0.2, [(500, 620), (800, 1000)]),
            _candidate(
                story,
                0.7,
                [(0, 700)],
                wording=[(300, 700)],
                origin=release_a,
                carried=[(0, 300)],
            ),
        ],
    )
    roles = {d.document.title: (d.role, d.direct) for d in decisions}
    assert roles["Release B"][1]
    assert roles["Story"] == (Role.DIRECT, True)


def test_a_reason_names_the_figure_the_engine_reads_even_in_words() -> None:
    # The words come from `role_reasons`, which reads figures with the engine: "seven
    # million pounds" is a figure as much as "£7m", though it holds no digit.
    from discovery.role_reasons import explain

    lead = "The council said the plan would fund new libraries across the districts. "
    extra = (
        "The council pledged seven million pounds for the new reading rooms it will open "
        "next year. "
    )
    article = _doc(1, "Story", "article", lead * 3 + extra)
    release = _doc(2, "Release", "press_release", lead * 3)
    story = _doc(3, "Other story", "article", extra)
    size, start = len(article.text), len(lead * 3)
    decisions = explain(
        decide(
            article,
            [_candidate(release, 0.7, [(0, start)]), _candidate(story, 0.3, [(start, size)])],
        ),
        article,
    )
    reason = next(d.reason for d in decisions if d.document == story)
    assert "supplies the passage giving seven million pounds" in reason, reason
