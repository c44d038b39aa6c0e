"""Every figure of one 年度 typed in one form: the four tables, a 出典 per table (it becomes each
figure's source), 形態 as a choice and 委託先 from the 名簿; saved in one go by ``save_year``."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.content.region import FactTable, region_guide
from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.figures import number_text
from kyojushien_desktop.domain.members import OrganizationSummary
from kyojushien_desktop.domain.region import MAX_YEAR, MIN_YEAR, Fact
from kyojushien_desktop.domain.wareki import fiscal_year_text
from kyojushien_desktop.services.region.facts import FactSheet
from kyojushien_desktop.ui.common.forms import FormDialog, dialog_buttons, size_for_text
from kyojushien_desktop.ui.common.scrolling import scrolling_column
from kyojushien_desktop.ui.region import wording
from kyojushien_desktop.ui.region.facts_model import lines_of
from kyojushien_desktop.ui.region.fields import FiscalYearBox, organization_combo, organization_of, parse_number


def cell_key(table: str, row: str, column: str) -> str:
    return f"{table}.{row}.{column}"


class YearDialog(FormDialog):
    """``year`` None: a new 年度 (chosen here); else that 年度's figures to change.
    ``result_value``: (year, facts of every cell, blank ones included so they are removed)."""

    def __init__(
        self,
        sheet: FactSheet,
        organizations: list[OrganizationSummary],
        year: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.sheet = sheet
        self.is_new = year is None
        self.setWindowTitle(wording.EDIT_YEAR_TITLE)
        self.year = FiscalYearBox()
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        start = year if year is not None else (max(sheet.years) + 1 if sheet.years else dt.date.today().year - 1)
        self.year.setValue(start)
        if not self.is_new:  # a 年度 being changed stays that 年度: shown, not greyed
            self.year.setReadOnly(True)
            self.year.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.year.setMinimumWidth(self.fontMetrics().horizontalAdvance(fiscal_year_text(start)) + 48)
        top = QFormLayout()
        top.addRow(wording.FISCAL_YEAR, self.errors.field("year", self.year))

        self.sources: dict[str, QLineEdit] = {}
        self.mixed: set[str] = set()  # tables whose figures have several 出典
        self.cells: dict[str, QWidget] = {}
        body = QWidget()
        body_layout = QVBoxLayout(body)
        for table in region_guide().tables:
            body_layout.addWidget(self._table_box(table, organizations, year))
        body_layout.addStretch(1)
        scroll = scrolling_column(body, sideways=True)
        self.scroll = scroll
        buttons, self.ok_button = dialog_buttons(self, wording.SAVE, self.try_accept)
        hint = QLabel(wording.SOURCE_HINT)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        size_for_text(self, 46, 34)

    def _table_box(self, table: FactTable, organizations: list[OrganizationSummary], year: int | None) -> QGroupBox:
        box = QGroupBox(table.title)
        layout = QVBoxLayout(box)
        source = QLineEdit()
        source.setPlaceholderText(wording.SOURCE_EXAMPLE)
        self.sources[table.key] = source
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        sources = []
        for number, line in enumerate(lines_of(table, self.sheet.municipality)):
            key = cell_key(table.key, line.row.key, line.column.key)
            fact = self.sheet.fact((table.key, line.row.key, line.column.key), year) if year is not None else None
            if fact is not None and fact.source:
                sources.append(fact.source)
            if line.column.kind == "choice":
                field: QWidget = QComboBox()
                field.addItem(wording.NOT_CHOSEN, "")
                for choice in line.column.choices:
                    field.addItem(choice, choice)
                field.setCurrentIndex(max(field.findData(fact.text if fact else ""), 0))
            elif line.column.kind == "organization":
                field = organization_combo(organizations, fact.organization_id if fact else None)
            else:
                field = QLineEdit(number_text(fact.number) if fact else "")
            self.cells[key] = field
            label = QLabel(line.label)
            label.setWordWrap(True)
            label.setBuddy(field)
            grid.addWidget(label, number, 0)
            grid.addWidget(self.errors.field(key, field), number, 1)
            grid.addWidget(QLabel(table.unit(line.row.key, line.column)), number, 2)
        if len(set(sources)) > 1:  # figures typed elsewhere with their own 出典: kept unless one is typed
            source.setPlaceholderText(wording.SOURCE_MIXED)
            self.mixed.add(table.key)
        else:
            source.setText(sources[0] if sources else "")
        form = QFormLayout()
        form.addRow(wording.SOURCE, self.errors.field(f"{table.key}.source", source))
        layout.addLayout(form)
        layout.addLayout(grid)
        return box

    def current_value(self) -> tuple:
        texts = []
        for key, field in self.cells.items():
            texts.append((key, field.currentText() if isinstance(field, QComboBox) else field.text()))
        return (self.year.value(), tuple(texts), tuple(s.text() for s in self.sources.values()))

    def clean(self, value: object) -> tuple[int, list[Fact]]:
        year = self.year.value()
        if self.is_new and year in self.sheet.years:
            raise ValidationError(wording.YEAR_TAKEN, field="year")
        facts = []
        for table in region_guide().tables:
            source = self.sources[table.key].text().strip()
            for line in lines_of(table, self.sheet.municipality):
                key = cell_key(table.key, line.row.key, line.column.key)
                field = self.cells[key]
                number, text, organization = None, "", None
                if isinstance(field, QLineEdit):
                    number = parse_number(field.text(), f"{table.title}：{line.label}", key)
                elif line.column.kind == "organization":
                    organization = organization_of(field, key)  # type: ignore[arg-type]
                else:
                    text = field.currentData() or ""  # type: ignore[union-attr]
                empty = number is None and not text and organization is None
                own = self.sheet.fact((table.key, line.row.key, line.column.key), year)
                kept = own.source if own is not None and table.key in self.mixed else ""
                facts.append(
                    Fact(
                        table.key,
                        line.row.key,
                        line.column.key,
                        year,
                        number,
                        text,
                        organization,
                        "" if empty else (source or kept),
                    )
                )
        return year, facts
