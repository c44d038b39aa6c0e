"""The アンケート tab's tables: the forms entered (number and a short summary), the question set
being edited in 質問の設定, and the rows of a spreadsheet being imported with their state."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from kyojushien_desktop.content.meeting_terms import meeting_terms
from kyojushien_desktop.domain.meetings import FREE, SurveyQuestion, SurveyResponse
from kyojushien_desktop.services.meetings.survey_import import SurveyImportPreview
from kyojushien_desktop.ui.common.table_model import ID_ROLE, HeaderTableModel, ModelIndex, RowsTableModel
from kyojushien_desktop.ui.meetings import survey_wording as wording

SHORT_TEXT = 10  # characters of a free answer shown in a summary
BAD_COLOR, SKIPPED_COLOR = "#fde8e8", "#eeeeee"
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def answer_summary(questions: Sequence[SurveyQuestion], answers: dict[int, str]) -> str:
    """One line per form: each answer in the questions' order (a choice by its label, a free
    answer cut short in 「」, — for 未回答), so a form can be told apart from its neighbours."""
    parts = []
    for question in questions:
        answer = answers.get(question.id or 0, "")
        if not answer:
            parts.append("—")
        elif question.kind == FREE:
            one_line = " ".join(answer.split())
            parts.append(f"「{one_line[:SHORT_TEXT]}{'…' if len(one_line) > SHORT_TEXT else ''}」")
        else:
            parts.append(answer)
    return "・".join(parts)


def answered_count(questions: Sequence[SurveyQuestion], answers: dict[int, str]) -> int:
    return sum(1 for q in questions if answers.get(q.id or 0))


class SurveyFormsModel(RowsTableModel[SurveyResponse]):
    """The forms entered, by number; ``ID_ROLE`` is the form's number."""

    HEADERS = (wording.FORM_NO, wording.ANSWERED_OF, wording.ANSWERS_IN_SHORT)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.questions: list[SurveyQuestion] = []

    def set_forms(self, questions: list[SurveyQuestion], responses: list[SurveyResponse]) -> None:
        self.questions = list(questions)
        self._reset_rows(responses)

    def number_at(self, row: int) -> int | None:
        return self._rows[row].number if 0 <= row < len(self._rows) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        response = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return str(response.number)
            if column == 1:
                return f"{answered_count(self.questions, response.answers)}/{len(self.questions)}"
            return answer_summary(self.questions, response.answers)
        if role == ID_ROLE:
            return response.number
        if role == Qt.ItemDataRole.TextAlignmentRole and column < 2:
            return RIGHT
        return None


class SurveyQuestionsModel(HeaderTableModel):
    """The question set as the dialog holds it while it is edited (new questions have no id)."""

    HEADERS = ("", wording.QUESTION_WORDING, wording.HOW_ANSWERED)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.questions: list[SurveyQuestion] = []
        self.marked: set[int] = set()  # rows whose question the service refused (0-based)

    def set_questions(self, questions: list[SurveyQuestion]) -> None:
        self.beginResetModel()
        self.questions = list(questions)
        self.marked = set()
        self.endResetModel()

    def replace(self, row: int, question: SurveyQuestion) -> None:
        self.questions[row] = question
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def set_marked(self, rows: set[int]) -> None:
        self.marked = set(rows)
        if self.questions:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.questions) - 1, len(self.HEADERS) - 1))

    def _row_count(self) -> int:
        return len(self.questions)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        question = self.questions[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                return f"問{index.row() + 1}"
            if index.column() == 1:
                shown = question.text or wording.NO_WORDING_YET
                return (
                    f"{shown}（{question.label}）" if question.label and role == Qt.ItemDataRole.ToolTipRole else shown
                )
            return meeting_terms().survey_kinds.get(question.kind, question.kind)
        if role == Qt.ItemDataRole.BackgroundRole and index.row() in self.marked:
            return QBrush(QColor(BAD_COLOR))
        return None


class SurveyImportRowsModel(HeaderTableModel):
    """Every row of the file the import read: the number its form gets, whether it is taken,
    and what it says (or why it is not taken)."""

    HEADERS = (wording.ROW_IN_FILE, wording.FORM_NO, wording.STATUS, wording.ANSWERS_IN_SHORT)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.lines: list[tuple[int, str, str, str, str]] = []  # row, number, state, summary, kind

    def set_preview(self, preview: SurveyImportPreview) -> None:
        self.beginResetModel()
        numbers = {r.row: r.number for r in preview.good_rows}
        lines = []
        for row in preview.rows:
            problems = preview.problems_of(row.row)
            summary = answer_summary(preview.questions, row.answers)
            if problems:
                state = wording.ROW_HAS_PROBLEM + "／".join(p.message for p in problems)
                number = str(row.number) if row.number else "—"
                lines.append((row.row, number, state, summary, "bad"))
            else:
                lines.append((row.row, str(numbers.get(row.row) or ""), wording.ROW_TAKEN, summary, "ok"))
        for row, reason in preview.skipped:
            lines.append((row, "", reason, "", "skipped"))
        self.lines = sorted(lines)
        self.endResetModel()

    def _row_count(self) -> int:
        return len(self.lines)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        row, number, state, summary, kind = self.lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (str(row), number, state, summary)[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and kind != "ok":
            return QBrush(QColor(BAD_COLOR if kind == "bad" else SKIPPED_COLOR))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() < 2:
            return RIGHT
        return None
