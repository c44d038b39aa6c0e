"""SQL for 経過記録 typed by hand (the contacts table). Callers hold the transaction for writes."""

from __future__ import annotations

from collections import defaultdict

from kyojushien_desktop.domain.members import Contact, ContactLine, now_text
from kyojushien_desktop.store.database import Database
from kyojushien_desktop.store.values import day


def insert(database: Database, row: dict[str, object]) -> int:
    table = database["contacts"]
    table.insert({**row, "created_at": now_text()})
    return int(table.last_pk)


def update(database: Database, contact_id: int, changes: dict[str, object]) -> None:
    database.update("contacts", contact_id, changes)


def for_organization(database: Database, organization_id: int) -> list[ContactLine]:
    """The organisation's live contacts, newest first, each with the name of the person it was with."""
    rows = database.read(
        "SELECT c.id, c.organization_id, c.occurred_on, c.kind, c.note, c.our_staff, c.person_id, p.name "
        "FROM contacts c LEFT JOIN people p ON p.id = c.person_id "
        "WHERE c.organization_id = ? AND c.deleted_at IS NULL ORDER BY c.occurred_on DESC, c.id DESC",
        (organization_id,),
    )
    return [_line(row) for row in rows]


def set_deleted(database: Database, contact_id: int, deleted_at: str | None) -> None:
    database.execute("UPDATE contacts SET deleted_at = ? WHERE id = ?", (deleted_at, contact_id))


def _line(row) -> ContactLine:
    contact = Contact(
        id=row[0],
        organization_id=row[1],
        occurred_on=day(row[2]),
        kind=row[3],
        note=row[4],
        our_staff=row[5],
        person_id=row[6],
    )
    return ContactLine(contact, row[7] or "")


def live_by_organization(database: Database) -> dict[int, list[ContactLine]]:
    """Live contacts of live organisations keyed by organisation id, newest first as in
    ``for_organization``, in one query (10,000 per-organisation reads took seconds)."""
    rows = database.read(
        "SELECT c.id, c.organization_id, c.occurred_on, c.kind, c.note, c.our_staff, c.person_id, p.name "
        "FROM contacts c JOIN organizations o ON o.id = c.organization_id "
        "LEFT JOIN people p ON p.id = c.person_id WHERE c.deleted_at IS NULL AND o.deleted_at IS NULL "
        "ORDER BY c.organization_id, c.occurred_on DESC, c.id DESC"
    )
    grouped: dict[int, list[ContactLine]] = defaultdict(list)
    for row in rows:
        grouped[row[1]].append(_line(row))
    return dict(grouped)
