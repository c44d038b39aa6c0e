"""診断シート (手引き p38): the rounds (実施回) and their respondents, one respondent's 21 ratings
typed with the keyboard alone, and the comparison that turns the differences into the next
意見交換's テーマ.

The ratings being typed are unsaved input: going back to the list (← or Esc), choosing another
file and quitting ask 保存／破棄／キャンセル first. Writes go through ``ops``; dialogs are built by
``*_dialog`` methods and run through ``run_dialog`` so tests can fill them in.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.diagnosis import Respondent
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.preferences import Preferences
from kyojushien_desktop.services.diagnosis import rounds
from kyojushien_desktop.services.meetings import meetings
from kyojushien_desktop.services.members import organizations, people
from kyojushien_desktop.ui.common import dialogs
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.live import Page, settle_unsaved
from kyojushien_desktop.ui.common.ops import changes_of
from kyojushien_desktop.ui.diagnosis import papers, wording
from kyojushien_desktop.ui.diagnosis.compare_view import CompareView
from kyojushien_desktop.ui.diagnosis.dialogs import NewRoundDialog, RespondentDialog
from kyojushien_desktop.ui.diagnosis.entry import EntryView
from kyojushien_desktop.ui.diagnosis.models import RespondentTableModel, RoundTableModel

LIST, ENTRY = 0, 1
ROUNDS_TAB, COMPARE_TAB = 0, 1
TOPICS = frozenset({Topic.DIAGNOSIS, Topic.MEETINGS, Topic.ORGANIZATIONS, Topic.PEOPLE})


def _table(model) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


class DiagnosisPage(Page):
    title = wording.NAV_DIAGNOSIS
    topics = TOPICS | {Topic.SETTINGS}

    def __init__(self, prefs: Preferences | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.reloads = 0  # how often the page loaded itself (a hidden page waits until shown)
        self.heading = QLabel(wording.NAV_DIAGNOSIS)
        self.heading.setObjectName("pageTitle")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_rounds(), wording.ROUNDS_TAB)
        self.compare = CompareView()
        self.compare.theme_requested.connect(lambda chosen: self.make_theme(chosen))
        self.compare.export_requested.connect(lambda kind: self.write_comparison(kind))
        self.tabs.addTab(self.compare, wording.COMPARE_TAB)
        self.tabs.currentChanged.connect(lambda _i: self._show_compare())
        front = QWidget()
        front_layout = QVBoxLayout(front)
        front_layout.setContentsMargins(20, 14, 20, 10)
        front_layout.addWidget(self.heading)
        front_layout.addWidget(self.tabs, 1)
        self.entry = EntryView(self._save_person)
        self.entry.back_requested.connect(lambda: self.show_list())
        self.entry.saved.connect(lambda result: self.reload(changes_of(result)))
        self.stack = QStackedWidget()
        self.stack.addWidget(front)
        self.stack.addWidget(self.entry)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.entry)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(lambda: self.show_list())

    def _build_rounds(self) -> QWidget:
        self.new_button = QPushButton(wording.NEW_ROUND)
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(lambda: self.new_round())
        self.round_model = RoundTableModel()
        self.round_table = _table(self.round_model)
        self.round_table.selectionModel().currentRowChanged.connect(lambda *_: self._round_chosen())
        self.meeting_label = QLabel()
        self.meeting_label.setObjectName("hint")
        self.meeting_label.setWordWrap(True)
        self.add_button = QPushButton(wording.ADD_RESPONDENT)
        self.add_button.clicked.connect(lambda: self.add_respondent())
        self.enter_button = QPushButton(wording.ENTER_ANSWERS)
        self.enter_button.clicked.connect(lambda: self.open_selected())
        self.remove_button = QPushButton(wording.DELETE_ASK)
        self.remove_button.clicked.connect(lambda: self.remove_respondent())
        self.sheet_pdf_button = QPushButton(wording.SHEET_PDF)
        self.sheet_pdf_button.clicked.connect(lambda: self.write_sheet("pdf"))
        self.sheet_xlsx_button = QPushButton(wording.SHEET_XLSX)
        self.sheet_xlsx_button.clicked.connect(lambda: self.write_sheet("xlsx"))
        self.import_button = QPushButton(wording.IMPORT_SHEETS)
        self.import_button.clicked.connect(lambda: self.import_sheets())
        self.person_model = RespondentTableModel()
        self.person_table = _table(self.person_model)
        self.person_table.doubleClicked.connect(lambda index: self.open_person(index.row()))
        self.person_table.activated.connect(lambda index: self.open_person(index.row()))
        self.person_table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 6, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(wording.ROUNDS), 1)
        row.addWidget(self.new_button)
        upper_layout.addLayout(row)
        upper_layout.addWidget(self.round_table, 1)
        upper_layout.addWidget(self.meeting_label)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 6, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(wording.RESPONDENTS), 1)
        for button in (self.add_button, self.enter_button, self.remove_button):
            row.addWidget(button)
        lower_layout.addLayout(row)
        papers = QHBoxLayout()
        papers.addStretch(1)
        for button in (self.sheet_pdf_button, self.sheet_xlsx_button, self.import_button):
            papers.addWidget(button)
        lower_layout.addLayout(papers)
        lower_layout.addWidget(self.person_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        return splitter

    # --- refresh ----------------------------------------------------------------------------
    def reload(self, changes: Changes) -> None:
        self.heading.setFont(scaled(self.font(), 1.4, bold=True))
        if not changes.touches(TOPICS | {Topic.FILE}):
            return
        self.reloads += 1
        session = self.session
        self.setEnabled(session is not None)
        if changes.file and self.stack.currentIndex() == ENTRY:
            self.entry.person = None
            self.stack.setCurrentIndex(LIST)
        chosen = self.round_id()
        rows = rounds.list_rounds(session) if session is not None else []
        self.round_model.set_rows(rows)
        number = self.round_model.row_of_id(chosen) if chosen is not None else -1
        if number < 0 and rows:
            number = 0
        if number >= 0:
            self.round_table.setCurrentIndex(self.round_model.index(number, 0))
        self._round_chosen()

    def round_id(self) -> int | None:
        index = self.round_table.currentIndex()
        return self.round_model.row(index.row()).id if index.isValid() else None

    def _round_chosen(self) -> None:
        session, round_id = self.session, self.round_id()
        person = self.selected_person()
        self.person_model.set_rows(rounds.respondents_of(session, round_id) if session and round_id else [])
        number = self.person_model.row_of_id(person.id) if person is not None and person.id is not None else -1
        if self.person_model.rowCount():
            self.person_table.setCurrentIndex(self.person_model.index(max(number, 0), 0))
        linked = rounds.get_round(session, round_id).meeting_id if session and round_id else None
        self.meeting_label.setText(f"{wording.MEETING_LINKED}{self._meeting_title(linked)}" if linked else "")
        self.meeting_label.setVisible(bool(linked))
        self._show_compare()
        self._update_buttons()

    def _meeting_title(self, meeting_id: int) -> str:
        assert self.session is not None
        meeting = meetings.get_meeting(self.session, meeting_id)
        return f"{meeting.title}（{wareki.format_date(meeting.starts_at.date())}）"

    def _show_compare(self) -> None:
        if self.tabs.currentIndex() != COMPARE_TAB or self.session is None:
            return
        round_id = self.round_id()
        index = self.round_table.currentIndex()
        heading = self.round_model.row(index.row()).name if index.isValid() else wording.NO_ROUND
        self.compare.show_round(self.session, round_id, heading)

    def selected_person(self) -> Respondent | None:
        index = self.person_table.currentIndex()
        return self.person_model.row(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        writable, has_round = self.writable, self.round_id() is not None
        chosen = self.selected_person() is not None
        self.new_button.setEnabled(writable)
        self.add_button.setEnabled(writable and has_round)
        self.enter_button.setEnabled(writable and chosen)
        self.remove_button.setEnabled(writable and chosen)

    # --- entry ------------------------------------------------------------------------------
    def open_selected(self) -> None:
        index = self.person_table.currentIndex()
        if index.isValid():
            self.open_person(index.row())

    def open_person(self, number: int) -> bool:
        if not self.writable or not 0 <= number < self.person_model.rowCount():
            return False
        self.entry.show_person(self.person_model.row(number))
        self.stack.setCurrentIndex(ENTRY)
        self.entry.table.setFocus()
        return True

    def _save_person(self, person: Respondent) -> object:
        return self.run_op(lambda session: rounds.save_respondent(session, person))

    def show_list(self, *, ask: bool = True) -> bool:
        if ask and not self.confirm_leave():
            return False
        self.entry.person = None
        self.stack.setCurrentIndex(LIST)
        self.person_table.setFocus()
        return True

    # --- unsaved input ----------------------------------------------------------------------
    def has_unsaved(self) -> bool:
        return self.stack.currentIndex() == ENTRY and self.entry.dirty

    def save_unsaved(self) -> bool:
        return not self.has_unsaved() or self.entry.save()

    def discard_unsaved(self) -> None:
        self.entry.discard()

    def confirm_leave(self) -> bool:
        return settle_unsaved(self, self.entry.title.text())

    # --- dialogs (built here so tests can fill them in) -------------------------------------
    def new_round_dialog(self) -> NewRoundDialog:
        assert self.session is not None
        return NewRoundDialog(rounds.new_round(""), rounds.list_rounds(self.session), self)

    def respondent_dialog(self, round_id: int) -> RespondentDialog:
        assert self.session is not None
        session = self.session
        found = people.people_by_organization(session)
        internal = [
            (org.name, org.category, person)
            for org in organizations.list_organizations(session)
            if org.internal
            for person in found.get(org.id, [])
            if person.is_current
        ]
        return RespondentDialog(round_id, internal, self)

    # --- writes -----------------------------------------------------------------------------
    def new_round(self) -> int | None:
        if self.session is None or not self.writable:
            return None

        def save(session, value) -> tuple[int, Changes]:
            item, previous = value
            round_id, changes = rounds.save_round(session, item)
            if previous is not None:
                changes = changes | rounds.copy_respondents(session, previous, round_id)
            return round_id, changes

        result = self.submit(self.new_round_dialog(), save)
        if result is None:
            return None
        round_id, changes = result
        self.reload(changes)
        self.round_table.setCurrentIndex(self.round_model.index(self.round_model.row_of_id(round_id), 0))
        return round_id

    def add_respondent(self) -> int | None:
        round_id = self.round_id()
        if round_id is None or not self.writable:
            return None
        result = self.submit(self.respondent_dialog(round_id), rounds.save_respondent)  # type: ignore[arg-type]
        if result is None:
            return None
        respondent_id, changes = result
        self.reload(changes)
        self.person_table.setCurrentIndex(self.person_model.index(self.person_model.row_of_id(respondent_id), 0))
        return respondent_id

    def remove_respondent(self) -> bool:
        person = self.selected_person()
        if person is None or person.id is None or not self.writable:
            return False
        text = f"「{person.name}」さんとその回答（{len(person.scores)}項目）を、この実施回から削除します。"
        if not self.confirm(wording.REMOVE_RESPONDENT, text, wording.DELETE_CONFIRMED):
            return False
        person_id = person.id
        changes = self.run_op(lambda session: rounds.remove_respondent(session, person_id))
        if changes is None:
            return False
        self.reload(changes)
        return True

    def make_theme(self, chosen: list[str]) -> int | None:
        """Step ③: an 意見交換会 with the chosen items as テーマ, linked to the round, opened."""
        round_id = self.round_id()
        if round_id is None or not self.writable or not chosen:
            return None
        result = self.run_op(lambda session: rounds.meeting_from_items(session, round_id, chosen))
        if result is None:
            return None
        meeting_id, changes = result
        self.reload(changes)
        self.open_requested.emit("meeting", meeting_id)
        return meeting_id

    # --- paper and Excel ----------------------------------------------------------------------
    def choose_path(self, stem: str, kind: str) -> Path | None:
        return dialogs.ask_save_path(self, self.prefs, wording.WRITE_TO, stem, kind)

    def choose_workbooks(self) -> list[Path]:
        return papers.ask_workbooks(self, self.prefs)

    def write_sheet(self, kind: str) -> Path | None:
        """The A4 or Excel sheet: the chosen respondent's, or a blank one with none chosen."""
        round_id = self.round_id()
        if round_id is None:
            return None
        person = self.selected_person()
        return papers.write_sheet(self, self, round_id, person.id if person else None, kind)

    def import_sheets(self) -> bool:
        round_id = self.round_id()
        if round_id is None or not papers.import_sheets(self, self, round_id):
            return False
        self.reload(Changes.of(Topic.DIAGNOSIS))
        return True

    def write_comparison(self, kind: str) -> Path | None:
        round_id = self.round_id()
        if round_id is None:
            return None
        return papers.write_comparison(self, self, round_id, kind, self.compare.hide_names.isChecked())
