"""ホーム's overview: where the directory stands, the hearings and the next meeting ahead, and what
falls due (次の対応 and the meetings' 段取り) — what a successor needs to see on the first morning."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from kyojushien_desktop.domain.overview import ChecklistDue, UpcomingMeeting
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.store import overview


class Overview(NamedTuple):
    organizations: int
    by_stage: dict[str, int]
    upcoming: tuple[tuple[dt.datetime, str], ...]
    open_followups: int
    overdue_followups: tuple[tuple[dt.date, str, str], ...]
    awaiting_record: tuple[tuple[dt.datetime, str], ...] = ()  # 記録待ち: planned, day past
    due_followups: tuple[tuple[dt.date, str, str], ...] = ()  # open, due within DUE_SOON_DAYS (overdue too)
    next_meeting: UpcomingMeeting | None = None
    due_steps: tuple[ChecklistDue, ...] = ()  # the meetings' 段取り due within DUE_SOON_DAYS (overdue too)


DUE_SOON_DAYS = 14  # ホーム's due list: what falls due in the next two weeks


def load_overview(session: Session, today: dt.date | None = None, upcoming_limit: int = 3) -> Overview:
    today = today or dt.date.today()
    by_stage = overview.organizations_by_stage(session.database)
    upcoming = tuple(
        (visit.scheduled_at, visit.organization_name)
        for visit in overview.upcoming_visits(session.database, today.isoformat(), upcoming_limit)
    )
    awaiting = tuple(
        (visit.scheduled_at, visit.organization_name)
        for visit in overview.past_planned_visits(session.database, today.isoformat())
    )
    followups = overview.open_followups(session.database)
    overdue = tuple(
        (f.due_on, f.action, f.organization_name) for f in followups if f.due_on is not None and f.due_on < today
    )
    soon = today + dt.timedelta(days=DUE_SOON_DAYS)
    due = tuple(
        (f.due_on, f.action, f.organization_name) for f in followups if f.due_on is not None and f.due_on <= soon
    )
    return Overview(
        organizations=sum(by_stage.values()),
        by_stage=by_stage,
        upcoming=upcoming,
        open_followups=len(followups),
        overdue_followups=overdue,
        awaiting_record=awaiting,
        due_followups=due,
        next_meeting=overview.next_meeting(session.database, today.isoformat()),
        due_steps=tuple(due_steps(session, today)),
    )


def due_steps(session: Session, today: dt.date, within_days: int = DUE_SOON_DAYS) -> list[ChecklistDue]:
    """The meetings' open 段取り due within ``within_days`` (overdue ones included), oldest first."""
    return overview.open_steps_due(session.database, (today + dt.timedelta(days=within_days)).isoformat())
