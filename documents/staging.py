"""Hold an uploaded file while the admin answers a question about it.

When an upload turns out to be a near-duplicate, the form asks whether it is a
new version; browsers cannot re-send a chosen file, so its bytes wait here,
named by their SHA-256, behind a signed token.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from django.conf import settings
from django.core import signing

from documents.errors import RejectedInput

SALT = "documents.staging"
MAX_AGE_SECONDS = 24 * 3600


def _directory() -> Path:
    return Path(settings.MEDIA_ROOT) / "staging"


def stage(data: bytes, filename: str) -> str:
    """Keep `data` for a day and return a token that gives it back."""
    digest = hashlib.sha256(data).hexdigest()
    directory = _directory()
    directory.mkdir(parents=True, exist_ok=True)
    (directory / digest).write_bytes(data)
    _prune(directory)
    return signing.dumps({"sha256": digest, "name": filename}, salt=SALT)


def unstage(token: str) -> tuple[bytes, str]:
    """Return (data, filename) for a token from `stage`."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
        path = _directory() / payload["sha256"]
        data = path.read_bytes()
    except (signing.BadSignature, KeyError, TypeError, OSError) as exc:
        raise RejectedInput("That upload has expired. Choose the file again.") from exc
    if hashlib.sha256(data).hexdigest() != payload["sha256"]:
        raise RejectedInput("That upload has expired. Choose the file again.")
    return data, str(payload.get("name", ""))


def _prune(directory: Path) -> None:
    cutoff = time.time() - MAX_AGE_SECONDS
    for path in directory.iterdir():
        if path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
