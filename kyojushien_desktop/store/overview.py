"""Counts for the ホーム overview, in a few cheap queries (ホーム is painted at start-up)."""

from __future__ import annotations

from kyojushien_desktop.domain.overview import ChecklistDue, OpenFollowUp, UpcomingMeeting, UpcomingVisit
from kyojushien_desktop.store.database import Database
from kyojushien_desktop.store.values import day, moment


def organizations_by_stage(database: Database) -> dict[str, int]:
    """Live organisations counted by 関係 (stages nobody is at are left out)."""
    rows = database.read("SELECT stage, count(*) FROM organizations WHERE deleted_at IS NULL GROUP BY stage")
    return {row[0]: row[1] for row in rows}


def upcoming_visits(database: Database, from_day: str, limit: int) -> list[UpcomingVisit]:
    """Planned visits from ``from_day`` (ISO) on, the nearest first."""
    rows = database.read(
        "SELECT v.scheduled_at, o.name FROM visits v "
        "JOIN organizations o ON o.id = v.organization_id "
        "WHERE v.deleted_at IS NULL AND v.status = '予定' AND v.scheduled_at >= ? "
        "ORDER BY v.scheduled_at LIMIT ?",
        (from_day, limit),
    )
    return [UpcomingVisit(moment(row[0]), row[1]) for row in rows]


def past_planned_visits(database: Database, before_day: str) -> list[UpcomingVisit]:
    """Visits still 予定 on a day before ``before_day`` (ISO): they wait for their record."""
    rows = database.read(
        "SELECT v.scheduled_at, o.name FROM visits v "
        "JOIN organizations o ON o.id = v.organization_id "
        "WHERE v.deleted_at IS NULL AND v.status = '予定' AND v.scheduled_at < ? "
        "ORDER BY v.scheduled_at",
        (before_day,),
    )
    return [UpcomingVisit(moment(row[0]), row[1]) for row in rows]


def next_meeting(database: Database, from_day: str) -> UpcomingMeeting | None:
    """The first live meeting on or after ``from_day`` (ISO) still 企画中 or 案内済."""
    rows = database.read(
        "SELECT id, starts_at, kind, title, status FROM meetings "
        "WHERE deleted_at IS NULL AND status IN ('企画中', '案内済') AND starts_at >= ? ORDER BY starts_at LIMIT 1",
        (from_day,),
    )
    return UpcomingMeeting(rows[0][0], moment(rows[0][1]), rows[0][2], rows[0][3], rows[0][4]) if rows else None


def open_followups(database: Database) -> list[OpenFollowUp]:
    """次の対応 not done, of live visits and meetings, by 期限 (none last); named by the visited
    organisation or the meeting's 題名."""
    rows = database.read(
        "SELECT f.action, f.due_on, coalesce(o.name, m.title) FROM followups f "
        "LEFT JOIN visits v ON v.id = f.visit_id LEFT JOIN organizations o ON o.id = v.organization_id "
        "LEFT JOIN meetings m ON m.id = f.meeting_id "
        "WHERE f.done = 0 AND coalesce(v.deleted_at, m.deleted_at) IS NULL ORDER BY f.due_on IS NULL, f.due_on"
    )
    return [OpenFollowUp(row[0], day(row[1]), row[2]) for row in rows]


def open_steps_due(database: Database, until: str) -> list[ChecklistDue]:
    """Open steps of live meetings whose 期限 is on or before ``until`` (ISO), the oldest first;
    a 開催前 step of a meeting already held is past its moment and is left out."""
    rows = database.read(
        "SELECT t.due_on, t.title, m.title, m.id FROM meeting_tasks t JOIN meetings m ON m.id = t.meeting_id "
        "WHERE m.deleted_at IS NULL AND t.done_on IS NULL AND t.due_on IS NOT NULL AND t.due_on <= ? "
        "AND NOT (t.timing = 'before' AND m.status IN ('開催済', '報告済')) "
        "ORDER BY t.due_on, t.id",
        (until,),
    )
    return [ChecklistDue(day(r[0]), r[1], r[2], r[3]) for r in rows]  # type: ignore[arg-type]


def achieved_milestones(database: Database) -> set[str]:
    """The 到達の目安 at 達成 (ホーム's 現在地 counts them without the progress modules)."""
    return {row[0] for row in database.read("SELECT milestone_id FROM milestone_states WHERE status = '達成'")}
