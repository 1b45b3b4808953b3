"""Export annotations as W3C Web Annotation JSON-LD and CSV; import the JSON-LD back.

Each annotation becomes a W3C `Annotation` with two bodies (the note as a
Markdown `TextualBody` with purpose "commenting", the label as one with purpose
"tagging"), and a target whose `source` is the document's URL (or this app's
page for it when it has none) with a `TextQuoteSelector` and a
`TextPositionSelector`. What the W3C model has no term for (review status,
"public on share links", the version's text digest that lets an import find
the same text in another database) goes under our own `pvn:` prefix. Replies
are annotations with motivation "replying" that target what they answer.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from annotations import anchoring, jsonld_input
from annotations.jsonld_input import AnnotationItem, ReplyItem
from annotations.models import Annotation, AnnotationEvent, Label, Reply
from annotations.workflow import Target, target_from_span
from comparisons import claims
from documents.access import get_document_for, get_numbered_version_for
from documents.models import Document, DocumentVersion
from provenance import site
from provenance.engine import Finding

if TYPE_CHECKING:
    from django.contrib.auth.models import User

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
NS = "urn:x-provenance:annotations#"
CONTEXT: list[Any] = [W3C_CONTEXT, {"pvn": NS}]
MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
_DOCUMENT_PATH = re.compile(r"/documents/(\d+)/?$")


def absolute(path: str) -> str:
    """An id or link on this site: SITE_URL if set, else the current request's address."""
    return site.absolute(path)


def document_source(document: Document) -> str:
    """The target's `source`: the document's own URL, or this app's page for it."""
    return document.url or absolute(document.get_absolute_url())


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def _person(user: Any) -> dict[str, str] | None:
    if user is None:
        return None
    return {"type": "Person", "nickname": user.get_username()}


def annotation_to_jsonld(annotation: Annotation) -> dict[str, Any]:
    version = annotation.document_version
    document = version.document
    body: list[dict[str, Any]] = [
        {
            "type": "TextualBody",
            "purpose": "tagging",
            "value": annotation.label.name,
            "pvn:labelSlug": annotation.label.slug,
        }
    ]
    if annotation.note:
        body.insert(
            0,
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": annotation.note,
                "format": "text/markdown",
            },
        )
    return {
        "id": absolute(annotation.get_absolute_url()),
        "type": "Annotation",
        "motivation": "assessing",
        "created": _iso(annotation.created_at),
        "modified": _iso(annotation.updated_at),
        "creator": _person(annotation.created_by),
        "body": body,
        "target": {
            "source": document_source(document),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": annotation.exact,
                    "prefix": annotation.prefix,
                    "suffix": annotation.suffix,
                },
                {"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end},
            ],
        },
        "pvn:status": annotation.status,
        "pvn:public": annotation.public,
        "pvn:reviewedBy": _person(annotation.reviewed_by),
        "pvn:reviewed": _iso(annotation.reviewed_at),
        "pvn:anchorState": annotation.anchor_state,
        "pvn:document": document.pk,
        "pvn:documentTitle": document.title,
        "pvn:version": version.number,
        "pvn:textSha256": version.text_sha256,
        "pvn:passage": annotation.passage_index,
        "pvn:finding": annotation.finding_index,
        "pvn:attribution": annotation.attribution or None,
    }


def reply_to_jsonld(reply: Reply, annotation_id: str) -> dict[str, Any]:
    target = (
        annotation_id if reply.parent_id is None else f"{annotation_id}#reply-{reply.parent_id}"
    )
    return {
        "id": f"{annotation_id}#reply-{reply.pk}",
        "type": "Annotation",
        "motivation": "replying",
        "created": _iso(reply.created_at),
        "creator": _person(reply.author),
        "body": {"type": "TextualBody", "value": reply.body, "format": "text/markdown"},
        "target": target,
    }


def finding_fields(annotation: Annotation, findings: Sequence[Finding]) -> dict[str, Any]:
    """What the annotated finding is (its kind, reason and, for claims, both phrases).

    Only a comparison's own export passes `findings`, after checking the reader may see
    that comparison: its source's words are not every annotation reader's to see.
    """
    index = annotation.finding_index
    if index is None or not 0 <= index < len(findings):
        return {}
    finding = findings[index]
    source_words, derived_words = claims.phrases(finding)
    source_level, derived_level = claims.levels(finding)
    fields = {
        "pvn:findingType": finding.type,
        "pvn:findingReason": finding.reason or None,
        "pvn:sourceWords": source_words or None,
        "pvn:derivedWords": derived_words or None,
        "pvn:sourceLevel": source_level,
        "pvn:derivedLevel": derived_level,
    }
    return {k: v for k, v in fields.items() if v is not None}


def to_jsonld(
    annotations: Iterable[Annotation],
    collection_id: str,
    label: str,
    findings: Sequence[Finding] = (),
) -> dict[str, Any]:
    """An AnnotationCollection with one page holding the annotations and their replies."""
    items: list[dict[str, Any]] = []
    for annotation in annotations:
        item = annotation_to_jsonld(annotation) | finding_fields(annotation, findings)
        items.append(item)
        items.extend(reply_to_jsonld(r, item["id"]) for r in annotation.replies.all())
    return {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {"type": "AnnotationPage", "items": items},
    }


CSV_COLUMNS = [
    "id", "url", "document", "document_title", "source", "version", "start", "end",
    "exact", "prefix", "suffix", "label", "note", "public", "status", "anchor_state",
    "created_by", "created_at", "updated_at", "reviewed_by", "reviewed_at", "replies",
]  # fmt: skip


def _cell(value: Any) -> Any:
    """Keep spreadsheets from running a cell as a formula (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


FINDING_COLUMNS = ["finding_type", "finding_reason", "source_words", "derived_words"]


def to_csv(annotations: Iterable[Annotation], findings: Sequence[Finding] | None = None) -> str:
    """One row per annotation; given a comparison's findings, the annotated finding's too."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS + (FINDING_COLUMNS if findings is not None else []))
    for a in annotations:
        document = a.document_version.document
        row = [
            a.pk, absolute(a.get_absolute_url()), document.pk, document.title,
            document_source(document), a.document_version.number, a.start, a.end,
            a.exact, a.prefix, a.suffix, a.label.name, a.note, a.public, a.status,
            a.anchor_state, a.created_by.get_username() if a.created_by else "",
            _iso(a.created_at), _iso(a.updated_at),
            a.reviewed_by.get_username() if a.reviewed_by else "", _iso(a.reviewed_at) or "",
            a.replies.count(),
        ]  # fmt: skip
        if findings is not None:
            found = finding_fields(a, findings)
            row += [
                found.get("pvn:findingType", ""), found.get("pvn:findingReason", ""),
                found.get("pvn:sourceWords", ""), found.get("pvn:derivedWords", ""),
            ]  # fmt: skip
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


# Import -----------------------------------------------------------------------------


@dataclass
class ImportReport:
    created: list[Annotation] = field(default_factory=list)
    replies: int = 0
    skipped: list[str] = field(default_factory=list)  # why each item was not imported

    @property
    def message(self) -> str:
        parts = [f"Imported {len(self.created)} annotations and {self.replies} replies."]
        if self.skipped:
            parts.append(f"Skipped {len(self.skipped)}: " + "; ".join(self.skipped[:5]))
        return " ".join(parts)


# Kept under its old name: callers catch interchange.UnreadableExport.
UnreadableExport = jsonld_input.UnreadableExport


def _label(item: AnnotationItem) -> Label | None:
    if not item.label_name:
        return None
    slug = slugify(item.label_slug or item.label_name)[:80]
    if not slug:
        return None
    label = Label.objects.filter(slug=slug).first()
    label = label or Label.objects.filter(name=item.label_name).first()
    return label or Label.objects.create(name=item.label_name, slug=slug)


def _version(item: AnnotationItem) -> DocumentVersion | None:
    """Find the text an item points at: the same text by digest, else the document by URL."""
    if item.digest:
        found = DocumentVersion.objects.filter(text_sha256=item.digest).order_by("-pk").first()
        if found is not None:
            return found
    source = item.source
    document = Document.objects.filter(url=source).order_by("pk").first() if source else None
    if document is None and site.is_own(source):
        match = _DOCUMENT_PATH.search(source)
        document = Document.objects.filter(pk=match.group(1)).first() if match else None
    return document.current_version if document is not None else None


def _anchor(item: AnnotationItem, version: DocumentVersion) -> anchoring.Quote | None:
    exact, start = item.exact, item.start
    if not exact:
        return None
    if start is not None and version.text[start : start + len(exact)] == exact:
        return anchoring.quote_for(version.text, start, start + len(exact))
    near = start if start is not None and start <= len(version.text) else 0
    quote = anchoring.Quote(near, near + len(exact), exact, item.prefix, item.suffix)
    placed = anchoring.place(quote, version.text)
    return placed.quote if placed is not None else None


_OWN_ANNOTATION = re.compile(r"/annotations/(\d+)/?$")


def _already_here(item: AnnotationItem) -> bool:
    """Tell whether an item is one of this database's own annotations (same id and words)."""
    match = _OWN_ANNOTATION.search(item.ident)
    if not match or not site.is_own(item.ident):
        return False
    return Annotation.objects.filter(pk=match.group(1), exact=item.exact).exists()


def _when(value: datetime | None) -> str:
    return f" on {value.date().isoformat()}" if value else ""


def attribution_for(item: AnnotationItem) -> str:
    """Who wrote and reviewed an imported annotation elsewhere, as one line of text."""
    parts = [f"Imported from {item.ident or 'a file'}."]
    if item.creator:
        parts.append(f"Written by {item.creator}{_when(item.created)}.")
    verdicts = {"confirmed": "Confirmed", "dismissed": "Dismissed"}
    if item.status in verdicts:
        by = f" by {item.reviewed_by}" if item.reviewed_by else ""
        parts.append(f"{verdicts[item.status]}{by}{_when(item.reviewed)} there, not here.")
    if item.attribution:
        parts.append(f"Earlier: {item.attribution}")
    return " ".join(parts)


def _import_annotation(
    item: AnnotationItem, report: ImportReport, actor: User
) -> Annotation | None:
    ident = item.ident
    if ident and Annotation.objects.filter(external_id=ident).exists():
        report.skipped.append(f"{ident} was imported before")
        return None
    if _already_here(item):
        report.skipped.append(f"{ident} is already in this database")
        return None
    version = _version(item)
    label = _label(item)
    if version is None or label is None:
        report.skipped.append(f"{ident or 'an annotation'}: its document or label is not here")
        return None
    quote = _anchor(item, version)
    if quote is None:
        report.skipped.append(f"{ident or 'an annotation'}: its words are not in the text")
        return None
    # The importer is the author here, and the annotation is open: a review made elsewhere
    # (or claimed by the file) is not a review made here. Both go into `attribution`.
    annotation = Annotation.objects.create(
        document_version=version,
        start=quote.start,
        end=quote.end,
        exact=quote.exact,
        prefix=quote.prefix,
        suffix=quote.suffix,
        passage_index=item.passage,
        finding_index=item.finding,
        label=label,
        note=item.note,
        public=item.public,
        status=Annotation.Status.OPEN,
        created_by=actor,
        created_at=item.created or timezone.now(),
        updated_at=item.modified or item.created or timezone.now(),
        external_id=ident,
        attribution=attribution_for(item),
    )
    AnnotationEvent.objects.create(
        annotation=annotation,
        actor=actor,
        action=AnnotationEvent.Action.IMPORTED,
        changes={
            "from": ident,
            "creator": item.creator,
            "status_there": item.status,
            "reviewed_by_there": item.reviewed_by,
            **annotation.snapshot(),
        },
    )
    return annotation


def _import_replies(
    replies: list[ReplyItem], by_id: dict[str, Annotation], actor: User, report: ImportReport
) -> None:
    made: dict[str, Reply] = {}
    for item in replies:
        annotation = by_id.get(item.target.split("#reply-")[0])
        if annotation is None:
            continue  # its annotation was skipped (and reported) or imported before
        by = f"Written by {item.creator}{_when(item.created)}; " if item.creator else ""
        reply = Reply.objects.create(
            annotation=annotation,
            parent=made.get(item.target),
            author=actor,
            body=item.body,
            created_at=item.created or timezone.now(),
            attribution=f"{by}imported from {item.ident or 'a file'}.",
        )
        made[item.ident] = reply
        report.replies += 1


def do_import_jsonld(data: Any, actor: User) -> ImportReport:
    """Recreate annotations (labels, notes, replies) from a JSON-LD export, in one transaction.

    Every annotation and reply is credited to `actor`, open for review, with its
    original authors and reviewers kept as attribution text. A file with any bad
    field is refused whole (UnreadableExport) before anything is stored. Items
    whose text is not in this database are skipped and listed in the report, never
    dropped silently. Importing the same file twice adds nothing.
    """
    checked = jsonld_input.read(data)
    report = ImportReport()
    by_id: dict[str, Annotation] = {}
    with transaction.atomic():
        for item in checked.annotations:
            annotation = _import_annotation(item, report, actor)
            if annotation is not None:
                report.created.append(annotation)
                by_id[item.ident] = annotation
        _import_replies(checked.replies, by_id, actor, report)
    return report


# One new annotation, sent by a client ------------------------------------------------


def _sent_bodies(item: dict[str, Any]) -> list[dict[str, Any]]:
    body = item.get("body") or []
    return [b for b in (body if isinstance(body, list) else [body]) if isinstance(b, dict)]


def _sent_selectors(item: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The item's TextQuoteSelector and TextPositionSelector ({} for one not given)."""
    target = item.get("target")
    selectors = target.get("selector", []) if isinstance(target, dict) else []
    selectors = selectors if isinstance(selectors, list) else [selectors]
    by_type = {s.get("type"): s for s in selectors if isinstance(s, dict)}
    return by_type.get("TextQuoteSelector", {}), by_type.get("TextPositionSelector", {})


@dataclass(frozen=True)
class NewAnnotation:
    """What one W3C Annotation sent to the API asks for, checked against what `user` sees."""

    target: Target
    label: Label
    note: str
    public: bool


def _sent_version(item: dict[str, Any], user: Any) -> DocumentVersion:
    """The version an item targets: pvn:document and pvn:version, else target.source.

    Found only among what `user` may see, so another user's or an archived document
    answers 404 as on the pages.
    """
    document_pk, number = item.get("pvn:document"), item.get("pvn:version")
    if isinstance(document_pk, int) and isinstance(number, int):
        return get_numbered_version_for(user, document_pk, number)
    target = item.get("target")
    source = str(target.get("source", "")) if isinstance(target, dict) else ""
    if not source:
        raise ValidationError({"target.source": "Name the document the annotation is on."})
    visible = Document.objects.visible_to(user)
    match = _DOCUMENT_PATH.search(source) if source.startswith(settings.SITE_URL) else None
    document = (
        visible.filter(pk=match.group(1)).first()
        if match
        else visible.filter(url=source).order_by("pk").first()
    )
    if document is None:
        raise ValidationError({"target.source": "No document you can see has this address."})
    document = get_document_for(user, document.pk)
    if document.current_version is None:
        raise ValidationError({"target.source": "This document has no text to annotate."})
    return document.current_version


def _sent_span(item: dict[str, Any], version: DocumentVersion) -> tuple[int, int]:
    quote_sel, position = _sent_selectors(item)
    start, end = position.get("start"), position.get("end")
    exact = quote_sel.get("exact")
    if isinstance(start, int) and isinstance(end, int):
        if isinstance(exact, str) and exact and version.text[start:end] != exact:
            raise ValidationError(
                {"target.selector": "The quoted words are not at that position in the text."}
            )
        return start, end
    if isinstance(exact, str) and exact:
        quote = anchoring.Quote(
            0, len(exact), exact, str(quote_sel.get("prefix", "")), str(quote_sel.get("suffix", ""))
        )
        found = anchoring.find_exact(quote, version.text, 0)
        if found is not None:
            return found, found + len(exact)
        raise ValidationError({"target.selector": "The quoted words are not in the text."})
    raise ValidationError(
        {"target.selector": "Give a TextPositionSelector (start, end) or a TextQuoteSelector."}
    )


def parse_annotation(item: Any, user: Any) -> NewAnnotation:
    """Read one W3C Annotation to create: raise ValidationError naming the field at fault.

    Unlike an import, nothing is made up: the label must exist and not be retired, and
    the quote must be in the text as it is now.
    """
    if not isinstance(item, dict) or item.get("type") != "Annotation":
        raise ValidationError({"type": "Send one W3C Web Annotation (type “Annotation”)."})
    tag = next((b for b in _sent_bodies(item) if b.get("purpose") == "tagging"), None)
    name = str(tag.get("value", "")).strip() if tag else ""
    if not name:
        raise ValidationError({"body": "Give a label: a TextualBody with purpose “tagging”."})
    label = (
        Label.objects.filter(name__iexact=name).first()
        or Label.objects.filter(
            slug=slugify(str(tag.get("pvn:labelSlug") or name) if tag else "")
        ).first()
    )
    if label is None or label.is_retired:
        raise ValidationError({"body": f"“{name[:80]}” is not a label in use. Pick another."})
    version = _sent_version(item, user)
    start, end = _sent_span(item, version)
    note: dict[str, Any] = next(
        (b for b in _sent_bodies(item) if b.get("purpose") == "commenting"), {}
    )
    return NewAnnotation(
        target=target_from_span(version, start, end),
        label=label,
        note=str(note.get("value", "")),
        public=item.get("pvn:public") is True,
    )
