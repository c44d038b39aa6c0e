"""SQL for 団体・機関 (the organizations table), returning domain objects. Callers hold the
transaction for writes."""

from __future__ import annotations

from kyojushien_desktop.domain.kana import search_key
from kyojushien_desktop.domain.members import Organization, OrganizationSummary, now_text
from kyojushien_desktop.store.database import Database
from kyojushien_desktop.store.values import TAG_SEPARATOR, day, parts

# The people still in post and the last 経過記録, aggregated once for the whole list (joined
# rather than a sub-select per organisation, which cost a fifth more at 10,000 rows). The table is
# read in one scan and sorted in memory: walking the 五十音 index fetches each wide row from a
# random page, a quarter slower at 10,000 rows.
_SUMMARY_SQL = """
WITH today (day) AS (SELECT date('now', 'localtime')),
current_people AS (
    SELECT p.organization_id, group_concat(p.name, '、') AS names FROM people p, today
     WHERE p.deleted_at IS NULL AND (p.ended_on IS NULL OR p.ended_on > today.day)
     GROUP BY p.organization_id),
last_contacts AS (
    SELECT organization_id, max(occurred_on) AS occurred_on FROM contacts
     WHERE deleted_at IS NULL GROUP BY organization_id)
SELECT o.id, o.name, o.kana, o.category, o.kind, o.internal, o.stage, o.phone, o.email, o.address,
       o.tags, cp.names, lc.occurred_on, o.sort_kana, o.deleted_at, o.notes
FROM organizations o NOT INDEXED
LEFT JOIN current_people cp ON cp.organization_id = o.id
LEFT JOIN last_contacts lc ON lc.organization_id = o.id
"""
_COLUMNS = (
    "id, name, category, kana, kind, internal, address, phone, fax, email, website, stage, expected_roles, "
    "strengths, troubles, tags, notes, deleted_at, created_at, updated_at"
)


def _summary(row) -> OrganizationSummary:
    """Positional, in the order of ``_SUMMARY_SQL``'s columns (10,000 are made per list)."""
    return OrganizationSummary(
        *row[:5], bool(row[5]), *row[6:10], parts(row[10], TAG_SEPARATOR), row[11] or "", day(row[12]), *row[13:]
    )


def _organization(row) -> Organization:
    return Organization(
        id=row["id"],
        name=row["name"],
        category=row["category"],
        kana=row["kana"],
        kind=row["kind"],
        internal=bool(row["internal"]),
        address=row["address"],
        phone=row["phone"],
        fax=row["fax"],
        email=row["email"],
        website=row["website"],
        stage=row["stage"],
        expected_roles=row["expected_roles"],
        strengths=row["strengths"],
        troubles=row["troubles"],
        tags=parts(row["tags"], TAG_SEPARATOR),
        notes=row["notes"],
        deleted_at=row["deleted_at"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


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
    database.update("organizations", organization_id, {**changes, "updated_at": now_text()})


def get(database: Database, organization_id: int) -> Organization | None:
    """The organisation, deleted or not; None when there is no such id."""
    rows = database.read(f"SELECT {_COLUMNS} FROM organizations WHERE id = ?", (organization_id,))
    return _organization(rows[0]) if rows else None


def summaries(database: Database, *, deleted: bool = False, ids: list[int] | None = None) -> list[OrganizationSummary]:
    """The rows of the directory list (live ones, or those in 削除済み) in 五十音 order."""
    where = "WHERE o.deleted_at IS NOT NULL" if deleted else "WHERE o.deleted_at IS NULL"
    params: tuple = ()
    if ids is not None:
        where += f" AND o.id IN ({', '.join('?' * len(ids))})"
        params = tuple(ids)
    return [_summary(row) for row in database.read(_SUMMARY_SQL + where + " ORDER BY o.sort_kana, o.id", params)]


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


def similarity_keys(database: Database) -> list[tuple[int, str, tuple[str, ...]]]:
    """Each live organisation's stored ``find_similar`` keys, (id, name key, phone/FAX digits), in
    one query: an import matches thousands of rows against them in memory."""
    rows = database.read("SELECT id, name_key, phone_digits FROM organizations WHERE deleted_at IS NULL")
    return [(row[0], row[1], tuple(row[2].split())) for row in rows]


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


def tags_in_use(database: Database) -> set[str]:
    """Every タグ of a live organisation, each once (the order is the caller's to choose)."""
    tags: set[str] = set()
    for row in database.read("SELECT DISTINCT tags FROM organizations WHERE deleted_at IS NULL AND tags <> ''"):
        tags.update(parts(row[0], TAG_SEPARATOR))
    return tags


def count(database: Database) -> int:
    return database.read("SELECT count(*) FROM organizations WHERE deleted_at IS NULL")[0][0]


def live_records(database: Database) -> dict[int, Organization]:
    """Every live organisation with every field, by id, in one query (the hand-over export reads
    them all)."""
    rows = database.read(f"SELECT {_COLUMNS} FROM organizations WHERE deleted_at IS NULL")
    return {row["id"]: _organization(row) for row in rows}
