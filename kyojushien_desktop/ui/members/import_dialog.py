"""取り込み: a town hall's own spreadsheet (xlsx/csv) into the 名簿, in steps the user can check.

① the file is chosen (by the page) → ② 見出しの対応: which column is which of our fields →
③ 確認: every row's state, a choice for likely duplicates, then 取り込む. The dialog only reads
(``preview_import``); it returns an ``ImportChoice`` and the page calls ``apply_import``, so
nothing is written before 取り込む. ``services.member_import`` pulls in openpyxl, so this module
imports it only inside the functions that need it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.ui.common import wording
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.table_model import HeaderTableModel, ModelIndex, item_flags
from kyojushien_desktop.ui.common.widgets import with_wait_cursor

DUPLICATE_CHOICES: tuple[tuple[str, str], ...] = (
    ("skip", "飛ばす"),
    ("merge", "空欄を補う"),
    ("add", "別の団体として追加"),
)
CHOICE_LABELS = dict(DUPLICATE_CHOICES)
OK, BAD, DUPLICATE = "ok", "bad", "duplicate"
STATE_COLORS = {BAD: "#fde8e8", DUPLICATE: "#fff4d6"}


def count(value: Any) -> int:
    """The preview's counts may be numbers or collections of row numbers."""
    if value is None:
        return 0
    if isinstance(value, int):
        return value
    return len(value)


@dataclass
class PreviewLine:
    """One row of the file as the 確認 step shows it."""

    row: int
    name: str
    category: str
    person: str
    state: str
    message: str = ""


@dataclass
class ImportChoice:
    """What the user settled on: the preview as shown, and how to treat bad and duplicate rows."""

    preview: Any
    skip_bad: bool
    decisions: dict[int, str] = field(default_factory=dict)
    duplicates: str = "skip"


def preview_lines(preview: Any) -> list[PreviewLine]:
    """Rows with their state; a row with a problem shows it even if nothing else could be read."""
    problems: dict[int, list[str]] = {}
    for problem in preview.problems:
        text = f"{problem.column}: {problem.message}" if problem.column else problem.message
        problems.setdefault(problem.row, []).append(text)
    bad_rows = set(preview.bad_rows) | set(problems)
    lines: dict[int, PreviewLine] = {}
    for item in preview.rows:
        org, person = item.organization, item.person
        line = PreviewLine(item.row, org.name, org.category, person.name if person else "", OK)
        if item.row in bad_rows:
            line.state, line.message = BAD, "／".join(problems.get(item.row, []))
        elif item.similar or getattr(item, "duplicate_of_row", None):
            line.state = DUPLICATE
            same = [f"名簿の「{s.name}」" for s in item.similar]
            if getattr(item, "duplicate_of_row", None):
                same.append(f"このファイルの{item.duplicate_of_row}行目")
            line.message = "、".join(same)
        lines[item.row] = line
    for row in bad_rows - set(lines):
        lines[row] = PreviewLine(row, "", "", "", BAD, "／".join(problems.get(row, [])))
    return [lines[row] for row in sorted(lines)]


class ImportPreviewModel(HeaderTableModel):
    """The 確認 table; the last column holds the choice for rows that look like duplicates."""

    HEADERS = ("行", "名称", "区分", "担当者", "状態", "重複のときの扱い")
    CHOICE_COLUMN = 5

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.lines: list[PreviewLine] = []
        self.decisions: dict[int, str] = {}

    def set_lines(self, lines: list[PreviewLine], default: str = "skip") -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.decisions = {line.row: self.decisions.get(line.row, default) for line in lines if line.state == DUPLICATE}
        self.endResetModel()

    def set_all(self, choice: str) -> None:
        for row in self.decisions:
            self.decisions[row] = choice
        if self.lines:
            self.dataChanged.emit(
                self.index(0, self.CHOICE_COLUMN), self.index(len(self.lines) - 1, self.CHOICE_COLUMN)
            )

    def state_text(self, line: PreviewLine) -> str:
        if line.state == BAD:
            return f"問題あり（{line.message}）" if line.message else "問題あり"
        if line.state == DUPLICATE:
            return f"重複の可能性（{line.message}と同じ団体かもしれません）"
        return "OK"

    def _row_count(self) -> int:
        return len(self.lines)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = item_flags(index)
        if index.isValid() and index.column() == self.CHOICE_COLUMN and self.lines[index.row()].state == DUPLICATE:
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
            return (str(line.row), line.name, line.category, line.person, self.state_text(line))[column]
        if role == Qt.ItemDataRole.EditRole and column == self.CHOICE_COLUMN:
            return self.decisions.get(line.row, "")
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return self.state_text(line)
        if role == Qt.ItemDataRole.BackgroundRole and line.state in STATE_COLORS:
            return QBrush(QColor(STATE_COLORS[line.state]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: ModelIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != self.CHOICE_COLUMN:
            return False
        line = self.lines[index.row()]
        if line.state != DUPLICATE or value not in CHOICE_LABELS:
            return False
        self.decisions[line.row] = str(value)
        self.dataChanged.emit(index, index)
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box of 飛ばす/空欄を補う/別の団体として追加 in the choice column."""

    def createEditor(self, parent: QWidget, option, index: ModelIndex) -> QWidget:  # noqa: N802 - Qt's API
        combo = QComboBox(parent)
        for key, label in DUPLICATE_CHOICES:
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


class ImportDialog(QDialog):
    """The 見出しの対応 and 確認 steps over a first preview; ``choice`` is set on 取り込む."""

    MAPPING, CONFIRM = 0, 1

    def __init__(self, session: Session, preview: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from kyojushien_desktop.services.members import importing

        self.session = session
        self.preview = preview
        self.fields: dict[str, str] = dict(importing.FIELDS)
        self.choice: ImportChoice | None = None
        self.setWindowTitle("名簿の取り込み")

        self.steps = QLabel()
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.file_label.setObjectName("hint")
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_mapping_page())
        self.stack.addWidget(self._build_confirm_page())

        self.back_button = QPushButton("← 戻る")
        self.back_button.clicked.connect(lambda: self.go_to(self.MAPPING))
        self.next_button = QPushButton("次へ →")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(lambda: self.next_step())
        self.import_button = QPushButton("取り込む")
        self.import_button.setObjectName("primaryButton")
        self.import_button.clicked.connect(lambda: self.try_accept())
        cancel = QPushButton("キャンセル")
        cancel.clicked.connect(self.reject)
        self.nothing_written = QLabel("「取り込む」を押すまで、名簿には何も書き込みません。")
        self.nothing_written.setObjectName("hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.nothing_written, 1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.import_button)

        title = QLabel("名簿の取り込み")
        title.setFont(scaled(self.font(), 1.3, bold=True))
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(self.steps)
        layout.addWidget(self.file_label)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.resize(1040, 660)
        self._show_preview()
        self.go_to(self.MAPPING)

    # --- building ---------------------------------------------------------------------------
    def _build_mapping_page(self) -> QWidget:
        lead = QLabel(
            "ファイルの見出しを、名簿のどの項目として読むかを確かめてください。"
            f"違っていたら選び直して「読み直す」を押します。使わない列は「{wording.NOT_USED}」にします。"
        )
        lead.setWordWrap(True)
        self.mapping_combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        form.setVerticalSpacing(6)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for key, label in self.fields.items():
            combo = QComboBox()
            combo.setMinimumContentsLength(16)
            self.mapping_combos[key] = combo
            form.addRow(label, combo)
        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.reload_button = QPushButton("読み直す")
        self.reload_button.clicked.connect(lambda: self.reload())
        self.mapping_status = QLabel()
        self.mapping_status.setObjectName("hint")
        self.mapping_status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.reload_button)
        row.addWidget(self.mapping_status, 1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(lead)
        layout.addWidget(scroll, 1)
        layout.addLayout(row)
        return page

    def _build_confirm_page(self) -> QWidget:
        self.summary = QLabel()
        self.summary.setFont(scaled(self.font(), 1.1, bold=True))
        self.model = ImportPreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(ImportPreviewModel.CHOICE_COLUMN, ChoiceDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.CurrentChanged | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)  # 状態 says the most
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._show_row(current))
        self.row_detail = QLabel()
        self.row_detail.setWordWrap(True)
        self.row_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.all_duplicates = QComboBox()
        for key, label in DUPLICATE_CHOICES:
            self.all_duplicates.addItem(label, key)
        self.all_duplicates.activated.connect(lambda _i: self._set_all(self.all_duplicates.currentData()))
        self.duplicates_row = QWidget()
        duplicates_layout = QHBoxLayout(self.duplicates_row)
        duplicates_layout.setContentsMargins(0, 0, 0, 0)
        duplicates_layout.addWidget(QLabel("重複の可能性がある行をまとめて:"))
        duplicates_layout.addWidget(self.all_duplicates)
        duplicates_layout.addStretch(1)
        self.skip_bad = QCheckBox("問題のある行を飛ばして取り込む")
        self.skip_bad.toggled.connect(lambda _on: self._update_buttons())
        self.confirm_hint = QLabel()
        self.confirm_hint.setObjectName("hint")
        self.confirm_hint.setWordWrap(True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.duplicates_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.row_detail)
        layout.addWidget(self.skip_bad)
        layout.addWidget(self.confirm_hint)
        return page

    # --- showing ----------------------------------------------------------------------------
    def _show_preview(self) -> None:
        preview = self.preview
        path = Path(preview.path)
        where = f"シート「{preview.sheet}」、" if getattr(preview, "sheet", "") else ""
        # header_row is 1-based, as Excel shows it (like ImportProblem.row).
        self.file_label.setText(
            f"ファイル: {path.name}（{where}見出しは {preview.header_row} 行目）　場所: {path.parent}"
        )
        headers = [h for h in preview.headers if h]
        for key, combo in self.mapping_combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(wording.NOT_USED, None)
            for header in headers:
                combo.addItem(header, header)
            chosen = preview.mapping.get(key)
            combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen else 0)
            combo.blockSignals(False)
        used = {v for v in preview.mapping.values() if v}
        unused = [h for h in headers if h not in used]
        text = f"{len(headers)}列の見出しのうち {len(used)}列を名簿の項目に対応づけています。"
        if unused:
            text += f"\n使っていない列: {'、'.join(unused)}"
        self.mapping_status.setText(text)

        lines = preview_lines(preview)
        self.model.set_lines(lines, self.all_duplicates.currentData() or "skip")
        unit = self.table.fontMetrics().horizontalAdvance("あ")
        for column, chars in ((0, 2), (1, 12), (2, 9), (3, 6)):
            self.table.setColumnWidth(column, unit * chars + 28)
        self.table.setColumnWidth(ImportPreviewModel.CHOICE_COLUMN, unit * 9 + 48)  # the combo's arrow
        self.row_detail.setText("行を選ぶと、その行の状態をここに全文で表示します。")
        first = next((n for n, line in enumerate(lines) if line.state != OK), None)
        if first is not None:
            self.table.setCurrentIndex(self.model.index(first, 4))
        for number, line in enumerate(lines):
            if line.state == DUPLICATE:
                self.table.openPersistentEditor(self.model.index(number, ImportPreviewModel.CHOICE_COLUMN))
        good, bad, blank = count(preview.good_rows), count(preview.bad_rows), preview.blank_rows
        duplicates = count(preview.duplicate_rows)
        text = f"取り込める行: {good} / 問題のある行: {bad} / 空行: {blank}"
        if duplicates:
            text += f"（重複の可能性: {duplicates}）"
        self.summary.setText(text)
        self.duplicates_row.setVisible(bool(duplicates))
        self.skip_bad.setVisible(bad > 0)
        self._update_buttons()

    def go_to(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        names = ("① ファイルを選ぶ", "② 見出しの対応", "③ 確認して取り込む")
        current = step + 1
        parts = []
        for number, name in enumerate(names):
            if number == current:
                parts.append(f"<b>{name}</b>")
            else:
                parts.append(f"<span style='color:#7a828c'>{name}{' ✓' if number < current else ''}</span>")
        self.steps.setText("　→　".join(parts))
        self.back_button.setVisible(step == self.CONFIRM)
        self.next_button.setVisible(step == self.MAPPING)
        self.import_button.setVisible(step == self.CONFIRM)
        self.next_button.setDefault(step == self.MAPPING)
        self.import_button.setDefault(step == self.CONFIRM)
        self._update_buttons()

    def _update_buttons(self) -> None:
        bad = count(self.preview.bad_rows)
        good = count(self.preview.good_rows)
        blocked = bad > 0 and not self.skip_bad.isChecked()
        self.import_button.setEnabled(good > 0 and not blocked)
        if good == 0:
            hint = "取り込める行がありません。見出しの対応を確かめるか、ファイルを直してください。"
        elif blocked:
            hint = (
                "問題のある行があります。ファイルを直して読み直すか、"
                "「問題のある行を飛ばして取り込む」に印を付けてください。"
            )
        else:
            hint = ""
        self.confirm_hint.setText(hint)
        self.confirm_hint.setVisible(bool(hint))

    def _show_row(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        line = self.model.lines[index.row()]
        name = f"「{line.name}」" if line.name else "（名称なし）"
        self.row_detail.setText(f"{line.row}行目 {name}: {self.model.state_text(line)}")

    def _set_all(self, choice: str) -> None:
        self.model.set_all(choice)

    # --- steps ------------------------------------------------------------------------------
    def current_mapping(self) -> dict[str, str | None]:
        return {key: combo.currentData() for key, combo in self.mapping_combos.items()}

    def reload(self) -> bool:
        """Reads the file again with the mapping as chosen now; nothing is written."""
        from kyojushien_desktop.services.members import importing

        self.error_label.hide()
        mapping = self.current_mapping()
        try:
            preview = with_wait_cursor(lambda: importing.preview_import(self.session, self.preview.path, mapping))
        except UserFacingError as exc:
            self.error_label.setText(exc.message + (f"\n{exc.hint}" if exc.hint else ""))
            self.error_label.show()
            return False
        self.preview = preview
        self._show_preview()
        return True

    def next_step(self) -> None:
        if self.current_mapping() != {key: self.preview.mapping.get(key) for key in self.mapping_combos}:
            if not self.reload():
                return
        self.go_to(self.CONFIRM)

    def try_accept(self) -> bool:
        if not self.import_button.isEnabled():
            return False
        self.choice = ImportChoice(self.preview, self.skip_bad.isChecked(), dict(self.model.decisions))
        self.accept()
        return True
