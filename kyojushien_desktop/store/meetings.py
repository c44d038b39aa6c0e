"""SQL for 会議・勉強会: the meeting, its プログラム and its 開催前・開催後 checklist. Callers hold the
transaction for writes."""

from __future__ import annotations

import dataclasses
import datetime as dt

from kyojushien_desktop.domain.meetings import ChecklistItem, Meeting, MeetingSummary, ProgramItem
from kyojushien_desktop.domain.members import now_text
from kyojushien_desktop.store.database import Database
from kyojushien_desktop.store.values import day, moment

_TEXT_FIELDS = tuple(
    f.name
    for f in dataclasses.fields(Meeting)
    if f.name not in ("starts_at", "ends_at", "phase", "group_size", "id", "deleted_at")
)
_COLUMNS = ", ".join(("id", "starts_at", "ends_at", "phase", "group_size", "deleted_at", *_TEXT_FIELDS))


def meeting_row(meeting: Meeting) -> dict[str, object]:
    return {
        **{name: getattr(meeting, name) for name in _TEXT_FIELDS},
        "starts_at": meeting.starts_at.isoformat(timespec="minutes"),
        "ends_at": meeting.ends_at.strftime("%H:%M") if meeting.ends_at else None,
        "phase": meeting.phase,
        "group_size": meeting.group_size,
    }


def insert(database: Database, row: dict[str, object]) -> int:
    stamp = now_text()
    table = database["meetings"]
    table.insert({**row, "created_at": stamp, "updated_at": stamp})
    return int(table.last_pk)


def update(database: Database, meeting_id: int, changes: dict[str, object]) -> None:
    database.update("meetings", meeting_id, {**changes, "updated_at": now_text()})


def get(database: Database, meeting_id: int) -> Meeting | None:
    rows = database.read(f"SELECT {_COLUMNS} FROM meetings WHERE id = ?", (meeting_id,))
    if not rows:
        return None
    row = rows[0]
    return Meeting(
        **{name: row[name] for name in _TEXT_FIELDS},
        starts_at=moment(row["starts_at"]),
        ends_at=dt.time.fromisoformat(row["ends_at"]) if row["ends_at"] else None,
        phase=row["phase"],
        group_size=row["group_size"],
        id=row["id"],
        deleted_at=row["deleted_at"],
    )


def summaries(database: Database, *, deleted: bool = False) -> list[MeetingSummary]:
    """Meetings newest first, with their invitation and attendance counts and open checklist steps."""
    rows = database.read(
        "SELECT m.id, m.kind, m.title, m.starts_at, m.status, "
        "(SELECT count(*) FROM meeting_participants p WHERE p.meeting_id = m.id AND p.attendance <> '未案内'), "
        "(SELECT count(*) FROM meeting_participants p WHERE p.meeting_id = m.id "
        "   AND p.attendance IN ('出席', '代理出席')), "
        "(SELECT count(*) FROM meeting_tasks t WHERE t.meeting_id = m.id AND t.done_on IS NULL), m.deleted_at "
        "FROM meetings m WHERE m.deleted_at IS " + ("NOT NULL" if deleted else "NULL") + " "
        "ORDER BY m.starts_at DESC, m.id DESC"
    )
    return [MeetingSummary(r[0], r[1], r[2], moment(r[3]), r[4], r[5], r[6], r[7], r[8]) for r in rows]


def set_deleted(database: Database, meeting_id: int, deleted: bool) -> None:
    update(database, meeting_id, {"deleted_at": now_text() if deleted else None})


# --- プログラム -----------------------------------------------------------------------------------


def set_program(database: Database, meeting_id: int, items: list[ProgramItem]) -> None:
    database.execute("DELETE FROM meeting_program WHERE meeting_id = ?", (meeting_id,))
    database.conn.executemany(
        "INSERT INTO meeting_program (meeting_id, position, at, item, speaker, speaker_person_id) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(meeting_id, n, i.at, i.item, i.speaker, i.speaker_person_id) for n, i in enumerate(items)],
    )


def program(database: Database, meeting_id: int) -> list[ProgramItem]:
    rows = database.read(
        "SELECT id, at, item, speaker, speaker_person_id FROM meeting_program WHERE meeting_id = ? "
        "ORDER BY position, id",
        (meeting_id,),
    )
    return [ProgramItem(item=r[2], at=r[1], speaker=r[3], speaker_person_id=r[4], id=r[0]) for r in rows]


# --- 開催前・開催後 ---------------------------------------------------------------------------------

_TASK_COLUMNS = "id, meeting_id, key, timing, title, guide_step, days, due_on, done_on, position"


def _task(r) -> ChecklistItem:
    return ChecklistItem(
        meeting_id=r[1],
        key=r[2],
        timing=r[3],
        title=r[4],
        guide_step=r[5],
        days=r[6],
        due_on=day(r[7]),
        done_on=day(r[8]),
        position=r[9],
        id=r[0],
    )


def insert_task(database: Database, item: ChecklistItem) -> int:
    cursor = database.execute(
        "INSERT INTO meeting_tasks (meeting_id, key, timing, title, guide_step, days, due_on, done_on, position) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            item.meeting_id,
            item.key,
            item.timing,
            item.title,
            item.guide_step,
            item.days,
            item.due_on.isoformat() if item.due_on else None,
            item.done_on.isoformat() if item.done_on else None,
            item.position,
        ),
    )
    return int(cursor.lastrowid)


def update_task(database: Database, task_id: int, changes: dict[str, object]) -> None:
    database.update("meeting_tasks", task_id, changes)


def delete_task(database: Database, task_id: int) -> None:
    database.execute("DELETE FROM meeting_tasks WHERE id = ?", (task_id,))


def tasks(database: Database, meeting_id: int) -> list[ChecklistItem]:
    rows = database.read(
        f"SELECT {_TASK_COLUMNS} FROM meeting_tasks WHERE meeting_id = ? "
        "ORDER BY timing = 'after', position, due_on, id",
        (meeting_id,),
    )
    return [_task(r) for r in rows]


def get_task(database: Database, task_id: int) -> ChecklistItem | None:
    rows = database.read(f"SELECT {_TASK_COLUMNS} FROM meeting_tasks WHERE id = ?", (task_id,))
    return _task(rows[0]) if rows else None
