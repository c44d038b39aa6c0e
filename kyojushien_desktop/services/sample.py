"""The sample town (みどり町): where a newcomer explores and where screenshots are taken.
Its data lives in ``resources/sample/``; this module only feeds it through the services."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.members import Contact, Person
from kyojushien_desktop.paths import resource_path
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.common.settings import TownSettings, save_settings
from kyojushien_desktop.services.datafile import create_session
from kyojushien_desktop.services.diagnosis.sample_diagnosis import add_sample_diagnosis
from kyojushien_desktop.services.handover.sample_handover import add_sample_handover
from kyojushien_desktop.services.hearing.sample_visits import add_sample_hearing
from kyojushien_desktop.services.meetings.sample_meetings import add_sample_meetings
from kyojushien_desktop.services.members import contacts, organizations, people
from kyojushien_desktop.services.progress.sample_progress import add_sample_progress
from kyojushien_desktop.services.region.sample_region import add_sample_region


def sample_data() -> dict:
    return json.loads(resource_path("sample", "town.json").read_text(encoding="utf-8"))


def create_sample(path: Path, today: dt.date | None = None) -> Session:
    """A new data file holding the sample town, opened; refuses to overwrite an existing file."""
    data = sample_data()
    session = create_session(Path(path))
    try:
        with session.database.atomic():  # one transaction: the service calls nest as savepoints
            values = data["settings"]
            save_settings(
                session,
                TownSettings(
                    municipality=values["municipality"],
                    department=values["department"],
                    staff_name=values["staff_name"],
                    next_rotation=wareki.next_april_first(today or dt.date.today()),
                    is_sample=True,
                ),
            )
            for entry in data.get("organizations", []):
                _add_organization(session, entry)
            add_sample_hearing(session, today)
            add_sample_meetings(session, today)
            add_sample_progress(session, today)
            add_sample_diagnosis(session, today)
            add_sample_region(session)
            add_sample_handover(session)
    except BaseException:
        session.close()
        raise
    return session


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _person(values: dict, organization_id: int) -> Person:
    return Person(
        name=values["name"],
        organization_id=organization_id,
        kana=values.get("kana", ""),
        department=values.get("department", ""),
        title=values.get("title", ""),
        phone=values.get("phone", ""),
        email=values.get("email", ""),
        started_on=_day(values.get("started_on")),
        notes=values.get("notes", ""),
    )


def _add_organization(session: Session, values: dict) -> int:
    """One organisation with its people, 担当交代 and 経過記録, ending at the JSON's stage."""
    org = dataclasses.replace(
        organizations.new_organization(values["category"], values["name"]),
        kana=values.get("kana", ""),
        kind=values.get("kind", ""),
        internal=bool(values.get("internal", False)),
        address=values.get("address", ""),
        phone=values.get("phone", ""),
        fax=values.get("fax", ""),
        email=values.get("email", ""),
        website=values.get("website", ""),
        stage=values["stage"],
        strengths=values.get("strengths", ""),
        troubles=values.get("troubles", ""),
        tags=tuple(values.get("tags", ())),
        notes=values.get("notes", ""),
    )
    if "expected_roles" in values:
        org = dataclasses.replace(org, expected_roles=values["expected_roles"])
    organization_id, _ = organizations.save_organization(session, org)

    person_ids: dict[str, int] = {}
    for person in values.get("people", []):
        person_ids[person["name"]], _ = people.save_person(session, _person(person, organization_id))
        handed = person.get("hand_over")
        if handed:
            successor = handed["to"]
            person_ids[successor["name"]], _ = people.hand_over(
                session, person_ids[person["name"]], _person(successor, organization_id), _day(handed["on"])
            )

    for contact in values.get("contacts", []):
        contacts.add_contact(
            session,
            Contact(
                organization_id=organization_id,
                occurred_on=dt.date.fromisoformat(contact["on"]),
                kind=contact["kind"],
                note=contact.get("note", ""),
                our_staff=contact.get("our_staff", ""),
                person_id=person_ids[contact["person"]] if contact.get("person") else None,
            ),
        )

    # A first contact raises 未接触 to 接触済; the JSON's stage is the last word.
    saved = organizations.get_organization(session, organization_id)
    if saved.stage != values["stage"]:
        organizations.save_organization(session, dataclasses.replace(saved, stage=values["stage"]))
    return organization_id
