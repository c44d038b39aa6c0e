"""Stored rows to domain dataclasses: a column fills the field of the same name, through a
converter where the stored form differs (0/1 for bool, ISO text for dates, joined tags)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def from_row(cls: type[T], row: sqlite3.Row, **convert: Callable[[Any], Any]) -> T:
    columns = set(row.keys())
    values = {}
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        if field.name in columns:
            value = row[field.name]
            values[field.name] = convert[field.name](value) if field.name in convert else value
    return cls(**values)


def as_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None
