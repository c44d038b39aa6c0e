"""削除済み: organisations moved out of the list, each restorable with everything it had.

The dialog emits ``restore_requested``; the page calls ``restore_organization`` and reloads it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.members import OrganizationSummary
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.members import organizations
from kyojushien_desktop.ui.common import wording
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.forms import size_for_text
from kyojushien_desktop.ui.common.table_model import ModelIndex, RowsTableModel
from kyojushien_desktop.ui.common.widgets import list_table


def deleted_on_text(stamp: str | None) -> str:
    if not stamp:
        return ""
    try:
        return wareki.format_datetime(dt.datetime.fromisoformat(stamp), weekday=False)
    except ValueError:
        return stamp


class DeletedModel(RowsTableModel[OrganizationSummary]):
    HEADERS = ("名称", "区分", "担当者", "削除した日時")

    def set_rows(self, rows: list[OrganizationSummary]) -> None:
        self._reset_rows(sorted(rows, key=lambda r: r.deleted_at or "", reverse=True))

    def summary(self, row: int) -> OrganizationSummary:
        return self._rows[row]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or not self._valid(index):
            return None
        row = self._rows[index.row()]
        return (row.name, row.category, row.people, deleted_on_text(row.deleted_at))[index.column()]


class DeletedDialog(QDialog):
    """Lists 削除済み; 元に戻す asks the page to restore the selected one."""

    restore_requested = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(f"{wording.DELETED}の団体・機関")
        heading = QLabel(f"{wording.DELETED}の団体・機関")
        heading.setFont(scaled(self.font(), 1.3, bold=True))
        lead = QLabel("削除した団体・機関は、ここから元に戻せます。担当者・経過記録・変更履歴もそのまま戻ります。")
        lead.setWordWrap(True)
        lead.setObjectName("hint")
        self.model = DeletedModel(self)
        self.table = list_table(self.model, word_wrap=True)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.empty_label = QLabel(f"{wording.DELETED}の団体・機関はありません。")
        self.empty_label.setObjectName("hint")
        self.restore_button = QPushButton("元に戻す")
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(lambda: self.restore_selected())
        close = QPushButton("閉じる")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_label)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(lead)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        size_for_text(self, 50, 22)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(organizations.deleted_organizations(self.session))
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            mode = QHeaderView.ResizeMode.Stretch if column == 0 else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)
        if self.model.rowCount():
            self.table.selectRow(0)
        self._update()

    def _update(self) -> None:
        self.empty_label.setVisible(self.model.rowCount() == 0)
        self.restore_button.setEnabled(self.selected() is not None and not self.session.read_only)

    def selected(self) -> OrganizationSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.summary(rows[0].row()) if rows else None

    def select_id(self, organization_id: int) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.summary(row).id == organization_id:
                self.table.selectRow(row)
                return True
        return False

    def restore_selected(self) -> None:
        row = self.selected()
        if row is not None and not self.session.read_only:
            self.restore_requested.emit(row.id)
