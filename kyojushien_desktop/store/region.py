"""SQL for わがまちの現状と地域資源: figures by 年度, the resource register and its links to
organisations, the つなぎ先一覧 and the housing checks. Callers hold the transaction for writes."""

from __future__ import annotations

import dataclasses
import json

from kyojushien_desktop.domain.housing_check import HousingFacts
from kyojushien_desktop.domain.members import now_text
from kyojushien_desktop.domain.region import TARGET_SEPARATOR, Fact, HousingCheck, Referral, Resource, ResourceLink
from kyojushien_desktop.store.database import Database
from kyojushien_desktop.store.values import day, parts


def facts(database: Database) -> list[Fact]:
    rows = database.read(
        "SELECT table_key, row_key, column_key, fiscal_year, number, text, organization_id, source, updated_at "
        "FROM region_facts ORDER BY fiscal_year, table_key, row_key, column_key"
    )
    return [Fact(*tuple(r)) for r in rows]


def save_fact(database: Database, fact: Fact) -> None:
    """Writes the cell, or removes it when it holds nothing."""
    key = (fact.table, fact.row, fact.column, fact.year)
    if fact.empty:
        database.execute(
            "DELETE FROM region_facts WHERE table_key = ? AND row_key = ? AND column_key = ? AND fiscal_year = ?", key
        )
        return
    database.execute(
        "INSERT INTO region_facts (table_key, row_key, column_key, fiscal_year, number, text, organization_id, source, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (table_key, row_key, column_key, fiscal_year) "
        "DO UPDATE SET number = excluded.number, text = excluded.text, organization_id = excluded.organization_id, "
        "source = excluded.source, updated_at = excluded.updated_at",
        (*key, fact.number, fact.text, fact.organization_id, fact.source, now_text()),
    )


def _links(database: Database) -> dict[int, list[ResourceLink]]:
    found: dict[int, list[ResourceLink]] = {}
    for resource_id, organization_id, role, name in database.read(
        "SELECT l.resource_id, l.organization_id, l.role, o.name FROM region_resource_links l "
        "JOIN organizations o ON o.id = l.organization_id ORDER BY o.sort_kana, o.id"
    ):
        found.setdefault(resource_id, []).append(ResourceLink(organization_id, role, name))
    return found


def resources(database: Database, *, deleted: bool = False) -> list[Resource]:
    links = _links(database)
    rows = database.read(
        "SELECT id, kind, name, address, units, targets, registered_on, notes, deleted_at FROM region_resources "
        f"WHERE deleted_at IS {'NOT ' if deleted else ''}NULL ORDER BY kind, name, id"
    )
    return [
        Resource(
            kind=r[1],
            name=r[2],
            address=r[3],
            units=r[4],
            targets=parts(r[5], TARGET_SEPARATOR),
            registered_on=day(r[6]),
            notes=r[7],
            links=tuple(links.get(r[0], [])),
            id=r[0],
            deleted_at=r[8],
        )
        for r in rows
    ]


def save_resource(database: Database, item: Resource) -> int:
    values = {
        "kind": item.kind,
        "name": item.name,
        "address": item.address,
        "units": item.units,
        "targets": TARGET_SEPARATOR.join(item.targets),
        "registered_on": item.registered_on.isoformat() if item.registered_on else None,
        "notes": item.notes,
        "updated_at": now_text(),
    }
    if item.id is None:
        columns = [*values, "created_at"]
        cursor = database.execute(
            f"INSERT INTO region_resources ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            (*values.values(), values["updated_at"]),
        )
        resource_id = int(cursor.lastrowid)
    else:
        resource_id = item.id
        database.update("region_resources", resource_id, values)
    database.execute("DELETE FROM region_resource_links WHERE resource_id = ?", (resource_id,))
    for link in dict.fromkeys((link.organization_id, link.role) for link in item.links):
        database.execute(
            "INSERT INTO region_resource_links (resource_id, organization_id, role) VALUES (?, ?, ?)",
            (resource_id, *link),
        )
    return resource_id


def set_resource_deleted(database: Database, resource_id: int, deleted_at: str | None) -> None:
    database.update("region_resources", resource_id, {"deleted_at": deleted_at, "updated_at": now_text()})


def referrals(database: Database) -> list[Referral]:
    rows = database.read(
        "SELECT r.issue_key, r.organization_id, r.desk, r.phone, r.issue_label, r.position, r.id, coalesce(o.name, '') "
        "FROM region_referrals r LEFT JOIN organizations o ON o.id = r.organization_id ORDER BY r.position, r.id"
    )
    return [Referral(*tuple(r)) for r in rows]


def save_referral(database: Database, item: Referral) -> int:
    values = (item.issue_key, item.organization_id, item.desk, item.phone, item.issue_label)
    if item.id is None:
        position = database.read("SELECT coalesce(max(position), -1) + 1 FROM region_referrals")[0][0]
        cursor = database.execute(
            "INSERT INTO region_referrals (issue_key, organization_id, desk, phone, issue_label, position) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (*values, position),
        )
        return int(cursor.lastrowid)
    database.execute(
        "UPDATE region_referrals SET issue_key = ?, organization_id = ?, desk = ?, phone = ?, issue_label = ? WHERE id = ?",
        (*values, item.id),
    )
    return item.id


def delete_referral(database: Database, referral_id: int) -> None:
    database.execute("DELETE FROM region_referrals WHERE id = ?", (referral_id,))


def _facts_json(facts: HousingFacts) -> str:
    return json.dumps({k: v for k, v in dataclasses.asdict(facts).items() if v is not None}, ensure_ascii=False)


def _facts_from(text: str) -> HousingFacts:
    known = {f.name for f in dataclasses.fields(HousingFacts)}
    return HousingFacts(**{k: v for k, v in json.loads(text).items() if k in known})


def add_check(database: Database, item: HousingCheck) -> int:
    cursor = database.execute(
        "INSERT INTO housing_checks (visit_id, resource_id, checked_on, facts, summary, note, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            item.visit_id,
            item.resource_id,
            item.checked_on.isoformat(),
            _facts_json(item.facts),
            item.summary,
            item.note,
            now_text(),
        ),
    )
    return int(cursor.lastrowid)


def checks(database: Database, *, visit_id: int | None = None) -> list[HousingCheck]:
    """Saved checks, the newest first; those of one visit when ``visit_id`` is given."""
    where, params = ("WHERE visit_id = ?", (visit_id,)) if visit_id is not None else ("", ())
    rows = database.read(
        f"SELECT checked_on, facts, visit_id, resource_id, summary, note, id FROM housing_checks {where} "
        "ORDER BY checked_on DESC, id DESC",
        params,
    )
    return [HousingCheck(day(r[0]), _facts_from(r[1]), r[2], r[3], r[4], r[5], r[6]) for r in rows]  # type: ignore[arg-type]


def delete_check(database: Database, check_id: int) -> None:
    database.execute("DELETE FROM housing_checks WHERE id = ?", (check_id,))
