"""What every router shares: the error responses each operation may give, bounded ids."""

from __future__ import annotations

from typing import Any

from django.urls import register_converter
from ninja.files import UploadedFile

from api.problems import ApiProblem, Problem

# Declared on every operation so the schema lists the problems a client must handle.
ERRORS = frozenset({400, 401, 403, 404, 409, 413, 422, 429, 503})


def responses(ok: dict[int, Any]) -> dict[Any, Any]:
    return {**ok, ERRORS: Problem}


class IdConverter:
    """An id in a path: up to 18 digits, so it always fits the database's 64-bit integers.

    Django's `int` takes any length, and a 20-digit id overflowed the query (a 500);
    a longer one now matches no operation and answers the catch-all's 404 problem.
    """

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(IdConverter, "id")


def required_file(file: UploadedFile | None) -> UploadedFile:
    """The uploaded file, or a 400 naming the field.

    The schema calls the file optional: Django drops an empty file part, so a request
    the schema would call complete can arrive without one, and the answer is the same
    problem either way.
    """
    if file is None or not file.size:
        raise ApiProblem(
            400, "Choose a file to upload.", slug="rejected", errors=[("file", "No file sent.")]
        )
    return file
