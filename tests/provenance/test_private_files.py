"""Files Provenance creates under var/ are private: 0600 files, 0700 directories."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage

ROOT = Path(__file__).resolve().parents[2]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_fresh_var_dir_and_its_sqlite_database_are_private(tmp_path: Path) -> None:
    var = tmp_path / "var"
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "TESTING"}}
    done = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v0"],
        cwd=ROOT,
        env={**env, "VAR_DIR": str(var)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert mode(var) == 0o700
    files = [p for p in var.iterdir() if p.name.startswith("provenance.sqlite3")]
    assert files  # the database, and its WAL companions while they exist
    assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}


def test_an_existing_world_readable_var_dir_is_closed(tmp_path: Path) -> None:
    var = tmp_path / "old-var"
    var.mkdir(mode=0o755)
    var.chmod(0o755)
    done = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**os.environ, "VAR_DIR": str(var)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert mode(var) == 0o700


def test_uploaded_files_and_their_folders_are_private(tmp_path: Path, settings: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    storage = FileSystemStorage()
    name = storage.save("staged/2026/upload.txt", ContentFile(b"text"))
    assert mode(Path(storage.path(name))) == 0o600
    assert mode(Path(storage.path("staged"))) == 0o700
    assert mode(Path(storage.path("staged/2026"))) == 0o700
