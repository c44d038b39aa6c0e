"""Who takes part: organisations and people invited from the 名簿 (庁内 and 庁外) or guests added
on the spot, their 出欠 and 会場/オンライン, the counts by 区分, and the groups of a group work
(tables of 4–6 mixing 立場, 手引き p50) with each group's 主な意見."""

from __future__ import annotations

import dataclasses

from kyojushien_desktop.content.meeting_terms import meeting_terms
from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.domain.meeting_groups import make_groups, mixed_report
from kyojushien_desktop.domain.meeting_results import AttendanceCounts, count_attendance
from kyojushien_desktop.domain.meetings import INVITATION_SENT, GroupNote, Participant, clean_participant
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.meetings import meetings
from kyojushien_desktop.services.members import people, terms
from kyojushien_desktop.store import meeting_people as store
from kyojushien_desktop.store import meetings as meeting_store

CHANGES = Changes.of(Topic.MEETINGS)
NOT_FOUND = "参加者が見つかりません。削除された可能性があります。"


def participants_of(session: Session, meeting_id: int) -> list[Participant]:
    return store.of_meeting(session.database, meeting_id)


def invite(session: Session, meeting_id: int, choices: list[tuple[int, int | None]]) -> Changes:
    """Adds (organisation, person or None) pairs from the 名簿; one already on the list is skipped.
    Invited after the 案内 went out, they start as 案内済."""
    meeting = meetings.get_meeting(session, meeting_id)
    start = INVITATION_SENT if meeting.status != "企画中" else "未案内"
    present = {(p.organization_id, p.person_id) for p in participants_of(session, meeting_id)}
    with session.database.atomic():
        for organization_id, person_id in choices:
            if (organization_id, person_id) in present:
                continue
            if person_id is not None and people.get_person(session, person_id).organization_id != organization_id:
                raise UserFacingError("選んだ担当者はその団体の方ではありません。")
            store.insert(
                session.database,
                Participant(meeting_id, organization_id=organization_id, person_id=person_id, attendance=start),
            )
            present.add((organization_id, person_id))
    return CHANGES


def save_participant(session: Session, participant: Participant) -> tuple[int, Changes]:
    """A guest added on the spot, or a participant's 出欠, 参加の形, 代理 or group changed."""
    cleaned = clean_participant(participant)
    meeting = meetings.get_meeting(session, cleaned.meeting_id)
    changes = CHANGES
    with session.database.atomic():
        if cleaned.id is None:
            participant_id = store.insert(session.database, cleaned)
        else:
            participant_id = cleaned.id
            if store.get(session.database, participant_id) is None:
                raise UserFacingError(NOT_FOUND)
            store.update(session.database, cleaned)
        if meeting.held and meetings.raise_attendees(session, meeting.id or 0, meeting.kind):
            changes = changes | Changes.of(Topic.ORGANIZATIONS)
    return participant_id, changes


def set_attendance(session: Session, participant_ids: list[int], attendance: str) -> Changes:
    """The same 出欠 for several at once (the roster ticked after the meeting); all or none."""
    changes = CHANGES
    with session.database.atomic():
        for participant_id in participant_ids:
            current = store.get(session.database, participant_id)
            if current is None:
                raise UserFacingError(NOT_FOUND)
            changes = changes | save_participant(session, dataclasses.replace(current, attendance=attendance))[1]
    return changes


def remove(session: Session, participant_id: int) -> Changes:
    if store.get(session.database, participant_id) is None:
        raise UserFacingError(NOT_FOUND)
    with session.database.atomic():
        store.delete(session.database, participant_id)
    return CHANGES


def counts(session: Session, meeting_id: int) -> AttendanceCounts:
    """Attendance by 区分 (in the 名簿's order), 庁内/庁外 and 会場/オンライン."""
    return count_attendance(participants_of(session, meeting_id), terms.categories())


# --- groups ----------------------------------------------------------------------------------


def make_meeting_groups(session: Session, meeting_id: int, size: int) -> Changes:
    """Splits those attending (or, before the day, those invited) into tables of about ``size``."""
    everyone = participants_of(session, meeting_id)
    seated = [p for p in everyone if p.attending] or [p for p in everyone if p.attendance != "欠席"]
    seating = meeting_terms().seating
    groups = make_groups(seated, size, meeting_terms().group_sides, (seating.group_min, seating.group_max))
    with session.database.atomic():
        store.set_groups(session.database, meeting_id, {p.id: groups.get(p.id) for p in everyone if p.id})
        meeting = meetings.get_meeting(session, meeting_id)
        if meeting.group_size != size:
            meeting_store.update(session.database, meeting_id, {"group_size": size})
    return CHANGES


def move_to_group(session: Session, meeting_id: int, participant_id: int, group_no: int | None) -> Changes:
    """Adjusting by hand: one participant to another table (None: no table)."""
    if store.get(session.database, participant_id) is None:
        raise UserFacingError(NOT_FOUND)
    with session.database.atomic():
        store.set_groups(session.database, meeting_id, {participant_id: group_no})
    return CHANGES


def groups_of(session: Session, meeting_id: int) -> dict[int, list[Participant]]:
    groups: dict[int, list[Participant]] = {}
    for p in participants_of(session, meeting_id):
        if p.group_no is not None:
            groups.setdefault(p.group_no, []).append(p)
    return dict(sorted(groups.items()))


def group_warnings(session: Session, meeting_id: int) -> list[str]:
    """Tables that are all one 立場 or seat colleagues together, for the screen to point out."""
    return mixed_report(groups_of(session, meeting_id), meeting_terms().group_sides)


def group_notes(session: Session, meeting_id: int) -> dict[int, str]:
    return {note.group_no: note.opinions for note in store.group_notes(session.database, meeting_id)}


def save_group_note(session: Session, meeting_id: int, group_no: int, opinions: str) -> Changes:
    meetings.get_meeting(session, meeting_id)
    with session.database.atomic():
        store.set_group_note(session.database, meeting_id, GroupNote(group_no, opinions.strip()))
    return CHANGES


def save_group_notes(session: Session, meeting_id: int, notes: dict[int, str]) -> Changes:
    """Several groups' 主な意見 at once (the groups tab's 保存), in one transaction."""
    with session.database.atomic():
        for group_no, opinions in sorted(notes.items()):
            save_group_note(session, meeting_id, group_no, opinions)
    return CHANGES
