"""基礎データ: chapter 5's four tables with the guide's headings and prompts as hints, a column per
年度 and the change beside the newest; a 年度 is added or changed in one form."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.content.region import region_guide
from kyojushien_desktop.domain.wareki import fiscal_year_text
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.preferences import Preferences
from kyojushien_desktop.services.members import organizations
from kyojushien_desktop.services.region import exports, facts
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.live import LiveView
from kyojushien_desktop.ui.common.scrolling import scrolling_column
from kyojushien_desktop.ui.common.widgets import char_width, list_table
from kyojushien_desktop.ui.region import papers, wording
from kyojushien_desktop.ui.region.facts_model import FactsModel, sources_text
from kyojushien_desktop.ui.region.year_dialog import YearDialog


def hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


class FactsTab(LiveView, QWidget):
    topics = frozenset({Topic.REGION, Topic.SETTINGS, Topic.ORGANIZATIONS})

    def __init__(self, prefs: Preferences | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.sheet: facts.FactSheet | None = None
        self.add_button = QPushButton(wording.ADD_YEAR)
        self.add_button.clicked.connect(lambda: self.add_year())
        self.year_combo = QComboBox()
        self.edit_button = QPushButton(wording.EDIT_YEAR)
        self.edit_button.clicked.connect(lambda: self.edit_year())
        self.pdf_button = QPushButton(wording.FACTS_PDF)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addWidget(self.year_combo)
        bar.addWidget(self.edit_button)
        bar.addStretch(1)
        bar.addWidget(self.pdf_button)
        self.empty = hint_label(wording.NO_FACTS)

        self.models: list[FactsModel] = []
        self.tables: list[QTableView] = []
        self.titles: list[QLabel] = []
        self.sources: list[QLabel] = []  # each table's 出典, under it
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 8, 0)
        body_layout.addWidget(hint_label(wording.FACTS_LEAD))
        body_layout.addWidget(self.empty)
        for table in region_guide().tables:
            model = FactsModel(table, self)
            view = list_table(model, word_wrap=True)
            view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            title = QLabel(table.title)
            self.titles.append(title)
            body_layout.addWidget(title)
            if table.heading:
                body_layout.addWidget(hint_label(table.heading))
            if table.prompt:
                body_layout.addWidget(hint_label(wording.PROMPT.format(prompt=table.prompt)))
            body_layout.addWidget(view)
            source = hint_label("")
            self.sources.append(source)
            body_layout.addWidget(source)
            self.models.append(model)
            self.tables.append(view)
        body_layout.addWidget(hint_label(wording.GUIDE_SOURCE.format(source=region_guide().source)))
        body_layout.addStretch(1)
        self.scroll = scrolling_column(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)

    def reload(self, changes: Changes) -> None:
        session = self.session
        if session is None:
            return
        self.sheet = facts.load_facts(session)
        for model, source in zip(self.models, self.sources, strict=True):
            model.set_sheet(self.sheet)
            source.setText(sources_text(self.sheet, model.table))
            source.setVisible(bool(source.text()))
        chosen = self.year_combo.currentData()
        self.year_combo.clear()
        for year in reversed(self.sheet.years):
            self.year_combo.addItem(fiscal_year_text(year), year)
        if chosen in self.sheet.years:
            self.year_combo.setCurrentIndex(self.year_combo.findData(chosen))
        has_years = bool(self.sheet.years)
        self.empty.setVisible(not has_years)
        self.year_combo.setVisible(has_years)
        self.edit_button.setVisible(has_years)
        self.add_button.setEnabled(self.writable)
        self.edit_button.setEnabled(self.writable)
        self.pdf_button.setEnabled(has_years)
        for title in self.titles:
            title.setFont(scaled(self.font(), 1.15, bold=True))
        self._fit()
        self.mark_fresh()

    def _fit(self) -> None:
        """Each table shows all its rows (no scrolling inside, so its 年度 header stays above its
        figures); a table of 事業 keeps its 事業 names on one line where they fit and lets the
        names of 委託先 share the rest."""
        for view, model in zip(self.tables, self.models, strict=True):
            header = view.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            if any(c.kind != "number" for c in model.table.columns) and model.years:
                for column in range(1, len(model.years) + 1):
                    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
                longest = max((view.fontMetrics().horizontalAdvance(line.short) for line in model.lines), default=0)
                view.setColumnWidth(0, min(longest + char_width(self, 2), int(view.viewport().width() * 0.45)))
            else:
                header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            view.resizeRowsToContents()
            rows = sum(view.rowHeight(r) for r in range(view.model().rowCount()))
            view.setFixedHeight(rows + header.height() + 2 * view.frameWidth())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    # --- actions ----------------------------------------------------------------------------
    def year_dialog(self, year: int | None = None) -> YearDialog:
        assert self.session is not None and self.sheet is not None
        return YearDialog(self.sheet, organizations.list_organizations(self.session), year, self)

    def add_year(self) -> bool:
        return self._edit(None)

    def edit_year(self) -> bool:
        return self._edit(self.year_combo.currentData())

    def _edit(self, year: int | None) -> bool:
        if self.session is None or self.sheet is None:
            return False
        dialog = self.year_dialog(year)
        saved = self.submit(dialog, lambda session, value: facts.save_year(session, *value))  # type: ignore[misc]
        if saved is None:
            return False
        self.reload(saved)
        self.year_combo.setCurrentIndex(self.year_combo.findData(dialog.result_value[0]))  # type: ignore[index]
        return True

    def choose_path(self, stem: str, kind: str) -> Path | None:
        return papers.choose_pdf_path(self, self.prefs, stem, kind)

    def save_pdf(self) -> Path | None:
        return papers.save_pdf(self, wording.FACTS_PDF_STEM, exports.export_facts_pdf)  # type: ignore[arg-type]
