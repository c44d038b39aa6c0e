"""ヒアリング: the visits (訪問の記録) with their open 次の対応, the 質問バンク and 回答の比較.

Three tabs share the page. Opening a visit (double-click or 「回答を入力」) shows its answer-entry
screen in place of the tabs, and 「← ヒアリングの一覧に戻る」 (or Esc) returns to the list as it
was, the same way the 名簿 opens an organisation's record; unsaved answers are asked about first.

Writes go through ``ops``; the sheets are written as a read job. Dialogs are built by
``*_dialog`` methods and run through ``run_dialog`` so tests can fill them in; file choices and
confirmations go through small methods tests can replace.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.domain.followups import FollowUp
from kyojushien_desktop.domain.hearing import DONE, PLANNED, VisitSummary
from kyojushien_desktop.services.common import followups
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.preferences import Preferences
from kyojushien_desktop.services.hearing import question_banks, visits
from kyojushien_desktop.ui.common import dialogs
from kyojushien_desktop.ui.common.deleted_dialog import DeletedDialog
from kyojushien_desktop.ui.common.flow import flow_row
from kyojushien_desktop.ui.common.followup_dialog import FollowUpDialog
from kyojushien_desktop.ui.common.followup_panel import FollowUpPanel
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.live import Page
from kyojushien_desktop.ui.common.notice_bar import Undo, UndoNotice
from kyojushien_desktop.ui.common.ops import Operations, changes_of
from kyojushien_desktop.ui.hearing import printing, wording
from kyojushien_desktop.ui.hearing.answer_entry import AnswerEntry
from kyojushien_desktop.ui.hearing.bank_editor import BankEditor
from kyojushien_desktop.ui.hearing.compare_view import CompareView
from kyojushien_desktop.ui.hearing.printing import PrintSheetsDialog
from kyojushien_desktop.ui.hearing.visit_dialog import VisitDialog
from kyojushien_desktop.ui.hearing.visit_list import PADDING, VisitList
from kyojushien_desktop.ui.hearing.visit_models import visit_moment

TABS, ENTRY = 0, 1
# The visit list shows visits with their organisation and open 次の対応; the tabs beside it, banks.
TOPICS = frozenset({Topic.VISITS, Topic.FOLLOWUPS, Topic.BANKS, Topic.ORGANIZATIONS, Topic.PEOPLE})
VISITS_TAB, BANKS_TAB, COMPARE_TAB = 0, 1, 2
COULD_NOT_UNDO = wording.COULD_NOT_UNDO


# An undo: the write that takes back what was just done, and the visit to select afterwards.
class HearingPage(Page):
    """The ヒアリング area: visits and follow-ups, 質問バンク, 回答の比較, and one visit's answers."""

    title = wording.NAV_HEARING
    topics = TOPICS | {Topic.SETTINGS}

    def __init__(self, prefs: Preferences | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self._undo: Undo | None = None
        self._deleted_dialog: DeletedDialog | None = None

        self.heading = QLabel(wording.NAV_HEARING)
        self.heading.setObjectName("pageTitle")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("recordTabs")
        self.tabs.addTab(self._build_visits(), wording.VISITS_TAB)
        self.bank_editor = BankEditor()
        self.tabs.addTab(self.bank_editor, wording.QUESTION_BANK)
        self.compare = CompareView(prefs)
        self.tabs.addTab(self.compare, wording.COMPARE_TAB)
        tabs_panel = QWidget()
        tabs_layout = QVBoxLayout(tabs_panel)
        tabs_layout.setContentsMargins(24, 16, 24, 12)
        tabs_layout.setSpacing(8)
        tabs_layout.addWidget(self.heading)
        tabs_layout.addWidget(self.tabs, 1)

        self.entry = AnswerEntry()
        self.entry.back_requested.connect(lambda: self.show_list())
        self.entry.edit_requested.connect(lambda visit_id: self.edit_visit(visit_id))
        self.entry.print_requested.connect(lambda visit_id: self.print_sheets([visit_id]))
        self.stack = QStackedWidget()
        self.stack.addWidget(tabs_panel)
        self.stack.addWidget(self.entry)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def bind(self, ops: Operations) -> None:
        super().bind(ops)
        for view in (self.bank_editor, self.compare, self.entry, self.entry.housing_checks):
            view.bind(ops)

    # --- building ---------------------------------------------------------------------------
    def _build_visits(self) -> QWidget:
        self.plan_button = QPushButton(wording.PLAN_VISIT + "…")
        self.plan_button.setObjectName("primaryButton")
        self.plan_button.clicked.connect(lambda: self.plan_visit())
        self.answer_button = QPushButton(wording.ENTER_ANSWERS)
        self.answer_button.setToolTip("選んだ訪問の回答・メモ・次の対応を書きます。")
        self.answer_button.clicked.connect(lambda: self.open_selected())
        self.done_button = QPushButton(f"{DONE}にする")
        self.done_button.setToolTip("訪問は済んだが、回答の入力はあとで、というときに。")
        self.done_button.clicked.connect(lambda: self.mark_done())
        self.edit_button = QPushButton(wording.EDIT_PLAN)
        self.edit_button.clicked.connect(lambda: self.edit_visit())
        self.print_button = QPushButton(wording.PRINT_SHEETS)
        self.print_button.setToolTip("選んだ訪問のシートを1つのPDFに。白紙のシートも作れます。")
        self.print_button.clicked.connect(lambda: self.print_sheets())
        self.deleted_button = QPushButton(wording.DELETED + "…")
        self.deleted_button.setToolTip("削除したヒアリング記録を見て、元に戻せます。")
        self.deleted_button.clicked.connect(lambda: self.show_deleted())
        self.delete_button = QPushButton(wording.DELETE_ASK)
        self.delete_button.clicked.connect(lambda: self.delete_visit())
        head = flow_row(
            self.plan_button,
            self.answer_button,
            self.done_button,
            self.edit_button,
            self.print_button,
            right=(self.delete_button,),
        )
        self.visit_list = VisitList()
        self.visit_list.add_to_foot(self.deleted_button)
        self.visit_list.open_requested.connect(lambda visit_id: self.open_visit(visit_id))
        self.visit_list.selection_changed.connect(lambda: self._update_buttons())
        self.notice = UndoNotice()
        self.notice_label, self.undo_button = self.notice.label, self.notice.undo_button
        self.undo_button.clicked.connect(lambda: self.undo())

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(8)
        top_layout.addWidget(head)
        top_layout.addWidget(self.notice)
        top_layout.addWidget(self.visit_list, 1)

        # --- open 次の対応 of every visit, the nearest 期限 first ---
        self.followups = FollowUpPanel()
        self.followups.open_requested.connect(lambda: self.open_followup_visit())
        self.followups.done_requested.connect(lambda: self.complete_followup())
        self.followups.edit_requested.connect(lambda: self.edit_followup())
        self.followups.delete_requested.connect(lambda: self.delete_followup())
        self.followups.selection_changed.connect(lambda: self._update_buttons())

        self.visits_splitter = QSplitter(Qt.Orientation.Vertical)
        self.visits_splitter.setChildrenCollapsible(False)
        self.visits_splitter.addWidget(top)
        self.visits_splitter.addWidget(self.followups)
        self.visits_splitter.setStretchFactor(0, 3)
        self.visits_splitter.setStretchFactor(1, 1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.visits_splitter)
        return page

    # --- refresh ----------------------------------------------------------------------------
    def reload(self, changes: Changes) -> None:
        self.heading.setFont(scaled(self.font(), 1.4, bold=True))
        if Topic.SETTINGS in changes.topics:
            self._fit_columns()
        if not changes.touches(TOPICS):
            return
        session = self.session
        if changes.file:
            self._undo = None
            self.notice.hide()
            self.stack.setCurrentIndex(TABS)
            self.tabs.setCurrentIndex(VISITS_TAB)
        self.setEnabled(session is not None)
        if session is None:
            self.visit_list.set_rows(None, [])
            self.followups.set_rows([], {})
            self._update_buttons()
            return
        rows = visits.list_visits(session)
        followups = visits.open_followups(session)
        self.visit_list.set_rows(rows, followups)
        self.followups.set_rows(followups, {row.id: row.organization_name for row in rows})
        self._fit_columns()
        if self.stack.currentIndex() == ENTRY and self.entry.visit is None:
            self.show_list(ask=False)
        if self._deleted_dialog is not None:
            self._deleted_dialog.reload()
        self._update_buttons()

    def _update_buttons(self) -> None:
        writable = self.writable
        chosen = self.visit_list.selected_visits()
        one = len(chosen) == 1
        self.plan_button.setEnabled(writable)
        self.plan_button.setToolTip("" if writable else wording.READ_ONLY_CANNOT_EDIT)
        self.answer_button.setEnabled(one)
        self.done_button.setEnabled(writable and one and chosen[0].status == PLANNED)
        self.edit_button.setEnabled(writable and one)
        self.delete_button.setEnabled(writable and one)
        self.deleted_button.setEnabled(self.session is not None)
        self.print_button.setEnabled(self.session is not None)
        self.followups.update_buttons(writable)

    def _fit_columns(self) -> None:
        self.visit_list.fit_columns()
        self.followups.fit(PADDING)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._fit_columns)  # after the table has its new size

    # --- navigation -------------------------------------------------------------------------
    def open_selected(self) -> None:
        ids = self.visit_list.selected_ids()
        if len(ids) == 1:
            self.open_visit(ids[0])

    def open_visit(self, visit_id: int | None) -> bool:
        """The visit's answer-entry screen, in place of the tabs."""
        if self.session is None or visit_id is None:
            return False
        if self.stack.currentIndex() == ENTRY and not self.entry.confirm_leave():
            return False
        try:
            self.entry.load(visit_id)
        except UserFacingError as exc:
            self.show_error(exc)
            return False
        self.stack.setCurrentIndex(ENTRY)
        self.entry.scroll.verticalScrollBar().setValue(0)
        return True

    def show_list(self, *, ask: bool = True) -> bool:
        if ask and not self.entry.confirm_leave():
            return False
        opened = self.entry.visit.id if self.entry.visit is not None else None
        self.entry.dirty = False
        self.stack.setCurrentIndex(TABS)
        self.tabs.setCurrentIndex(VISITS_TAB)
        if opened is not None:
            self.visit_list.select_id(opened)
        self.visit_list.table.setFocus()
        return True

    def open_followup_visit(self) -> None:
        followup = self.followups.selected()
        if followup is not None:
            self.open_visit(followup.visit_id)

    # --- dialogs (built here so tests can fill them in) -------------------------------------
    def visit_dialog(self, visit_id: int | None = None, organization_id: int | None = None) -> VisitDialog:
        assert self.session is not None
        visit = visits.get_visit(self.session, visit_id) if visit_id is not None else None
        return VisitDialog(self.session, visit, organization_id=organization_id, parent=self)

    def print_dialog(self, chosen: list[VisitSummary]) -> PrintSheetsDialog:
        assert self.session is not None
        return PrintSheetsDialog(question_banks.list_banks(self.session), chosen, self)

    def followup_dialog(self, followup: FollowUp) -> FollowUpDialog:
        names = {v.id: v.organization_name for v in self.visit_list.visits()}
        return FollowUpDialog(followup, names.get(followup.visit_id, ""), self)

    def deleted_dialog(self) -> DeletedDialog:
        assert self.session is not None
        session = self.session
        dialog = DeletedDialog(
            "ヒアリング記録",
            "削除したヒアリング記録は、ここから元に戻せます。回答・次の対応もそのまま戻ります。",
            (wording.VISITED, wording.WHEN, wording.PURPOSE),
            lambda: visits.deleted_visits(session),
            lambda row: (row.organization_name, visit_moment(row.scheduled_at), row.purpose),
            read_only=session.read_only,
            stretch=(0, 2),
            parent=self,
        )
        dialog.restore_requested.connect(self.restore_visit)
        self._deleted_dialog = dialog
        return dialog

    def choose_pdf_path(self, name: str) -> Path | None:
        return dialogs.ask_save_path(self, self.prefs, wording.PDF_SAVE_TO, name, "pdf")

    # --- leaving with unsaved answers -------------------------------------------------------
    def has_unsaved(self) -> bool:
        return self.stack.currentIndex() == ENTRY and self.entry.has_unsaved()

    def unsaved_label(self) -> str:
        return wording.THIS_VISIT_RECORD

    def save_unsaved(self) -> bool:
        return self.entry.save_unsaved()

    def discard_unsaved(self) -> None:
        self.entry.discard_unsaved()

    # --- visits -----------------------------------------------------------------------------
    def plan_visit(self, organization_id: int | None = None) -> int | None:
        """訪問を予定する: the dialog, then ``plan_visit`` (with a new organisation if one was
        registered on the spot); the new visit is selected in the list."""
        if self.session is None or not self.writable:
            return None
        dialog = self.visit_dialog(organization_id=organization_id)
        result = self.submit(
            dialog, lambda session, visit: visits.plan_visit(session, visit, dialog.result_new_organization)
        )
        if result is None:
            return None
        visit_id, changes = result
        self.reload(changes)
        self.visit_list.clear_filters()
        self.visit_list.select_id(visit_id)
        return visit_id

    def edit_visit(self, visit_id: int | None = None) -> bool:
        if visit_id is None:
            ids = self.visit_list.selected_ids()
            visit_id = ids[0] if len(ids) == 1 else None
        if self.session is None or visit_id is None or not self.writable:
            return False
        if self.stack.currentIndex() == ENTRY and not self.entry.confirm_leave():
            return False
        dialog = self.visit_dialog(visit_id)
        result = self.submit(
            dialog, lambda session, visit: visits.save_visit(session, visit, dialog.result_new_organization)
        )
        if result is None:
            return False
        self.reload(changes_of(result))
        if self.stack.currentIndex() == ENTRY:
            self.entry.load(visit_id)
        return True

    def mark_done(self) -> None:
        """実施済にする: the visit took place, its answers come later."""
        chosen = self.visit_list.selected_visits()
        if self.session is None or len(chosen) != 1 or chosen[0].status != PLANNED or not self.writable:
            return
        visit = chosen[0]
        changes = self.run_op(lambda session: visits.mark_done(session, visit.id))
        if changes is None:
            return
        self.reload(changes)
        self.visit_list.select_id(visit.id)
        self._show_notice(f"{visit.organization_name}へのヒアリングを{DONE}にしました。回答はあとから入力できます。")

    def delete_visit(self) -> None:
        chosen = self.visit_list.selected_visits()
        if self.session is None or len(chosen) != 1 or not self.writable:
            return
        visit = chosen[0]
        text = (
            f"{visit_moment(visit.scheduled_at)} の「{visit.organization_name}」へのヒアリングを"
            f"{wording.DELETED}に移します。回答・次の対応も一緒です。"
            f"すぐ下の「{wording.RESTORE}」か「{wording.DELETED}…」から戻せます。"
        )
        if not self.confirm("ヒアリング記録の削除", text, f"{wording.DELETED}に移す"):
            return
        changes = self.run_op(lambda session: visits.delete_visit(session, visit.id))
        if changes is None:
            return
        self.reload(changes)
        self._show_notice(
            f"{visit.organization_name}へのヒアリング記録を{wording.DELETED}に移しました。",
            undo=(lambda session: visits.restore_visit(session, visit.id), visit.id),
        )

    def show_deleted(self) -> None:
        if self.session is None:
            return
        self.run_dialog(self.deleted_dialog())
        self._deleted_dialog = None

    def restore_visit(self, visit_id: int) -> None:
        changes = self.run_op(lambda session: visits.restore_visit(session, visit_id), COULD_NOT_UNDO)
        if changes is None:
            return
        self.reload(changes)
        self.visit_list.clear_filters()
        self.visit_list.select_id(visit_id)
        self._show_notice("ヒアリング記録を一覧に戻しました。")

    # --- 元に戻す ---------------------------------------------------------------------------
    def _show_notice(self, text: str, undo: Undo | None = None) -> None:
        self._undo = undo
        self.notice_label.setText(text)
        self.undo_button.setVisible(undo is not None and self.writable)
        self.notice.show()

    def undo(self) -> None:
        """元に戻す: the visit just deleted comes back, or the 次の対応 just marked 済 opens again."""
        if self._undo is None:
            return
        (write, select), self._undo = self._undo, None
        changes = self.run_op(write, COULD_NOT_UNDO)
        if changes is not None:
            self.reload(changes_of(changes))
            if select is not None:
                self.visit_list.select_id(select)
        self.notice.hide()

    # --- 次の対応 ---------------------------------------------------------------------------
    def complete_followup(self) -> None:
        """済にする, with 元に戻す on the bar above the list while it still makes sense."""
        followup = self.followups.selected()
        if self.session is None or followup is None or followup.id is None or not self.writable:
            return
        followup_id = followup.id
        changes = self.run_op(lambda session: followups.complete_followup(session, followup_id, True))
        if changes is None:
            return
        self.reload(changes)
        self._show_notice(
            f"{wording.NEXT_ACTION}「{followup.action}」を済にしました。",
            undo=(lambda session: followups.complete_followup(session, followup_id, False), None),
        )

    def edit_followup(self) -> bool:
        """Corrects the selected 次の対応 (its wording, a 期限 that slipped, 済)."""
        followup = self.followups.selected()
        if self.session is None or followup is None or not self.writable:
            return False
        result = self.submit(self.followup_dialog(followup), followups.edit_followup)
        if result is None:
            return False
        self.reload(changes_of(result))
        return True

    def delete_followup(self) -> None:
        """A 次の対応 entered by mistake goes, after a question (済にする keeps it as done)."""
        followup = self.followups.selected()
        if self.session is None or followup is None or followup.id is None or not self.writable:
            return
        followup_id = followup.id
        text = (
            f"{wording.NEXT_ACTION}「{followup.action}」を削除します。"
            "済んだだけなら、削除せずに「済にする」を使うと記録が残ります。"
        )
        if not self.confirm(f"{wording.NEXT_ACTION}の削除", text, wording.DELETE_CONFIRMED):
            return
        changes = self.run_op(lambda session: followups.delete_followup(session, followup_id))
        if changes is not None:
            self.reload(changes)

    def print_sheets(self, visit_ids: list[int] | None = None) -> Path | None:
        """ヒアリングシート as one PDF: the chosen visits' sheets, or a blank sheet of a bank."""
        by_id = {v.id: v for v in self.visit_list.visits()}
        ids = visit_ids if visit_ids is not None else self.visit_list.selected_ids()
        return printing.print_sheets(self, [by_id[i] for i in ids if i in by_id])
