"""The list of meetings on the 会議・勉強会 page: the 状態 filter, the count, the table and its
selection. The page around it holds the buttons and runs the actions."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from kyojushien_desktop.domain.meetings import MEETING_STATUSES, MeetingSummary
from kyojushien_desktop.ui.common.widgets import (
    char_width,
    filter_combo,
    filter_row,
    open_on_enter,
    sortable_list_table,
)
from kyojushien_desktop.ui.meetings import wording
from kyojushien_desktop.ui.meetings.models import ID_ROLE, MeetingFilterProxy, MeetingTableModel

PADDING = 28
# Widths in full-width characters of 種類, 状態, 出席/案内 and 未完了の段取り; 題名 takes the rest.
FIXED_CHARS = (8, 4, 5, 7)


class MeetingList(QWidget):
    """``open_requested`` carries the meeting id of a double-clicked row (or the selected one on
    Enter); ``selection_changed`` tells the page to update its buttons."""

    open_requested = Signal(int)
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._has_file = False
        self.status_filter = filter_combo([(wording.ALL, None), *((s, s) for s in MEETING_STATUSES)], 4)
        self.clear_filters_button = QPushButton(wording.CLEAR_FILTERS)
        self.clear_filters_button.clicked.connect(lambda: self.clear_filters())
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        filters = QHBoxLayout()
        filters.addWidget(
            filter_row(((wording.STATUS, self.status_filter),), self._filters_changed, self.clear_filters_button), 1
        )
        filters.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignTop)

        self.model = MeetingTableModel(self)
        self.proxy = MeetingFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = sortable_list_table(self.proxy, 0, Qt.SortOrder.DescendingOrder)
        self.table.setObjectName("meetingsTable")
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # 題名 takes what is left
        self.table.doubleClicked.connect(lambda index: self.open_requested.emit(index.data(ID_ROLE)))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        open_on_enter(self.table, self._open_selected)

        self.empty_label = QLabel(
            f"まだ会議の予定がありません。「{wording.NEW_MEETING}」で種類・題名・日時を決めると、"
            "手引きの段取り（開催前・開催後）が期限つきで用意されます。"
        )
        self.empty_label.setObjectName("banner")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        hint = QLabel(
            "行をダブルクリック（または選んで Enter キー）すると、その会議の企画・段取り・参加者・記録を開きます。"
            f"状態: {wording.STATUS_FLOW}。"
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
        """A button under the list, beside the hint (削除済み…, as on the other lists)."""
        self.foot.addWidget(button, 0, Qt.AlignmentFlag.AlignBottom)

    def set_rows(self, rows: list[MeetingSummary] | None) -> None:
        """The meetings of the open file (``None``: no file is open), the selection kept."""
        selected = self.selected_id()
        self._has_file = rows is not None
        self.model.set_rows(rows or [])
        self._filters_changed()
        self.fit_columns()
        if selected is not None:
            self.select_id(selected)

    def meetings(self) -> list[MeetingSummary]:
        return self.model.meetings()

    def fit_columns(self) -> None:
        """Widths in characters of the current font; 題名 takes what is left, so the list never
        scrolls sideways (a cut 題名 shows whole as a tooltip)."""
        unit = char_width(self.table)
        when = self.table.fontMetrics().horizontalAdvance(wording.WIDEST_DATE + "(水)") + PADDING
        kind, status, counts, tasks = (unit * chars + PADDING for chars in FIXED_CHARS)
        for column, width in zip((0, 1, 3, 4, 5), (when, kind, status, counts, tasks), strict=True):
            self.table.setColumnWidth(column, width)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self.fit_columns)

    def _filters_changed(self) -> None:
        self.proxy.set_status(self.status_filter.currentData())
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        self.count_label.setText(wording.count_text(total, shown, self.proxy.is_filtering()))
        self.clear_filters_button.setEnabled(self.proxy.is_filtering())
        self.empty_label.setVisible(self._has_file and total == 0)

    def clear_filters(self) -> None:
        self.status_filter.setCurrentIndex(0)

    def _open_selected(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.open_requested.emit(chosen)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def selected(self) -> MeetingSummary | None:
        chosen = self.selected_id()
        return next((m for m in self.model.meetings() if m.id == chosen), None)

    def select_id(self, meeting_id: int) -> bool:
        source_row = self.model.row_of_id(meeting_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True
