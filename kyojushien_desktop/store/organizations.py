"""SQL for 団体・機関 (the organizations table). Callers hold the transaction for writes."""

from __future__ import annotations

import sqlite3

from kyojushien_desktop.domain.kana import search_key
from kyojushien_desktop.domain.members import now_text
from kyojushien_desktop.store.database import Database

SUMMARY_SQL = """
SELECT o.id, o.name, o.kana, o.category, o.kind, o.internal, o.stage, o.phone, o.email, o.address,
       o.tags, o.sort_kana, o.deleted_at, o.notes,
       (SELECT group_concat(p.name, '、') FROM people p
         WHERE p.organization_id = o.id AND p.deleted_at IS NULL
           AND (p.ended_on IS NULL OR p.ended_on > date('now', 'localtime'))) AS people,
       (SELECT max(c.occurred_on) FROM contacts c
         WHERE c.organization_id = o.id AND c.deleted_at IS NULL) AS last_contact
FROM organizations o
"""


def insert(database: Database, row: dict[str, object]) -> int:
    stamp = now_text()
    table = database["organizations"]
    table.insert({**row, "created_at": stamp, "updated_at": stamp})
    return int(table.last_pk)


def insert_many(database: Database, rows: list[dict[str, object]]) -> list[int]:
    """Bulk insert for imports; returns the new ids in order."""
    stamp = now_text()
    ids = []
    cursor = database.conn.cursor()
    columns = list(rows[0]) + ["created_at", "updated_at"] if rows else []
    sql = f"INSERT INTO organizations ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    for row in rows:
        cursor.execute(sql, [*row.values(), stamp, stamp])
        ids.append(int(cursor.lastrowid))
    return ids


def update(database: Database, organization_id: int, changes: dict[str, object]) -> None:
    database["organizations"].update(organization_id, {**changes, "updated_at": now_text()})


def get(database: Database, organization_id: int) -> sqlite3.Row | None:
    rows = database.read("SELECT * FROM organizations WHERE id = ?", (organization_id,))
    return rows[0] if rows else None


def summaries(database: Database, *, deleted: bool = False, ids: list[int] | None = None) -> list[sqlite3.Row]:
    where = "WHERE o.deleted_at IS NOT NULL" if deleted else "WHERE o.deleted_at IS NULL"
    params: tuple = ()
    if ids is not None:
        where += f" AND o.id IN ({', '.join('?' * len(ids))})"
        params = tuple(ids)
    return database.read(SUMMARY_SQL + where + " ORDER BY o.sort_kana, o.id", params)


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search_ids(database: Database, key: str, digits: str = "") -> list[int]:
    """Ids whose normalised search text contains ``key`` (or whose phone digits contain ``digits``),
    in 五十音 order. A LIKE scan of one column stays well inside the as-you-type budget at 10,000
    rows, for 1-2 character queries too, which a trigram index cannot serve."""
    sql = "SELECT id FROM organizations WHERE deleted_at IS NULL AND (search_text LIKE ? ESCAPE '\\'"
    params: list[str] = [_like(key)]
    if digits:
        sql += " OR phone_digits LIKE ? ESCAPE '\\'"
        params.append(_like(digits))
    sql += ") ORDER BY sort_kana, id"
    return [row[0] for row in database.read(sql, tuple(params))]


def find_similar(database: Database, name_key: str, phone_digits: list[str], exclude_id: int | None) -> list[int]:
    """Ids of live organisations with the same normalised name or a shared phone number."""
    clauses, params = ["name_key = ?"], [name_key]
    for digits in phone_digits:
        if len(digits) >= 6:
            clauses.append("(' ' || phone_digits || ' ') LIKE ?")
            params.append(f"% {digits} %")
    sql = f"SELECT id FROM organizations WHERE deleted_at IS NULL AND ({' OR '.join(clauses)})"
    if exclude_id is not None:
        sql += " AND id <> ?"
        params.append(exclude_id)
    return [row[0] for row in database.read(sql, tuple(params))]


def set_deleted(database: Database, organization_id: int, deleted_at: str | None) -> None:
    database.execute(
        "UPDATE organizations SET deleted_at = ?, updated_at = ? WHERE id = ?",
        (deleted_at, now_text(), organization_id),
    )


def refresh_search_text(database: Database, organization_ids: list[int]) -> None:
    """Rebuilds the normalised search column: names, よみがな and notes of the organisation and of
    its people (addresses are left out: in a small town nearly every one holds the town's name)."""
    for organization_id in organization_ids:
        org = database.read("SELECT name, kana, notes FROM organizations WHERE id = ?", (organization_id,))
        if not org:
            continue
        people = database.read(
            "SELECT name, kana, notes FROM people WHERE organization_id = ? AND deleted_at IS NULL",
            (organization_id,),
        )
        parts = [str(v) for v in tuple(org[0]) if v]
        for person in people:
            parts.extend(str(v) for v in tuple(person) if v)
        database.execute(
            "UPDATE organizations SET search_text = ? WHERE id = ?",
            ("\n".join(search_key(p) for p in parts), organization_id),
        )


def all_tags(database: Database) -> list[str]:
    tags: set[str] = set()
    for row in database.read("SELECT tags FROM organizations WHERE deleted_at IS NULL AND tags <> ''"):
        tags.update(t for t in row[0].split("、") if t)
    return sorted(tags, key=search_key)


def count(database: Database) -> int:
    return database.read("SELECT count(*) FROM organizations WHERE deleted_at IS NULL")[0][0]


def live_records(database: Database) -> list[sqlite3.Row]:
    """Every column of every live organisation, in one query (the hand-over export reads them all)."""
    return database.read("SELECT * FROM organizations WHERE deleted_at IS NULL")
