"""Chapter 5's 既存の情報 (resources/guide/region.json): the four tables of わがまちの基礎データ with
their rows and columns, the つなぎ先 table's 主たる課題 (seed 003), the kinds of 地域資源 and the
要配慮者 groups; and the housing criteria of セーフティネット住宅 and 居住サポート住宅
(resources/guide/housing_criteria.json, seeds 004 and 003)."""

from __future__ import annotations

import functools
from typing import Any, NamedTuple

from kyojushien_desktop.content.loader import read_guide, str_tuple

MUNICIPAL_KINDS = "市町村区"


class FactRow(NamedTuple):
    key: str
    label: str  # may hold {kind}: 市, 町 or 村, from the 自治体名


class FactColumn(NamedTuple):
    key: str
    label: str
    kind: str  # "number", "choice" or "organization"
    unit: str
    choices: tuple[str, ...]
    rows: tuple[str, ...]  # the rows it applies to; empty: every row


class FactTable(NamedTuple):
    key: str
    title: str
    heading: str
    rows: tuple[FactRow, ...]
    columns: tuple[FactColumn, ...]
    units: dict[str, str]  # row → unit, for one-column tables
    prompt: str

    def applies(self, row: str, column: FactColumn) -> bool:
        return not column.rows or row in column.rows

    def unit(self, row: str, column: FactColumn) -> str:
        return column.unit or self.units.get(row, "")


class Issue(NamedTuple):
    key: str
    label: str


class ResourceKind(NamedTuple):
    key: str
    label: str
    note: str


class RegionGuide(NamedTuple):
    source: str
    intro: tuple[str, ...]
    tables: tuple[FactTable, ...]
    referral_source: str
    referral_lead: str
    referral_title: str
    issues: tuple[Issue, ...]
    support_source: str
    support_summary: str
    resource_kinds: tuple[ResourceKind, ...]
    resource_roles: tuple[str, ...]
    target_source: str
    target_groups: tuple[str, ...]

    def table(self, key: str) -> FactTable:
        return next(t for t in self.tables if t.key == key)


class Criterion(NamedTuple):
    id: str
    group: str
    scope: str  # "dwelling", "shared" or "all"
    rule: str  # a name of domain.housing_check.RULES
    label: str
    text: str  # the source's wording
    params: dict[str, Any]


class CriteriaSet(NamedTuple):
    key: str
    title: str
    source: str
    note: str
    criteria: tuple[Criterion, ...]


def _column(raw: dict[str, Any]) -> FactColumn:
    return FactColumn(
        raw["key"],
        raw["label"],
        raw["kind"],
        raw.get("unit", ""),
        str_tuple(raw.get("choices", [])),
        str_tuple(raw.get("rows", [])),
    )


def _guide(data: dict[str, Any]) -> RegionGuide:
    referrals, support, targets = data["referrals"], data["support_housing"], data["target_groups"]
    return RegionGuide(
        source=data["source"],
        intro=str_tuple(data["intro"]),
        tables=tuple(
            FactTable(
                t["key"],
                t["title"],
                t["heading"],
                tuple(FactRow(r["key"], r["label"]) for r in t["rows"]),
                tuple(_column(c) for c in t["columns"]),
                dict(t.get("units", {})),
                t.get("prompt", ""),
            )
            for t in data["tables"]
        ),
        referral_source=referrals["source"],
        referral_lead=referrals["lead"],
        referral_title=referrals["title"],
        issues=tuple(Issue(i["key"], i["label"]) for i in referrals["issues"]),
        support_source=support["source"],
        support_summary=support["summary"],
        resource_kinds=tuple(ResourceKind(k["key"], k["label"], k["note"]) for k in data["resource_kinds"]),
        resource_roles=str_tuple(data["resource_roles"]),
        target_source=targets["source"],
        target_groups=str_tuple(targets["items"]),
    )


_CRITERION_KEYS = {"id", "group", "scope", "rule", "label", "text"}


def _criteria(data: dict[str, Any]) -> tuple[CriteriaSet, ...]:
    return tuple(
        CriteriaSet(
            key,
            raw["title"],
            raw["source"],
            raw["note"],
            tuple(
                Criterion(
                    c["id"],
                    c["group"],
                    c["scope"],
                    c["rule"],
                    c["label"],
                    c["text"],
                    {k: v for k, v in c.items() if k not in _CRITERION_KEYS},
                )
                for c in raw["criteria"]
            ),
        )
        for key, raw in data.items()
    )


@functools.cache
def region_guide() -> RegionGuide:
    return read_guide("region.json", _guide)


@functools.cache
def criteria_sets() -> tuple[CriteriaSet, ...]:
    """セーフティネット住宅 ("sn") and 居住サポート住宅 ("support"), in that order."""
    return read_guide("housing_criteria.json", _criteria)


def municipal_kind(municipality: str) -> str:
    """市, 町 or 村 (区) from the 自治体名's last character; 市町村 when it says none."""
    last = municipality.strip()[-1:] if municipality.strip() else ""
    return last if last and last in MUNICIPAL_KINDS else "市町村"


def row_label(row: FactRow, municipality: str) -> str:
    """「町営住宅」「県営住宅（町内）」 for みどり町."""
    return row.label.format(kind=municipal_kind(municipality))
