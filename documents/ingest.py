"""Bringing one document in: validate (`check_submission`), then write (`ingest_document`).

Every input path (the upload form, bulk imports, the commands, later the API)
goes through these two functions, so the rules about duplicates, versions and
rejections live in one place.
"""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Max

from documents import duplicates, fetch
from documents.clean import clean_line, clean_text
from documents.errors import RejectedInput
from documents.extract import Extracted, extract, extract_pasted
from documents.furniture import repeated_lines_for_outlet, strip_furniture
from documents.metadata import Metadata, parse_published
from documents.models import Document, DocumentVersion, Outlet
from documents.signals import version_created
from provenance import events

if TYPE_CHECKING:
    import datetime as dt

    from django.contrib.auth.models import User


class Status(StrEnum):
    ADDED = "added"
    NEW_VERSION = "new_version"
    DUPLICATE = "duplicate"
    NEAR_DUPLICATE = "near_duplicate"
    REJECTED = "rejected"


class NearDuplicates(StrEnum):
    """What to do with a text very like one we hold."""

    ASK = "ask"  # store nothing; the caller offers the choice (the upload form)
    VERSION = "version"  # add it as a new version of that document (bulk imports)
    SEPARATE = "separate"  # add it as a document of its own


@dataclass(frozen=True)
class Submission:
    """What an admin sent: pasted text, file bytes, or a URL to fetch."""

    text: str | None = None
    data: bytes | None = None
    filename: str = ""
    fetch_url: str = ""
    source: str = DocumentVersion.Source.PASTE
    encoding: str = ""  # the uploader's choice when detection was unsure


@dataclass(frozen=True)
class Prepared:
    """A checked submission, ready to write."""

    original: bytes
    original_name: str
    content_type: str
    sha256: str
    text: str
    text_sha256: str
    display_html: str
    stripped: list[dict[str, str]]
    source: str
    source_url: str
    kind: str
    title: str
    outlet: str
    author: str
    url: str
    published_on: dt.date | None
    published_at: dt.datetime | None
    language: str


@dataclass(frozen=True)
class Outcome:
    status: Status
    document: Document | None = None
    version: DocumentVersion | None = None
    reason: str = ""
    similarity: float | None = None
    prepared: Prepared | None = field(default=None, repr=False)

    @property
    def stored(self) -> bool:
        return self.status in {Status.ADDED, Status.NEW_VERSION}

    @property
    def message(self) -> str:
        """A sentence for the admin about what happened."""
        title = f"“{self.document.title}”" if self.document else ""
        match self.status:
            case Status.ADDED:
                return f"Added {title}."
            case Status.NEW_VERSION:
                number = self.version.number if self.version else "?"
                return f"Added version {number} of {title}."
            case Status.DUPLICATE:
                return f"Already in the corpus as {title}; nothing was added."
            case Status.NEAR_DUPLICATE:
                share = round(100 * (self.similarity or 0))
                return f"This is very like {title} ({share}% the same). Is it a new version of it?"
        return self.reason


def check_submission(submission: Submission, meta: Metadata) -> Prepared:
    """Read and validate a submission without writing anything; raise RejectedInput."""
    source_url = ""
    if submission.text is not None:
        if not submission.text.strip():
            raise RejectedInput("The pasted text is empty.")
        original = submission.text.encode("utf-8")
        if len(original) > settings.UPLOAD_MAX_BYTES:
            raise RejectedInput("The pasted text is over the size limit.")
        extracted = extract_pasted(submission.text)
    elif submission.data is not None:
        original = submission.data
        extracted = extract(original, submission.filename, encoding=submission.encoding)
    elif submission.fetch_url:
        fetched = fetch.fetch(submission.fetch_url)
        original, source_url = fetched.data, fetched.url
        extracted = extract(original, fetched.filename, fetched.content_type)
        meta = meta.merged_over(Metadata(url=fetched.url))
    else:
        raise RejectedInput("Paste some text, choose a file or give a URL.")
    return _prepare(submission, meta, extracted, original, source_url)


def _prepare(
    submission: Submission, meta: Metadata, extracted: Extracted, original: bytes, source_url: str
) -> Prepared:
    # What the admin typed wins over what the file declares; a bad typed date is an error,
    # a bad declared one is ignored.
    published_on, published_at = parse_published(meta.published)
    if published_on is None:
        with contextlib.suppress(RejectedInput):
            published_on, published_at = parse_published(extracted.metadata.published)
    merged = meta.merged_over(extracted.metadata)
    kind = merged.kind or Document.Kind.OTHER
    if kind not in Document.Kind.values:
        choices = ", ".join(Document.Kind.values)
        raise RejectedInput(f"“{kind}” is not a kind of document. Choose one of: {choices}.")
    url = clean_line(merged.url)
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError as exc:
            raise RejectedInput(f"“{url[:80]}” is not a valid web address.") from exc
    outlet = clean_line(merged.outlet)
    text, stripped = strip_furniture(clean_text(extracted.text), repeated_lines_for_outlet(outlet))
    if not text.strip():
        raise RejectedInput("Once site furniture was removed, no text was left.")
    title = clean_line(merged.title or _first_line(text) or PurePosixPath(submission.filename).stem)
    return Prepared(
        original=original,
        original_name=clean_line(PurePosixPath(submission.filename).name)[:255],
        content_type=extracted.content_type,
        sha256=hashlib.sha256(original).hexdigest(),
        text=text,
        text_sha256=duplicates.text_digest(text),
        display_html=clean_text(extracted.display_html),
        stripped=[item.as_dict() for item in stripped],
        source=submission.source,
        source_url=source_url,
        kind=kind,
        title=title[:500],
        outlet=outlet[:200],
        author=clean_line(merged.author)[:300],
        url=url,
        published_on=published_on,
        published_at=published_at,
        language=clean_line(merged.language)[:20],
    )


def _first_line(text: str) -> str:
    line = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return line if len(line) <= 200 else line[:197].rsplit(" ", 1)[0] + "…"


def ingest_document(
    prepared: Prepared,
    *,
    user: User | None = None,
    version_of: Document | None = None,
    near_duplicates: NearDuplicates = NearDuplicates.ASK,
) -> Outcome:
    """Store a checked submission as a new document, a new version, or recognise it.

    Runs in its own transaction: either the document and its version are both
    written, or neither is. `version_of` makes it a version of that document;
    otherwise a document with the same URL gets the new version. Near-duplicates are
    looked up in the discovery index before the transaction opens, so no write lock
    waits on the lookup; one the index does not hold yet is noted on the version
    once it is indexed.
    """
    near = None
    if version_of is None and near_duplicates != NearDuplicates.SEPARATE:
        near = duplicates.find_near_duplicate(prepared.text)
    with transaction.atomic():
        target = version_of
        if target is None and prepared.url:
            target = Document.objects.filter(url=prepared.url).order_by("pk").first()
        if target is not None:
            current = target.current_version
            if current is not None and current.text_sha256 == prepared.text_sha256:
                return Outcome(Status.DUPLICATE, target, current, prepared=prepared)
            version = _add_version(target, prepared, user)
            return Outcome(Status.NEW_VERSION, target, version, prepared=prepared)
        if same := duplicates.find_exact(prepared.sha256, prepared.text_sha256):
            return Outcome(Status.DUPLICATE, same.document, same, prepared=prepared)
        if near is not None and near_duplicates == NearDuplicates.ASK:
            return Outcome(
                Status.NEAR_DUPLICATE, near.document, similarity=near.similarity, prepared=prepared
            )
        # Found before the transaction: the document may have gone since.
        if near is not None and Document.objects.filter(pk=near.document.pk).exists():
            version = _add_version(near.document, prepared, user)
            return Outcome(Status.NEW_VERSION, near.document, version, similarity=near.similarity)
        document = Document.objects.create(
            kind=prepared.kind,
            title=prepared.title,
            outlet=_outlet(prepared.outlet),
            author=prepared.author,
            url=prepared.url,
            published_on=prepared.published_on,
            published_at=prepared.published_at,
            language=prepared.language,
            created_by=user,
        )
        version = _add_version(document, prepared, user)
        return Outcome(Status.ADDED, document, version, prepared=prepared)


def ingest(
    submission: Submission,
    meta: Metadata,
    *,
    user: User | None = None,
    version_of: Document | None = None,
    near_duplicates: NearDuplicates = NearDuplicates.ASK,
) -> Outcome:
    """Check and store in one call; a rejection comes back as an outcome, not an exception."""
    if version_of is not None:
        # A new version belongs to its document's outlet, whose boilerplate we know.
        outlet = version_of.outlet.name if version_of.outlet else ""
        meta = replace(meta, outlet=meta.outlet or outlet)
    try:
        prepared = check_submission(submission, meta)
    except RejectedInput as exc:
        return Outcome(Status.REJECTED, reason=exc.message)
    return ingest_document(
        prepared, user=user, version_of=version_of, near_duplicates=near_duplicates
    )


def _outlet(name: str) -> Outlet | None:
    if not name:
        return None
    found = Outlet.objects.filter(name__iexact=name).first()
    return found or Outlet.objects.create(name=name)


def _add_version(document: Document, prepared: Prepared, user: User | None) -> DocumentVersion:
    """Append a version and make it current. Call inside transaction.atomic()."""
    # Lock the document row so two concurrent uploads cannot take the same number.
    Document.objects.select_for_update().filter(pk=document.pk).first()
    last = document.versions.aggregate(last=Max("number"))["last"] or 0
    version = DocumentVersion.objects.create(
        document=document,
        number=last + 1,
        original=prepared.original,
        original_name=prepared.original_name,
        content_type=prepared.content_type,
        size=len(prepared.original),
        sha256=prepared.sha256,
        source=prepared.source,
        source_url=prepared.source_url,
        text=prepared.text,
        text_sha256=prepared.text_sha256,
        display_html=prepared.display_html,
        stripped=prepared.stripped,
        created_by=user,
    )
    document.current_version = version
    document.save(update_fields=["current_version"])
    transaction.on_commit(
        lambda: version_created.send(sender=DocumentVersion, version=version), robust=True
    )
    events.emit(events.document_added, events.document_added_payload(version))
    return version
