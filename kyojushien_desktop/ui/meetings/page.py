"""会議・勉強会: the meetings of the open file and, opened from the list, one meeting's record in
tabs — 企画 (with the guide beside it), 段取り, 参加者, グループ, 記録, アンケート — with 状態を進める
and the 開催レポート on top.

The list and the record share the page, as on the 名簿 and the ヒアリング pages: double-click (or
Enter, or 開く) opens the record in place and 「← 会議の一覧に戻る」 (or Esc) returns to the list as
it was. What is typed in 企画, 記録 and the groups' 主な意見 is unsaved input: leaving the record,
opening another meeting or file, and quitting ask 保存／破棄／キャンセル first.

Writes go through ``ops``; the tabs reach the session through this page (``Host``) and tell it
what changed with ``after``, so every part shows the same data. Dialogs are built by ``*_dialog``
methods and run through ``run_dialog`` so tests can fill them in.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.domain.meetings import MEETING_STATUSES, REPORTED, Meeting
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.preferences import Preferences
from kyojushien_desktop.services.meetings import meetings
from kyojushien_desktop.ui.common import dialogs
from kyojushien_desktop.ui.common.cells import commit_open_edits
from kyojushien_desktop.ui.common.deleted_dialog import DeletedDialog
from kyojushien_desktop.ui.common.flow import flow_row
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.live import Page, settle_unsaved
from kyojushien_desktop.ui.common.notice_bar import Undo, UndoNotice
from kyojushien_desktop.ui.common.ops import changes_of
from kyojushien_desktop.ui.meetings import wording
from kyojushien_desktop.ui.meetings.checklist_tab import ChecklistTab
from kyojushien_desktop.ui.meetings.fields import show_status, status_badge
from kyojushien_desktop.ui.meetings.groups_tab import GroupsTab
from kyojushien_desktop.ui.meetings.meeting_list import MeetingList
from kyojushien_desktop.ui.meetings.models import meeting_day
from kyojushien_desktop.ui.meetings.new_meeting_dialog import NewMeetingDialog
from kyojushien_desktop.ui.meetings.participants_tab import ParticipantsTab
from kyojushien_desktop.ui.meetings.planner import PlannerTab
from kyojushien_desktop.ui.meetings.record_tab import RecordTab
from kyojushien_desktop.ui.meetings.report_options import make_report
from kyojushien_desktop.ui.meetings.survey_tab import SurveyTab

LIST, RECORD = 0, 1


class UnsavedPart(NamedTuple):
    """A tab with unsaved input and how to save or drop it."""

    tab: QWidget
    save: Callable[[], bool]
    discard: Callable[[], None]


PLANNER_TAB, CHECKLIST_TAB, PARTICIPANTS_TAB, GROUPS_TAB, RECORD_TAB, SURVEY_TAB = range(6)
# The list shows meetings with their counts and open steps; the record shows participants from
# the 名簿, the checklist, the survey and the follow-ups.
TOPICS = frozenset({Topic.MEETINGS, Topic.CHECKLIST, Topic.SURVEY, Topic.FOLLOWUPS, Topic.ORGANIZATIONS, Topic.PEOPLE})


class MeetingsPage(Page):
    """The 会議・勉強会 area: the list and, opened from it, one meeting's record."""

    title = wording.NAV_MEETINGS
    topics = TOPICS | {Topic.SETTINGS}

    def __init__(self, prefs: Preferences | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.meeting: Meeting | None = None
        self._undo: Undo | None = None
        self._deleted_dialog: DeletedDialog | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_list())
        self.stack.addWidget(self._build_record())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # --- building ---------------------------------------------------------------------------
    def _build_list(self) -> QWidget:
        self.heading = QLabel(wording.NAV_MEETINGS)
        self.heading.setObjectName("pageTitle")
        self.new_button = QPushButton(wording.NEW_MEETING)
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(lambda: self.new_meeting())
        self.open_button = QPushButton(wording.OPEN)
        self.open_button.clicked.connect(lambda: self.open_selected())
        self.delete_button = QPushButton(wording.DELETE_ASK)
        self.delete_button.clicked.connect(lambda: self.delete_meeting())
        head = flow_row(self.heading, right=(self.new_button, self.open_button, self.delete_button))
        self.notice = UndoNotice()
        self.notice.undo_button.clicked.connect(lambda: self.undo())
        self.meeting_list = MeetingList()
        self.meeting_list.open_requested.connect(lambda meeting_id: self.open_meeting(meeting_id))
        self.meeting_list.selection_changed.connect(lambda: self._update_buttons())
        self.deleted_button = QPushButton(wording.DELETED + "…")
        self.deleted_button.setToolTip("削除した会議を見て、元に戻せます。")
        self.deleted_button.clicked.connect(lambda: self.show_deleted())
        self.meeting_list.add_to_foot(self.deleted_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.setSpacing(8)
        layout.addWidget(head)
        layout.addWidget(self.notice)
        layout.addWidget(self.meeting_list, 1)
        return page

    def _build_record(self) -> QWidget:
        self.back_button = QPushButton(wording.BACK_TO_LIST)
        self.back_button.clicked.connect(lambda: self.show_list())
        self.advance_button = QPushButton()
        self.advance_button.setToolTip(f"{wording.STATUS_FLOW}。開催済にすると、出席した庁外の団体の関係が上がります。")
        self.advance_button.clicked.connect(lambda: self.advance_status())
        self.pdf_button = QPushButton(wording.REPORT_PDF)
        self.pdf_button.setObjectName("primaryButton")
        self.pdf_button.clicked.connect(lambda: self.make_report("pdf"))
        self.docx_button = QPushButton(wording.REPORT_DOCX)
        self.docx_button.setToolTip("Wordで仕上げたいときに。内容はPDFと同じです。")
        self.docx_button.clicked.connect(lambda: self.make_report("docx"))
        top = flow_row(self.back_button, right=(self.advance_button, self.pdf_button, self.docx_button))
        self.record_title = QLabel()
        self.record_title.setWordWrap(True)
        self.record_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_badge = status_badge()
        title_row = QHBoxLayout()
        title_row.setSpacing(12)
        title_row.addWidget(self.record_title, 1)
        title_row.addWidget(self.status_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        self.facts = QLabel()
        self.facts.setObjectName("hint")
        self.facts.setWordWrap(True)
        self.record_notice = UndoNotice()
        self.record_notice.undo_button.hide()

        self.planner = PlannerTab(self)
        self.checklist = ChecklistTab(self)
        self.participants = ParticipantsTab(self)
        self.groups = GroupsTab(self)
        self.groups.print_requested.connect(lambda: self.participants.print_roster(wording.PRINT_GROUPS.rstrip("…")))
        self.record = RecordTab(self)
        self.survey = SurveyTab(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("recordTabs")
        for widget, text in (
            (self.planner, wording.PLANNER_TAB),
            (self.checklist, wording.STEPS),
            (self.participants, wording.PARTICIPANTS_TAB),
            (self.groups, wording.GROUP),
            (self.record, wording.RECORD),
            (self.survey, wording.SURVEY_TAB),
        ):
            self.tabs.addTab(widget, text)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(20, 12, 20, 10)
        layout.setSpacing(6)
        layout.addWidget(top)
        layout.addLayout(title_row)
        layout.addWidget(self.facts)
        layout.addWidget(self.record_notice)
        layout.addWidget(self.tabs, 1)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), page)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(lambda: self._escape())
        return page

    # --- refresh ----------------------------------------------------------------------------
    def reload(self, changes: Changes) -> None:
        self.heading.setFont(scaled(self.font(), 1.4, bold=True))
        self.record_title.setFont(scaled(self.font(), 1.3, bold=True))
        if Topic.SETTINGS in changes.topics:
            self._fit_columns()
        if not changes.touches(TOPICS):
            return
        session = self.session
        if changes.file:
            self._undo = None
            self.notice.hide()
            self.record_notice.hide()
            self.meeting = None
            self.stack.setCurrentIndex(LIST)
        self.setEnabled(session is not None)
        if session is None:
            self.meeting_list.set_rows(None)
            self._update_buttons()
            return
        rows = meetings.list_meetings(session)
        self.meeting_list.set_rows(rows)
        if self.meeting is not None and self.meeting.id is not None:
            if any(row.id == self.meeting.id for row in rows):
                self._reload_record(changes)
            else:  # deleted elsewhere: nothing left to keep typing into
                self.discard_unsaved()
                self.show_list(ask=False)
        if self._deleted_dialog is not None:
            self._deleted_dialog.reload()
        self._update_buttons()

    def after(self, result: object) -> None:
        """A tab changed something (``result``: a service's ``Changes`` or ``(value, Changes)``):
        every part of the page shows it, the tabs' own typing kept."""
        self.reload(changes_of(result))

    def _reload_record(self, changes: Changes) -> None:
        session = self.session
        assert session is not None and self.meeting is not None and self.meeting.id is not None
        self.meeting = meetings.get_meeting(session, self.meeting.id)
        self._show_header()
        for tab in (self.planner, self.checklist, self.participants, self.groups, self.record):
            tab.reload()
        if changes.touches({Topic.SURVEY, Topic.MEETINGS}):
            self.survey.reload()

    def _show_header(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        self.record_title.setText(f"{meeting.kind}　{meeting.title}")
        show_status(self.status_badge, meeting.status)
        when = meeting_day(meeting.starts_at)
        if meeting.ends_at is not None:
            when += f"～{meeting.ends_at.hour}:{meeting.ends_at.minute:02d}"
        place = "　".join(part for part in (meeting.venue_mode, meeting.venue) if part)
        self.facts.setText(
            f"{when}　{wording.PLACE}: {place}"
            + (f"　{wording.GOAL}: {meeting.goal_stage}" if meeting.goal_stage else "")
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        writable = self.writable
        chosen = self.meeting_list.selected_id() is not None
        self.new_button.setEnabled(writable)
        self.new_button.setToolTip("" if writable else wording.READ_ONLY_CANNOT_EDIT)
        self.open_button.setEnabled(chosen)
        self.delete_button.setEnabled(writable and chosen)
        self.deleted_button.setEnabled(self.session is not None)
        status = self.meeting.status if self.meeting is not None else REPORTED
        following = next_status(status)
        self.advance_button.setText(f"「{following}」にする" if following else REPORTED)
        self.advance_button.setEnabled(writable and following is not None)
        for button in (self.pdf_button, self.docx_button):
            button.setEnabled(self.meeting is not None)

    def _fit_columns(self) -> None:
        self.meeting_list.fit_columns()
        self.participants.fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._fit_columns)

    # --- navigation -------------------------------------------------------------------------
    def open_selected(self) -> None:
        chosen = self.meeting_list.selected_id()
        if chosen is not None:
            self.open_meeting(chosen)

    def open_meeting(self, meeting_id: int | None, tab: int | None = None) -> bool:
        """The meeting's record in place of the list (asking first about another one's typing)."""
        if self.session is None or meeting_id is None:
            return False
        if self.meeting is not None and self.meeting.id != meeting_id and not self.confirm_leave():
            return False
        try:
            self.meeting = meetings.get_meeting(self.session, meeting_id)
        except UserFacingError as exc:
            self.show_error(exc)
            return False
        if self.has_unsaved():  # the same meeting again: the typing stays
            self.stack.setCurrentIndex(RECORD)
            return True
        self.record_notice.hide()
        self._show_header()
        for part in (self.planner, self.checklist, self.participants, self.groups, self.record, self.survey):
            part.show_meeting(meeting_id)
        self.stack.setCurrentIndex(RECORD)
        self.tabs.setCurrentIndex(PLANNER_TAB if tab is None else tab)
        self.meeting_list.select_id(meeting_id)
        return True

    def show_list(self, *, ask: bool = True) -> bool:
        if ask and not self.confirm_leave():
            return False
        opened = self.meeting.id if self.meeting is not None else None
        self.meeting = None
        self.stack.setCurrentIndex(LIST)
        if opened is not None:
            self.meeting_list.select_id(opened)
        self.meeting_list.table.setFocus()
        self._update_buttons()
        return True

    def _escape(self) -> None:
        """Esc leaves a cell being edited first, then the record (asking about unsaved input)."""
        focused = QApplication.focusWidget()
        view = focused.parent() if focused is not None else None
        while view is not None and not isinstance(view, QAbstractItemView):
            view = view.parent()
        if isinstance(view, QAbstractItemView) and view.state() == QAbstractItemView.State.EditingState:
            view.itemDelegate().closeEditor.emit(focused, QAbstractItemDelegate.EndEditHint.RevertModelCache)
            return
        self.show_list()

    # --- unsaved input ----------------------------------------------------------------------
    def _dirty_parts(self) -> list[UnsavedPart]:
        """The tabs holding typed input not yet saved: the forms, and a half-typed アンケート form."""
        parts = [UnsavedPart(p, p.save, p.discard) for p in (self.planner, self.record, self.groups) if p.dirty]
        if self.survey.has_unsaved():
            parts.append(UnsavedPart(self.survey, self.survey.save_unsaved, self.survey.discard_unsaved))
        return parts

    def has_unsaved(self) -> bool:
        return self.meeting is not None and bool(self._dirty_parts())

    def unsaved_label(self) -> str:
        """The tab holding the input (企画, 記録 …), as the question on leaving the record names it."""
        parts = self._dirty_parts()
        return self.tabs.tabText(self.tabs.indexOf(parts[0].tab)) if parts else self.title

    def save_unsaved(self) -> bool:
        return all(part.save() for part in self._dirty_parts())

    def discard_unsaved(self) -> None:
        for part in self._dirty_parts():
            part.discard()

    def confirm_leave(self) -> bool:
        """保存／破棄／キャンセル before leaving a record with unsaved input (a cell still being typed
        in is ended first, as the window does); True when clear."""
        commit_open_edits(self)
        if self.has_unsaved():
            self.tabs.setCurrentWidget(self._dirty_parts()[0].tab)
        return settle_unsaved(self, self.unsaved_label())

    # --- dialogs (built here so tests can fill them in) -------------------------------------
    def new_meeting_dialog(self) -> NewMeetingDialog:
        return NewMeetingDialog(meetings.new_meeting(), self)

    def deleted_dialog(self) -> DeletedDialog:
        assert self.session is not None
        session = self.session
        dialog = DeletedDialog(
            wording.MEETING,
            "削除した会議は、ここから元に戻せます。段取り・参加者・記録・アンケートもそのまま戻ります。",
            (wording.WHEN, wording.KIND, wording.TITLE),
            lambda: meetings.deleted_meetings(session),
            lambda row: (meeting_day(row.starts_at), row.kind, row.title),
            read_only=session.read_only,
            stretch=(2,),
            parent=self,
        )
        dialog.restore_requested.connect(self.restore_meeting)
        self._deleted_dialog = dialog
        return dialog

    def choose_pdf_path(self, name: str, kind: str = "pdf") -> Path | None:
        return dialogs.ask_save_path(self, self.prefs, wording.WRITE_TO, name, kind)

    # --- meetings ---------------------------------------------------------------------------
    def new_meeting(self) -> int | None:
        """新しい会議を企画: 種類・題名・日時, then its record opens on 企画."""
        if self.session is None or not self.writable or not self.confirm_leave():
            return None
        result = self.submit(
            self.new_meeting_dialog(), lambda session, meeting: meetings.save_meeting(session, meeting)
        )
        if result is None:
            return None
        meeting_id, changes = result
        self.meeting = None
        self.reload(changes)
        self.meeting_list.clear_filters()
        self.open_meeting(meeting_id, PLANNER_TAB)
        return meeting_id

    def delete_meeting(self) -> None:
        chosen = self.meeting_list.selected()
        if self.session is None or chosen is None or not self.writable:
            return
        text = (
            f"{meeting_day(chosen.starts_at)} の「{chosen.title}」を{wording.DELETED}に移します。"
            f"段取り・参加者・記録も一緒です。すぐ上の「{wording.RESTORE}」か「{wording.DELETED}…」から戻せます。"
        )
        if not self.confirm("会議の削除", text, f"{wording.DELETED}に移す"):
            return
        changes = self.run_op(lambda session: meetings.delete_meeting(session, chosen.id))
        if changes is None:
            return
        self.reload(changes)
        self._show_notice(
            f"「{chosen.title}」を{wording.DELETED}に移しました。",
            (lambda session: meetings.restore_meeting(session, chosen.id), chosen.id),
        )

    def show_deleted(self) -> None:
        if self.session is not None:
            self.run_dialog(self.deleted_dialog())
            self._deleted_dialog = None

    def restore_meeting(self, meeting_id: int) -> None:
        changes = self.run_op(lambda session: meetings.restore_meeting(session, meeting_id), wording.COULD_NOT_UNDO)
        if changes is None:
            return
        self.reload(changes)
        self.meeting_list.clear_filters()
        self.meeting_list.select_id(meeting_id)
        self._show_notice("会議を一覧に戻しました。")

    def _show_notice(self, text: str, undo: Undo | None = None) -> None:
        self._undo = undo
        self.notice.label.setText(text)
        self.notice.undo_button.setVisible(undo is not None and self.writable)
        self.notice.show()

    def undo(self) -> None:
        if self._undo is None:
            return
        (write, select), self._undo = self._undo, None
        result = self.run_op(write, wording.COULD_NOT_UNDO)
        if result is not None:
            self.reload(changes_of(result))
            if select is not None:
                self.meeting_list.select_id(select)
        self.notice.hide()

    def advance_status(self) -> bool:
        """状態を進める: 企画中 → 案内済 → 開催済 → 報告済 (the plan typed is saved or dropped first)."""
        if self.meeting is None or self.meeting.id is None or not self.writable or not self.confirm_leave():
            return False
        following = next_status(self.meeting.status)
        if following is None:
            return False
        meeting_id = self.meeting.id
        changes = self.run_op(lambda session: meetings.set_status(session, meeting_id, following))
        if changes is None:
            return False
        self.reload(changes)
        raised = (
            "出席した庁外の団体の関係を上げました（名簿の変更履歴に残ります）。"
            if Topic.ORGANIZATIONS in changes.topics
            else ""
        )
        self.record_notice.label.setText(f"「{following}」にしました。{raised}")
        self.record_notice.show()
        return True

    def make_report(self, kind: str) -> Path | None:
        """開催レポート（PDF / Word）: the typing saved first, so the report shows it."""
        if self.meeting is None or self.meeting.id is None or not self.confirm_leave():
            return None
        return make_report(self, self, self.meeting.id, kind)


def next_status(status: str) -> str | None:
    """The 状態 after ``status`` (None after 報告済)."""
    if status not in MEETING_STATUSES or status == MEETING_STATUSES[-1]:
        return None
    return MEETING_STATUSES[MEETING_STATUSES.index(status) + 1]
