"""次の対応 as a table, wherever they were decided (a visit or a meeting): their 期限 in 和暦,
overdue in red and said in words too, 済 greyed."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.followups import FollowUp
from kyojushien_desktop.domain.kana import search_key
from kyojushien_desktop.ui.common import wording
from kyojushien_desktop.ui.common.table_model import (
    ID_ROLE,
    SORT_ROLE,
    ModelIndex,
    RowsTableModel,
    is_checked,
    item_flags,
)

OVERDUE_TEXT = "#b00020"
RETIRED_TEXT = "#7a828c"


def due_text(due: dt.date | None, done: bool = False, today: dt.date | None = None) -> str:
    if due is None:
        return "（期限なし）"
    text = wareki.format_date(due)
    if not done and due < (today or dt.date.today()):
        text += f"　{wording.OVERDUE}"
    return text


def is_overdue(followup: FollowUp, today: dt.date | None = None) -> bool:
    return not followup.done and followup.due_on is not None and followup.due_on < (today or dt.date.today())


def _qdate(day: dt.date | None) -> QDate:
    return QDate(day.year, day.month, day.day) if day else QDate()


class FollowUpTableModel(RowsTableModel[FollowUp]):
    """次の対応 with their 期限. With ``checkable`` the first column is a 済 checkbox the
    answer-entry screen saves on 保存; without it the list shows the organisation each follow-up
    belongs to (the open ones on the visits tab; a meeting's panel hides that column)."""

    done_toggled = Signal()

    def __init__(self, parent=None, *, checkable: bool = False) -> None:
        super().__init__(parent)
        self.checkable = checkable
        self.HEADERS = (
            ("済", wording.NEXT_ACTION, wording.DUE)
            if checkable
            else (wording.DUE, wording.NEXT_ACTION, wording.ORGANIZATION)
        )
        self._names: dict[int, str] = {}
        self.today = dt.date.today()

    def set_rows(self, rows: list[FollowUp], organization_names: dict[int, str] | None = None) -> None:
        """``organization_names`` maps a visit id to its organisation's name."""
        self.beginResetModel()
        self._rows = list(rows)
        self._names = dict(organization_names or {})
        self.today = dt.date.today()
        self.endResetModel()

    def append(self, followup: FollowUp) -> None:
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append(followup)
        self.endInsertRows()

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()

    def followup(self, row: int) -> FollowUp:
        return self._rows[row]

    def followups(self) -> list[FollowUp]:
        return list(self._rows)

    def _name(self, item: FollowUp) -> str:
        return self._names.get(item.visit_id, "") if item.visit_id is not None else ""

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = item_flags(index)
        if self.checkable and index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            action = item.action + ("（未保存）" if item.id is None else "")
            if self.checkable:
                return ("", action, due_text(item.due_on, item.done, self.today))[column]
            return (due_text(item.due_on, item.done, self.today), action, self._name(item))[column]
        if role == Qt.ItemDataRole.CheckStateRole and self.checkable and column == 0:
            return Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return item.action
        if role == SORT_ROLE:
            due = _qdate(item.due_on)
            if self.checkable:
                return (int(item.done), search_key(item.action), due)[column]
            return (due, search_key(item.action), search_key(self._name(item)))[column]
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.done:
                return QBrush(QColor(RETIRED_TEXT))
            if is_overdue(item, self.today):
                return QBrush(QColor(OVERDUE_TEXT))
        return None

    def setData(self, index: ModelIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not (self.checkable and self._valid(index) and index.column() == 0):
            return False
        if role != Qt.ItemDataRole.CheckStateRole:
            return False
        row = index.row()
        self._rows[row] = dataclasses.replace(self._rows[row], done=is_checked(value))
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
        self.done_toggled.emit()
        return True
