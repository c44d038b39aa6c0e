"""SQL for 担当者 (the people table). Callers hold the transaction for writes."""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from kyojushien_desktop.domain.members import now_text
from kyojushien_desktop.store.database import Database


def insert(database: Database, row: dict[str, object]) -> int:
    stamp = now_text()
    table = database["people"]
    table.insert({**row, "created_at": stamp, "updated_at": stamp})
    return int(table.last_pk)


def insert_many(database: Database, rows: list[dict[str, object]]) -> None:
    if not rows:
        return
    stamp = now_text()
    columns = list(rows[0]) + ["created_at", "updated_at"]
    sql = f"INSERT INTO people ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    database.conn.executemany(sql, [[*row.values(), stamp, stamp] for row in rows])


def update(database: Database, person_id: int, changes: dict[str, object]) -> None:
    database["people"].update(person_id, {**changes, "updated_at": now_text()})


def get(database: Database, person_id: int) -> sqlite3.Row | None:
    rows = database.read("SELECT * FROM people WHERE id = ? AND deleted_at IS NULL", (person_id,))
    return rows[0] if rows else None


def for_organization(database: Database, organization_id: int) -> list[sqlite3.Row]:
    """Current people first, then former ones (前任), newest period first."""
    return database.read(
        "SELECT * FROM people WHERE organization_id = ? AND deleted_at IS NULL "
        "ORDER BY (ended_on IS NOT NULL AND ended_on <= date('now', 'localtime')), "
        "coalesce(started_on, '') DESC, id DESC",
        (organization_id,),
    )


def set_deleted(database: Database, person_id: int, deleted_at: str | None) -> None:
    database.execute(
        "UPDATE people SET deleted_at = ?, updated_at = ? WHERE id = ?", (deleted_at, now_text(), person_id)
    )


def live_people_by_organization(database: Database) -> dict[int, list[sqlite3.Row]]:
    """Live people of live organisations keyed by organisation id, each list in the order of
    ``people.for_organization``: current people first, then former ones (前任), newest period first."""
    rows = database.read(
        "SELECT p.* FROM people p JOIN organizations o ON o.id = p.organization_id "
        "WHERE p.deleted_at IS NULL AND o.deleted_at IS NULL "
        "ORDER BY p.organization_id, "
        "(p.ended_on IS NOT NULL AND p.ended_on <= date('now', 'localtime')), "
        "coalesce(p.started_on, '') DESC, p.id DESC"
    )
    grouped: dict[int, list[sqlite3.Row]] = defaultdict(list)
    for row in rows:
        grouped[row["organization_id"]].append(row)
    return dict(grouped)
