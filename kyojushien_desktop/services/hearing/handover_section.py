"""The 引継書's 進行中・予定: visits still to make, meetings being prepared, and every 次の対応 not
yet done with its 期限 (an overdue one marked). It sits with the hearings because visits and their
次の対応 are where most of a successor's open work starts; meetings add theirs to the same lists."""

from __future__ import annotations

import datetime as dt

from kyojushien_desktop.content.handover_terms import handover_terms
from kyojushien_desktop.domain.handover_report import Heading, Section, Table, quoted
from kyojushien_desktop.domain.hearing import PLANNED, VisitFilter
from kyojushien_desktop.domain.meetings import HELD, REPORTED
from kyojushien_desktop.domain.wareki import format_date
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.handover.context import Context
from kyojushien_desktop.services.hearing.visits import list_visits
from kyojushien_desktop.services.meetings.meetings import list_meetings
from kyojushien_desktop.store import followups as followup_store


def when(moment: dt.datetime) -> str:
    """令和8年1月15日(木) 14:00 (the time left out at midnight, when none was set)."""
    clock = f" {moment:%H:%M}" if (moment.hour, moment.minute) != (0, 0) else ""
    return format_date(moment.date()) + clock


def ongoing_section(session: Session, context: Context) -> Section | None:
    """Absent when nothing is planned and nothing is open."""
    words = handover_terms().wording
    visits = sorted(list_visits(session, VisitFilter(status=PLANNED)), key=lambda v: v.scheduled_at)
    meetings = sorted(
        (m for m in list_meetings(session) if m.status not in (HELD, REPORTED)), key=lambda m: m.starts_at
    )
    visit_names = {v.id: f"{v.organization_name}へのヒアリング" for v in list_visits(session)}
    meeting_names = {m.id: f"{m.kind}{quoted(m.title)}" for m in list_meetings(session)}
    open_items = followup_store.listed(session.database, open_only=True)
    blocks: list = []
    if visits:
        rows = tuple((when(v.scheduled_at), v.organization_name, v.purpose) for v in visits)
        blocks += [Heading(words["ongoing_visits"]), Table(("日時", "訪問先", "目的"), rows, (0.27, 0.33, 0.40))]
    if meetings:
        rows = tuple((when(m.starts_at), f"{m.kind}{quoted(m.title)}", m.status) for m in meetings)
        blocks += [Heading(words["ongoing_meetings"]), Table(("日時", "会議", "状態"), rows, (0.27, 0.57, 0.16))]
    if open_items:
        rows = tuple(
            (
                (format_date(f.due_on) + (words["overdue"] if f.due_on < context.today else ""))
                if f.due_on
                else "期限なし",
                f.action,
                visit_names.get(f.visit_id or 0) or meeting_names.get(f.meeting_id or 0, ""),
            )
            for f in open_items
        )
        blocks += [
            Heading(words["ongoing_followups"]),
            Table(("期限", "次の対応", "決めた場"), rows, (0.27, 0.43, 0.30)),
        ]
    if not blocks:
        return None
    return Section("ongoing", handover_terms().sections["ongoing"], tuple(blocks))
