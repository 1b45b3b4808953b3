"""The webhook signature: what a receiver checks, and what it must refuse."""

from __future__ import annotations

import pytest

from alerts.signing import BadSignature, sign, verify

SECRET = "whsec_test-secret-0123456789"
BODY = b'{"event": "document.added"}'
NOW = 1_800_000_000


def test_it_accepts_its_own_signature() -> None:
    header = sign(SECRET, BODY, timestamp=NOW)
    assert verify(SECRET, BODY, header, now=NOW + 10) == NOW


def test_the_header_is_time_and_hmac_over_time_and_body() -> None:
    import hashlib
    import hmac

    expected = hmac.new(SECRET.encode(), f"{NOW}.".encode() + BODY, hashlib.sha256).hexdigest()
    assert sign(SECRET, BODY, timestamp=NOW) == f"t={NOW},v1={expected}"


@pytest.mark.parametrize(
    ("secret", "body", "age"),
    [
        ("whsec_another-secret-000000", BODY, 0),  # wrong secret
        (SECRET, BODY + b" ", 0),  # body changed on the way
        (SECRET, BODY, 301),  # replayed after five minutes
        (SECRET, BODY, -301),  # from a clock far ahead
    ],
)
def test_it_refuses_a_wrong_changed_or_old_signature(secret: str, body: bytes, age: int) -> None:
    header = sign(secret, BODY, timestamp=NOW)
    with pytest.raises(BadSignature):
        verify(SECRET, body, header, now=NOW + age)


@pytest.mark.parametrize("header", [None, "", "v1=abc", "t=soon,v1=abc", "garbage"])
def test_it_refuses_a_missing_or_malformed_header(header: str | None) -> None:
    with pytest.raises(BadSignature):
        verify(SECRET, BODY, header, now=NOW)
