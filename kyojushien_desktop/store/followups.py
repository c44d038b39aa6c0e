"""SQL for 次の対応, of visits and of meetings. Callers hold the transaction for writes."""

from __future__ import annotations

from kyojushien_desktop.domain.followups import FollowUp
from kyojushien_desktop.domain.members import now_text
from kyojushien_desktop.store.database import Database
from kyojushien_desktop.store.values import day

_COLUMNS = "f.id, f.visit_id, f.action, f.due_on, f.done, f.meeting_id"
# A follow-up is live while its visit or meeting is.
_LIVE = (
    "FROM followups f LEFT JOIN visits v ON v.id = f.visit_id LEFT JOIN meetings m ON m.id = f.meeting_id "
    "WHERE coalesce(v.deleted_at, m.deleted_at) IS NULL"
)


def _followup(row) -> FollowUp:
    return FollowUp(visit_id=row[1], action=row[2], due_on=day(row[3]), done=bool(row[4]), id=row[0], meeting_id=row[5])


def insert(database: Database, row: dict[str, object]) -> int:
    cursor = database.execute(
        "INSERT INTO followups (visit_id, meeting_id, action, due_on, done, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (row.get("visit_id"), row.get("meeting_id"), row["action"], row.get("due_on"), row.get("done", 0), now_text()),
    )
    return int(cursor.lastrowid)


def update(database: Database, followup_id: int, changes: dict[str, object]) -> None:
    database.update("followups", followup_id, changes)


def delete(database: Database, followup_id: int) -> None:
    database.execute("DELETE FROM followups WHERE id = ?", (followup_id,))


def get(database: Database, followup_id: int) -> FollowUp | None:
    rows = database.read(f"SELECT {_COLUMNS} FROM followups f WHERE f.id = ?", (followup_id,))
    return _followup(rows[0]) if rows else None


def listed(
    database: Database,
    *,
    visit_id: int | None = None,
    meeting_id: int | None = None,
    area: str | None = None,
    open_only: bool = False,
) -> list[FollowUp]:
    """Follow-ups of one visit or meeting, or of every live one (of ``area`` "visits" or
    "meetings" only, when given); open ones first, by 期限 (none last)."""
    clauses: list[str] = []
    params: list[object] = []
    if area is not None:
        clauses.append({"visits": "f.visit_id IS NOT NULL", "meetings": "f.meeting_id IS NOT NULL"}[area])
    if visit_id is not None:
        clauses.append("f.visit_id = ?")
        params.append(visit_id)
    if meeting_id is not None:
        clauses.append("f.meeting_id = ?")
        params.append(meeting_id)
    if open_only:
        clauses.append("f.done = 0")
    rows = database.read(
        f"SELECT {_COLUMNS} {_LIVE}"
        + "".join(f" AND {c}" for c in clauses)
        + " ORDER BY f.done, f.due_on IS NULL, f.due_on, f.id",
        tuple(params),
    )
    return [_followup(row) for row in rows]
