"""SQL for 担当者 (the people table), returning ``Person`` objects. Callers hold the transaction
for writes."""

from __future__ import annotations

from collections import defaultdict

from kyojushien_desktop.domain.members import Person, now_text
from kyojushien_desktop.store.database import Database
from kyojushien_desktop.store.values import day

_COLUMNS = (
    "p.id, p.organization_id, p.name, p.kana, p.department, p.title, p.phone, p.email, p.started_on, p.ended_on, "
    "p.notes, p.successor_id"
)
# Current people first, then former ones (前任), newest period first.
_ORDER = (
    "(p.ended_on IS NOT NULL AND p.ended_on <= date('now', 'localtime')), coalesce(p.started_on, '') DESC, p.id DESC"
)


def _person(row) -> Person:
    return Person(
        id=row["id"],
        organization_id=row["organization_id"],
        name=row["name"],
        kana=row["kana"],
        department=row["department"],
        title=row["title"],
        phone=row["phone"],
        email=row["email"],
        started_on=day(row["started_on"]),
        ended_on=day(row["ended_on"]),
        notes=row["notes"],
        successor_id=row["successor_id"],
    )


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
    database.update("people", person_id, {**changes, "updated_at": now_text()})


def get(database: Database, person_id: int) -> Person | None:
    """A person not deleted; None otherwise."""
    rows = database.read(f"SELECT {_COLUMNS} FROM people p WHERE p.id = ? AND p.deleted_at IS NULL", (person_id,))
    return _person(rows[0]) if rows else None


def for_organization(database: Database, organization_id: int) -> list[Person]:
    """Current people first, then former ones (前任), newest period first."""
    rows = database.read(
        f"SELECT {_COLUMNS} FROM people p WHERE p.organization_id = ? AND p.deleted_at IS NULL ORDER BY {_ORDER}",
        (organization_id,),
    )
    return [_person(row) for row in rows]


def set_deleted(database: Database, person_id: int, deleted_at: str | None) -> None:
    database.execute(
        "UPDATE people SET deleted_at = ?, updated_at = ? WHERE id = ?", (deleted_at, now_text(), person_id)
    )


def live_people_by_organization(database: Database) -> dict[int, list[Person]]:
    """Live people of live organisations keyed by organisation id, each list in the order of
    ``for_organization``, in one query (10,000 per-organisation reads took seconds)."""
    rows = database.read(
        f"SELECT {_COLUMNS} FROM people p JOIN organizations o ON o.id = p.organization_id "
        f"WHERE p.deleted_at IS NULL AND o.deleted_at IS NULL ORDER BY p.organization_id, {_ORDER}"
    )
    grouped: dict[int, list[Person]] = defaultdict(list)
    for row in rows:
        person = _person(row)
        grouped[person.organization_id].append(person)
    return dict(grouped)
