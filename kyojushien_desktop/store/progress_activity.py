"""What the 年度 timeline and 取組みの経過 read from the other areas' tables: live meetings and
visits (held or planned) and contacts, each in one query."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from kyojushien_desktop.store.database import Database
from kyojushien_desktop.store.values import day


class DatedRecord(NamedTuple):
    id: int
    on: dt.date
    kind: str  # the meeting's 種類, the contact's 種類, "" for a visit
    title: str  # the meeting's 題名, the organisation's name
    status: str
    phase: int | None = None  # a meeting's own フェーズ
    note: str = ""


def meetings(database: Database) -> list[DatedRecord]:
    return [
        DatedRecord(r[0], day(r[1]), r[2], r[3], r[4], r[5])  # type: ignore[arg-type]
        for r in database.read(
            "SELECT id, substr(starts_at, 1, 10), kind, title, status, phase FROM meetings "
            "WHERE deleted_at IS NULL ORDER BY starts_at, id"
        )
    ]


def visits(database: Database) -> list[DatedRecord]:
    return [
        DatedRecord(r[0], day(r[1]), "", r[2], r[3], None, r[4])  # type: ignore[arg-type]
        for r in database.read(
            "SELECT v.id, substr(v.scheduled_at, 1, 10), o.name, v.status, v.purpose FROM visits v "
            "JOIN organizations o ON o.id = v.organization_id WHERE v.deleted_at IS NULL "
            "ORDER BY v.scheduled_at, v.id"
        )
    ]


def contacts(database: Database) -> list[DatedRecord]:
    return [
        DatedRecord(r[0], day(r[1]), r[2], r[3], "", None, r[4])  # type: ignore[arg-type]
        for r in database.read(
            "SELECT c.id, substr(c.occurred_on, 1, 10), c.kind, o.name, c.note FROM contacts c "
            "JOIN organizations o ON o.id = c.organization_id "
            "WHERE c.deleted_at IS NULL AND o.deleted_at IS NULL ORDER BY c.occurred_on, c.id"
        )
    ]
