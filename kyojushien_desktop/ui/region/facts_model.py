"""One chapter-5 table as a list: a line per figure (row, or row and column), a column per 年度
in 和暦, and the change against the previous 年度 beside the newest."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt

from kyojushien_desktop.content.region import FactColumn, FactRow, FactTable, row_label
from kyojushien_desktop.domain.region import Fact
from kyojushien_desktop.domain.wareki import fiscal_year_text
from kyojushien_desktop.services.region.facts import FactSheet
from kyojushien_desktop.ui.common.table_model import HeaderTableModel, ModelIndex
from kyojushien_desktop.ui.region import wording
from kyojushien_desktop.ui.region.fields import number_text


class Line(NamedTuple):
    row: FactRow
    column: FactColumn
    label: str


def lines_of(table: FactTable, municipality: str) -> list[Line]:
    """Every figure of ``table``: its rows, and for a many-column table each column that applies."""
    single = len(table.columns) == 1
    return [
        Line(row, column, row_label(row, municipality) + ("" if single else f"　{column.label}"))
        for row in table.rows
        for column in table.columns
        if table.applies(row.key, column)
    ]


def change_text(change: float | None) -> str:
    """+120, −3 or ±0 (a real minus sign, so it reads as one)."""
    if change is None:
        return ""
    if change == 0:
        return "±0"
    return ("+" if change > 0 else "−") + number_text(abs(change))


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
            return self.lines[row].label if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) else None
        if column <= len(years):
            year = years[column - 1]
            if role == Qt.ItemDataRole.DisplayRole:
                return self.cell_text(row, year)
            if role == Qt.ItemDataRole.ToolTipRole:
                fact = self.fact(row, year)
                return f"{wording.SOURCE}: {fact.source}" if fact and fact.source else None
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            line = self.lines[row]
            return change_text(self.sheet.change((self.table.key, line.row.key, line.column.key), years[-1]))
        return None
