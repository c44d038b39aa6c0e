"""SQL for who takes part in a meeting: participants (of the 名簿 or guests), their groups and
each group's 主な意見. Callers hold the transaction for writes."""

from __future__ import annotations

import datetime as dt

from kyojushien_desktop.domain.meetings import GroupNote, Participant
from kyojushien_desktop.store.database import Database
from kyojushien_desktop.store.values import moment

_SELECT = (
    "SELECT p.id, p.meeting_id, p.organization_id, p.person_id, p.guest_name, p.guest_affiliation, "
    "p.guest_category, p.attendance, p.attend_mode, p.proxy_name, p.group_no, p.active, "
    "coalesce(o.name, ''), coalesce(pe.name, ''), coalesce(o.category, ''), coalesce(o.internal, 0) "
    "FROM meeting_participants p LEFT JOIN organizations o ON o.id = p.organization_id "
    "LEFT JOIN people pe ON pe.id = p.person_id "
)
_EDITABLE = (
    "organization_id",
    "person_id",
    "guest_name",
    "guest_affiliation",
    "guest_category",
    "attendance",
    "attend_mode",
    "proxy_name",
    "group_no",
    "active",
)


def _participant(r) -> Participant:
    return Participant(
        meeting_id=r[1],
        organization_id=r[2],
        person_id=r[3],
        guest_name=r[4],
        guest_affiliation=r[5],
        guest_category=r[6],
        attendance=r[7],
        attend_mode=r[8],
        proxy_name=r[9],
        group_no=r[10],
        active=bool(r[11]),
        id=r[0],
        organization_name=r[12],
        person_name=r[13],
        category=r[14],
        internal=bool(r[15]),
    )


def _values(participant: Participant) -> dict[str, object]:
    values = {name: getattr(participant, name) for name in _EDITABLE}
    values["active"] = 1 if participant.active else 0
    return values


def insert(database: Database, participant: Participant) -> int:
    values = _values(participant)
    position = database.read(
        "SELECT coalesce(max(position), -1) + 1 FROM meeting_participants WHERE meeting_id = ?",
        (participant.meeting_id,),
    )[0][0]
    names = ", ".join(values)
    cursor = database.execute(
        f"INSERT INTO meeting_participants (meeting_id, position, {names}) VALUES (?, ?, {', '.join('?' * len(values))})",
        (participant.meeting_id, position, *values.values()),
    )
    return int(cursor.lastrowid)


def update(database: Database, participant: Participant) -> None:
    database.update("meeting_participants", participant.id, _values(participant))


def delete(database: Database, participant_id: int) -> None:
    database.execute("DELETE FROM meeting_participants WHERE id = ?", (participant_id,))


def get(database: Database, participant_id: int) -> Participant | None:
    rows = database.read(_SELECT + "WHERE p.id = ?", (participant_id,))
    return _participant(rows[0]) if rows else None


def of_meeting(database: Database, meeting_id: int) -> list[Participant]:
    """In the order they were added (the roster's order)."""
    rows = database.read(_SELECT + "WHERE p.meeting_id = ? ORDER BY p.position, p.id", (meeting_id,))
    return [_participant(r) for r in rows]


def set_groups(database: Database, meeting_id: int, groups: dict[int, int | None]) -> None:
    database.conn.executemany(
        "UPDATE meeting_participants SET group_no = ? WHERE id = ? AND meeting_id = ?",
        [(group, pid, meeting_id) for pid, group in groups.items()],
    )


def group_notes(database: Database, meeting_id: int) -> list[GroupNote]:
    rows = database.read(
        "SELECT group_no, opinions FROM meeting_groups WHERE meeting_id = ? ORDER BY group_no", (meeting_id,)
    )
    return [GroupNote(r[0], r[1]) for r in rows]


def set_group_note(database: Database, meeting_id: int, note: GroupNote) -> None:
    database.execute(
        "INSERT INTO meeting_groups (meeting_id, group_no, opinions) VALUES (?, ?, ?) "
        "ON CONFLICT (meeting_id, group_no) DO UPDATE SET opinions = excluded.opinions",
        (meeting_id, note.group_no, note.opinions),
    )


def attended_by_organization(database: Database, organization_id: int) -> list[tuple[int, dt.datetime, str, str]]:
    """(meeting id, 日時, 種類, 題名) of the live, held meetings the organisation attended."""
    rows = database.read(
        "SELECT DISTINCT m.id, m.starts_at, m.kind, m.title FROM meeting_participants p "
        "JOIN meetings m ON m.id = p.meeting_id "
        "WHERE p.organization_id = ? AND p.attendance IN ('出席', '代理出席') AND m.deleted_at IS NULL "
        "AND m.status IN ('開催済', '報告済') ORDER BY m.starts_at DESC",
        (organization_id,),
    )
    return [(r[0], moment(r[1]), r[2], r[3]) for r in rows]
