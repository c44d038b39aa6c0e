"""The sample town's meetings (resources/sample/meetings.json): a sequence like 八代市's in the
guide (課内ミーティング, three 勉強会 held and reported, an 意見交換会 being planned), fed through the
services as a user would, so every rule applies (the checklist from the guide's steps, 案内済 on
invitation, 関係 raised by an exchange, the groups mixing 立場). Dates count from the day the
sample is made."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from kyojushien_desktop.domain.followups import FollowUp
from kyojushien_desktop.domain.meetings import (
    HELD,
    INVITATION_SENT,
    INVITED,
    PLANNING,
    REPORTED,
    VENUE,
    Meeting,
    ProgramItem,
)
from kyojushien_desktop.domain.members import OrganizationSummary, Person, name_key
from kyojushien_desktop.domain.wareki import open_day_before
from kyojushien_desktop.paths import resource_path
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.meetings import checklist, meetings, participants, survey
from kyojushien_desktop.services.members import organizations, people

RECORD_FIELDS = ("lecture_summary", "minutes", "opinions", "review_impressions", "review_notes", "next_plans")


def sample_meetings_data() -> dict[str, Any]:
    return json.loads(resource_path("sample", "meetings.json").read_text(encoding="utf-8"))


class _Directory:
    """The town's organisations by name (exactly, then ignoring 表記ゆれ) and their current
    people by name, read once."""

    def __init__(self, session: Session) -> None:
        self._session = session
        listed = organizations.list_organizations(session)
        self._by_name = {org.name: org for org in listed}
        self._by_key = {name_key(org.name): org for org in listed}
        self._people: dict[int, list[Person]] = {}

    def organization(self, name: str) -> OrganizationSummary | None:
        return self._by_name.get(name) or self._by_key.get(name_key(name))

    def person_id(self, organization_id: int, name: str | None) -> int | None:
        if not name:
            return None
        if organization_id not in self._people:
            self._people[organization_id] = [
                p for p in people.people_of(self._session, organization_id) if p.is_current
            ]
        return next((p.id for p in self._people[organization_id] if p.name == name), None)


def add_sample_meetings(session: Session, today: dt.date | None = None) -> int:
    """Adds the sample meetings with the participants it finds (skipping organisations the town
    no longer has); returns how many meetings it added. One transaction: a savepoint inside the
    caller's when one is open."""
    today = today or dt.date.today()
    data = sample_meetings_data()
    with session.database.atomic():
        directory = _Directory(session)
        for raw in data["meetings"]:
            _add_meeting(session, raw, data, directory, today)
    return len(data["meetings"])


def _add_meeting(
    session: Session, raw: dict[str, Any], data: dict[str, Any], directory: _Directory, today: dt.date
) -> None:
    day = open_day_before(today + dt.timedelta(days=raw["days"]))  # a town hall meets when it is open
    meeting = Meeting(
        kind=raw["kind"],
        title=raw["title"],
        starts_at=dt.datetime.combine(day, dt.time.fromisoformat(raw["time"])),
        ends_at=dt.time.fromisoformat(raw["end"]) if raw.get("end") else None,
        venue_mode=raw.get("venue_mode", VENUE),
        venue=raw.get("venue", ""),
        organizer=raw.get("organizer", ""),
        co_organizers=raw.get("co_organizers", ""),
        phase=raw.get("phase"),
        goal_stage=raw.get("goal_stage", ""),
        goal=raw.get("goal", ""),
        theme=raw.get("theme", ""),
        participants_situation=raw.get("participants_situation", ""),
        facilitator=raw.get("facilitator", ""),
        seating=raw.get("seating", ""),
        group_size=raw.get("group_size", 5),
    )
    meeting_id, _ = meetings.save_meeting(session, meeting, _program(raw.get("program", []), directory))
    _checklist(session, meeting_id, day, today, raw.get("checklist", {"done": data["checklist_done"]}))
    status = raw["status"]
    if status != PLANNING:
        meetings.set_status(session, meeting_id, INVITED)
    invited = _invite(session, meeting_id, raw.get("participants", []), directory)
    if status in (HELD, REPORTED):
        _hold(session, meeting_id, raw, data, invited)
        if status == REPORTED:
            meetings.set_status(session, meeting_id, REPORTED)
    for item in raw.get("followups", []):
        meetings.add_followup(
            session,
            FollowUp(
                visit_id=None,
                meeting_id=meeting_id,
                action=item["action"],
                due_on=day + dt.timedelta(days=item["due_after"]),
                done=bool(item.get("done", False)),
            ),
        )


def _program(items: list[dict[str, Any]], directory: _Directory) -> list[ProgramItem]:
    """The プログラム; a 講師 named from the 名簿 is linked to their record and printed with it."""
    program = []
    for item in items:
        speaker, person_id = item.get("speaker", ""), None
        org = directory.organization(item["speaker_organization"]) if item.get("speaker_organization") else None
        if org is not None:
            person_id = directory.person_id(org.id, item.get("speaker_person"))
            speaker = f"{item.get('speaker_person', '')}（{org.name}）" if person_id else org.name
        program.append(
            ProgramItem(item=item["item"], at=item.get("at", ""), speaker=speaker, speaker_person_id=person_id)
        )
    return program


def _checklist(session: Session, meeting_id: int, day: dt.date, today: dt.date, plan: dict[str, Any]) -> None:
    """Steps that do not apply dropped; the steps done ticked on their day (never after today)."""
    done, drop = plan.get("done", {}), set(plan.get("drop", ()))
    for item in checklist.items_of(session, meeting_id):
        if item.id is None:
            continue
        if item.key in drop:
            checklist.delete_item(session, item.id)
        elif item.key in done:
            checklist.complete(session, item.id, min(day + dt.timedelta(days=done[item.key]), today))


def _invite(
    session: Session, meeting_id: int, raw: list[dict[str, Any]], directory: _Directory
) -> list[tuple[dict[str, Any], int, int | None]]:
    """Invites those the town has; returns each found entry with its (organisation, person)."""
    found = []
    for entry in raw:
        org = directory.organization(entry["organization"])
        if org is not None:
            found.append((entry, org.id, directory.person_id(org.id, entry.get("person"))))
    participants.invite(session, meeting_id, [(org_id, person_id) for _, org_id, person_id in found])
    return found


def _hold(
    session: Session,
    meeting_id: int,
    raw: dict[str, Any],
    data: dict[str, Any],
    invited: list[tuple[dict[str, Any], int, int | None]],
) -> None:
    """出欠 from the roster, then 開催済 (which raises the exchange's 庁外 attendees), the groups
    and their 主な意見, the アンケート, and the 記録."""
    listed = {(p.organization_id, p.person_id): p for p in participants.participants_of(session, meeting_id)}
    for entry, org_id, person_id in invited:
        current = listed.get((org_id, person_id))
        if current is None:
            continue
        marked = dataclasses.replace(
            current,
            attendance=entry.get("attendance", INVITATION_SENT),
            attend_mode=entry.get("mode", VENUE),
            proxy_name=entry.get("proxy", ""),
            active=bool(entry.get("active", False)),
        )
        if marked != current:
            participants.save_participant(session, marked)
    meetings.set_status(session, meeting_id, HELD)
    if raw.get("group_opinions"):
        participants.make_meeting_groups(session, meeting_id, raw.get("group_size", 5))
        for number, opinions in enumerate(raw["group_opinions"], start=1):
            participants.save_group_note(session, meeting_id, number, opinions)
    if raw.get("survey") is None:
        survey.set_questions(session, meeting_id, [])
    else:
        _answers(session, meeting_id, raw["survey"], data["survey_columns"])
    saved = meetings.get_meeting(session, meeting_id)
    record = raw.get("record", {})
    meetings.save_record(session, dataclasses.replace(saved, **{f: record.get(f, "") for f in RECORD_FIELDS}))


def _answers(session: Session, meeting_id: int, rows: list[list[Any]], columns: list[str]) -> None:
    """Each form as typed from paper: a choice by its number, free text as written, blank 未回答."""
    by_key = {q.key: q.id for q in survey.questions_of(session, meeting_id) if q.id is not None}
    for number, row in enumerate(rows, start=1):
        typed = {by_key[key]: value for key, value in zip(columns, row, strict=True) if key in by_key}
        survey.save_response(session, meeting_id, number, typed)
