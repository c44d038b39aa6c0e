"""回答の比較: one bank's answers side by side (rows = visits 団体・日付, columns = questions),
narrowed by 区分 and 期間, and written out as Excel or as a まとめ PDF for the next 意見交換会.

The table is read when the tab is shown and something it shows changed. The exports go through
``services.hearing.comparison`` with the filters shown, as read jobs (imported in the handlers so
the window starts without the report writers and reportlab).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.domain.hearing import CompareTable
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.jobs import Progress
from kyojushien_desktop.services.common.preferences import Preferences
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.hearing import question_banks
from kyojushien_desktop.services.members import terms
from kyojushien_desktop.ui.common import dialogs, jobs
from kyojushien_desktop.ui.common.flow import flow_row
from kyojushien_desktop.ui.common.forms import DateField
from kyojushien_desktop.ui.common.live import LiveView
from kyojushien_desktop.ui.common.widgets import char_width, filter_combo
from kyojushien_desktop.ui.hearing import wording
from kyojushien_desktop.ui.hearing.compare_model import CompareTableModel
from kyojushien_desktop.ui.hearing.visit_models import SORT_ROLE, fiscal_year_start

COLUMN_CHARS = 13  # a question column, in full-width characters (its heading wraps at 12)
NAME_CHARS = 14


class CompareView(LiveView, QWidget):
    """The 回答の比較 tab. It writes nothing; ``exported`` tells the page a file was made."""

    topics = frozenset({Topic.VISITS, Topic.BANKS, Topic.ORGANIZATIONS})
    exported = Signal(object)

    def __init__(self, prefs: Preferences | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.table_data: CompareTable | None = None

        self.bank = filter_combo((), 14)
        self.category = filter_combo([(wording.ALL, None)], 8)
        for name in terms.categories():
            self.category.addItem(name, name)
        today = dt.date.today()
        self.use_period = QCheckBox(wording.PERIOD)
        self.use_period.setToolTip("チェックを入れると、訪問した日で絞り込みます。")
        self.date_from = DateField(fiscal_year_start(today))
        self.date_to = DateField(today)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        self.xlsx_button = QPushButton(wording.EXPORT_XLSX)
        self.xlsx_button.setToolTip("表をそのままExcelファイル（.xlsx）にします。")
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button = QPushButton(wording.EXPORT_COMPARE_PDF)
        self.pdf_button.setToolTip("質問ごとに全員の回答を並べたPDFです。意見交換会の資料に使えます。")
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))

        first = QHBoxLayout()
        first.setSpacing(6)
        bank_label = QLabel(wording.QUESTION_BANK)
        bank_label.setBuddy(self.bank)
        category_label = QLabel(wording.CATEGORY)
        category_label.setBuddy(self.category)
        first.addWidget(bank_label)
        first.addWidget(self.bank, 1)
        first.addSpacing(12)
        first.addWidget(category_label)
        first.addWidget(self.category)
        first.addStretch(0)
        second = flow_row(
            self.use_period, self.date_from, QLabel("〜"), self.date_to, right=(self.xlsx_button, self.pdf_button)
        )

        self.model = CompareTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("compareTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicatorShown(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # oldest visit first, as exported

        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.hide()
        self.empty_label = QLabel(
            "この条件で比べられる回答はまだありません。訪問のあと「回答を入力」で記録すると、ここに並びます。"
            "（予定のままの訪問は含みません）"
        )
        self.empty_label.setObjectName("banner")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        foot = QHBoxLayout()
        foot.addWidget(self.count_label)
        foot.addSpacing(12)
        foot.addWidget(self.note, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(first)
        layout.addWidget(second)
        layout.addWidget(self.error)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(foot)

        self.bank.currentIndexChanged.connect(lambda _i: self.read_table())
        self.category.currentIndexChanged.connect(lambda _i: self.read_table())
        self.use_period.toggled.connect(self._period_toggled)
        self.date_from.edit.dateChanged.connect(lambda _d: self._period_changed())
        self.date_to.edit.dateChanged.connect(lambda _d: self._period_changed())
        self._update_buttons()

    # --- loading ----------------------------------------------------------------------------
    def reload(self, changes: Changes) -> None:
        self._fill_banks()
        self.read_table()

    def _fill_banks(self) -> None:
        current = self.bank.currentData()
        self.bank.blockSignals(True)
        self.bank.clear()
        banks = question_banks.list_banks(self.session) if self.session is not None else []
        for bank in banks:
            self.bank.addItem(bank.name, bank.id)
            self.bank.setItemData(self.bank.count() - 1, bank.description, Qt.ItemDataRole.ToolTipRole)
        index = self.bank.findData(current) if current is not None else -1
        self.bank.setCurrentIndex(index if index >= 0 else (0 if banks else -1))
        self.bank.blockSignals(False)

    def period(self) -> tuple[dt.date | None, dt.date | None]:
        if not self.use_period.isChecked():
            return None, None
        return self.date_from.date(), self.date_to.date()

    def _period_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.read_table()

    def _period_changed(self) -> None:
        if self.use_period.isChecked():
            self.read_table()

    def read_table(self) -> None:
        """Reads the table for the bank and filters chosen."""
        from kyojushien_desktop.services.hearing import comparison

        self.error.hide()
        bank_id = self.bank.currentData()
        table = None
        if self.session is not None and bank_id is not None:
            date_from, date_to = self.period()
            try:
                table = comparison.compare_table(
                    self.session, bank_id, category=self.category.currentData(), date_from=date_from, date_to=date_to
                )
            except UserFacingError as exc:
                self.error.setText(exc.message)
                self.error.show()
        self.table_data = table
        self.model.set_table(table)
        self._fit()
        rows = len(table.rows) if table is not None else 0
        self.count_label.setText(f"{rows}件の訪問" if table is not None else "")
        self.note.setText(
            "見出しや回答にマウスを重ねると全文が出ます。見出しをクリックすると並べ替えます。" if rows else ""
        )
        self.empty_label.setVisible(table is not None and rows == 0)
        self._update_buttons()

    def _fit(self) -> None:
        """Widths in characters of the current font, rows as high as their (shortened) answers."""
        unit = char_width(self.table)
        padding = 24
        self.table.setColumnWidth(0, unit * NAME_CHARS + padding)
        self.table.setColumnWidth(1, self.table.fontMetrics().horizontalAdvance(wording.WIDEST_DATE) + padding)
        for column in range(2, self.model.columnCount()):
            question = self.model.question(column)
            narrow = question is not None and question.answer_type in ("number", "yesno")
            self.table.setColumnWidth(column, unit * (8 if narrow else COLUMN_CHARS) + padding)
        self.table.resizeRowsToContents()

    def _update_buttons(self) -> None:
        has_rows = self.table_data is not None and bool(self.table_data.rows)
        self.xlsx_button.setEnabled(has_rows)
        self.pdf_button.setEnabled(has_rows)

    # --- export -----------------------------------------------------------------------------
    def choose_export_path(self, kind: str) -> Path | None:
        bank = self.table_data.bank.name if self.table_data is not None else ""
        title = wording.COMPARE_TAB if kind == "xlsx" else "回答のまとめ"
        return dialogs.ask_save_path(self, self.prefs, wording.WRITE_TO, f"{title}_{bank}", kind)

    def export(self, kind: str) -> Path | None:
        """Writes the table as shown (same bank, 区分 and 期間) to .xlsx or to a まとめ PDF."""
        if self.session is None or self.table_data is None:
            return None
        path = self.choose_export_path(kind)
        if path is None:
            return None
        from kyojushien_desktop.services.hearing import comparison

        table = self.table_data

        def write(reader: Session, progress: Progress, replace: bool) -> Path:
            if kind == "xlsx":
                return comparison.export_compare_xlsx(reader, table, path)
            return comparison.export_compare_pdf(reader, table, path, replace_unsupported=replace, progress=progress)

        title = "回答を書き出しています" if kind == "xlsx" else "まとめPDFを作っています"
        written = jobs.run_export(self, self.session, write, title=title)
        if written is None:
            return None
        what = wording.EXCEL_FILE if kind == "xlsx" else f"{wording.SUMMARY}PDF"
        self.inform_written(wording.WRITTEN, f"{what}を作りました（{len(table.rows)}件の訪問）。", written)
        self.exported.emit(written)
        return written
