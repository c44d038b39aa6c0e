"""The 年度 timeline of フェーズ進捗 (this 年度 and the next, 4月–3月) planned against the next
人事異動, and 取組みの経過: everything done, in date order, each with its phase where known.

A status change belongs to its 目安's phase, a meeting to the phase it was planned for, and any
record linked as evidence to the phases of the 目安 it backs."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from kyojushien_desktop.content.phases import guide_points, milestone, phases
from kyojushien_desktop.content.progress_terms import progress_terms
from kyojushien_desktop.domain.handover_report import quoted
from kyojushien_desktop.domain.meetings import HELD, REPORTED
from kyojushien_desktop.domain.progress import ACHIEVED, CONTACT, MEETING, VISIT, fiscal_year, target_warnings
from kyojushien_desktop.domain.progress_plan import (
    CONTACT_ITEM,
    MEETING_ITEM,
    ROTATION_ITEM,
    STATUS_ITEM,
    VISIT_ITEM,
    Activity,
    Plan,
    PlanEntry,
    by_phase,
    handover_reminder,
    late_phase_states,
    phase_key,
    target_entry,
    unplanned_phases,
    within,
)
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.common.settings import load_settings, rotation_date
from kyojushien_desktop.services.progress.progress import history, phase_progress, states
from kyojushien_desktop.store import progress as progress_store
from kyojushien_desktop.store import progress_activity as records

HANDOVER_POINT = "人事異動"  # the ポイント whose title names it is the one quoted
VISIT_PLANNED = "予定"


def phase_label(number: int) -> str:
    return f"フェーズ{number}"


def linked_phases(session: Session) -> dict[tuple[str, int], set[int]]:
    """(kind, record id) → the phases of the 目安 it is linked to as evidence."""
    found: dict[tuple[str, int], set[int]] = defaultdict(set)
    for item in progress_store.evidence(session.database):
        if item.ref_id is not None:
            found[(item.kind, item.ref_id)].add(milestone(item.milestone_id).phase)
    return found


def plan(session: Session, today: dt.date | None = None) -> Plan:
    """This 年度 and the next: targets, meetings and visits (held or planned), the 人事異動, what
    the plan lacks, and the 引継ぎの準備 reminder when the date is near."""
    today = today or dt.date.today()
    rotation = rotation_date(load_settings(session), today)
    progress = phase_progress(session)
    saved = states(session)
    links = linked_phases(session)
    entries: list[PlanEntry] = [PlanEntry(rotation, ROTATION_ITEM, "人事異動予定日")]
    targets: dict[str, str] = {}
    labels: dict[str, str] = {}
    targeted: set[int] = set()
    for p in progress:
        if p.target_month:
            key = phase_key(p.phase)
            targets[key], labels[key] = p.target_month, f"{phase_label(p.phase)}（{p.title}）"
            entries.append(target_entry(f"{phase_label(p.phase)}を達成", p.target_month, p.phase))
            if not p.done:
                targeted.add(p.phase)
    for state in saved:
        if state.target_month:
            number = milestone(state.milestone_id).phase
            targets[state.milestone_id], labels[state.milestone_id] = state.target_month, f"目安{state.milestone_id}"
            entries.append(target_entry(f"目安{state.milestone_id}を達成", state.target_month, number))
            if state.status != ACHIEVED:
                targeted.add(number)
    planned: set[int] = set()
    for m in records.meetings(session.database):
        held = m.status in (HELD, REPORTED)
        numbers = {m.phase} if m.phase else set()
        numbers |= links.get((MEETING, m.id), set())
        entries.append(PlanEntry(m.on, MEETING_ITEM, f"{m.kind}{quoted(m.title)}", not held, m.phase))
        if not held and m.on >= today:
            planned |= numbers
    for v in records.visits(session.database):
        is_planned = v.status == VISIT_PLANNED
        numbers = links.get((VISIT, v.id), set())
        entries.append(PlanEntry(v.on, VISIT_ITEM, f"{v.title}へのヒアリング", is_planned, min(numbers, default=None)))
        if is_planned and v.on >= today:
            planned |= numbers
    by_status = {s.milestone_id: s.status for s in saved} | late_phase_states(progress)
    warnings = target_warnings(targets, by_status, rotation, labels)
    names = {p.phase: f"{phase_label(p.phase)}（{p.title}）" for p in progress}
    warnings += unplanned_phases(progress, targeted, planned, names)
    point = next(p for p in guide_points() if HANDOVER_POINT in p.title)
    reminder = handover_reminder(today, rotation, progress_terms().handover_days, point.title, point.body)
    first = fiscal_year(today)
    return Plan(first, rotation, tuple(within(entries, first)), tuple(warnings), reminder)


def activities(session: Session, phase: int | None = None) -> list[Activity]:
    """取組みの経過, oldest first: visits and meetings that took place, contacts, status changes."""
    links = linked_phases(session)
    found: list[Activity] = []
    for m in records.meetings(session.database):
        if m.status in (HELD, REPORTED):
            numbers = ({m.phase} if m.phase else set()) | links.get((MEETING, m.id), set())
            found.append(Activity(m.on, MEETING_ITEM, f"{m.kind}{quoted(m.title)}", tuple(sorted(numbers))))
    for v in records.visits(session.database):
        if v.status != VISIT_PLANNED:
            numbers = links.get((VISIT, v.id), set())
            found.append(Activity(v.on, VISIT_ITEM, f"{v.title}へのヒアリング", tuple(sorted(numbers)), v.note))
    for c in records.contacts(session.database):
        numbers = links.get((CONTACT, c.id), set())
        first_line = c.note.splitlines()[0] if c.note else ""
        found.append(Activity(c.on, CONTACT_ITEM, f"{c.title}（{c.kind}）", tuple(sorted(numbers)), first_line))
    for change in history(session):
        if change.changed_on is None:
            continue
        number = milestone(change.milestone_id).phase
        title = f"目安{change.milestone_id}を{change.new_status}に"
        found.append(Activity(change.changed_on, STATUS_ITEM, title, (number,), change.note))
    return by_phase(found, phase)


def phase_titles() -> dict[int, str]:
    """フェーズ number → 「フェーズ1（…）」, for the filter and the chart's rows."""
    return {p.number: f"{phase_label(p.number)}（{p.title}）" for p in phases()}
