"""削除済み: records moved out of a list (団体・機関, ヒアリング記録), each restorable with
everything it had.

One dialog serves every area: the page gives the title, the lead, the column headings, how to
load the rows, the cells of a row and which columns share the width (long text wraps there). 元に戻す emits ``restore_requested``; the page restores
the record and calls ``reload``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.ui.common import wording
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.forms import size_for_text
from kyojushien_desktop.ui.common.table_model import ModelIndex, RowsTableModel
from kyojushien_desktop.ui.common.widgets import list_table


class Deleted(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def deleted_at(self) -> str | None: ...


class DeletedModel(RowsTableModel[Deleted]):
    """The rows newest-deleted first; the last column is always 削除した日時."""

    def __init__(
        self,
        headers: Sequence[str],
        cells: Callable[[Deleted], Sequence[str]],
        parent: QWidget | None = None,
    ) -> None:
        self.HEADERS = (*headers, "削除した日時")
        super().__init__(parent)
        self._cells = cells

    def set_rows(self, rows: Sequence[Deleted]) -> None:
        self._reset_rows(sorted(rows, key=lambda r: r.deleted_at or "", reverse=True))

    def summary(self, row: int) -> Deleted:
        return self._rows[row]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or not self._valid(index):
            return None
        row = self._rows[index.row()]
        return (*self._cells(row), wareki.format_stamp(row.deleted_at))[index.column()]


class DeletedDialog(QDialog):
    """Lists 削除済み of one kind; 元に戻す asks the page to restore the selected one."""

    restore_requested = Signal(int)

    def __init__(
        self,
        what: str,
        lead: str,
        headers: Sequence[str],
        load: Callable[[], Sequence[Deleted]],
        cells: Callable[[Deleted], Sequence[str]],
        *,
        read_only: bool,
        stretch: tuple[int, ...] = (0,),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._stretch = stretch
        self._read_only = read_only
        self.setWindowTitle(f"{wording.DELETED}の{what}")
        heading = QLabel(f"{wording.DELETED}の{what}")
        heading.setFont(scaled(self.font(), 1.3, bold=True))
        lead_label = QLabel(lead)
        lead_label.setWordWrap(True)
        lead_label.setObjectName("hint")
        self.model = DeletedModel(headers, cells, self)
        self.table = list_table(self.model, word_wrap=True)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.empty_label = QLabel(f"{wording.DELETED}の{what}はありません。")
        self.empty_label.setObjectName("hint")
        self.restore_button = QPushButton(wording.RESTORE)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(lambda: self.restore_selected())
        close = QPushButton(wording.CLOSE)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_label)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(lead_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        size_for_text(self, 64, 22)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(self._load())
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            mode = (
                QHeaderView.ResizeMode.Stretch if column in self._stretch else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)
        if self.model.rowCount():
            self.table.selectRow(0)
        self._update()

    def _update(self) -> None:
        self.empty_label.setVisible(self.model.rowCount() == 0)
        self.restore_button.setEnabled(self.selected() is not None and not self._read_only)

    def selected(self) -> Deleted | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.summary(rows[0].row()) if rows else None

    def select_id(self, record_id: int) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.summary(row).id == record_id:
                self.table.selectRow(row)
                return True
        return False

    def restore_selected(self) -> None:
        row = self.selected()
        if row is not None and not self._read_only:
            self.restore_requested.emit(row.id)
