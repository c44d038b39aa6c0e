"""The sample town's わがまちの現状と地域資源 (resources/sample/region.json): two 年度 of chapter
5's figures with their sources and 委託先, a handful of resources linked to the 名簿, the
つなぎ先一覧 from the town's and county's desks, and one 目安チェック saved on a visit to a
不動産 organisation — all fed through the services, as a staff member would enter them."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from kyojushien_desktop.content.region import region_guide
from kyojushien_desktop.domain.hearing import PLANNED
from kyojushien_desktop.domain.housing_check import HousingFacts
from kyojushien_desktop.domain.region import OWN_ISSUE, Fact, Referral, Resource, ResourceLink
from kyojushien_desktop.paths import resource_path
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.hearing import visits
from kyojushien_desktop.services.members import organizations
from kyojushien_desktop.services.region import checks, facts, referrals, resources


def sample_region_data() -> dict[str, Any]:
    return json.loads(resource_path("sample", "region.json").read_text(encoding="utf-8"))


def add_sample_region(session: Session) -> int:
    """Adds the sample's figures, resources, つなぎ先 and check; returns the id of the check.
    Organisations are found by name (a name the 名簿 lacks is a KeyError naming it)."""
    data = sample_region_data()
    with session.database.atomic():
        ids = {o.name: o.id for o in organizations.list_organizations(session)}
        _add_facts(session, data["facts"], ids)
        for raw in data["resources"]:
            resources.save_resource(session, _resource(raw, ids))
        for raw in data["referrals"]:
            referrals.save_referral(session, _referral(raw, ids))
        return _add_check(session, data["check"], ids)


def _add_facts(session: Session, cells: list[dict[str, Any]], ids: dict[str, int]) -> None:
    guide = region_guide()
    by_year: dict[int, list[Fact]] = {}
    for raw in cells:
        column = next(c for c in guide.table(raw["table"]).columns if c.key == raw["column"])
        value = raw["value"]
        fact = Fact(raw["table"], raw["row"], raw["column"], raw["year"], source=raw["source"])
        if column.kind == "organization":
            fact = Fact(fact.table, fact.row, fact.column, fact.year, organization_id=ids[value], source=fact.source)
        elif column.kind == "choice":
            fact = Fact(fact.table, fact.row, fact.column, fact.year, text=value, source=fact.source)
        else:
            fact = Fact(fact.table, fact.row, fact.column, fact.year, number=float(value), source=fact.source)
        by_year.setdefault(raw["year"], []).append(fact)
    for year, year_cells in sorted(by_year.items()):
        facts.save_year(session, year, year_cells)


def _resource(raw: dict[str, Any], ids: dict[str, int]) -> Resource:
    registered = raw.get("registered_on")
    return Resource(
        kind=raw["kind"],
        name=raw["name"],
        address=raw.get("address", ""),
        units=raw.get("units"),
        targets=tuple(raw.get("targets", ())),
        registered_on=dt.date.fromisoformat(registered) if registered else None,
        notes=raw.get("notes", ""),
        links=tuple(ResourceLink(ids[link["organization"]], link["role"]) for link in raw["links"]),
    )


def _referral(raw: dict[str, Any], ids: dict[str, int]) -> Referral:
    organization = raw.get("organization")
    return Referral(
        issue_key=OWN_ISSUE if "own" in raw else raw["issue"],
        organization_id=ids[organization] if organization else None,
        desk=raw.get("desk", ""),
        phone=raw.get("phone", ""),
        issue_label=raw.get("own", ""),
    )


def _add_check(session: Session, raw: dict[str, Any], ids: dict[str, int]) -> int:
    """Saved on the sample's (held) visit to the organisation, dated the day of the visit."""
    organization_id = ids[raw["visit_of"]]
    visit = next(v for v in visits.list_visits(session) if v.organization_id == organization_id and v.status != PLANNED)
    check_id, _ = checks.save_check(
        session, HousingFacts(**raw["facts"]), visit_id=visit.id, note=raw["note"], on=visit.scheduled_at.date()
    )
    return check_id
