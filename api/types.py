"""Field types for what clients send: whole numbers that are not booleans and fit a bigint.

pydantic's lax mode reads `true` as 1 and the number 0 as the date 1970-01-01; a client
sending either has made a mistake we should name, not guess around.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

# The largest id a path accepts (api.routers.common.IdConverter): 18 digits.
MAX_ID = 999_999_999_999_999_999
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def not_boolean(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("Give a whole number, not true or false.")
    return value


def _iso_date(value: Any) -> Any:
    if value is None or isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value.strip()):
        raise ValueError("Give a date as YYYY-MM-DD, e.g. 2024-01-31.")
    return value.strip()


# The bounds come before the validator: pydantic then writes them into the schema as
# minimum and maximum (after it, they would show as unknown `ge`/`le` keys).
Id = Annotated[int, Field(ge=1, le=MAX_ID), BeforeValidator(not_boolean)]
Revision = Annotated[int, Field(ge=0, le=MAX_ID), BeforeValidator(not_boolean)]
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
