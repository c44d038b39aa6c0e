"""SQL for 経過記録 typed by hand (the contacts table). Callers hold the transaction for writes."""

from __future__ import annotations

import sqlite3

from kyojushien_desktop.domain.members import now_text
from kyojushien_desktop.store.database import Database


def insert(database: Database, row: dict[str, object]) -> int:
    table = database["contacts"]
    table.insert({**row, "created_at": now_text()})
    return int(table.last_pk)


def update(database: Database, contact_id: int, changes: dict[str, object]) -> None:
    database["contacts"].update(contact_id, changes)


def for_organization(database: Database, organization_id: int) -> list[sqlite3.Row]:
    return database.read(
        "SELECT c.*, p.name AS person_name FROM contacts c LEFT JOIN people p ON p.id = c.person_id "
        "WHERE c.organization_id = ? AND c.deleted_at IS NULL ORDER BY c.occurred_on DESC, c.id DESC",
        (organization_id,),
    )


def set_deleted(database: Database, contact_id: int, deleted_at: str | None) -> None:
    database.execute("UPDATE contacts SET deleted_at = ? WHERE id = ?", (deleted_at, contact_id))
