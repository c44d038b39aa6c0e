"""変更履歴: what changed in an organisation's record and its people's, field by field."""

from __future__ import annotations

from kyojushien_desktop.domain.members import ChangeEntry
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.members.organizations import ORGANIZATION, PERSON
from kyojushien_desktop.services.members.people import get_person, people_of
from kyojushien_desktop.store import change_log


def history(session: Session, organization_id: int) -> list[ChangeEntry]:
    """The organisation's 変更履歴 and its people's, newest first."""
    rows = list(change_log.for_entity(session.database, ORGANIZATION, organization_id))
    for person in people_of(session, organization_id):
        for row in change_log.for_entity(session.database, PERSON, person.id):
            rows.append(row)
    rows.sort(key=lambda r: (r["changed_at"], r["id"]), reverse=True)
    entries = []
    for row in rows:
        field = row["field"]
        if row["entity"] == PERSON:
            name = get_person(session, row["entity_id"]).name
            field = f"担当者 {name}" + (f"・{field}" if field else "")
        entries.append(ChangeEntry(row["changed_at"], row["action"], field, row["old_value"], row["new_value"]))
    return entries
