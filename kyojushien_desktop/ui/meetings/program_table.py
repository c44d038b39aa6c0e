"""プログラム on the 企画 tab: rows of 時刻, 項目 and 講師・話題提供者 edited in place, the speaker
chosen from the 名簿's people (「氏名（団体）」) or typed. Nothing is saved here: the planner saves
the rows with the meeting, and a wrong 時刻 is named by its row."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain.meetings import ProgramItem
from kyojushien_desktop.ui.common.table_model import HeaderTableModel, ModelIndex, item_flags
from kyojushien_desktop.ui.common.widgets import list_table, set_resize_modes
from kyojushien_desktop.ui.meetings import wording

SPEAKER_COLUMN = 2


class ProgramModel(HeaderTableModel):
    """The rows as typed; ``speakers`` maps a 「氏名（団体）」 of the 名簿 to the person's id, so a
    speaker picked from the list is linked to the person and a typed one is not."""

    HEADERS = (wording.AT, wording.ITEM, wording.SPEAKER)
    edited = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ProgramItem] = []
        self.speakers: dict[str, int] = {}

    def _row_count(self) -> int:
        return len(self._rows)

    def set_items(self, items: list[ProgramItem]) -> None:
        self.beginResetModel()
        self._rows = list(items)
        self.endResetModel()

    def items(self) -> list[ProgramItem]:
        return list(self._rows)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = item_flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.isValid() else flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index) or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if self._valid(index) and role == Qt.ItemDataRole.ToolTipRole and index.column() == SPEAKER_COLUMN:
                item = self._rows[index.row()]
                return "名簿の担当者" if item.speaker_person_id else None
            return None
        item = self._rows[index.row()]
        return (item.at, item.item, item.speaker)[index.column()]

    def setData(self, index: ModelIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not self._valid(index) or role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value or "").strip()
        item = self._rows[index.row()]
        name = ("at", "item", "speaker")[index.column()]
        changed = dataclasses.replace(item, **{name: text})
        if name == "speaker":
            changed = dataclasses.replace(changed, speaker_person_id=self.speakers.get(text))
        if changed == item:
            return False
        self._rows[index.row()] = changed
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def insert(self, row: int, item: ProgramItem) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, item)
        self.endInsertRows()
        self.edited.emit()

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self.edited.emit()

    def move(self, row: int, by: int) -> bool:
        target = row + by
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return False
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + (1 if by > 0 else 0))
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        self.edited.emit()
        return True


class SpeakerDelegate(QStyledItemDelegate):
    """講師・話題提供者 as an editable combo: the 名簿's people to pick, or any name typed."""

    def __init__(self, model: ProgramModel, parent=None) -> None:
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(sorted(self.model.speakers))
        return combo  # Enter, Tab or leaving the cell commits it, as in any cell

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setEditText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model, index: ModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class ProgramEditor(QWidget):
    """The table with 行を追加, 行を外す and ↑↓; ``edited`` whenever the rows change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ProgramModel(self)
        self.model.edited.connect(self.edited.emit)
        self.table = list_table(self.model)
        self.table.setObjectName("programTable")
        self._triggers = (
            self.table.EditTrigger.DoubleClicked
            | self.table.EditTrigger.SelectedClicked
            | self.table.EditTrigger.EditKeyPressed
            | self.table.EditTrigger.AnyKeyPressed
        )
        self.table.setEditTriggers(self._triggers)
        self.table.setSelectionBehavior(self.table.SelectionBehavior.SelectItems)
        self.table.setItemDelegateForColumn(SPEAKER_COLUMN, SpeakerDelegate(self.model, self.table))
        set_resize_modes(
            self.table,
            QHeaderView.ResizeMode.ResizeToContents,
            QHeaderView.ResizeMode.Stretch,
            QHeaderView.ResizeMode.Stretch,
        )
        self.add_button = QPushButton(wording.ADD_ROW)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton(wording.REMOVE_ROW)
        self.remove_button.clicked.connect(lambda: self.remove_row())
        self.up_button = QPushButton(wording.MOVE_UP)
        self.up_button.clicked.connect(lambda: self.move_row(-1))
        self.down_button = QPushButton(wording.MOVE_DOWN)
        self.down_button.clicked.connect(lambda: self.move_row(1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setObjectName("smallButton")
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def set_items(self, items: list[ProgramItem], speakers: dict[str, int]) -> None:
        self.model.speakers = speakers
        self.model.set_items(items)
        self.fit()

    def items(self) -> list[ProgramItem]:
        return self.model.items()

    def fit(self) -> None:
        """A row higher than it holds (three at least, eight at most), in the current font."""
        rows = max(3, min(self.model.rowCount() + 1, 8))
        line = max(self.table.verticalHeader().defaultSectionSize(), self.table.fontMetrics().lineSpacing() + 14)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + rows * line + 4)

    def _current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def add_row(self) -> None:
        row = self._current_row() + 1 if self._current_row() >= 0 else self.model.rowCount()
        self.model.insert(row, ProgramItem(item=""))
        self.fit()
        index = self.model.index(row, 1)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def remove_row(self) -> None:
        row = self._current_row()
        if row >= 0:
            self.model.remove(row)
            self.fit()

    def move_row(self, by: int) -> None:
        row = self._current_row()
        if self.model.move(row, by):
            self.table.setCurrentIndex(self.model.index(row + by, self.table.currentIndex().column()))

    def set_writable(self, writable: bool) -> None:
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(writable)
        self.table.setEditTriggers(self._triggers if writable else self.table.EditTrigger.NoEditTriggers)
