"""What every router shares: the error responses each operation may give."""

from __future__ import annotations

from typing import Any

from api.problems import Problem

# Declared on every operation so the schema lists the problems a client must handle.
ERRORS = frozenset({400, 401, 403, 404, 409, 413, 422, 429})


def responses(ok: dict[int, Any]) -> dict[Any, Any]:
    return {**ok, ERRORS: Problem}
