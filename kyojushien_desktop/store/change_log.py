"""SQL for the per-record 変更履歴 (when, which field, old → new)."""

from __future__ import annotations

from kyojushien_desktop.domain.members import ChangeEntry, ChangeRecord, now_text
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


def for_entities(database: Database, entity_ids: dict[str, list[int]]) -> list[ChangeRecord]:
    """The change log of the given records (entity → ids), newest first."""
    clauses, params = [], []
    for entity, ids in entity_ids.items():
        if ids:
            clauses.append(f"(entity = ? AND entity_id IN ({', '.join('?' * len(ids))}))")
            params += [entity, *ids]
    if not clauses:
        return []
    rows = database.read(
        "SELECT id, entity, entity_id, changed_at, action, field, old_value, new_value FROM change_log "
        f"WHERE {' OR '.join(clauses)} ORDER BY changed_at DESC, id DESC",
        tuple(params),
    )
    return [ChangeRecord(row[0], row[1], row[2], ChangeEntry(*row[3:8])) for row in rows]
