"""次の対応 in a card: the follow-ups of every visit (under the ヒアリング list, the open ones,
nearest 期限 first, with 訪問を開く) or of one meeting (its 記録 tab, with 追加…), each to tick
済, correct or delete. The page runs the actions."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from kyojushien_desktop.domain.followups import FollowUp
from kyojushien_desktop.ui.common import wording
from kyojushien_desktop.ui.common.followup_models import FollowUpTableModel
from kyojushien_desktop.ui.common.table_model import ID_ROLE, SORT_ROLE
from kyojushien_desktop.ui.common.widgets import char_width, list_table, set_resize_modes

SHOWN_ROWS = 3  # the panel always shows a few, however large the text
OPEN_ONLY = f"{wording.NEXT_ACTION}（まだ済んでいないもの"


class FollowUpPanel(QFrame):
    """``open_requested`` / ``done_requested`` / ``edit_requested`` / ``delete_requested`` /
    ``add_requested`` carry nothing: the page asks the panel which follow-up is selected.

    ``open_text`` names the button that opens where a follow-up was decided (訪問を開く); with
    ``add_text`` the panel lists one record's follow-ups, done ones greyed, and offers to add one.
    """

    open_requested = Signal()
    done_requested = Signal()
    edit_requested = Signal()
    delete_requested = Signal()
    add_requested = Signal()
    selection_changed = Signal()

    def __init__(self, open_text: str = "訪問を開く", add_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.own_record = bool(add_text)
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
        self.table.setColumnHidden(2, self.own_record)  # one record's: no organisation to name
        self.table.doubleClicked.connect(
            lambda _i: (self.edit_requested if self.own_record else self.open_requested).emit()
        )
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        self.done_button = QPushButton(wording.MARK_DONE)
        self.done_button.clicked.connect(self.done_requested.emit)
        self.edit_button = QPushButton(wording.EDIT)
        self.edit_button.setToolTip("内容や期限を直します（期限が延びたときなど）。")
        self.edit_button.clicked.connect(self.edit_requested.emit)
        self.delete_button = QPushButton(wording.DELETE_ASK)
        self.delete_button.setToolTip("間違えて入れた次の対応を消します。")
        self.delete_button.clicked.connect(self.delete_requested.emit)
        self.open_button = QPushButton(open_text)
        self.open_button.clicked.connect(self.open_requested.emit)
        self.open_button.setVisible(not self.own_record)
        self.add_button = QPushButton(add_text)
        self.add_button.clicked.connect(self.add_requested.emit)
        self.add_button.setVisible(self.own_record)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        for button in (self.add_button, self.open_button, self.done_button, self.edit_button, self.delete_button):
            head.addWidget(button)
        self.empty = QLabel("残っている次の対応はありません。" if not self.own_record else "次の対応はまだありません。")
        self.empty.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    def set_rows(self, followups: list[FollowUp], organization_names: dict[int, str] | None = None) -> None:
        self.model.set_rows(followups, organization_names)
        self.proxy.sort(0, Qt.SortOrder.AscendingOrder)
        self.empty.setVisible(not followups)
        self.table.setVisible(bool(followups))
        if self.own_record:
            still_open = sum(1 for f in followups if not f.done)
            self.title.setText(f"{wording.NEXT_ACTION}（{len(followups)}件、うち済んでいないもの {still_open}件）")
        else:
            self.title.setText(f"{OPEN_ONLY} {len(followups)}件）")

    def selected(self) -> FollowUp | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.followup(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def update_buttons(self, writable: bool) -> None:
        chosen = self.selected()
        self.done_button.setEnabled(writable and chosen is not None and not chosen.done)
        self.edit_button.setEnabled(writable and chosen is not None)
        self.delete_button.setEnabled(writable and chosen is not None)
        self.open_button.setEnabled(chosen is not None)
        self.add_button.setEnabled(writable)

    def fit(self, padding: int) -> None:
        """Widths and height in the current font, so 文字の大きさ grows them too."""
        self.table.setColumnWidth(2, char_width(self.table) * 14 + padding)
        spacing = self.table.fontMetrics().lineSpacing()
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height() + SHOWN_ROWS * (spacing + 14))
