"""The list of visits on the ヒアリング page: 状態 and 期間 filters, the count, the table and
its selection. The page around it holds the buttons and runs the actions."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kyojushien_desktop.domain.followups import FollowUp
from kyojushien_desktop.domain.hearing import VisitSummary
from kyojushien_desktop.ui.common.widgets import (
    char_width,
    filter_combo,
    filter_row,
    open_on_enter,
    sortable_list_table,
)
from kyojushien_desktop.ui.hearing import wording
from kyojushien_desktop.ui.hearing.visit_models import (
    ID_ROLE,
    PERIODS,
    SHOWN_STATUSES,
    VisitFilterProxy,
    VisitTableModel,
    period_range,
)

# Column widths in full-width characters: 状態, then 団体, 区分, 目的, 次の対応 (these four share the room).
STATUS_CHARS = 4
FLEXIBLE_CHARS = (14, 8, 14, 12)
PADDING = 28


class VisitList(QWidget):
    """``open_requested`` carries the visit id of a double-clicked row (or the selected one on
    Enter); ``selection_changed`` tells the page to update its buttons."""

    open_requested = Signal(int)
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._has_file = False
        self.status_filter = filter_combo([(wording.ALL, None), *((s, s) for s in SHOWN_STATUSES)], 4)
        self.period_filter = filter_combo([(label, key) for key, label in PERIODS], 7)
        self.clear_filters_button = QPushButton(wording.CLEAR_FILTERS)
        self.clear_filters_button.clicked.connect(lambda: self.clear_filters())
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        filters = QHBoxLayout()
        filters.addWidget(
            filter_row(
                ((wording.STATUS, self.status_filter), (wording.PERIOD, self.period_filter)),
                self._filters_changed,
                self.clear_filters_button,
            ),
            1,
        )
        filters.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignTop)

        self.model = VisitTableModel(self)
        self.proxy = VisitFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = sortable_list_table(
            self.proxy, 0, Qt.SortOrder.DescendingOrder, selection=QAbstractItemView.SelectionMode.ExtendedSelection
        )
        self.table.setObjectName("visitsTable")
        self.table.doubleClicked.connect(lambda index: self.open_requested.emit(index.data(ID_ROLE)))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        open_on_enter(self.table, self._open_selected)

        self.empty_label = QLabel(
            f"まだヒアリングの予定がありません。「{wording.PLAN_VISIT}…」から訪問先と日時を決めます。"
            f"名簿の団体の画面からも「{wording.PLAN_HEARING}…」で予定できます。"
        )
        self.empty_label.setObjectName("banner")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        hint = QLabel(
            "行をダブルクリック（または選んで Enter キー）すると、その訪問の回答を入力する画面を開きます。"
            "状態: 予定 → 実施済（訪問は済み、回答はまだ）→ 記録済（回答を入力済み）。"
            "予定の日が過ぎて記録がないものは「記録待ち」と出ます。"
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(filters)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        self.foot = QHBoxLayout()
        self.foot.addWidget(hint, 1)
        layout.addLayout(self.foot)

    def add_to_foot(self, button: QWidget) -> None:
        """A button under the list, beside the hint (the page's 削除済み…, as on the 名簿)."""
        self.foot.addWidget(button, 0, Qt.AlignmentFlag.AlignBottom)

    def set_rows(self, rows: list[VisitSummary] | None, followups: list[FollowUp]) -> None:
        """The visits of the open file (``None``: no file is open), the selection kept."""
        selected = self.selected_ids()
        self._has_file = rows is not None
        self.model.set_rows(rows or [], followups)
        self._filters_changed()
        self.fit_columns()
        for visit_id in selected:
            self.select_id(visit_id, add=True)

    def visits(self) -> list[VisitSummary]:
        return self.model.visits()

    # --- layout -----------------------------------------------------------------------------
    def fit_columns(self) -> None:
        """Widths in characters of the current font (so 文字の大きさ widens them), fitted to the
        table: 日時 and 状態 whole; 団体, 区分, 目的 and 次の対応 share the rest in proportion, so
        the list needs no sideways scrolling even at 特大 (cut text shows in full as a tooltip)."""
        metrics = self.table.fontMetrics()
        unit = char_width(self.table)
        when = metrics.horizontalAdvance("令和10年12月31日(水) 10:00") + PADDING
        status = unit * STATUS_CHARS + PADDING
        ideal = [unit * chars + PADDING for chars in FLEXIBLE_CHARS]
        room = self.table.viewport().width() - 2 - when - status
        if room > 0:
            scale = room / sum(ideal)
            ideal = [max(unit * 4 + PADDING, int(width * scale)) for width in ideal]
        organization, category, purpose, _next = ideal
        for column, width in enumerate((when, organization, category, purpose, status)):
            self.table.setColumnWidth(column, width)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self.fit_columns)  # after the table has its new size

    # --- filters ----------------------------------------------------------------------------
    def _filters_changed(self) -> None:
        date_from, date_to = period_range(self.period_filter.currentData() or "all")
        self.proxy.set_filter(self.status_filter.currentData(), date_from, date_to)
        self._update_count()

    def clear_filters(self) -> None:
        for combo in (self.status_filter, self.period_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._filters_changed()

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        self.count_label.setText(wording.count_text(total, shown, self.proxy.is_filtering()))
        self.clear_filters_button.setEnabled(self.proxy.is_filtering())
        self.empty_label.setVisible(self._has_file and total == 0)

    # --- selection --------------------------------------------------------------------------
    def _open_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.open_requested.emit(ids[0])

    def selected_ids(self) -> list[int]:
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [index.data(ID_ROLE) for index in rows]

    def selected_visits(self) -> list[VisitSummary]:
        by_id = {v.id: v for v in self.model.visits()}
        return [by_id[i] for i in self.selected_ids() if i in by_id]

    def select_id(self, visit_id: int, *, add: bool = False) -> bool:
        source_row = self.model.row_of_id(visit_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        if add:
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().select(index, flags)
        else:
            self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True
