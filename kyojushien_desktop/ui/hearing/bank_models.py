"""Table models of the 質問バンク screens: the banks, a bank's questions, and the visit dialog's
question picker and chosen list."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor

from kyojushien_desktop.domain.hearing import Question, QuestionBank
from kyojushien_desktop.ui.common.followup_models import RETIRED_TEXT
from kyojushien_desktop.ui.common.table_model import (
    ID_ROLE,
    HeaderTableModel,
    ModelIndex,
    RowsTableModel,
    is_checked,
    item_flags,
    live_first,
)
from kyojushien_desktop.ui.hearing import wording
from kyojushien_desktop.ui.hearing.visit_models import GUIDE_TEXT


def source_text(question: Question) -> str:
    if not question.from_guide:
        return ""
    return f"{wording.GUIDE_MARK}（文言を変更）" if question.reworded else wording.GUIDE_MARK


class BankListModel(RowsTableModel[QuestionBank]):
    """質問バンク in their order (the guide's first, then the user's own); retired ones greyed."""

    HEADERS = (wording.QUESTION_BANK, "質問数", wording.SOURCE)

    def set_banks(self, banks: list[QuestionBank]) -> None:
        self._reset_rows(live_first(banks, lambda b: b.retired))

    def bank(self, row: int) -> QuestionBank:
        return self._rows[row]

    def banks(self) -> list[QuestionBank]:
        return list(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        bank = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            name = bank.name + (f"（{wording.RETIRED}）" if bank.retired else "")
            origin = "手引き" if bank.from_guide else "独自"
            return (name, f"{bank.question_count}問", origin)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return bank.description or None
        if role == ID_ROLE:
            return bank.id
        if role == Qt.ItemDataRole.ForegroundRole and bank.retired:
            return QBrush(QColor(RETIRED_TEXT))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class QuestionTableModel(RowsTableModel[Question]):
    """A bank's questions in order, numbered as on the sheet; retired ones (when shown) greyed."""

    HEADERS = (wording.NUMBER, wording.QUESTION, wording.ANSWER_TYPE, "行数", wording.SOURCE)

    def set_questions(self, questions: list[Question]) -> None:
        self._reset_rows(live_first(questions, lambda q: q.retired))

    def question(self, row: int) -> Question:
        return self._rows[row]

    def questions(self) -> list[Question]:
        return list(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        question = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            number = wording.RETIRED if question.retired else str(index.row() + 1)
            kind = question.answer_type_label
            if question.answer_type == "choice":
                kind += f"（{len(question.choices)}）"
            return (number, question.text, kind, str(question.lines), source_text(question))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 2 and question.choices:
                return "選択肢: " + "・".join(question.choices)
            if column == 4 and question.reworded:
                return f"手引きの文言: {question.guide_text}"
            if column == 1:
                return question.text
            return None
        if role == ID_ROLE:
            return question.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if question.retired:
                return QBrush(QColor(RETIRED_TEXT))
            if column == 4 and question.from_guide:
                return QBrush(QColor(GUIDE_TEXT))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class QuestionPickModel(HeaderTableModel):
    """The visit dialog's list of one bank's questions, each with a checkbox: ticked means asked
    at this visit. ``toggled`` tells the dialog which question was ticked or unticked."""

    HEADERS = (wording.QUESTION, wording.ANSWER_TYPE, wording.SOURCE)
    toggled = Signal(int, bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._questions: list[Question] = []
        self._chosen: set[int] = set()

    def set_questions(self, questions: list[Question], chosen: Iterable[int]) -> None:
        self.beginResetModel()
        self._questions = [q for q in questions if q.id is not None]
        self._chosen = set(chosen)
        self.endResetModel()

    def set_chosen(self, chosen: Iterable[int]) -> None:
        self._chosen = set(chosen)
        if self._questions:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._questions) - 1, 0))

    def question(self, row: int) -> Question:
        return self._questions[row]

    def questions(self) -> list[Question]:
        return list(self._questions)

    def _row_count(self) -> int:
        return len(self._questions)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = item_flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        question = self._questions[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (question.text, question.answer_type_label, source_text(question))[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2:
            return QBrush(QColor(GUIDE_TEXT))
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            return Qt.CheckState.Checked if question.id in self._chosen else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return question.text
        if role == ID_ROLE:
            return question.id
        return None

    def setData(self, index: ModelIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not self._valid(index) or index.column() != 0:
            return False
        question_id = self._questions[index.row()].id
        assert question_id is not None
        checked = is_checked(value)
        if checked == (question_id in self._chosen):
            return True
        (self._chosen.add if checked else self._chosen.discard)(question_id)
        self.dataChanged.emit(index, index)
        self.toggled.emit(question_id, checked)
        return True


class ChosenQuestionsModel(HeaderTableModel):
    """The questions chosen for a visit, in the order they are asked (and numbered on the sheet)."""

    HEADERS = (wording.NUMBER, wording.QUESTION, wording.QUESTION_BANK)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._questions: list[Question] = []
        self._bank_names: dict[int, str] = {}

    def set_questions(self, questions: list[Question], bank_names: dict[int, str]) -> None:
        self.beginResetModel()
        self._questions = list(questions)
        self._bank_names = dict(bank_names)
        self.endResetModel()

    def question(self, row: int) -> Question:
        return self._questions[row]

    def _row_count(self) -> int:
        return len(self._questions)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        question = self._questions[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(index.row() + 1), question.text, self._bank_names.get(question.bank_id, ""))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return question.text
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return self._bank_names.get(question.bank_id) or None
        if role == ID_ROLE:
            return question.id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


# --- 回答の比較 ----------------------------------------------------------------------------
