"""Back up and restore the database (and any files under MEDIA_ROOT), either vendor.

A backup is one folder, `provenance-<UTC time>/`, holding `database.pgdump`
(PostgreSQL: `pg_dump --format=custom`) or `database.sqlite3` (SQLite: the
online backup API, consistent while the app writes), `media.tar` when there are
files under MEDIA_ROOT, and `backup.json` saying which. Document originals live in
the database, so the database alone restores every document, version,
comparison and annotation; MEDIA_ROOT holds only uploads waiting for an answer.

Restore replaces the database's contents with the backup's: stop the web server
and the workers first (docs/deploy.md).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connections
from django.utils import timezone


class BackupError(Exception):
    pass


def _database() -> dict[str, Any]:
    return dict(settings.DATABASES["default"])


def _vendor() -> str:
    engine = _database()["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if "postgresql" in engine:
        return "postgresql"
    raise BackupError(f"No backup method for {engine}.")


def _pg_command(program: str, *args: str) -> tuple[list[str], dict[str, str]]:
    """A pg_dump/pg_restore command line for the default database, password in the env."""
    db = _database()
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    argv = [program, "--no-password", f"--dbname={db['NAME']}"]
    if db.get("HOST"):
        argv.append(f"--host={db['HOST']}")
    if db.get("PORT"):
        argv.append(f"--port={db['PORT']}")
    if db.get("USER"):
        argv.append(f"--username={db['USER']}")
    return [*argv, *args], env


def _run(argv: list[str], env: dict[str, str]) -> None:
    if shutil.which(argv[0]) is None:
        raise BackupError(f"{argv[0]} is not installed (apt-get install postgresql-client).")
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(f"{argv[0]} failed: {done.stderr.strip()}")


def sqlite_copy(source: Path | str, target: Path | str) -> None:
    """Copy one SQLite database into another with the online backup API (safe while in use)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def back_up(destination: Path) -> Path:
    """Write a backup folder under `destination` and return it."""
    vendor = _vendor()
    folder = destination / f"provenance-{timezone.now():%Y%m%dT%H%M%S%fZ}"
    folder.mkdir(parents=True, mode=0o700)
    if vendor == "postgresql":
        dump = folder / "database.pgdump"
        _run(*_pg_command("pg_dump", "--format=custom", "--no-owner", f"--file={dump}"))
    else:
        sqlite_copy(_database()["NAME"], folder / "database.sqlite3")
    media = Path(settings.MEDIA_ROOT)
    has_media = media.is_dir() and any(media.iterdir())
    if has_media:
        with tarfile.open(folder / "media.tar", "w") as archive:
            archive.add(media, arcname=".")
    manifest = {"vendor": vendor, "created": timezone.now().isoformat(), "media": has_media}
    (folder / "backup.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return folder


def restore(folder: Path) -> None:
    """Replace the database (and MEDIA_ROOT's files) with the backup in `folder`."""
    try:
        manifest = json.loads((folder / "backup.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(f"{folder} is not a Provenance backup: {exc}") from exc
    vendor = _vendor()
    if manifest.get("vendor") != vendor:
        raise BackupError(f"The backup is of {manifest.get('vendor')}, the database is {vendor}.")
    connections.close_all()  # nothing of ours may hold a lock on what is replaced
    if vendor == "postgresql":
        dump = folder / "database.pgdump"
        # --clean drops each object before recreating it, so a restore over a live schema
        # (or an emptied one) ends with exactly the backup's rows.
        _run(
            *_pg_command(
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                str(dump),
            )
        )
    else:
        sqlite_copy(folder / "database.sqlite3", _database()["NAME"])
    if manifest.get("media"):
        media = Path(settings.MEDIA_ROOT)
        media.mkdir(parents=True, exist_ok=True)
        with tarfile.open(folder / "media.tar") as archive:
            archive.extractall(media, filter="data")
