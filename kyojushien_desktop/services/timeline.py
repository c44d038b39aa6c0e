"""An organisation's 経過記録 as one dated list: contacts typed by hand, the comings and goings of
its people, and what each area did with it (visits, meetings). Composed here, above the
areas, so no area imports another to build it."""

from __future__ import annotations

from kyojushien_desktop.domain.members import TimelineEntry
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.hearing.visits import timeline_entries as visit_entries
from kyojushien_desktop.services.meetings.meetings import timeline_entries as meeting_entries
from kyojushien_desktop.services.members.people import people_of
from kyojushien_desktop.store import contacts


def for_organization(session: Session, organization_id: int) -> list[TimelineEntry]:
    """Newest first: contacts typed by hand, the comings and goings of people, visits and meetings."""
    entries: list[TimelineEntry] = []
    for line in contacts.for_organization(session.database, organization_id):
        contact = line.contact
        who = [
            contact.our_staff and f"当方: {contact.our_staff}",
            line.person_name and f"先方: {line.person_name} さん",
        ]
        entries.append(
            TimelineEntry(
                on=contact.occurred_on,
                kind=contact.kind,
                title=contact.note.splitlines()[0] if contact.note else contact.kind,
                detail="\n".join([*filter(None, who), contact.note]),
                source="contact",
                source_id=contact.id,
            )
        )
    for person in people_of(session, organization_id):
        if person.started_on:
            entries.append(
                TimelineEntry(person.started_on, "着任", f"{person.name} さん 着任", person.title, "person", person.id)
            )
        if person.ended_on:
            entries.append(
                TimelineEntry(person.ended_on, "離任", f"{person.name} さん 離任", person.title, "person", person.id)
            )
    entries.extend(visit_entries(session, organization_id))
    entries.extend(meeting_entries(session, organization_id))
    entries.sort(key=lambda e: (e.on, e.source == "contact"), reverse=True)
    return entries
