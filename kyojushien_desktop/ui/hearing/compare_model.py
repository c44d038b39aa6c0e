"""The 回答の比較 table: one row per visit (団体・日付), one column per question, answers shortened
with the full text as a tooltip, sorting numbers as numbers."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.hearing import CompareTable, Question, parse_number
from kyojushien_desktop.domain.kana import search_key
from kyojushien_desktop.ui.common.table_model import ID_ROLE, SORT_ROLE, ModelIndex, item_flags
from kyojushien_desktop.ui.hearing import wording
from kyojushien_desktop.ui.hearing.visit_models import ANSWER_PREVIEW_CHARS, qdatetime, visit_moment


def wrap_heading(text: str, width: int = 12, lines: int = 3) -> str:
    """A question as a column heading: a few short lines (headers do not wrap by themselves),
    the rest cut with … (the tooltip has it in full)."""
    parts = [text[i : i + width] for i in range(0, len(text), width)] or [""]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][: width - 1] + "…"
    return "\n".join(parts)


def preview(text: str, limit: int = ANSWER_PREVIEW_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class CompareTableModel(QAbstractTableModel):
    """Rows are visits (団体, 日付), columns the bank's questions, cells the answers."""

    FIXED = (wording.ORGANIZATION, wording.DATE)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.table: CompareTable | None = None

    def set_table(self, table: CompareTable | None) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def question(self, column: int) -> Question | None:
        if self.table is None or column < len(self.FIXED):
            return None
        index = column - len(self.FIXED)
        return self.table.questions[index] if index < len(self.table.questions) else None

    def answer(self, row: int, column: int) -> str:
        question = self.question(column)
        if self.table is None or question is None:
            return ""
        return self.table.rows[row].answers.get(question.id or 0, "")

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() or self.table is None else len(self.table.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() or self.table is None else len(self.FIXED) + len(self.table.questions)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return item_flags(index)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if self.table is None or not index.isValid() or not (0 <= index.row() < len(self.table.rows)):
            return None
        if not 0 <= index.column() < self.columnCount():
            return None
        visit = self.table.rows[index.row()].visit
        column = index.column()
        question = self.question(column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return visit.organization_name
            if column == 1:
                return wareki.format_date(visit.scheduled_at.date())
            return preview(self.answer(index.row(), column))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return f"{visit.organization_name}（{visit.category}）"
            if column == 1:
                return visit_moment(visit.scheduled_at)
            text = self.answer(index.row(), column)
            assert question is not None
            return f"{question.text}\n\n{visit.organization_name}: {text or wording.UNANSWERED}"
        if role == SORT_ROLE:
            if column == 0:
                return visit.organization_sort or search_key(visit.organization_name)
            if column == 1:
                return qdatetime(visit.scheduled_at)
            text = self.answer(index.row(), column)
            if question is not None and question.answer_type == "number":
                number = parse_number(text) if text else None
                return float(number) if number is not None else float("-inf")
            return search_key(text)
        if role == ID_ROLE:
            return visit.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if question is not None and question.answer_type == "number":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def headerData(  # noqa: N802 - Qt's API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if self.table is None or not 0 <= section < self.columnCount():
            return None
        question = self.question(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if question is None:
                return self.FIXED[section]
            return wrap_heading(f"{section - len(self.FIXED) + 1}. {question.text}")
        if role == Qt.ItemDataRole.ToolTipRole and question is not None:
            mark = f"（{wording.GUIDE_MARK}）" if question.from_guide else ""
            return f"{section - len(self.FIXED) + 1}. {question.text}{mark}\n回答の種類: {question.answer_type_label}"
        return None
