"""わがまちの基礎データ: chapter 5's four tables, a column per 年度, each figure with its source;
saving a 年度 writes all its cells in one transaction, and the change between years is worked out
here once for the screen and the paper."""

from __future__ import annotations

from typing import NamedTuple

from kyojushien_desktop.content.region import FactTable, region_guide, row_label
from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.region import Fact, check_fact
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.common.settings import load_settings
from kyojushien_desktop.store import organizations as organization_store
from kyojushien_desktop.store import region as store

Key = tuple[str, str, str]  # table, row, column


class FactSheet(NamedTuple):
    municipality: str
    years: tuple[int, ...]  # every 年度 that holds a figure, oldest first
    cells: dict[tuple[str, str, str, int], Fact]
    organizations: dict[int, str]  # 委託先 id → name

    def fact(self, key: Key, year: int) -> Fact | None:
        return self.cells.get((*key, year))

    def change(self, key: Key, year: int) -> float | None:
        """The number against the previous 年度 that holds one (None when either is missing)."""
        now = self.fact(key, year)
        earlier = [y for y in self.years if y < year and (f := self.fact(key, y)) and f.number is not None]
        if now is None or now.number is None or not earlier:
            return None
        before = self.fact(key, earlier[-1])
        return now.number - before.number if before and before.number is not None else None


def load_facts(session: Session) -> FactSheet:
    cells = {(f.table, f.row, f.column, f.year): f for f in store.facts(session.database)}
    years = tuple(sorted({f.year for f in cells.values()}))
    ids = sorted({f.organization_id for f in cells.values() if f.organization_id is not None})
    names = {s.id: s.name for s in organization_store.summaries(session.database, ids=ids)} if ids else {}
    return FactSheet(load_settings(session).municipality, years, cells, names)


def cell_label(table: FactTable, row_key: str, column_key: str, municipality: str) -> str:
    """「公的賃貸住宅の状況：町営住宅の総戸数」 for messages and the paper."""
    row = next(r for r in table.rows if r.key == row_key)
    column = next(c for c in table.columns if c.key == column_key)
    name = row_label(row, municipality)
    return f"{table.title}：{name}" + ("" if len(table.columns) == 1 else f"の{column.label}")


def _known(fact: Fact) -> FactTable:
    try:
        table = region_guide().table(fact.table)
    except StopIteration:
        raise KeyError(fact.table) from None
    if fact.row not in {r.key for r in table.rows}:
        raise KeyError(fact.row)
    column = next((c for c in table.columns if c.key == fact.column), None)
    if column is None or not table.applies(fact.row, column):
        raise KeyError(fact.column)
    return table


def save_year(session: Session, year: int, cells: list[Fact]) -> Changes:
    """All the figures of one 年度 at once (an empty cell removes what was there); a bad figure is
    refused with its table, row and column named, and nothing is written."""
    municipality = load_settings(session).municipality
    cleaned = []
    for fact in cells:
        table = _known(fact)
        if fact.year != year:
            raise ValueError(fact)
        label = cell_label(table, fact.row, fact.column, municipality)
        cleaned.append(check_fact(fact, label))
    if not cleaned:
        raise ValidationError("入力された数字がありません。", field="year")
    with session.database.atomic():
        for fact in cleaned:
            store.save_fact(session.database, fact)
    return Changes.of(Topic.REGION)
