"""変更履歴: what changed in an organisation's record and its people's, field by field."""

from __future__ import annotations

import dataclasses

from kyojushien_desktop.domain.members import ChangeEntry
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.members.organizations import ORGANIZATION, PERSON
from kyojushien_desktop.services.members.people import people_of
from kyojushien_desktop.store import change_log


def history(session: Session, organization_id: int) -> list[ChangeEntry]:
    """The organisation's 変更履歴 and its people's, newest first; a person's lines name them."""
    names = {person.id: person.name for person in people_of(session, organization_id)}
    records = change_log.for_entities(
        session.database, {ORGANIZATION: [organization_id], PERSON: [i for i in names if i is not None]}
    )
    entries = []
    for record in records:
        entry = record.entry
        if record.entity == PERSON:
            field = f"担当者 {names[record.entity_id]}" + (f"・{entry.field}" if entry.field else "")
            entry = dataclasses.replace(entry, field=field)
        entries.append(entry)
    return entries
