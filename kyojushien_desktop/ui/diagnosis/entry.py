"""One respondent's 21 ratings typed with the keyboard alone: 1–5 (全角 too) moves on to the next
item, 0 or Delete leaves it 未回答, ↑↓ and Enter move; the chosen item's guide pages show beside
the table and the sheet's free-answer question below it. A rating that is not 1–5 stays as typed
and is named in the row's 確認 column until it is corrected; nothing is saved until 回答を保存
(or Ctrl+S), and leaving with unsaved ratings asks 保存／破棄／キャンセル (the page does)."""

from __future__ import annotations

import dataclasses
import unicodedata

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.content.diagnosis import diagnosis_sheet
from kyojushien_desktop.domain.diagnosis import Respondent
from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.services.diagnosis import rounds
from kyojushien_desktop.ui.common.forms import text_box
from kyojushien_desktop.ui.common.table_model import HeaderTableModel, ModelIndex
from kyojushien_desktop.ui.diagnosis import wording

NUMBER, TEXT, RATING, CHECK = range(4)


def item_error(item_id: str, typed: str) -> str:
    """What is wrong with one typed rating (empty when it reads as 1–5 or 未回答)."""
    try:
        rounds.typed_scores({item_id: typed})
    except ValidationError as exc:
        return exc.message.removeprefix(f"{item_id}: ")
    return ""


class EntryModel(HeaderTableModel):
    """The sheet's items with what was typed for each (as typed, so a wrong digit stays)."""

    HEADERS = (wording.NUMBER, wording.ITEM, wording.RATING, wording.CHECK)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items = diagnosis_sheet().items
        self.typed: dict[str, str] = {}
        self.errors: dict[str, str] = {}

    def _row_count(self) -> int:
        return len(self.items)

    def load(self, typed: dict[str, str]) -> None:
        self.beginResetModel()
        self.typed = dict(typed)
        self.errors = {}
        self.endResetModel()

    def set_typed(self, row: int, text: str) -> None:
        item_id = self.items[row].id
        if text:
            self.typed[item_id] = text
        else:
            self.typed.pop(item_id, None)
        message = item_error(item_id, text) if text else ""
        if message:
            self.errors[item_id] = message
        else:
            self.errors.pop(item_id, None)
        self.dataChanged.emit(self.index(row, RATING), self.index(row, CHECK))

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        item = self.items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NUMBER:
                return item.id
            if column == TEXT:
                return item.text
            if column == RATING:
                return self.typed.get(item.id, "")
            return self.errors.get(item.id, "")
        if role == Qt.ItemDataRole.ToolTipRole and column in (TEXT, CHECK):
            return self.errors.get(item.id) or item.text
        if role == Qt.ItemDataRole.ForegroundRole and column == CHECK:
            return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (NUMBER, RATING):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class RatingTable(QTableView):
    """Keys go to the rating of the current row; the row follows."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        model = self.model()
        row = self.currentIndex().row()
        key = event.key()
        if not isinstance(model, EntryModel) or row < 0:
            super().keyPressEvent(event)
            return
        text = unicodedata.normalize("NFKC", event.text()).strip()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) or text == "0":
            model.set_typed(row, "")
            self._go(row + 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._go(row + 1)
        elif text and text.isprintable() and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            model.set_typed(row, event.text().strip())
            self._go(row + 1)
        else:
            super().keyPressEvent(event)

    def _go(self, row: int) -> None:
        model = self.model()
        row = min(row, model.rowCount() - 1)
        self.setCurrentIndex(model.index(row, RATING))


class EntryView(QWidget):
    """The respondent's sheet on screen; ``saved`` carries the service's result."""

    saved = Signal(object)
    back_requested = Signal()

    def __init__(self, save: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save  # (Respondent) -> result or None: the page runs the service
        self.person: Respondent | None = None
        self._free_before = ""
        self._typed_before: dict[str, str] = {}
        sheet = diagnosis_sheet()
        self.back_button = QPushButton(wording.BACK)
        self.back_button.clicked.connect(self.back_requested.emit)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.save_button = QPushButton(wording.SAVE_ANSWERS)
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(lambda: self.save())
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        top.addWidget(self.save_button)
        hint = QLabel(wording.ENTRY_HINT)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.model = EntryModel()
        self.table = RatingTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _old: self._show_pages(current))
        self.pages = QLabel()
        self.pages.setWordWrap(True)
        self.pages.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.pages.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scale = "\n".join(f"{point.value}　{point.label}" for point in sheet.scale)
        self.scale = QLabel(scale)
        self.scale.setObjectName("hint")
        self.scale.setWordWrap(True)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        heading = QLabel(wording.GUIDE_PAGES)
        heading.setObjectName("sectionTitle")
        side_layout.addWidget(heading)
        side_layout.addWidget(self.pages)
        side_layout.addWidget(self.scale)
        side_layout.addStretch(1)
        side.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ") * 16)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.free_label = QLabel(sheet.free_answer_label)
        self.free_label.setWordWrap(True)
        self.free_answer = text_box(2)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 10)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.free_label)
        layout.addWidget(self.free_answer)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: self.save())

    def show_person(self, person: Respondent) -> None:
        self.person = person
        self.title.setText(" ".join(part for part in (person.name, person.bureau, person.title) if part))
        self._typed_before = {item_id: str(score) for item_id, score in person.scores.items()}
        self._free_before = person.free_answer
        self.model.load(self._typed_before)
        self.free_answer.setPlainText(person.free_answer)
        self.message.hide()
        self.table.setCurrentIndex(self.model.index(0, RATING))
        self.table.setFocus()

    def _show_pages(self, current: QModelIndex) -> None:
        if not current.isValid():
            return
        item = self.model.items[current.row()]
        pages = "\n".join(item.pages)
        if not pages:
            phase = next(p for p in diagnosis_sheet().phases if p.number == item.phase)
            pages = f"{wording.PHASE_PAGE}{phase.main_page}"
        self.pages.setText(f"{item.id}　{item.text}\n\n{pages}")

    @property
    def dirty(self) -> bool:
        return self.person is not None and (
            self.model.typed != self._typed_before or self.free_answer.toPlainText() != self._free_before
        )

    def save(self) -> bool:
        """The ratings through the service; a wrong one is named beside its item and kept."""
        if self.person is None:
            return False
        bad = [item for item in self.model.items if item.id in self.model.errors]
        try:
            scores = rounds.typed_scores(self.model.typed)
        except ValidationError as exc:
            self.message.setText(exc.message)
            self.message.show()
            if bad:
                self.table.setCurrentIndex(self.model.index(self.model.items.index(bad[0]), RATING))
            self.table.setFocus()
            return False
        person = dataclasses.replace(self.person, scores=scores, free_answer=self.free_answer.toPlainText())
        result = self._save(person)  # type: ignore[operator]
        if result is None:
            return False
        self.person = person
        self._typed_before = dict(self.model.typed)
        self._free_before = person.free_answer
        self.message.hide()
        self.saved.emit(result)
        return True

    def discard(self) -> None:
        if self.person is not None:
            self.show_person(self.person)
