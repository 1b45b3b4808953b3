"""Bulk imports: a zip, a folder, several files, or a CSV / JSONL manifest.

Each item goes through the same `ingest` as a single upload and gets its own
result row (added, new version, duplicate, rejected with a reason). One bad
item never stops the rest; only a problem with the whole archive (a zip bomb,
an unreadable manifest) fails the job. Jobs run as a background task so the
job page can poll their progress.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import stat
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.tasks import task
from django.utils import timezone

from documents.errors import RejectedInput
from documents.extract import check_zip, decode_text, read_member
from documents.ingest import (
    NearDuplicates,
    Outcome,
    Prepared,
    Status,
    Submission,
    check_submission,
    ingest_document,
)
from documents.metadata import Metadata
from documents.models import Document, DocumentVersion, ImportItem, ImportJob, ImportPayload
from provenance import events
from provenance.actions import acting

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from provenance.jobs import JobQuerySet

logger = logging.getLogger(__name__)

ZIP = "zip"
CSV = "csv"
JSONL = "jsonl"
# A one-item job: a URL an admin asked us to fetch, fetched by the worker, not the request.
URL = "url"
MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl")
MANIFEST_FIELDS = (
    "text",
    "file",
    "url",
    "kind",
    "title",
    "outlet",
    "author",
    "published",
    "language",
)
BULK = DocumentVersion.Source.BULK


@dataclass(frozen=True)
class Item:
    """One thing to import; `load` reads it lazily and may raise RejectedInput."""

    name: str
    load: Callable[[], Submission]
    meta: Metadata = field(default_factory=Metadata)


def payload_type(filename: str) -> str | None:
    """Which bulk format a file name announces, if any (zips are recognised by content)."""
    suffix = PurePosixPath(filename.lower()).suffix
    return {".csv": CSV, ".jsonl": JSONL, ".ndjson": JSONL, ".zip": ZIP}.get(suffix)


# --- Reading items --------------------------------------------------------------------------


def items_from_payload(data: bytes, kind: str, defaults: Metadata) -> list[Item]:
    if kind == URL:
        address = data.decode("utf-8")
        fetch = partial(Submission, fetch_url=address, source=DocumentVersion.Source.URL)
        return [Item(address[:500], fetch, defaults)]
    if kind == ZIP:
        return items_from_zip(data, defaults)
    return items_from_manifest(data, kind, defaults, resolve=None)


def unsafe_member_reason(info: zipfile.ZipInfo) -> str | None:
    """Why a member's name or type could be a path trick, or None if it is safe."""
    name = info.filename
    if stat.S_ISLNK(info.external_attr >> 16):
        return "it is a symbolic link"
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "its path is absolute"
    if ".." in parts:
        return "its path climbs out of the archive (“..”)"
    if "\x00" in name:
        return "its name contains a NUL byte"
    return None


def _is_junk(name: str) -> bool:
    """Files operating systems add to archives; nobody meant to import them."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    # ".." is not junk but a path trick, which must be reported, not skipped.
    return any(
        (part.startswith(".") and part not in {".", ".."}) or part == "__MACOSX" for part in parts
    )


def items_from_zip(data: bytes, defaults: Metadata) -> list[Item]:
    """Items for each file in the archive, or for each row of its manifest if it has one."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise RejectedInput("This zip archive is damaged and cannot be opened.") from exc
    check_zip(archive, check_ratio=False)
    infos = [
        info for info in archive.infolist() if not info.is_dir() and not _is_junk(info.filename)
    ]
    by_name = {info.filename: info for info in infos}
    for manifest_name in MANIFEST_NAMES:
        if manifest_name in by_name:
            manifest = by_name[manifest_name]
            if reason := unsafe_member_reason(manifest):
                raise RejectedInput(f"The manifest is refused: {reason}.")

            def resolve(name: str) -> tuple[bytes, str]:
                info = by_name.get(name.lstrip("./"))
                if info is None:
                    raise RejectedInput(f"“{name}” is not in the archive.")
                if reason := unsafe_member_reason(info):
                    raise RejectedInput(f"“{name}” is refused: {reason}.")
                return read_member(archive, info), info.filename

            kind = CSV if manifest_name.endswith(".csv") else JSONL
            return items_from_manifest(read_member(archive, manifest), kind, defaults, resolve)
    return [_zip_item(archive, info, defaults) for info in infos]


def _zip_item(archive: zipfile.ZipFile, info: zipfile.ZipInfo, defaults: Metadata) -> Item:
    def load() -> Submission:
        if reason := unsafe_member_reason(info):
            raise RejectedInput(f"Refused because {reason}.")
        if payload_type(info.filename) == ZIP:
            raise RejectedInput("Archives inside archives are not read; add its files directly.")
        return Submission(data=read_member(archive, info), filename=info.filename, source=BULK)

    return Item(info.filename, load, defaults)


def items_from_folder(folder: Path, defaults: Metadata) -> list[Item]:
    """Items for every file under `folder` (hidden files skipped), in name order."""
    items: list[Item] = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder)
        if _is_junk(relative.as_posix()):
            continue
        items.extend(items_from_path(path, defaults, label=relative.as_posix()))
    return items


def items_from_path(path: Path, defaults: Metadata, label: str = "") -> list[Item]:
    """Items for a path given to the command: a folder, an archive, a manifest, or one file."""
    label = label or str(path)
    if path.is_dir():
        return items_from_folder(path, defaults)
    kind = payload_type(path.name)
    if kind in {CSV, JSONL}:

        def resolve(name: str) -> tuple[bytes, str]:
            target = (path.parent / name).resolve()
            try:
                return _read_file(target), name
            except OSError as exc:
                raise RejectedInput(f"“{name}” could not be read: {exc.strerror}.") from exc

        try:
            return items_from_manifest(_read_file(path), kind, defaults, resolve, label=label)
        except RejectedInput as exc:
            return [_failed_item(label, exc.message)]
    if kind == ZIP:
        try:
            return items_from_zip(_read_file(path), defaults)
        except RejectedInput as exc:
            return [_failed_item(label, exc.message)]
    return [
        Item(
            label,
            lambda: Submission(data=_read_file(path), filename=path.name, source=BULK),
            defaults,
        )
    ]


def _read_file(path: Path) -> bytes:
    from django.conf import settings

    size = path.stat().st_size
    if size > settings.UPLOAD_MAX_BYTES:
        raise RejectedInput(
            f"“{path.name}” is {size / 1048576:.1f} MB; the limit is "
            f"{settings.UPLOAD_MAX_BYTES / 1048576:.0f} MB."
        )
    return path.read_bytes()


def _failed_item(name: str, message: str) -> Item:
    def load() -> Submission:
        raise RejectedInput(message)

    return Item(name, load)


def items_from_manifest(
    data: bytes,
    kind: str,
    defaults: Metadata,
    resolve: Callable[[str], tuple[bytes, str]] | None,
    label: str = "manifest",
) -> list[Item]:
    """One item per row: `text`, `file` or `url`, plus optional metadata columns."""
    text, _encoding = decode_text(data)
    rows: list[tuple[int, dict[str, Any] | str]] = []
    if kind == CSV:
        reader = csv.DictReader(io.StringIO(text))
        columns = {(name or "").strip().lower() for name in reader.fieldnames or []}
        if not columns & {"text", "file", "url"}:
            raise RejectedInput(
                "The CSV manifest needs a header row with a text, file or url column."
            )
        try:
            rows = [(reader.line_num, row) for row in reader]
        except csv.Error as exc:
            # The whole manifest is refused: the reader cannot go on past a broken field.
            raise RejectedInput(_csv_problem(reader.line_num, exc)) from exc
    else:
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                rows.append((number, f"Line {number} is not valid JSON."))
                continue
            except (ValueError, RecursionError) as exc:
                # Valid JSON built to exhaust the reader: refuse the manifest, not just the line.
                raise RejectedInput(_json_problem(number, exc)) from exc
            if not isinstance(row, dict):
                rows.append((number, f"Line {number} is not a JSON object."))
                continue
            rows.append((number, row))
    return [_manifest_item(f"{label} row {number}", row, defaults, resolve) for number, row in rows]


def _csv_problem(line: int, exc: csv.Error) -> str:
    if "field larger than field limit" in str(exc):
        reason = f"a field is longer than {csv.field_size_limit() // 1024} KiB"
    else:
        reason = "a quotation mark or a line break is out of place"
    return f"The CSV manifest cannot be read at line {line}: {reason}. Nothing was imported."


def _json_problem(line: int, exc: ValueError | RecursionError) -> str:
    if isinstance(exc, RecursionError):
        reason = "its brackets nest too deep"
    else:
        reason = "it holds a number with too many digits"
    return f"Line {line} of the manifest cannot be read: {reason}. Nothing was imported."


def _manifest_item(
    name: str,
    row: dict[str, Any] | str,
    defaults: Metadata,
    resolve: Callable[[str], tuple[bytes, str]] | None,
) -> Item:
    if isinstance(row, str):
        return _failed_item(name, row)
    values = {
        str(key).strip().lower(): "" if value is None else str(value).strip()
        for key, value in row.items()
        if key is not None
    }
    meta = Metadata(
        **{key: values.get(key, "") for key in MANIFEST_FIELDS[3:]}, url=values.get("url", "")
    )
    meta = meta.merged_over(defaults)
    file_name = values.get("file", "")
    label = f"{name} ({file_name or values.get('title') or values.get('url') or 'text'})"

    def load() -> Submission:
        if values.get("text"):
            return Submission(text=values["text"], source=BULK)
        if file_name:
            if resolve is None:
                raise RejectedInput(
                    "Files named in a manifest must come in the same zip as the manifest."
                )
            data, filename = resolve(file_name)
            return Submission(data=data, filename=filename, source=BULK)
        if values.get("url"):
            return Submission(fetch_url=values["url"], source=BULK)
        raise RejectedInput("The row has no text, file or url.")

    return Item(label[:500], load, meta)


# --- Running ------------------------------------------------------------------------------


def create_job(
    name: str,
    payload: bytes,
    kind: str,
    defaults: Metadata,
    *,
    user: User | None = None,
) -> ImportJob:
    """Record a bulk import and queue it; the job page shows its progress."""
    options = {"payload_type": kind, "defaults": _meta_dict(defaults)}
    with transaction.atomic():
        job = ImportJob.objects.create(name=name[:255], options=options, created_by=user)
        ImportPayload.objects.create(job=job, data=payload)
    # Queue only once the job row is visible to the worker's connection.
    transaction.on_commit(lambda: run_import_job.enqueue(job.pk))
    return job


def create_url_job(
    url: str,
    meta: Metadata,
    *,
    user: User | None = None,
    version_of: int | None = None,
    near_duplicates: NearDuplicates = NearDuplicates.ASK,
) -> ImportJob:
    """Record a one-item job that fetches `url` in the worker; the request never connects."""
    options = {
        "payload_type": URL,
        "fetch_url": url,
        "defaults": _meta_dict(meta),
        "version_of": version_of,
        "near_duplicates": str(near_duplicates),
    }
    with transaction.atomic():
        job = ImportJob.objects.create(name=url[:255], options=options, created_by=user)
        ImportPayload.objects.create(job=job, data=url.encode("utf-8"))
    transaction.on_commit(lambda: run_import_job.enqueue(job.pk))
    return job


def bundle_files(files: Iterable[tuple[str, bytes]]) -> bytes:
    """Pack several uploaded files into one archive, so they import as one job."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for index, (name, data) in enumerate(files, start=1):
            safe = PurePosixPath(name.replace("\\", "/")).name or f"file-{index}"
            archive.writestr(f"{index:04d}-{safe}", data)
    return buffer.getvalue()


@task
def run_import_job(job_id: int) -> dict[str, int]:
    """Run a queued import job, or resume one whose worker died (background task)."""
    # The claim is one conditional UPDATE: a second task for the same job returns here.
    # Each step of the run is its own action (`acting`): the claim, each item, the end.
    with acting():
        claimed = ImportJob.objects.claim(job_id, attempts=F("attempts") + 1)
    if not claimed:
        return {"skipped": 1}
    job = ImportJob.objects.get(pk=job_id)
    data = ImportPayload.objects.filter(job_id=job_id).values_list("data", flat=True).first()
    if data is None:
        # A job of the import_documents command has no archive here: its items were on disk.
        error = (
            "The import command stopped before it finished; run it again "
            "(items already imported are recognised as duplicates)."
            if job.options.get("command")
            else "The uploaded archive is gone."
        )
        _finish(job, ImportJob.Status.FAILED, error=error)
        return {"failed": 1}
    defaults = Metadata(**job.options.get("defaults", {}))
    kind = job.options.get("payload_type", ZIP)
    try:
        items = items_from_payload(bytes(data), kind, defaults)
        policy = NearDuplicates(job.options.get("near_duplicates") or NearDuplicates.VERSION)
        run_items(job, items, near_duplicates=policy, version_of=_version_of(job))
        if kind == URL:
            _fail_if_refused(job)
    except RejectedInput as exc:
        _finish(job, ImportJob.Status.FAILED, error=exc.message)
        return {"failed": 1}
    except Exception:
        # Whatever went wrong, the job must not stay "running" with no word: each item
        # already imported committed on its own and is kept.
        logger.exception("Import job %s failed", job_id)
        job.refresh_from_db()
        _finish(job, ImportJob.Status.FAILED, error=_stopped_message(job))
        return {"failed": 1}
    return {"added": job.added, "rejected": job.rejected}


def _version_of(job: ImportJob) -> Document | None:
    """The document a URL job adds a version to; refused if it has gone since."""
    pk = job.options.get("version_of")
    if pk is None:
        return None
    document = Document.objects.filter(pk=pk).first()
    if document is None:
        raise RejectedInput("The document this page was to be a new version of is gone.")
    return document


def _fail_if_refused(job: ImportJob) -> None:
    """A URL job is its one item: a page that could not be read fails the job, in words."""
    item = job.items.first()
    if item is not None and item.outcome == ImportItem.Outcome.REJECTED:
        _finish(job, ImportJob.Status.FAILED, error=item.reason)


def _stopped_message(job: ImportJob) -> str:
    return (
        f"The import stopped on an unexpected error after {job.processed} of {job.total} "
        "items. Those already imported are kept; upload the rest again."
    )


def run_items(
    job: ImportJob,
    items: list[Item],
    *,
    on_item: Callable[[ImportItem], None] | None = None,
    near_duplicates: NearDuplicates = NearDuplicates.VERSION,
    version_of: Document | None = None,
) -> ImportJob:
    """Import each item not yet done, recording its result and the job's progress as it goes.

    Resumable: item rows are made once, by position, and an item is ingested and
    marked done in one transaction, so a run after a killed one imports only the
    items that never committed. The caller holds the job (the task's claim, or the
    command that made it).
    """
    now = timezone.now()
    with acting():
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportJob.Status.RUNNING,
            started_at=Coalesce(F("started_at"), Value(now)),
            heartbeat_at=now,
            total=len(items),
        )
        # Positions already there come from an earlier run; ignore_conflicts keeps them.
        ImportItem.objects.bulk_create(
            [
                ImportItem(job=job, position=position, name=item.name[:500])
                for position, item in enumerate(items, start=1)
            ],
            ignore_conflicts=True,
        )
    waiting = ImportItem.objects.filter(job=job, outcome=ImportItem.Outcome.PENDING)
    for record in waiting.order_by("position"):
        item = items[record.position - 1]
        if _import_item(job, record, item, near_duplicates, version_of) and on_item is not None:
            on_item(record)
    job.refresh_from_db()
    _finish(job, ImportJob.Status.DONE)
    return job


def _import_item(
    job: ImportJob,
    record: ImportItem,
    item: Item,
    near_duplicates: NearDuplicates,
    version_of: Document | None = None,
) -> bool:
    """Ingest one item and mark it done in one transaction; False if another run did it.

    Reading and extracting (a URL fetch included) happen before the transaction, so
    the database is held only for the writes.
    """
    prepared = _prepare(item)
    with acting():
        # The per-item claim: a second run working on the same job finds the item taken.
        taken = ImportItem.objects.filter(pk=record.pk, outcome=ImportItem.Outcome.PENDING)
        if not taken.update(outcome=ImportItem.Outcome.REJECTED):
            return False
        outcome = (
            prepared
            if isinstance(prepared, Outcome)
            else _store(item, prepared, job, near_duplicates, version_of)
        )
        record.outcome = _ITEM_OUTCOME[outcome.status]
        record.reason = outcome.reason if outcome.status == Status.REJECTED else outcome.message
        record.document = outcome.document
        record.version = outcome.version
        record.save(update_fields=["outcome", "reason", "document", "version"])
        counter = _COUNTER[outcome.status]
        ImportJob.objects.filter(pk=job.pk).update(
            processed=F("processed") + 1,
            **{counter: F(counter) + 1},
            heartbeat_at=timezone.now(),
        )
    job.refresh_from_db(fields=["processed", "total", *_COUNTER.values()])
    return True


def _prepare(item: Item) -> Prepared | Outcome:
    """Read and check an item without writing; a rejection comes back as an outcome."""
    try:
        return check_submission(item.load(), item.meta)
    except RejectedInput as exc:
        return Outcome(Status.REJECTED, reason=exc.message)
    except Exception:
        logger.exception("Import of %s failed", item.name)
        return Outcome(Status.REJECTED, reason="An internal error stopped this item; see the log.")


def _store(
    item: Item,
    prepared: Prepared,
    job: ImportJob,
    near_duplicates: NearDuplicates,
    version_of: Document | None = None,
) -> Outcome:
    try:
        # ingest_document's own atomic block is a savepoint here: a failure undoes only it.
        return ingest_document(
            prepared,
            user=job.created_by,
            version_of=version_of,
            near_duplicates=near_duplicates,
        )
    except Exception:
        # One broken item must not stop the others; the traceback goes to the log.
        logger.exception("Import of %s failed", item.name)
        return Outcome(Status.REJECTED, reason="An internal error stopped this item; see the log.")


_ITEM_OUTCOME = {
    Status.ADDED: ImportItem.Outcome.ADDED,
    Status.NEW_VERSION: ImportItem.Outcome.NEW_VERSION,
    Status.DUPLICATE: ImportItem.Outcome.DUPLICATE,
    Status.NEAR_DUPLICATE: ImportItem.Outcome.DUPLICATE,
    Status.REJECTED: ImportItem.Outcome.REJECTED,
}
_COUNTER = {
    Status.ADDED: "added",
    Status.NEW_VERSION: "new_versions",
    Status.DUPLICATE: "duplicates",
    Status.NEAR_DUPLICATE: "duplicates",
    Status.REJECTED: "rejected",
}


def _finish(job: ImportJob, status: str, error: str = "") -> None:
    job.status = status
    job.error = error
    job.finished_at = timezone.now()
    with acting():
        job.save(update_fields=["status", "error", "finished_at"])
        events.emit(events.import_finished, events.import_finished_payload(job))
        # The originals now live in the versions; the archive is no longer needed.
        ImportPayload.objects.filter(job_id=job.pk).delete()


def resume(jobs: JobQuerySet[ImportJob] | None = None) -> dict[str, int]:
    """Queue again every import whose worker stopped (a poll of its page, or start-up).

    Stale jobs go back to pending by a conditional UPDATE, so only one caller queues
    each; the task's claim then lets one worker resume it.
    """
    restarted = (jobs if jobs is not None else ImportJob.objects.all()).restart_stale()
    for job_id in restarted:
        logger.warning("Import %s stopped with its worker; resuming it", job_id)
        transaction.on_commit(partial(run_import_job.enqueue, job_id))
    return {"imports": len(restarted)}


def _meta_dict(meta: Metadata) -> dict[str, str]:
    return {name: str(getattr(meta, name) or "") for name in meta.__dataclass_fields__}
