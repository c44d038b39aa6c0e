"""担当者: the people of an organisation, with 担当交代 that keeps the 前任."""

from __future__ import annotations

import dataclasses
import datetime as dt

from kyojushien_desktop.domain.errors import UserFacingError, ValidationError
from kyojushien_desktop.domain.members import PERSON_FIELDS, Person, clean_person, now_text
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.members.organizations import PERSON, get_organization, log_changes
from kyojushien_desktop.store import change_log, organizations, people


def people_of(session: Session, organization_id: int) -> list[Person]:
    """Current people first, then former ones (前任)."""
    return people.for_organization(session.database, organization_id)


def people_by_organization(session: Session) -> dict[int, list[Person]]:
    """Every live organisation's people in one read, current ones first (a meeting's invitations
    and speakers choose among them)."""
    return people.live_people_by_organization(session.database)


def get_person(session: Session, person_id: int) -> Person:
    person = people.get(session.database, person_id)
    if person is None:
        raise UserFacingError(f"担当者（番号 {person_id}）が見つかりません。")
    return person


def save_person(session: Session, person: Person) -> tuple[int, Changes]:
    cleaned = clean_person(person)
    database = session.database
    get_organization(session, cleaned.organization_id)
    with database.atomic():
        if cleaned.id is None:
            person_id = people.insert(database, cleaned.to_row())
            change_log.record(database, PERSON, person_id, "作成", "", "", cleaned.name)
        else:
            before = get_person(session, cleaned.id)
            person_id = cleaned.id
            if log_changes(session, PERSON, person_id, PERSON_FIELDS, before, cleaned):
                people.update(database, person_id, cleaned.to_row())
            if before.organization_id != cleaned.organization_id:
                organizations.refresh_search_text(database, [before.organization_id])
        organizations.refresh_search_text(database, [cleaned.organization_id])
    return person_id, Changes.of(Topic.PEOPLE)


def hand_over(session: Session, person_id: int, successor: Person, on: dt.date) -> tuple[int, Changes]:
    """担当交代: ends the person's period on the day before ``on`` and starts the successor's on
    ``on``. The former person stays, shown as 前任, and the timeline records the change."""
    before = get_person(session, person_id)
    if before.ended_on is not None and before.ended_on < on - dt.timedelta(days=1):
        raise ValidationError(f"{before.name} さんはすでに離任しています。", field="ended_on")
    incoming = clean_person(
        dataclasses.replace(successor, id=None, organization_id=before.organization_id, started_on=on, ended_on=None)
    )
    database = session.database
    with database.atomic():
        successor_id = people.insert(database, incoming.to_row())
        last_day = (on - dt.timedelta(days=1)).isoformat()
        people.update(database, person_id, {"ended_on": last_day, "successor_id": successor_id})
        change_log.record(
            database,
            PERSON,
            person_id,
            "担当交代",
            PERSON_FIELDS["ended_on"],
            before.display_values()["ended_on"],
            last_day,
        )
        change_log.record(
            database, PERSON, successor_id, "作成", "", "", f"{incoming.name}（{before.name} さんの後任）"
        )
        organizations.refresh_search_text(database, [before.organization_id])
    return successor_id, Changes.of(Topic.PEOPLE)


def delete_person(session: Session, person_id: int) -> Changes:
    person = get_person(session, person_id)
    with session.database.atomic():
        people.set_deleted(session.database, person_id, now_text())
        change_log.record(session.database, PERSON, person_id, "削除", "", person.name, "")
        organizations.refresh_search_text(session.database, [person.organization_id])
    return Changes.of(Topic.PEOPLE)
