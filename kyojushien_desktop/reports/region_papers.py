"""What the papers of わがまちの現状と地域資源 print, gathered by services/region/exports: plain
records without reportlab, so a screen can import them at no cost."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

YEARS_SHOWN = 4  # the 年度 columns of 「わがまちの現状」 (the last ones that hold a figure)
NUMBER, CHOICE, ORGANIZATION = "number", "choice", "organization"


class FactCell(NamedTuple):
    value: float | str  # a number, a 形態, or a 委託先's name
    source: str


class FactLine(NamedTuple):
    """One row of a table on paper: a row and a column of the guide's table."""

    group: str  # 「町営住宅」「人口」
    item: str  # the column's label where the table has several (「総戸数」), else ""
    unit: str
    kind: str  # NUMBER, CHOICE or ORGANIZATION
    cells: tuple[FactCell | None, ...]  # one per year of the paper
    change: float | None


class PaperTable(NamedTuple):
    title: str
    heading: str
    prompt: str
    lines: tuple[FactLine, ...]


class FactsPaper(NamedTuple):
    municipality: str
    department: str
    made_on: dt.date
    years: tuple[int, ...]  # the 年度 printed, oldest first (at most YEARS_SHOWN)
    omitted: tuple[int, ...]  # older 年度 that hold figures but are not printed
    intro: tuple[str, ...]
    guide_source: str
    tables: tuple[PaperTable, ...]


class DeskLine(NamedTuple):
    name: str  # the organisation (the town's own desks with the 自治体名 in front)
    desk: str  # 窓口・担当
    phone: str


class IssueLine(NamedTuple):
    label: str
    desks: tuple[DeskLine, ...]


class ReferralsPaper(NamedTuple):
    municipality: str
    department: str
    made_on: dt.date
    title: str  # the seed's 「主たる課題に応じた公的機関一覧表」
    lead: str
    source: str
    issues: tuple[IssueLine, ...]


class ResourceRow(NamedTuple):
    kind: str  # the kind's label (「セーフティネット住宅（登録住宅）」)
    name: str
    address: str
    units: int | None
    targets: tuple[str, ...]
    organizations: tuple[str, ...]  # 「NPO法人みどり住まいネット（援助実施者）」
    registered_on: dt.date | None
    notes: str
