"""The 確認 step's table: every row of the file with its state — importable, with a warning, a
likely duplicate, blocked by a problem, or left out (a total or the header again) — and the two
choices a row can take: how to treat a duplicate, and which 区分 an unknown 分類 means."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from kyojushien_desktop.services.members.importing import ImportPreview
from kyojushien_desktop.services.members.importing_model import CATEGORY
from kyojushien_desktop.ui.common.table_model import HeaderTableModel, ModelIndex, item_flags
from kyojushien_desktop.ui.members import wording

DUPLICATE_CHOICES: tuple[tuple[str, str], ...] = (
    ("skip", "飛ばす"),
    ("merge", "空欄を補う"),
    ("add", "別の団体として追加"),
)
CHOICE_LABELS = dict(DUPLICATE_CHOICES)
OK, WARNING, BAD, DUPLICATE, SKIPPED = "ok", "warning", "bad", "duplicate", "skipped"
STATE_COLORS = {BAD: "#fde8e8", DUPLICATE: "#fff4d6", WARNING: "#eaf2fb", SKIPPED: "#eeeeee"}


@dataclass
class PreviewLine:
    """One row of the file as the 確認 step shows it."""

    row: int
    name: str
    category: str
    person: str
    state: str
    message: str = ""
    unknown_category: str = ""  # the file's 分類 when it is none of the 区分
    notes: list[str] = field(default_factory=list)  # warnings that do not block the row

    @property
    def importable(self) -> bool:
        return self.state not in (BAD, SKIPPED)


def preview_lines(preview: ImportPreview) -> list[PreviewLine]:
    """Rows with their state; a row with a problem shows it even if nothing else could be read;
    rows left out are listed with the reason."""
    problems: dict[int, list[str]] = {}
    for problem in preview.problems:
        text = f"{problem.column}: {problem.message}" if problem.column else problem.message
        problems.setdefault(problem.row, []).append(text)
    notes: dict[int, list[str]] = {}
    for warning in preview.warnings:
        if warning.row and warning.kind != CATEGORY:
            notes.setdefault(warning.row, []).append(warning.message)
    bad_rows = set(preview.bad_rows) | set(problems)
    lines: dict[int, PreviewLine] = {}
    for item in preview.rows:
        org, person = item.organization, item.person
        line = PreviewLine(item.row, org.name, org.category, person.name if person else "", OK)
        line.unknown_category = item.unknown_category
        line.notes = notes.get(item.row, [])
        if item.row in bad_rows:
            line.state, line.message = BAD, "／".join(problems.get(item.row, []))
        elif item.is_duplicate:
            line.state = DUPLICATE
            same = [f"名簿の「{s.name}」" for s in item.similar]
            if item.duplicate_of_row is not None:
                same.append(f"このファイルの{item.duplicate_of_row}行目")
            line.message = "、".join(same)
        elif line.unknown_category or line.notes:
            line.state = WARNING
        lines[item.row] = line
    for row in bad_rows - set(lines):
        lines[row] = PreviewLine(row, "", "", "", BAD, "／".join(problems.get(row, [])))
    for skipped in preview.skipped:
        lines[skipped.row] = PreviewLine(skipped.row, skipped.text, "", "", SKIPPED, skipped.reason)
    return [lines[row] for row in sorted(lines)]


class ImportPreviewModel(HeaderTableModel):
    """The 確認 table; 区分 can be chosen on any importable row, and the last column holds the
    choice for rows that look like duplicates."""

    HEADERS = ("行", wording.NAME, wording.CATEGORY, wording.PERSON, wording.STATUS, "重複のときの扱い")
    CATEGORY_COLUMN, STATE_COLUMN, CHOICE_COLUMN = 2, 4, 5

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.lines: list[PreviewLine] = []
        self.decisions: dict[int, str] = {}
        self.categories: dict[int, str] = {}  # row → the 区分 the user chose

    def set_lines(self, lines: list[PreviewLine], default: str = "skip") -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.decisions = {line.row: self.decisions.get(line.row, default) for line in lines if line.state == DUPLICATE}
        self.categories = {}
        self.endResetModel()

    def set_all(self, choice: str) -> None:
        for row in self.decisions:
            self.decisions[row] = choice
        self._changed()

    def set_unknown_categories(self, category: str) -> None:
        """The same 区分 for every row whose 分類 is unknown."""
        for line in self.lines:
            if line.unknown_category and line.importable:
                self.categories[line.row] = category
        self._changed()

    def _changed(self) -> None:
        """The choice columns and the state between them, on every row."""
        if self.lines:
            self.dataChanged.emit(
                self.index(0, self.CATEGORY_COLUMN), self.index(len(self.lines) - 1, self.CHOICE_COLUMN)
            )

    def category_of(self, line: PreviewLine) -> str:
        return self.categories.get(line.row, line.category)

    def state_text(self, line: PreviewLine) -> str:
        if line.state == BAD:
            return f"問題あり（{line.message}）" if line.message else "問題あり"
        if line.state == SKIPPED:
            return f"取り込まない行（{line.message}）"
        notes = list(line.notes)
        if line.unknown_category:
            if line.row in self.categories:
                notes.insert(
                    0, f"分類「{line.unknown_category}」を区分「{self.categories[line.row]}」として取り込みます"
                )
            else:
                notes.insert(
                    0, f"分類「{line.unknown_category}」は区分にないため「その他」になります。区分の欄で選べます"
                )
        if line.state == DUPLICATE:
            text = f"重複の可能性（{line.message}と同じ団体かもしれません）"
            return text + (f"／注意（{'／'.join(notes)}）" if notes else "")
        return f"注意（{'／'.join(notes)}）" if notes else "取り込めます"

    def _row_count(self) -> int:
        return len(self.lines)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = item_flags(index)
        if not index.isValid():
            return flags
        line = self.lines[index.row()]
        if index.column() == self.CHOICE_COLUMN and line.state == DUPLICATE:
            flags |= Qt.ItemFlag.ItemIsEditable
        if index.column() == self.CATEGORY_COLUMN and line.importable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self.lines)):
            return None
        line = self.lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.CHOICE_COLUMN:
                return CHOICE_LABELS.get(self.decisions.get(line.row, ""), "")
            values = (str(line.row), line.name, self.category_of(line), line.person, self.state_text(line))
            return values[column]
        if role == Qt.ItemDataRole.EditRole and column == self.CHOICE_COLUMN:
            return self.decisions.get(line.row, "")
        if role == Qt.ItemDataRole.EditRole and column == self.CATEGORY_COLUMN:
            return self.category_of(line)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.STATE_COLUMN:
            return self.state_text(line)
        if role == Qt.ItemDataRole.BackgroundRole and line.state in STATE_COLORS:
            return QBrush(QColor(STATE_COLORS[line.state]))
        if role == Qt.ItemDataRole.ForegroundRole and line.state == SKIPPED:
            return QBrush(QColor("#5f6670"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: ModelIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        line = self.lines[index.row()]
        if index.column() == self.CHOICE_COLUMN and line.state == DUPLICATE and value in CHOICE_LABELS:
            self.decisions[line.row] = str(value)
        elif index.column() == self.CATEGORY_COLUMN and line.importable and isinstance(value, str) and value:
            if value == line.category and not line.unknown_category:
                self.categories.pop(line.row, None)
            else:
                self.categories[line.row] = value
        else:
            return False
        self.dataChanged.emit(index, self.index(index.row(), self.STATE_COLUMN))
        return True


class ComboDelegate(QStyledItemDelegate):
    """A combo box of (key, label) choices that commits as soon as one is picked."""

    def __init__(self, choices: tuple[tuple[str, str], ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option, index: ModelIndex) -> QWidget:  # noqa: N802 - Qt's API
        combo = QComboBox(parent)
        for key, label in self.choices:
            combo.addItem(label, key)
        combo.currentIndexChanged.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:  # noqa: N802 - Qt's API
        if isinstance(editor, QComboBox):
            position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.blockSignals(True)
            editor.setCurrentIndex(max(position, 0))
            editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model, index: ModelIndex) -> None:  # noqa: N802 - Qt's API
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
