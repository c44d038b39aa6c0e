"""ホーム's overview: where the directory stands, the hearings and the next meeting ahead, and what
falls due (次の対応 and the meetings' 段取り) — what a successor needs to see on the first morning."""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import Any, NamedTuple

from kyojushien_desktop.domain.overview import ChecklistDue, UpcomingMeeting
from kyojushien_desktop.paths import resource_path
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.store import overview


class PhaseCount(NamedTuple):
    """A phase as ホーム's 現在地 strip shows it: フェーズ1 達成 3/6."""

    number: int
    title: str
    achieved: int
    total: int
    example_titles: tuple[str, ...]  # the guide's 取組み例: the next steps while unfinished


class Position(NamedTuple):
    """現在地: the four phases counted and the first one not all 達成 (None when all are)."""

    phases: tuple[PhaseCount, ...]
    focus: PhaseCount | None


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
    position: Position | None = None


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
        position=current_position(session),
    )


def due_steps(session: Session, today: dt.date, within_days: int = DUE_SOON_DAYS) -> list[ChecklistDue]:
    """The meetings' open 段取り due within ``within_days`` (overdue ones included), oldest first."""
    return overview.open_steps_due(session.database, (today + dt.timedelta(days=within_days)).isoformat())


@functools.cache
def _outline() -> tuple[tuple[int, str, tuple[str, ...], tuple[str, ...]], ...]:
    """Each phase's number, title, 目安 ids and 取組み例 titles, read straight from the guide file:
    ホーム paints at start-up, before the guide's loader and content.phases' dataclasses are
    needed (content.phases checks the file's shape when the progress page opens)."""
    data: dict[str, Any] = json.loads(resource_path("guide", "phases.json").read_text(encoding="utf-8"))
    return tuple(
        (
            int(p["number"]),
            str(p["title"]),
            tuple(str(m["id"]) for m in p["milestones"]),
            tuple(str(e["title"]) for e in p["examples"]),
        )
        for p in data["phases"]
    )


def current_position(session: Session) -> Position:
    """現在地: 達成 n / total per phase and the phase to work on now (a successor's first question,
    「今どこまで来ているのか」)."""
    achieved = overview.achieved_milestones(session.database)
    counts = tuple(
        PhaseCount(number, title, sum(1 for m in ids if m in achieved), len(ids), examples)
        for number, title, ids, examples in _outline()
    )
    return Position(counts, next((p for p in counts if p.achieved < p.total), None))
