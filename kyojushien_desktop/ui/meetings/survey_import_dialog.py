"""表から取り込む: a spreadsheet of answers (one row per respondent) into the meeting's 回答票, in
steps the user can check, as the 名簿 import does.

The file is read and checked as a job (``preview_survey_import``, nothing written); the dialog
shows which column is which question, every row's state and every problem by sheet, row, cell
and header, and lets the bad rows be skipped only on purpose; 取り込む then writes as a job that
キャンセル leaves unwritten (``apply_survey_import``, one transaction).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.meetings.survey_import import (
    SurveyImportPreview,
    apply_survey_import,
    preview_survey_import,
)
from kyojushien_desktop.ui.common import jobs
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.forms import size_for_text
from kyojushien_desktop.ui.common.live import Page
from kyojushien_desktop.ui.common.widgets import char_width, list_table, set_resize_modes, with_wait_cursor
from kyojushien_desktop.ui.meetings import survey_wording as wording
from kyojushien_desktop.ui.meetings.survey_models import SurveyImportRowsModel


def _label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


class SurveyImportDialog(QDialog):
    """The preview of one file; ``preview`` (perhaps another sheet's) and ``skip_bad`` after OK."""

    def __init__(
        self, session: Session, meeting_id: int, preview: SurveyImportPreview, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session, self.meeting_id, self.preview = session, meeting_id, preview
        self.setWindowTitle(wording.IMPORT_TITLE)
        title = QLabel(wording.IMPORT_TITLE)
        title.setFont(scaled(self.font(), 1.2, bold=True))
        self.file_label = _label("hint")
        self.sheet_combo = QComboBox()
        self.sheet_combo.activated.connect(lambda _i: self.choose_sheet(self.sheet_combo.currentData()))
        self.sheet_row = QWidget()
        sheet_layout = QHBoxLayout(self.sheet_row)
        sheet_layout.setContentsMargins(0, 0, 0, 0)
        sheet_label = QLabel(wording.SHEET_TO_READ)
        sheet_label.setBuddy(self.sheet_combo)
        sheet_layout.addWidget(sheet_label)
        sheet_layout.addWidget(self.sheet_combo)
        sheet_layout.addStretch(1)
        self.columns_label = _label("")
        self.notices = _label("warning")
        self.summary = QLabel()
        self.summary.setFont(scaled(self.font(), 1.05, bold=True))
        self.summary.setWordWrap(True)
        self.numbering = _label("hint")
        self.model = SurveyImportRowsModel(self)
        self.table = list_table(self.model)
        set_resize_modes(
            self.table,
            QHeaderView.ResizeMode.ResizeToContents,
            QHeaderView.ResizeMode.ResizeToContents,
            QHeaderView.ResizeMode.Interactive,
            QHeaderView.ResizeMode.Stretch,
        )
        self.table.setColumnWidth(2, char_width(self, 12))  # 回答票になります, or the start of a problem
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setObjectName("problemList")
        self.problems.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 14)
        self.error_label = _label("fieldError")
        self.error_label.hide()
        self.skip_bad = QCheckBox(wording.SKIP_BAD_ROWS)
        self.skip_bad.toggled.connect(lambda _on: self._update_button())
        self.nothing_yet = _label("hint")
        self.nothing_yet.setText(wording.NOTHING_WRITTEN_YET)
        self.import_button = QPushButton(wording.IMPORT_FORMS)
        self.import_button.setObjectName("primaryButton")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(lambda: self.try_accept())
        cancel = QPushButton(wording.CANCEL)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.nothing_yet, 1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addWidget(self.file_label)
        layout.addWidget(self.sheet_row)
        layout.addWidget(self.columns_label)
        layout.addWidget(self.notices)
        layout.addWidget(self.summary)
        layout.addWidget(self.numbering)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.error_label)
        layout.addWidget(self.skip_bad)
        layout.addLayout(buttons)
        size_for_text(self, 66, 44)
        self._show()

    def _show(self) -> None:
        preview = self.preview
        path = Path(preview.path)
        self.file_label.setText(wording.import_file(path.name, preview.place, preview.header_row, str(path.parent)))
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        for name in preview.sheets:
            self.sheet_combo.addItem(name, name)
        self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findData(preview.sheet), 0))
        self.sheet_combo.blockSignals(False)
        self.sheet_row.setVisible(len(preview.sheets) > 1)
        numbers = {q.id: n for n, q in enumerate(preview.questions, 1)}
        shorts = {q.id: q.short for q in preview.questions}
        read = [
            wording.column_read_as(
                c.letter,
                c.header,
                wording.FORM_NUMBER if c.number else f"問{numbers[c.question_id]} {shorts[c.question_id]}",
            )
            for c in preview.columns
            if c.number or c.question_id is not None
        ]
        self.columns_label.setText(wording.COLUMNS_READ + "　".join(read))
        notices = [*(f"✖ {text}" for text in preview.file_problems), *(f"⚠ {text}" for text in preview.warnings)]
        self.notices.setText("\n".join(notices))
        self.notices.setVisible(bool(notices))
        good, bad = len(preview.good_rows), len(preview.bad_rows)
        self.summary.setText(wording.import_summary(good, bad, len(preview.skipped), preview.blank_rows))
        numbered = preview.good_rows
        if preview.numbered or not numbered:
            self.numbering.setText(wording.NUMBERS_FROM_FILE if preview.numbered else "")
        else:
            self.numbering.setText(wording.numbers_after(numbered[0].number or 0, numbered[-1].number or 0))
        self.model.set_preview(preview)
        self.problems.setPlainText("\n".join(p.describe() for p in preview.problems))
        self.problems.setVisible(bool(preview.problems))
        self.skip_bad.setChecked(False)
        self.skip_bad.setVisible(bad > 0 and good > 0 and not preview.file_problems)
        self._update_button()

    def _update_button(self) -> None:
        preview = self.preview
        blocked = bool(preview.file_problems) or (bool(preview.bad_rows) and not self.skip_bad.isChecked())
        self.import_button.setEnabled(bool(preview.good_rows) and not blocked)

    def choose_sheet(self, name: str | None) -> bool:
        """Reads another sheet of the same file (nothing written)."""
        if not name or name == self.preview.sheet:
            return False
        self.error_label.hide()
        try:
            preview = with_wait_cursor(
                lambda: preview_survey_import(self.session, self.meeting_id, self.preview.path, sheet=name)
            )
        except UserFacingError as exc:
            self.error_label.setText(exc.message + (f"\n{exc.hint}" if exc.hint else ""))
            self.error_label.show()
            self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findData(self.preview.sheet), 0))
            return False
        self.preview = preview
        self._show()
        return True

    def try_accept(self) -> bool:
        if not self.import_button.isEnabled():
            return False
        self.accept()
        return True


def import_survey(host: Page, meeting_id: int, choose_file: Callable[[], Path | None]) -> bool:
    """choose → preview (a job that reads only) → the dialog → the import as a write job that
    キャンセル leaves unwritten; True when forms were added."""
    session = host.session
    if session is None:
        return False
    path = choose_file()
    if path is None:
        return False
    preview = jobs.run_write(
        host,
        host.ops,
        lambda reader, progress: preview_survey_import(reader, meeting_id, path, progress=progress),
        title=wording.READING_SHEET,
        error_title=wording.COULD_NOT_READ_SHEET,
    )
    if preview is None:
        return False
    dialog = SurveyImportDialog(session, meeting_id, preview, host)
    accepted, chosen, skip_bad = host.run_dialog(dialog), dialog.preview, dialog.skip_bad.isChecked()
    dialog.deleteLater()
    if not accepted:
        return False
    result = jobs.run_write(
        host,
        host.ops,
        lambda writer, progress: apply_survey_import(writer, chosen, skip_bad=skip_bad, progress=progress),
        title=wording.IMPORTING_FORMS,
        error_title=wording.COULD_NOT_IMPORT_FORMS,
    )
    if result is None:
        return False
    host.inform(wording.IMPORTED_TITLE, result.describe())
    return True
