"""参加者アンケート of one meeting, as a tab of the 会議・勉強会 page (the page embeds ``SurveyTab``
and calls ``show_meeting`` and ``reload``; it asks ``has_unsaved`` before it switches meeting or
tab, and lets ``save_unsaved`` / ``discard_unsaved`` settle it).

The tab sets the question set (質問の設定…), prints blank forms (アンケート用紙を印刷…), takes the
paper forms back by keyboard (回答票の入力, with the forms entered listed beside it to correct or
delete) or from a spreadsheet (表から取り込む…), and shows the results (集計結果: n, 回収率 against
those who attended, each question's answers). Every write goes through the page's ``run_op`` or
``submit``, so the bus hears of it; the tab reloads itself after its own writes, which the page
skips as their initiator.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.domain.meetings import SurveyQuestion, SurveyResponse
from kyojushien_desktop.services.common.jobs import Progress
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.meetings import meetings, participants, report, survey
from kyojushien_desktop.ui.common import dialogs, jobs
from kyojushien_desktop.ui.common.flow import flow_row
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.forms import dialog_buttons
from kyojushien_desktop.ui.common.live import Page, settle_unsaved
from kyojushien_desktop.ui.common.widgets import list_table, open_on_enter, set_resize_modes
from kyojushien_desktop.ui.meetings import survey_wording as wording
from kyojushien_desktop.ui.meetings.survey_entry import SurveyEntry
from kyojushien_desktop.ui.meetings.survey_models import SurveyFormsModel
from kyojushien_desktop.ui.meetings.survey_questions_dialog import SurveyQuestionsDialog
from kyojushien_desktop.ui.meetings.survey_results import SurveyResultsView

MAX_COPIES = 500
DEFAULT_COPIES = 30  # before anyone is invited
NOT_IN_FILE_NAMES = frozenset('\\/:*?"<>|')


class SurveyPrintDialog(QDialog):
    """How many blank forms to print (one PDF, the form repeated); ``copies`` after OK."""

    def __init__(self, copies: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(wording.PRINT_FORMS_TITLE)
        self.copies = QSpinBox()
        self.copies.setRange(1, MAX_COPIES)
        self.copies.setValue(min(max(copies, 1), MAX_COPIES))
        self.copies.setSuffix(wording.COPIES_SUFFIX)
        label = QLabel(wording.COPIES)
        label.setBuddy(self.copies)
        hint = QLabel(wording.COPIES_HINT)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.copies)
        row.addStretch(1)
        buttons, _ok = dialog_buttons(self, wording.MAKE_FORMS_PDF, self.accept)
        heading = QLabel(wording.PRINT_FORMS_TITLE)
        heading.setFont(scaled(self.font(), 1.2, bold=True))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ") * 30)


class SurveyTab(QWidget):
    """The アンケート of the meeting the page shows (none: everything is off)."""

    def __init__(self, host: Page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.meeting_id: int | None = None
        self.questions: list[SurveyQuestion] = []
        self.responses: list[SurveyResponse] = []

        self.questions_button = QPushButton(wording.SET_QUESTIONS)
        self.questions_button.clicked.connect(lambda: self.edit_questions())
        self.print_button = QPushButton(wording.PRINT_FORMS)
        self.print_button.clicked.connect(lambda: self.print_forms())
        self.import_button = QPushButton(wording.IMPORT_SHEET)
        self.import_button.setToolTip(wording.IMPORT_SHEET_TIP)
        self.import_button.clicked.connect(lambda: self.import_sheet())
        self.count = QLabel()
        self.count.setObjectName("countLabel")
        toolbar = flow_row(self.questions_button, self.print_button, self.import_button, right=(self.count,))

        self.entry = SurveyEntry(host)
        self.entry.saved.connect(lambda _n: self.reload())
        self.forms_model = SurveyFormsModel(self)
        self.forms = list_table(self.forms_model)
        self.forms.setAccessibleName(wording.FORMS_ENTERED)
        set_resize_modes(self.forms, *([self.forms.horizontalHeader().ResizeMode.ResizeToContents] * 2))
        self.forms.horizontalHeader().setStretchLastSection(True)
        open_on_enter(self.forms, lambda: self.entry.focus_line(0))
        self.forms.selectionModel().currentRowChanged.connect(
            lambda current, previous: self._form_chosen(current, previous)
        )
        self.delete_button = QPushButton(wording.DELETE_ASK)
        self.delete_button.clicked.connect(lambda: self.delete_form())
        forms_title = QLabel(wording.FORMS_ENTERED)
        forms_title.setObjectName("sectionTitle")
        forms_hint = QLabel(wording.FORMS_HINT)
        forms_hint.setObjectName("hint")
        forms_hint.setWordWrap(True)
        side = QVBoxLayout()
        side.setSpacing(4)
        side.addWidget(forms_title)
        side.addWidget(self.forms, 1)
        side.addWidget(forms_hint)
        side.addWidget(self.delete_button)
        entry_page = QWidget()
        entry_layout = QHBoxLayout(entry_page)
        entry_layout.setContentsMargins(6, 6, 6, 6)
        entry_layout.addWidget(self.entry, 2)
        entry_layout.addLayout(side, 1)

        self.results = SurveyResultsView()
        results_page = QWidget()
        results_layout = QVBoxLayout(results_page)
        results_layout.setContentsMargins(6, 6, 6, 6)
        results_layout.addWidget(self.results)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("recordTabs")
        self.tabs.addTab(entry_page, wording.ENTRY_TAB)
        self.tabs.addTab(results_page, wording.RESULTS_TAB)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(toolbar)
        layout.addWidget(self.tabs, 1)
        self._syncing = False
        self.tabs.currentChanged.connect(lambda _i: self._start_typing())
        self.show_meeting(None)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Opening the tab puts the cursor on question 1, ready for the first paper form."""
        super().showEvent(event)
        self._start_typing()

    def _start_typing(self) -> None:
        focus = QApplication.focusWidget()
        if self.tabs.currentIndex() == 0 and not (focus is not None and self.entry.isAncestorOf(focus)):
            self.entry.focus_line(0)

    # --- what is shown ----------------------------------------------------------------------
    def show_meeting(self, meeting_id: int | None) -> None:
        """Shows the meeting's アンケート from scratch; typed answers are dropped (ask first)."""
        self.meeting_id = meeting_id
        self.questions, self.responses = [], []
        self._load(rebuild=True)

    def reload(self) -> None:
        """Up to date with the file; answers being typed stay (and their lines, unless the
        question set itself changed while nothing was typed)."""
        self._load(rebuild=False)

    def _load(self, rebuild: bool) -> None:
        session = self.host.session
        meeting_id = self.meeting_id
        results = None
        if session is not None and meeting_id is not None:
            try:
                questions = survey.questions_of(session, meeting_id)
                responses = survey.responses_of(session, meeting_id)
                results = survey.results(session, meeting_id)
            except UserFacingError:
                questions, responses, meeting_id = [], [], None
        else:
            questions, responses = [], []
        changed = questions != self.questions
        self.meeting_id, self.questions, self.responses = meeting_id, questions, responses
        read_only = session is None or session.read_only
        if rebuild or ((changed or self.entry.font_changed()) and not self.entry.has_unsaved()):
            self.entry.set_meeting(meeting_id, questions, responses, read_only)
        else:
            self.entry.set_forms(responses)
        self._syncing = True
        self.forms_model.set_forms(questions, responses)
        self._syncing = False
        self.results.show_results(results)
        self.count.setText(wording.forms_count(len(responses)) if meeting_id is not None else "")
        usable = meeting_id is not None and not read_only
        for button in (self.questions_button, self.import_button):
            button.setEnabled(usable)
        self.print_button.setEnabled(meeting_id is not None and bool(questions))
        self.delete_button.setEnabled(usable and bool(responses))

    # --- the forms entered ------------------------------------------------------------------
    def _form_chosen(self, current: QModelIndex, previous: QModelIndex) -> None:
        """A form chosen in the list opens in the panel to correct (asking first about typing)."""
        if self._syncing or not current.isValid():
            return
        number = self.forms_model.number_at(current.row())
        response = next((r for r in self.responses if r.number == number), None)
        if response is None or response.number == self.entry.correcting:
            return
        if not self.confirm_leave():
            self._syncing = True
            self.forms.setCurrentIndex(previous)
            self._syncing = False
            return
        self.entry.load_form(response)

    def chosen_number(self) -> int | None:
        index = self.forms.currentIndex()
        return self.forms_model.number_at(index.row()) if index.isValid() else None

    def delete_form(self) -> bool:
        """削除…: the chosen form (asks first)."""
        number, meeting_id = self.chosen_number(), self.meeting_id
        if number is None or meeting_id is None:
            return False
        if not self.host.confirm(wording.DELETE_FORM_TITLE, wording.delete_form(number), wording.DELETE_CONFIRMED):
            return False
        if self.host.run_op(lambda session: survey.delete_response(session, meeting_id, number)) is None:
            return False
        if self.entry.correcting == number:
            self.entry.new_form()
        self.reload()
        return True

    # --- questions, printing, import --------------------------------------------------------
    def edit_questions(self) -> bool:
        """質問の設定…: the dialog, then ``set_questions`` (the service's problems beside the list)."""
        meeting_id = self.meeting_id
        if meeting_id is None or self.host.session is None or not self.confirm_leave():
            return False
        counts: dict[int, int] = {}
        for response in self.responses:
            for question_id, answer in response.answers.items():
                if answer:
                    counts[question_id] = counts.get(question_id, 0) + 1
        dialog = self.questions_dialog(counts)
        result = self.host.submit(dialog, lambda session, value: survey.set_questions(session, meeting_id, value))  # type: ignore[arg-type]
        dialog.deleteLater()
        if result is None:
            return False
        self.reload()
        return True

    def questions_dialog(self, counts: dict[int, int]) -> SurveyQuestionsDialog:
        return SurveyQuestionsDialog(self.questions, counts, survey.presets(self.meeting_id or 0), self)

    def default_copies(self) -> int:
        session, meeting_id = self.host.session, self.meeting_id
        if session is None or meeting_id is None:
            return DEFAULT_COPIES
        counts = participants.counts(session, meeting_id)
        return counts.attending or counts.invited or DEFAULT_COPIES

    def choose_form_path(self, stem: str) -> Path | None:
        return dialogs.ask_save_path(self, getattr(self.host, "prefs", None), wording.WRITE_TO, stem, "pdf")

    def choose_import_file(self) -> Path | None:
        return dialogs.ask_open_path(
            self, getattr(self.host, "prefs", None), wording.CHOOSE_SHEET_CAPTION, wording.SHEET_FILE_FILTER
        )

    def print_forms(self) -> Path | None:
        """アンケート用紙を印刷…: how many, where, then the PDF as a read job."""
        session, meeting_id = self.host.session, self.meeting_id
        if session is None or meeting_id is None:
            return None
        dialog = SurveyPrintDialog(self.default_copies(), self)
        accepted, copies = self.host.run_dialog(dialog), dialog.copies.value()
        dialog.deleteLater()
        if not accepted:
            return None
        # characters Windows refuses in a file name (第1回: 勉強会) become _
        title = "".join("_" if c in NOT_IN_FILE_NAMES else c for c in meetings.get_meeting(session, meeting_id).title)
        path = self.choose_form_path(wording.form_file_stem(title))
        if path is None:
            return None

        def write(reader: Session, progress: Progress, replace: bool) -> Path:
            return report.export_survey_form_pdf(
                reader, meeting_id, path, copies, replace_unsupported=replace, progress=progress
            )

        written = jobs.run_export(
            self.host, session, write, title=wording.MAKING_FORMS, error_title=wording.COULD_NOT_MAKE_FORMS
        )
        if written is None:
            return None
        self.host.inform_written(wording.FORMS_MADE_TITLE, wording.forms_made(copies), written)
        return written

    def import_sheet(self) -> bool:
        """表から取り込む…: choose, preview, check, write (``survey_import_dialog``)."""
        if self.meeting_id is None or not self.confirm_leave():
            return False
        from kyojushien_desktop.ui.meetings.survey_import_dialog import import_survey

        done = import_survey(self.host, self.meeting_id, self.choose_import_file)
        if done:
            self.reload()
        return done

    # --- unsaved input ----------------------------------------------------------------------
    def has_unsaved(self) -> bool:
        return self.entry.has_unsaved()

    def save_unsaved(self) -> bool:
        return self.entry.save()

    def discard_unsaved(self) -> None:
        self.entry.discard()

    def confirm_leave(self) -> bool:
        """保存／破棄／キャンセル before the typed form would be dropped; True when the way is clear."""
        return settle_unsaved(self, wording.form_title(self.entry.number.value()))
