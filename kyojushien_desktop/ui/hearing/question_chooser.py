"""Which questions a visit asks, and in what order: pick from any bank (ticks), see the chosen
list with its numbers as they will print, reorder and remove. The visit dialog's right half."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from kyojushien_desktop.domain.hearing import Question, QuestionBank
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.hearing import question_banks
from kyojushien_desktop.ui.common.forms import FieldErrors
from kyojushien_desktop.ui.common.widgets import list_table
from kyojushien_desktop.ui.hearing import wording
from kyojushien_desktop.ui.hearing.bank_models import ChosenQuestionsModel, QuestionPickModel


def section_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    return label


class QuestionChooser(QWidget):
    """``chosen`` is the list asked, in order; ``touched`` whether the user changed it (a new
    visit's bank suggestion then stops following the organisation)."""

    def __init__(
        self,
        session: Session,
        banks: list[QuestionBank],
        bank_names: dict[int, str],
        errors: FieldErrors,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.banks = banks
        self.bank_names = bank_names
        self.touched = False
        self._bank_cache: dict[int, list[Question]] = {}
        self.bank = QComboBox()
        for bank in self.banks:
            self.bank.addItem(bank.name + (f"（{wording.GUIDE_MARK}）" if bank.from_guide else ""), bank.id)
            self.bank.setItemData(self.bank.count() - 1, bank.description, Qt.ItemDataRole.ToolTipRole)
        self.pick_model = QuestionPickModel(self)
        self.pick_table = list_table(self.pick_model)
        for column, mode in enumerate(
            (
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.ResizeToContents,
            )
        ):
            self.pick_table.horizontalHeader().setSectionResizeMode(column, mode)
        self.pick_all_button = QPushButton("このバンクをすべて選ぶ")
        self.pick_all_button.clicked.connect(lambda: self.choose_all(True))
        self.pick_none_button = QPushButton("このバンクを外す")
        self.pick_none_button.clicked.connect(lambda: self.choose_all(False))
        self.chosen: list[Question] = []
        self.chosen_model = ChosenQuestionsModel(self)
        self.chosen_table = list_table(self.chosen_model)
        header = self.chosen_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.chosen_table.setColumnWidth(2, self.chosen_table.fontMetrics().horizontalAdvance("あ") * 7 + 20)
        self.chosen_title = section_label("聞く質問と順番")
        self.up_button = QPushButton(wording.MOVE_UP)
        self.up_button.clicked.connect(lambda: self.move_chosen(-1))
        self.down_button = QPushButton(wording.MOVE_DOWN)
        self.down_button.clicked.connect(lambda: self.move_chosen(1))
        self.remove_button = QPushButton(wording.UNLINK)
        self.remove_button.clicked.connect(lambda: self.remove_chosen())
        pick_head = QHBoxLayout()
        pick_head.addWidget(QLabel(wording.QUESTION_BANK))
        pick_head.addWidget(self.bank, 1)
        pick_buttons = QHBoxLayout()
        pick_buttons.addWidget(self.pick_all_button)
        pick_buttons.addWidget(self.pick_none_button)
        pick_buttons.addStretch(1)
        chosen_buttons = QHBoxLayout()
        chosen_buttons.addWidget(self.up_button)
        chosen_buttons.addWidget(self.down_button)
        chosen_buttons.addStretch(1)
        chosen_buttons.addWidget(self.remove_button)
        questions_hint = QLabel(
            "チェックした質問が、この順番でヒアリングシートに番号つきで並びます。ほかのバンクからも追加できます。"
        )
        questions_hint.setObjectName("hint")
        questions_hint.setWordWrap(True)
        right = QVBoxLayout()
        right.setSpacing(6)
        right.addWidget(section_label("質問を選ぶ"))
        right.addLayout(pick_head)
        right.addWidget(self.pick_table, 3)
        right.addLayout(pick_buttons)
        right.addSpacing(6)
        right.addWidget(self.chosen_title)
        right.addWidget(errors.field("question_ids", self.chosen_table), 2)
        right.addLayout(chosen_buttons)
        right.addWidget(questions_hint)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(right)
        self.bank.currentIndexChanged.connect(lambda _i: self._show_bank())
        self.pick_model.toggled.connect(self._toggled)
        self.chosen_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._show_bank()

    def set_chosen(self, questions: list[Question]) -> None:
        """The questions asked, shown with the bank of the first one open (so its ticks show)."""
        self.chosen = list(questions)
        self._show_chosen()
        if self.chosen:
            first = self.bank.findData(self.chosen[0].bank_id)
            if first >= 0:
                self.bank.setCurrentIndex(first)
        self.pick_model.set_chosen(self.chosen_ids())

    def suggest(self, bank: QuestionBank) -> None:
        """All of ``bank``'s questions, as a new visit's starting point."""
        self.bank.setCurrentIndex(self.bank.findData(bank.id))
        self.chosen = list(self._bank_questions(bank.id))
        self._show_chosen()
        self.pick_model.set_chosen(self.chosen_ids())

    def _bank_questions(self, bank_id: int) -> list[Question]:
        if bank_id not in self._bank_cache:
            self._bank_cache[bank_id] = question_banks.list_questions(self.session, bank_id)
        return self._bank_cache[bank_id]

    def chosen_ids(self) -> list[int]:
        return [q.id for q in self.chosen if q.id is not None]

    def _show_bank(self) -> None:
        bank_id = self.bank.currentData()
        questions = self._bank_questions(bank_id) if bank_id is not None else []
        self.pick_model.set_questions(questions, self.chosen_ids())
        self.pick_table.resizeRowsToContents()
        self._update_buttons()

    def _toggled(self, question_id: int, checked: bool) -> None:
        self.touched = True
        if checked and question_id not in self.chosen_ids():
            question = next(q for q in self.pick_model.questions() if q.id == question_id)
            self.chosen.append(question)
        elif not checked:
            self.chosen = [q for q in self.chosen if q.id != question_id]
        self._show_chosen()

    def choose_all(self, checked: bool) -> None:
        """Ticks (or unticks) every question of the bank shown."""
        self.touched = True
        bank_questions = self.pick_model.questions()
        if checked:
            have = set(self.chosen_ids())
            self.chosen += [q for q in bank_questions if q.id not in have]
        else:
            ids = {q.id for q in bank_questions}
            self.chosen = [q for q in self.chosen if q.id not in ids]
        self.pick_model.set_chosen(self.chosen_ids())
        self._show_chosen()

    def move_chosen(self, step: int) -> None:
        row = self._chosen_row()
        target = row + step
        if row < 0 or not 0 <= target < len(self.chosen):
            return
        self.touched = True
        self.chosen.insert(target, self.chosen.pop(row))
        self._show_chosen()
        self.chosen_table.selectRow(target)

    def remove_chosen(self) -> None:
        row = self._chosen_row()
        if row < 0:
            return
        self.touched = True
        del self.chosen[row]
        self.pick_model.set_chosen(self.chosen_ids())
        self._show_chosen()
        if self.chosen:
            self.chosen_table.selectRow(min(row, len(self.chosen) - 1))

    def _chosen_row(self) -> int:
        rows = self.chosen_table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _show_chosen(self) -> None:
        self.chosen_model.set_questions(self.chosen, self.bank_names)
        self.chosen_title.setText(f"聞く質問と順番（{len(self.chosen)}問）")
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self._chosen_row()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < len(self.chosen) - 1)
        self.remove_button.setEnabled(row >= 0)
        has_bank = self.pick_model.rowCount() > 0
        self.pick_all_button.setEnabled(has_bank)
        self.pick_none_button.setEnabled(has_bank)
