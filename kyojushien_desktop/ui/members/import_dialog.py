"""取り込み: a town hall's own spreadsheet (xlsx/csv) into the 名簿, in steps the user can check.

① the file is chosen (by the page) → ② 見出しの対応: which sheet, and which column is which of
our fields → ③ 確認: every row's state (rows left out and warnings included), a choice for likely
duplicates and a 区分 for an unknown 分類, then 取り込む. The dialog only reads
(``preview_import``); it returns an ``ImportChoice`` and the page calls ``apply_import``, so
nothing is written before 取り込む. The 区分 chosen per row are already applied to
``choice.preview`` (``set_categories``), so ``apply_import`` needs nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.members import importing, terms
from kyojushien_desktop.services.members.importing import ImportPreview
from kyojushien_desktop.ui.common import messages
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.forms import size_for_text
from kyojushien_desktop.ui.common.scrolling import scrolling_column
from kyojushien_desktop.ui.common.widgets import with_wait_cursor
from kyojushien_desktop.ui.members import wording
from kyojushien_desktop.ui.members.import_preview import (
    DUPLICATE,
    DUPLICATE_CHOICES,
    OK,
    ComboDelegate,
    ImportPreviewModel,
    preview_lines,
)


@dataclass
class ImportChoice:
    """What the user settled on: the preview as shown (with the 区分 chosen per row applied), and
    how to treat bad and duplicate rows."""

    preview: ImportPreview
    skip_bad: bool
    decisions: dict[int, str] = field(default_factory=dict)
    duplicates: str = "skip"


class ImportDialog(QDialog):
    """The 見出しの対応 and 確認 steps over a first preview; ``choice`` is set on 取り込む."""

    MAPPING, CONFIRM = 0, 1

    def __init__(self, session: Session, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.preview = preview
        self.fields: dict[str, str] = dict(importing.FIELDS)
        self.choice: ImportChoice | None = None
        self.setWindowTitle(wording.IMPORT_TITLE)

        self.steps = QLabel()
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.file_label.setObjectName("hint")
        self.notice_label = QLabel()  # what the whole file needs the user to know (which sheet …)
        self.notice_label.setObjectName("warning")
        self.notice_label.setWordWrap(True)
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
        cancel = QPushButton(wording.CANCEL)
        cancel.clicked.connect(self.reject)
        self.nothing_written = QLabel("「取り込む」を押すまで、名簿には何も書き込みません。")
        self.nothing_written.setObjectName("hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.nothing_written, 1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.import_button)

        title = QLabel(wording.IMPORT_TITLE)
        title.setFont(scaled(self.font(), 1.3, bold=True))
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(self.steps)
        layout.addWidget(self.file_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        size_for_text(self, 70, 34)
        self._show_preview()
        self.go_to(self.MAPPING)
        self._proposed = self._settled()

    # --- building ---------------------------------------------------------------------------
    def _build_mapping_page(self) -> QWidget:
        self.sheet_combo = QComboBox()
        self.sheet_combo.setMinimumContentsLength(24)
        self.sheet_combo.activated.connect(lambda _i: self.choose_sheet(self.sheet_combo.currentData()))
        self.sheet_row = QWidget()
        sheet_layout = QHBoxLayout(self.sheet_row)
        sheet_layout.setContentsMargins(0, 0, 0, 0)
        sheet_layout.addWidget(QLabel("読むシート:"))
        sheet_layout.addWidget(self.sheet_combo)
        sheet_layout.addStretch(1)
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
        scroll = scrolling_column(body, sideways=True)
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
        layout.addWidget(self.sheet_row)
        layout.addWidget(lead)
        layout.addWidget(scroll, 1)
        layout.addLayout(row)
        return page

    def _build_confirm_page(self) -> QWidget:
        self.summary = QLabel()
        self.summary.setFont(scaled(self.font(), 1.1, bold=True))
        self.summary.setWordWrap(True)
        self.model = ImportPreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(
            ImportPreviewModel.CHOICE_COLUMN, ComboDelegate(DUPLICATE_CHOICES, self.table)
        )
        categories = tuple((name, name) for name in terms.categories())
        self.table.setItemDelegateForColumn(ImportPreviewModel.CATEGORY_COLUMN, ComboDelegate(categories, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.CurrentChanged | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ImportPreviewModel.STATE_COLUMN, QHeaderView.ResizeMode.Stretch)  # says the most
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._show_row(current))
        self.model.dataChanged.connect(lambda *_args: self._show_row(self.table.currentIndex()))
        self.row_detail = QLabel()
        self.row_detail.setWordWrap(True)
        self.row_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.all_duplicates = QComboBox()
        for key, label in DUPLICATE_CHOICES:
            self.all_duplicates.addItem(label, key)
        self.all_duplicates.activated.connect(lambda _i: self.model.set_all(self.all_duplicates.currentData()))
        self.duplicates_row = self._choice_row("重複の可能性がある行をまとめて:", self.all_duplicates)
        self.all_categories = QComboBox()
        self.all_categories.addItem("（選ぶ）", None)
        for name, _label in categories:
            self.all_categories.addItem(name, name)
        self.all_categories.activated.connect(
            lambda _i: self._set_unknown_categories(self.all_categories.currentData())
        )
        self.categories_row = self._choice_row("区分が分からない行の区分をまとめて:", self.all_categories)
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
        layout.addWidget(self.categories_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.row_detail)
        layout.addWidget(self.skip_bad)
        layout.addWidget(self.confirm_hint)
        return page

    @staticmethod
    def _choice_row(label: str, combo: QComboBox) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(label))
        layout.addWidget(combo)
        layout.addStretch(1)
        return row

    # --- showing ----------------------------------------------------------------------------
    def _show_preview(self) -> None:
        preview = self.preview
        path = Path(preview.path)
        where = f"シート「{preview.sheet}」、" if preview.sheet else ""
        # header_row is 1-based, as Excel shows it (like ImportProblem.row).
        self.file_label.setText(
            f"ファイル: {path.name}（{where}見出しは {preview.header_row} 行目）　場所: {path.parent}"
        )
        notices = [warning.message for warning in preview.warnings if not warning.row]
        self.notice_label.setText("\n".join(f"⚠ {text}" for text in notices))
        self.notice_label.setVisible(bool(notices))
        self._show_sheets()
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
        for column, chars in ((0, 2), (1, 12), (2, 10), (3, 6)):
            self.table.setColumnWidth(column, unit * chars + 28)
        self.table.setColumnWidth(ImportPreviewModel.CHOICE_COLUMN, unit * 9 + 48)  # the combo's arrow
        self.row_detail.setText("行を選ぶと、その行の状態をここに全文で表示します。")
        first = next((n for n, line in enumerate(lines) if line.state != OK), None)
        if first is not None:
            self.table.setCurrentIndex(self.model.index(first, ImportPreviewModel.STATE_COLUMN))
        for number, line in enumerate(lines):
            if line.state == DUPLICATE:
                self.table.openPersistentEditor(self.model.index(number, ImportPreviewModel.CHOICE_COLUMN))
            if line.unknown_category and line.importable:
                self.table.openPersistentEditor(self.model.index(number, ImportPreviewModel.CATEGORY_COLUMN))
        good, bad, blank = len(preview.good_rows), len(preview.bad_rows), preview.blank_rows
        duplicates, unknown = len(preview.duplicate_rows), len(preview.unknown_category_rows)
        text = f"取り込める行: {good} / 問題のある行: {bad}"
        if preview.skipped:
            text += f" / 取り込まない行（合計・見出しの繰り返し）: {len(preview.skipped)}"
        text += f" / 空行: {blank}"
        extra = [f"重複の可能性: {duplicates}"] if duplicates else []
        extra += [f"区分が分からない: {unknown}"] if unknown else []
        if extra:
            text += f"（{'、'.join(extra)}）"
        self.summary.setText(text)
        self.duplicates_row.setVisible(bool(duplicates))
        self.categories_row.setVisible(bool(unknown))
        self.all_categories.setCurrentIndex(0)
        self.skip_bad.setVisible(bad > 0)
        self._update_buttons()

    def _show_sheets(self) -> None:
        """The sheet chooser, when the file has more than one sheet to read."""
        readable = [choice for choice in self.preview.sheets if choice.readable]
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        for choice in readable:
            notes = [f"見出し {choice.header_row}行目" if choice.header_row else "名簿の見出しなし"]
            if choice.hidden:
                notes.append("非表示のシート")
            self.sheet_combo.addItem(f"{choice.name}（{'、'.join(notes)}）", choice.name)
        self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findData(self.preview.sheet), 0))
        self.sheet_combo.blockSignals(False)
        self.sheet_row.setVisible(len(readable) > 1)

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
        bad = len(self.preview.bad_rows)
        good = len(self.preview.good_rows)
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

    def _set_unknown_categories(self, category: str | None) -> None:
        if category:
            self.model.set_unknown_categories(category)

    # --- steps ------------------------------------------------------------------------------
    def current_mapping(self) -> dict[str, str | None]:
        return {key: combo.currentData() for key, combo in self.mapping_combos.items()}

    def reload(self, *, sheet: str | None = None) -> bool:
        """Reads the file again with the mapping as chosen now, or another sheet with the
        mapping guessed afresh; nothing is written."""
        self.error_label.hide()
        mapping = None if sheet is not None else self.current_mapping()
        sheet = sheet if sheet is not None else self.preview.sheet
        try:
            preview = with_wait_cursor(
                lambda: importing.preview_import(self.session, self.preview.path, mapping, sheet=sheet)
            )
        except UserFacingError as exc:
            self.error_label.setText(exc.message + (f"\n{exc.hint}" if exc.hint else ""))
            self.error_label.show()
            self._show_sheets()  # back to the sheet still shown
            return False
        self.preview = preview
        self._show_preview()
        return True

    def choose_sheet(self, name: str | None) -> bool:
        """Reads the named sheet instead (the chooser's choice)."""
        if not name or name == self.preview.sheet:
            return False
        return self.reload(sheet=name)

    def next_step(self) -> None:
        if self.current_mapping() != {key: self.preview.mapping.get(key) for key in self.mapping_combos}:
            if not self.reload():
                return
        self.go_to(self.CONFIRM)

    def _settled(self) -> tuple:
        """What the user has chosen so far: the sheet, the mapping, each row's 区分 and 重複の扱い."""
        model = self.model
        mapping = sorted(self.current_mapping().items())
        return (
            self.preview.sheet,
            mapping,
            sorted(model.categories.items()),
            sorted(model.decisions.items()),
            self.skip_bad.isChecked(),
        )

    def reject(self) -> None:
        """Esc, キャンセル or closing after choices were made asks first; nothing was written."""
        if self._settled() != self._proposed and not messages.confirm(
            self, wording.IMPORT_LEAVE_TITLE, wording.IMPORT_LEAVE_TEXT, wording.IMPORT_LEAVE
        ):
            return
        super().reject()

    def try_accept(self) -> bool:
        if not self.import_button.isEnabled():
            return False
        preview = importing.set_categories(self.preview, dict(self.model.categories))
        self.choice = ImportChoice(preview, self.skip_bad.isChecked(), dict(self.model.decisions))
        self.accept()
        return True
