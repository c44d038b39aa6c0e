"""A small town for the meetings tests, built through the services as a user would."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

from kyojushien_desktop.domain.meetings import Meeting
from kyojushien_desktop.domain.members import Person
from kyojushien_desktop.services.meetings import meetings, participants
from kyojushien_desktop.services.members import organizations, people

DAY = dt.datetime(2026, 10, 15, 14, 0)


def add_org(session, name: str, category: str = "不動産事業者・団体", **fields) -> int:
    org = dataclasses.replace(organizations.new_organization(category, name), **fields)
    organization_id, _ = organizations.save_organization(session, org)
    return organization_id


def add_person(session, organization_id: int, name: str) -> int:
    person_id, _ = people.save_person(session, Person(name=name, organization_id=organization_id))
    return person_id


def plan(session, kind: str = "勉強会・講演会", when: dt.datetime = DAY, program=None, **fields) -> int:
    meeting = Meeting(kind=kind, title=fields.pop("title", "第1回 居住支援勉強会"), starts_at=when, **fields)
    meeting_id, _ = meetings.save_meeting(session, meeting, program)
    return meeting_id


def by_key(items) -> dict:
    return {item.key: item for item in items}


def participant(session, meeting_id: int, organization_id: int, person_id: int | None = None):
    return next(
        p
        for p in participants.participants_of(session, meeting_id)
        if (p.organization_id, p.person_id) == (organization_id, person_id)
    )


def mark(session, meeting_id: int, organization_id: int, person_id: int | None = None, **fields) -> None:
    """Sets 出欠 (and 参加方法, 代理 …) of one invited participant."""
    current = participant(session, meeting_id, organization_id, person_id)
    participants.save_participant(session, dataclasses.replace(current, **fields))


def snapshot(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, read by another connection: what "nothing changed" means."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}
    finally:
        conn.close()
