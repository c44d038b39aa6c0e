"""One chapter-5 table as a list: a line per figure (row, or row and column), a column per 年度
in 和暦, and the change against the previous 年度 beside the newest."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt

from kyojushien_desktop.content.region import FactColumn, FactRow, FactTable, row_label
from kyojushien_desktop.domain.figures import change_text, number_text
from kyojushien_desktop.domain.region import Fact
from kyojushien_desktop.domain.wareki import fiscal_year_text
from kyojushien_desktop.services.region.facts import FactSheet
from kyojushien_desktop.ui.common.table_model import HeaderTableModel, ModelIndex
from kyojushien_desktop.ui.region import wording

YEARS_LISTED = 3  # a 出典 per 年度 fits on one line up to three 年度


class Line(NamedTuple):
    row: FactRow
    column: FactColumn
    label: str  # in full: 「自立相談支援事業（生活困窮者自立支援法）　形態」
    short: str  # as listed: a 事業 without its law (「自立相談支援事業　形態」), the law in the tooltip


def lines_of(table: FactTable, municipality: str) -> list[Line]:
    """Every figure of ``table``: its rows, and for a many-column table each column that applies.
    A table of 事業 (with a 形態 or 委託先 beside the numbers) lists each 事業 by its name only, as
    the paper does, so the law is not repeated on every line."""
    single = len(table.columns) == 1
    programmes = any(c.kind != "number" for c in table.columns)
    lines = []
    for row in table.rows:
        name = row_label(row, municipality)
        short = name.split("（", 1)[0] if programmes else name
        for column in table.columns:
            if table.applies(row.key, column):
                tail = "" if single else f"　{column.label}"
                lines.append(Line(row, column, name + tail, short + tail))
    return lines


def sources_text(sheet: FactSheet, table: FactTable) -> str:
    """The 出典 line under a table: one source for all its figures, else one per 年度 when each
    年度 has one, else a pointer to the tooltips; nothing when no figure has a source."""
    by_year: dict[int, set[str]] = {}
    for (key, _row, _column, year), fact in sheet.cells.items():
        if key == table.key and (fact.number is not None or fact.text or fact.organization_id is not None):
            by_year.setdefault(year, set()).add(fact.source)
    found = set().union(*by_year.values()) if by_year else set()
    if not found - {""}:
        return ""
    if len(found) == 1:
        return wording.SOURCE_LINE.format(source=found.pop())
    if len(by_year) <= YEARS_LISTED and all(len(s) == 1 and "" not in s for s in by_year.values()):
        years = [
            wording.SOURCE_BY_YEAR.format(year=fiscal_year_text(y), source=next(iter(by_year[y])))
            for y in sorted(by_year)
        ]
        return wording.SOURCE_LINE.format(source="／".join(years))
    return wording.SOURCES_DIFFER


class FactsModel(HeaderTableModel):
    """The figures of one table over the 年度 that hold any figure."""

    def __init__(self, table: FactTable, parent=None) -> None:
        super().__init__(parent)
        self.table = table
        self.sheet: FactSheet | None = None
        self.lines: list[Line] = []

    def set_sheet(self, sheet: FactSheet) -> None:
        self.beginResetModel()
        self.sheet = sheet
        self.lines = lines_of(self.table, sheet.municipality)
        self.endResetModel()

    @property
    def years(self) -> tuple[int, ...]:
        return self.sheet.years if self.sheet else ()

    def headers(self) -> list[str]:
        shown = [wording.ITEM, *(fiscal_year_text(y) for y in self.years)]
        return shown + [wording.CHANGE] if len(self.years) > 1 else shown

    def _row_count(self) -> int:
        return len(self.lines)

    def fact(self, row: int, year: int) -> Fact | None:
        line = self.lines[row]
        return self.sheet.fact((self.table.key, line.row.key, line.column.key), year) if self.sheet else None

    def cell_text(self, row: int, year: int) -> str:
        fact = self.fact(row, year)
        if fact is None or self.sheet is None:
            return ""
        if fact.organization_id is not None:
            return self.sheet.organizations.get(fact.organization_id, "")
        if fact.number is not None:
            line = self.lines[row]
            return number_text(fact.number) + self.table.unit(line.row.key, line.column)
        return fact.text

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index) or self.sheet is None:
            return None
        row, column = index.row(), index.column()
        years = self.years
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            numeric = self.lines[row].column.kind == "number"
            side = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.lines[row].short
            return self.lines[row].label if role == Qt.ItemDataRole.ToolTipRole else None
        if column <= len(years):
            year = years[column - 1]
            if role == Qt.ItemDataRole.DisplayRole:
                return self.cell_text(row, year)
            if role == Qt.ItemDataRole.ToolTipRole:
                fact = self.fact(row, year)
                return wording.SOURCE_LINE.format(source=fact.source) if fact and fact.source else None
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            line = self.lines[row]
            return change_text(self.sheet.change((self.table.key, line.row.key, line.column.key), years[-1]))
        return None
