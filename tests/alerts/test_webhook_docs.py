"""The receiver code in docs/webhooks.md works: it accepts our signature, refuses old ones."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from alerts.signing import sign

DOC = Path(__file__).resolve().parents[2] / "docs" / "webhooks.md"
SECRET = "whsec_docs-test-secret-0000"


def documented_verify() -> Any:
    [code] = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    namespace: dict[str, Any] = {}
    exec(compile(code, str(DOC), "exec"), namespace)  # noqa: S102 - our own documentation
    return namespace["verify"]


def test_the_documented_verify_accepts_a_fresh_signature_and_refuses_others() -> None:
    verify = documented_verify()
    body = b'{"event": "alert.raised"}'
    now = int(time.time())
    assert verify(SECRET, body, sign(SECRET, body, timestamp=now))
    assert not verify(SECRET, body + b"x", sign(SECRET, body, timestamp=now))
    assert not verify("whsec_wrong-secret-0000000", body, sign(SECRET, body, timestamp=now))
    assert not verify(SECRET, body, sign(SECRET, body, timestamp=now - 301))
    assert not verify(SECRET, body, "t=now,v1=abc")
