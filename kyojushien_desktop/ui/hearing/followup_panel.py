"""次の対応（まだ済んでいないもの）below the visit list: every open follow-up of every visit, the
nearest 期限 first, with 訪問を開く, 済にする, 編集 and 削除. The page runs the actions."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from kyojushien_desktop.domain.followups import FollowUp
from kyojushien_desktop.ui.common.widgets import char_width, list_table, set_resize_modes
from kyojushien_desktop.ui.hearing import wording
from kyojushien_desktop.ui.hearing.visit_models import ID_ROLE, SORT_ROLE, FollowUpTableModel

SHOWN_ROWS = 3  # the panel always shows a few, however large the text


class FollowUpPanel(QFrame):
    """``open_requested`` / ``done_requested`` / ``edit_requested`` / ``delete_requested`` carry
    nothing: the page asks the panel which follow-up is selected."""

    open_requested = Signal()
    done_requested = Signal()
    edit_requested = Signal()
    delete_requested = Signal()
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.model = FollowUpTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSourceModel(self.model)
        self.table = list_table(self.proxy)
        self.table.setObjectName("followupTable")
        set_resize_modes(
            self.table,
            QHeaderView.ResizeMode.ResizeToContents,
            QHeaderView.ResizeMode.Stretch,
            QHeaderView.ResizeMode.Interactive,
        )
        self.table.doubleClicked.connect(lambda _i: self.open_requested.emit())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        self.title = QLabel(f"{wording.NEXT_ACTION}（まだ済んでいないもの）")
        self.title.setObjectName("cardTitle")
        self.done_button = QPushButton("済にする")
        self.done_button.clicked.connect(self.done_requested.emit)
        self.edit_button = QPushButton(wording.EDIT)
        self.edit_button.setToolTip("内容や期限を直します（期限が延びたときなど）。")
        self.edit_button.clicked.connect(self.edit_requested.emit)
        self.delete_button = QPushButton(wording.DELETE_ASK)
        self.delete_button.setToolTip("間違えて入れた次の対応を消します。")
        self.delete_button.clicked.connect(self.delete_requested.emit)
        self.open_button = QPushButton("訪問を開く")
        self.open_button.clicked.connect(self.open_requested.emit)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.open_button)
        head.addWidget(self.done_button)
        head.addWidget(self.edit_button)
        head.addWidget(self.delete_button)
        self.empty = QLabel("残っている次の対応はありません。")
        self.empty.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    def set_rows(self, followups: list[FollowUp], organization_names: dict[int, str]) -> None:
        self.model.set_rows(followups, organization_names)
        self.proxy.sort(0, Qt.SortOrder.AscendingOrder)
        self.empty.setVisible(not followups)
        self.table.setVisible(bool(followups))
        self.title.setText(f"{wording.NEXT_ACTION}（まだ済んでいないもの {len(followups)}件）")

    def selected(self) -> FollowUp | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.followup(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def update_buttons(self, writable: bool) -> None:
        chosen = self.selected_id() is not None
        self.done_button.setEnabled(writable and chosen)
        self.edit_button.setEnabled(writable and chosen)
        self.delete_button.setEnabled(writable and chosen)
        self.open_button.setEnabled(chosen)

    def fit(self, padding: int) -> None:
        """Widths and height in the current font, so 文字の大きさ grows them too."""
        self.table.setColumnWidth(2, char_width(self.table) * 14 + padding)
        spacing = self.table.fontMetrics().lineSpacing()
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height() + SHOWN_ROWS * (spacing + 14))
