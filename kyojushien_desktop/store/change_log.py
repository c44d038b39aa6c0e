"""SQL for the per-record 変更履歴 (when, which field, old → new)."""

from __future__ import annotations

import sqlite3

from kyojushien_desktop.domain.members import now_text
from kyojushien_desktop.store.database import Database


def record(
    database: Database, entity: str, entity_id: int, action: str, field: str = "", old: str = "", new: str = ""
) -> None:
    database.execute(
        "INSERT INTO change_log (entity, entity_id, changed_at, action, field, old_value, new_value) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (entity, entity_id, now_text(), action, field, old, new),
    )


def record_many(database: Database, rows: list[tuple[str, int, str, str, str, str]]) -> None:
    stamp = now_text()
    database.conn.executemany(
        "INSERT INTO change_log (entity, entity_id, changed_at, action, field, old_value, new_value) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(entity, entity_id, stamp, action, field, old, new) for entity, entity_id, action, field, old, new in rows],
    )


def for_entity(database: Database, entity: str, entity_id: int) -> list[sqlite3.Row]:
    return database.read(
        "SELECT * FROM change_log WHERE entity = ? AND entity_id = ? ORDER BY changed_at DESC, id DESC",
        (entity, entity_id),
    )
