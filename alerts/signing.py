"""The webhook signature: HMAC-SHA256 over "<unix time>.<body>" with the webhook's secret.

The header is `X-Provenance-Signature: t=<unix seconds>,v1=<hex digest>`. Signing the time
with the body lets a receiver refuse a captured request replayed later: `verify` rejects a
signature older than `TOLERANCE_SECONDS` (5 minutes) as well as a wrong one.
`docs/webhooks.md` shows a receiver using `verify`.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

HEADER = "X-Provenance-Signature"
TOLERANCE_SECONDS = 300


class BadSignature(ValueError):
    """The signature header is missing, malformed, wrong or too old."""


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


def digest(secret: str, timestamp: int, body: bytes) -> str:
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def sign(secret: str, body: bytes, timestamp: int | None = None) -> str:
    """The header value for `body` sent now (or at `timestamp`)."""
    t = int(time.time()) if timestamp is None else timestamp
    return f"t={t},v1={digest(secret, t, body)}"


def verify(
    secret: str,
    body: bytes,
    header: str | None,
    *,
    now: float | None = None,
    tolerance: int = TOLERANCE_SECONDS,
) -> int:
    """Check a received signature header against the raw body; return its timestamp.

    Raises BadSignature when the header is missing or malformed, the digest does not
    match, or the timestamp is more than `tolerance` seconds from `now` (either way: a
    clock far ahead is as suspect as a replay).
    """
    if not header:
        raise BadSignature("No signature header.")
    fields = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(fields["t"])
        given = fields["v1"]
    except (KeyError, ValueError) as exc:
        raise BadSignature("The signature header is malformed.") from exc
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance:
        raise BadSignature("The signature is too old (or from the future).")
    if not hmac.compare_digest(digest(secret, timestamp, body), given):
        raise BadSignature("The signature does not match the body.")
    return timestamp
