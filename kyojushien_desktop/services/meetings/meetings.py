"""会議・勉強会: planning a meeting, its プログラム, moving it 企画中 → 案内済 → 開催済 → 報告済, and
what it decided (次の対応). A new meeting starts with the guide's 開催前・開催後 checklist and the
アンケート presets, so the planner begins from the guide's steps rather than from a blank page.

Holding an exchange (意見交換会, グループワーク …) raises every attending 庁外 organisation's 関係
to at least 意見交換会に参加, through the 名簿's service so its 変更履歴 records it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from kyojushien_desktop.content.meeting_terms import meeting_terms
from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.domain.followups import FollowUp, clean_followup
from kyojushien_desktop.domain.meetings import (
    HELD,
    MEETING_STATUSES,
    Meeting,
    MeetingSummary,
    ProgramItem,
    clean_meeting,
    clean_program,
)
from kyojushien_desktop.domain.members import TimelineEntry
from kyojushien_desktop.services.common import followups
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.meetings import checklist, survey
from kyojushien_desktop.services.members import organizations
from kyojushien_desktop.store import followups as followup_store
from kyojushien_desktop.store import meeting_people
from kyojushien_desktop.store import meetings as store

CHANGES = Changes.of(Topic.MEETINGS)
NOT_FOUND = "会議が見つかりません。削除された可能性があります。"


def new_meeting(kind: str = "勉強会・講演会", on: dt.date | None = None) -> Meeting:
    """A blank meeting at 14:00 six weeks from ``on`` (today): the checklist's first step is due today."""
    day = (on or dt.date.today()) + dt.timedelta(days=42)
    return Meeting(kind=kind, title="", starts_at=dt.datetime.combine(day, dt.time(14, 0)))


def list_meetings(session: Session) -> list[MeetingSummary]:
    return store.summaries(session.database)


def deleted_meetings(session: Session) -> list[MeetingSummary]:
    return store.summaries(session.database, deleted=True)


def get_meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = store.get(session.database, meeting_id)
    if meeting is None:
        raise UserFacingError(NOT_FOUND)
    return meeting


def program_of(session: Session, meeting_id: int) -> list[ProgramItem]:
    return store.program(session.database, meeting_id)


def save_meeting(session: Session, meeting: Meeting, program: list[ProgramItem] | None = None) -> tuple[int, Changes]:
    """Plans a meeting (with the checklist and アンケート presets) or saves its edits. A changed
    日時 moves the 期限 of the steps not yet done; ``program`` (when given) replaces the プログラム."""
    cleaned = clean_meeting(meeting, meeting_terms().kind_names)
    items = clean_program(program) if program is not None else None
    database = session.database
    changes = CHANGES
    with database.atomic():
        if cleaned.id is None:
            meeting_id = store.insert(database, store.meeting_row(cleaned))
            checklist.seed(session, meeting_id, cleaned.starts_at.date())
            survey.seed(session, meeting_id)
            changes = changes | Changes.of(Topic.CHECKLIST, Topic.SURVEY)
        else:
            meeting_id = cleaned.id
            before = get_meeting(session, meeting_id)
            store.update(database, meeting_id, store.meeting_row(cleaned))
            if before.starts_at.date() != cleaned.starts_at.date():
                checklist.reschedule(session, meeting_id, cleaned.starts_at.date())
                changes = changes | Changes.of(Topic.CHECKLIST)
        if items is not None:
            store.set_program(database, meeting_id, items)
        if cleaned.held and raise_attendees(session, meeting_id, cleaned.kind):
            changes = changes | Changes.of(Topic.ORGANIZATIONS)
    return meeting_id, changes


def set_status(session: Session, meeting_id: int, status: str) -> Changes:
    """Moves the meeting to ``status`` (企画中, 案内済, 開催済 or 報告済)."""
    if status not in MEETING_STATUSES:
        raise ValueError(status)
    meeting = get_meeting(session, meeting_id)
    changes = CHANGES
    with session.database.atomic():
        store.update(session.database, meeting_id, {"status": status})
        if status in (HELD, "報告済") and raise_attendees(session, meeting_id, meeting.kind):
            changes = changes | Changes.of(Topic.ORGANIZATIONS)
    return changes


def raise_attendees(session: Session, meeting_id: int, kind: str) -> bool:
    """After an exchange, each attending 庁外 organisation is at least 意見交換会に参加. Caller
    holds the transaction. True when any 関係 moved."""
    terms = meeting_terms()
    if not terms.is_exchange(kind):
        return False
    moved = False
    attending = {p.organization_id for p in meeting_people.of_meeting(session.database, meeting_id) if p.attending}
    for organization_id in sorted(i for i in attending if i is not None):
        organization = organizations.get_organization(session, organization_id)
        if not organization.internal and not organization.deleted_at:
            moved |= organizations.raise_stage(session, organization_id, terms.exchange_stage)
    return moved


def save_record(session: Session, meeting: Meeting, active_ids: frozenset[int] | None = None) -> Changes:
    """The 記録 tab: 講演の要旨, 議事メモ, 主な意見, ふりかえり and 今後の予定 (the rest as it was),
    and, when ``active_ids`` is given, who showed an active response (積極的な反応を示した参加者),
    in one transaction."""
    saved = get_meeting(session, meeting.id or 0)
    fields = ("lecture_summary", "minutes", "opinions", "review_impressions", "review_notes", "next_plans")
    merged = dataclasses.replace(saved, **{name: getattr(meeting, name) for name in fields})
    with session.database.atomic():
        changes = save_meeting(session, merged)[1]
        if active_ids is not None:
            for participant in meeting_people.of_meeting(session.database, saved.id or 0):
                if participant.active != (participant.id in active_ids):
                    active = dataclasses.replace(participant, active=participant.id in active_ids)
                    meeting_people.update(session.database, active)
    return changes


def delete_meeting(session: Session, meeting_id: int) -> Changes:
    """Moves the meeting to 削除済み (restorable); its checklist and 次の対応 leave ホーム with it."""
    get_meeting(session, meeting_id)
    with session.database.atomic():
        store.set_deleted(session.database, meeting_id, True)
    return Changes.of(Topic.MEETINGS, Topic.CHECKLIST, Topic.FOLLOWUPS)


def restore_meeting(session: Session, meeting_id: int) -> Changes:
    get_meeting(session, meeting_id)
    with session.database.atomic():
        store.set_deleted(session.database, meeting_id, False)
    return Changes.of(Topic.MEETINGS, Topic.CHECKLIST, Topic.FOLLOWUPS)


# --- 次の対応 -----------------------------------------------------------------------------------


def followups_of(session: Session, meeting_id: int) -> list[FollowUp]:
    return followup_store.listed(session.database, meeting_id=meeting_id)


def add_followup(session: Session, followup: FollowUp) -> tuple[int, Changes]:
    """A 次の対応 decided at the meeting (``followup.meeting_id``)."""
    cleaned = clean_followup(dataclasses.replace(followup, visit_id=None))
    get_meeting(session, cleaned.meeting_id or 0)
    with session.database.atomic():
        followup_id = followup_store.insert(
            session.database,
            {
                "meeting_id": cleaned.meeting_id,
                "action": cleaned.action,
                "due_on": cleaned.due_on.isoformat() if cleaned.due_on else None,
                "done": 1 if cleaned.done else 0,
            },
        )
    return followup_id, followups.CHANGES


# --- the organisation's 経過記録 ----------------------------------------------------------------


def timeline_entries(session: Session, organization_id: int) -> list[TimelineEntry]:
    """The held meetings the organisation attended, as timeline lines (source "meeting")."""
    return [
        TimelineEntry(
            on=when.date(),
            kind=kind,
            title=f"{kind}「{title}」に参加",
            detail="",
            source="meeting",
            source_id=meeting_id,
        )
        for meeting_id, when, kind, title in meeting_people.attended_by_organization(session.database, organization_id)
    ]
