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

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain.errors import UserFacingError
from kyojushien_desktop.domain.hearing import VisitSummary
from kyojushien_desktop.services.common.changes import Changes, Topic
from kyojushien_desktop.services.common.jobs import Progress
from kyojushien_desktop.services.common.preferences import Preferences
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.hearing import question_banks, visits
from kyojushien_desktop.ui.common import dialogs, jobs, wording
from kyojushien_desktop.ui.common.flow import flow_row
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.live import Page
from kyojushien_desktop.ui.common.notice_bar import UndoNotice
from kyojushien_desktop.ui.common.ops import Operations, changes_of
from kyojushien_desktop.ui.common.widgets import (
    char_width,
    filter_combo,
    filter_row,
    open_on_enter,
    sortable_list_table,
)
from kyojushien_desktop.ui.hearing.answer_entry import AnswerEntry
from kyojushien_desktop.ui.hearing.bank_editor import BankEditor
from kyojushien_desktop.ui.hearing.compare_view import CompareView
from kyojushien_desktop.ui.hearing.followup_panel import FollowUpPanel
from kyojushien_desktop.ui.hearing.print_dialog import PrintSheetsDialog
from kyojushien_desktop.ui.hearing.visit_dialog import VisitDialog
from kyojushien_desktop.ui.hearing.visit_models import (
    ID_ROLE,
    PERIODS,
    SHOWN_STATUSES,
    VisitFilterProxy,
    VisitTableModel,
    period_range,
    visit_moment,
)

TABS, ENTRY = 0, 1
# The visit list shows visits with their organisation and open 次の対応; the tabs beside it, banks.
TOPICS = frozenset({Topic.VISITS, Topic.FOLLOWUPS, Topic.BANKS, Topic.ORGANIZATIONS, Topic.PEOPLE})
VISITS_TAB, BANKS_TAB, COMPARE_TAB = 0, 1, 2
# Column widths in full-width characters: 状態, then 団体, 区分, 目的, 次の対応 (these four share the room).
STATUS_CHARS = 4
FLEXIBLE_CHARS = (14, 8, 14, 12)


class HearingPage(Page):
    """The ヒアリング area: visits and follow-ups, 質問バンク, 回答の比較, and one visit's answers."""

    title = wording.NAV_HEARING
    topics = TOPICS | {Topic.SETTINGS}

    def __init__(self, prefs: Preferences | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self._last_deleted: int | None = None
        self._last_done: int | None = None

        self.heading = QLabel(wording.HEARING_TITLE)
        self.heading.setObjectName("pageTitle")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("recordTabs")
        self.tabs.addTab(self._build_visits(), wording.VISITS_TAB)
        self.bank_editor = BankEditor()
        self.tabs.addTab(self.bank_editor, wording.BANKS_TAB)
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
        for view in (self.bank_editor, self.compare, self.entry):
            view.bind(ops)

    # --- building ---------------------------------------------------------------------------
    def _build_visits(self) -> QWidget:
        self.plan_button = QPushButton(wording.PLAN_VISIT + "…")
        self.plan_button.setObjectName("primaryButton")
        self.plan_button.clicked.connect(lambda: self.plan_visit())
        self.answer_button = QPushButton(wording.ENTER_ANSWERS)
        self.answer_button.setToolTip("選んだ訪問の回答・メモ・次の対応を書きます。")
        self.answer_button.clicked.connect(lambda: self.open_selected())
        self.edit_button = QPushButton("予定を編集…")
        self.edit_button.clicked.connect(lambda: self.edit_visit())
        self.print_button = QPushButton(wording.PRINT_SHEETS)
        self.print_button.setToolTip("選んだ訪問のシートを1つのPDFに。白紙のシートも作れます。")
        self.print_button.clicked.connect(lambda: self.print_sheets())
        self.delete_button = QPushButton("削除…")
        self.delete_button.clicked.connect(lambda: self.delete_visit())
        head = flow_row(
            self.plan_button, self.answer_button, self.edit_button, self.print_button, right=(self.delete_button,)
        )

        self.status_filter = filter_combo([(wording.ALL, None), *((s, s) for s in SHOWN_STATUSES)], 4)
        self.period_filter = filter_combo([(label, key) for key, label in PERIODS], 7)
        self.clear_filters_button = QPushButton("条件をクリア")
        self.clear_filters_button.clicked.connect(lambda: self.clear_filters())
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        filters = QHBoxLayout()
        filters.addWidget(
            filter_row(
                ((wording.VISIT_STATUS, self.status_filter), ("期間", self.period_filter)),
                self._filters_changed,
                self.clear_filters_button,
            ),
            1,
        )
        filters.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignTop)

        self.model = VisitTableModel(self)
        self.proxy = VisitFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = sortable_list_table(
            self.proxy, 0, Qt.SortOrder.DescendingOrder, selection=QAbstractItemView.SelectionMode.ExtendedSelection
        )
        self.table.setObjectName("visitsTable")
        self.table.doubleClicked.connect(lambda index: self.open_visit(index.data(ID_ROLE)))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        open_on_enter(self.table, self.open_selected)

        self.empty_label = QLabel(
            f"まだヒアリングの予定がありません。「{wording.PLAN_VISIT}…」から訪問先と日時を決めます。"
            f"名簿の団体の画面からも「{wording.PLAN_HEARING}…」で予定できます。"
        )
        self.empty_label.setObjectName("banner")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        self.notice = UndoNotice()
        self.notice_label, self.undo_button = self.notice.label, self.notice.undo_button
        self.undo_button.clicked.connect(lambda: self._undo())
        hint = QLabel(
            "行をダブルクリック（または選んで Enter キー）すると、その訪問の回答を入力する画面を開きます。"
            "状態: 予定 → 実施済（訪問は済み、回答はまだ）→ 記録済（回答を入力済み）。"
            "予定の日が過ぎて記録がないものは「記録待ち」と出ます。"
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(8)
        top_layout.addWidget(head)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.notice)
        top_layout.addWidget(self.empty_label)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(hint)

        # --- open 次の対応 of every visit, the nearest 期限 first ---
        self.followups = FollowUpPanel()
        self.followups.open_requested.connect(lambda: self.open_followup_visit())
        self.followups.done_requested.connect(lambda: self.complete_followup())
        self.followups.delete_requested.connect(lambda: self.delete_followup())
        self.followups.selection_changed.connect(lambda: self._update_buttons())
        # the panel's parts, named as the page's tests know them
        self.followup_model, self.followup_proxy = self.followups.model, self.followups.proxy
        self.followup_table, self.followup_done_button = self.followups.table, self.followups.done_button
        card = self.followups

        self.visits_splitter = QSplitter(Qt.Orientation.Vertical)
        self.visits_splitter.setChildrenCollapsible(False)
        self.visits_splitter.addWidget(top)
        self.visits_splitter.addWidget(card)
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
        self._set_enabled()
        if changes.file:
            self._last_deleted = self._last_done = None
            self.notice.hide()
            self.stack.setCurrentIndex(TABS)
            self.tabs.setCurrentIndex(VISITS_TAB)
        if session is None:
            self.model.set_rows([])
            self.followups.set_rows([], {})
            self._update_count()
            return
        selected = self.selected_ids()
        rows = visits.list_visits(session)
        followups = visits.open_followups(session)
        self.model.set_rows(rows, followups)
        self.followups.set_rows(followups, {row.id: row.organization_name for row in rows})
        self._filters_changed()
        self._fit_columns()
        for visit_id in selected:
            self.select_id(visit_id, add=True)
        if self.stack.currentIndex() == ENTRY and self.entry.visit is None:
            self.show_list(ask=False)
        self._update_buttons()

    def _set_enabled(self) -> None:
        self.setEnabled(self.session is not None)
        self._update_buttons()

    def _writable(self) -> bool:
        return self.writable

    def _update_buttons(self) -> None:
        writable = self._writable()
        chosen = self.selected_ids()
        self.plan_button.setEnabled(writable)
        self.plan_button.setToolTip("" if writable else wording.READ_ONLY_CANNOT_EDIT)
        self.answer_button.setEnabled(len(chosen) == 1)
        self.edit_button.setEnabled(writable and len(chosen) == 1)
        self.delete_button.setEnabled(writable and len(chosen) == 1)
        self.print_button.setEnabled(self.session is not None)
        self.followups.update_buttons(writable)

    def _fit_columns(self) -> None:
        """Widths in characters of the current font (so 文字の大きさ widens them), fitted to the
        table: 日時 and 状態 whole; 団体, 区分, 目的 and 次の対応 share the rest in proportion, so
        the list needs no sideways scrolling even at 特大 (cut text shows in full as a tooltip)."""
        metrics = self.table.fontMetrics()
        unit = char_width(self.table)
        padding = 28
        when = metrics.horizontalAdvance("令和10年12月31日(水) 10:00") + padding
        status = unit * STATUS_CHARS + padding
        ideal = [unit * chars + padding for chars in FLEXIBLE_CHARS]
        room = self.table.viewport().width() - 2 - when - status
        if room > 0:
            scale = room / sum(ideal)
            ideal = [max(unit * 4 + padding, int(width * scale)) for width in ideal]
        organization, category, purpose, _next = ideal
        for column, width in enumerate((when, organization, category, purpose, status)):
            self.table.setColumnWidth(column, width)
        self.followups.fit(padding)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._fit_columns)  # after the table has its new size

    # --- filters ----------------------------------------------------------------------------
    def _filters_changed(self) -> None:
        date_from, date_to = period_range(self.period_filter.currentData() or "all")
        self.proxy.set_filter(self.status_filter.currentData(), date_from, date_to)
        self._update_count()

    def clear_filters(self) -> None:
        for combo in (self.status_filter, self.period_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._filters_changed()

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        self.count_label.setText(f"{total}件中 {shown}件" if self.proxy.is_filtering() else f"全{total}件")
        self.clear_filters_button.setEnabled(self.proxy.is_filtering())
        self.empty_label.setVisible(self.session is not None and total == 0)

    # --- selection --------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [index.data(ID_ROLE) for index in rows]

    def selected_visits(self) -> list[VisitSummary]:
        ids = self.selected_ids()
        by_id = {v.id: v for v in self.model.visits()}
        return [by_id[i] for i in ids if i in by_id]

    def select_id(self, visit_id: int, *, add: bool = False) -> bool:
        source_row = self.model.row_of_id(visit_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        if add:
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().select(index, flags)
        else:
            self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def shown_rows(self) -> list[list[str]]:
        """The list as the user sees it, one list of cell texts per row."""
        return [
            [self.proxy.index(row, column).data() for column in range(self.proxy.columnCount())]
            for row in range(self.proxy.rowCount())
        ]

    def selected_followup_id(self) -> int | None:
        return self.followups.selected_id()

    # --- navigation -------------------------------------------------------------------------
    def open_selected(self) -> None:
        ids = self.selected_ids()
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
            self.select_id(opened)
        self.table.setFocus()
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

    def choose_pdf_path(self, name: str) -> Path | None:
        return dialogs.ask_save_path(self, self.prefs, "PDFの保存先", name, "pdf")

    # --- leaving with unsaved answers -------------------------------------------------------
    def has_unsaved(self) -> bool:
        return self.stack.currentIndex() == ENTRY and self.entry.has_unsaved()

    def save_unsaved(self) -> bool:
        return self.entry.save_unsaved()

    def discard_unsaved(self) -> None:
        self.entry.discard_unsaved()

    # --- actions ----------------------------------------------------------------------------
    def plan_visit(self, organization_id: int | None = None) -> int | None:
        """訪問を予定する: the dialog, then ``plan_visit`` (with a new organisation if one was
        registered on the spot); the new visit is selected in the list."""
        if self.session is None or not self._writable():
            return None
        dialog = self.visit_dialog(organization_id=organization_id)
        result = self.submit(
            dialog, lambda session, visit: visits.plan_visit(session, visit, dialog.result_new_organization)
        )
        if result is None:
            return None
        visit_id, changes = result
        self.reload(changes)
        self.clear_filters()
        self.select_id(visit_id)
        return visit_id

    def edit_visit(self, visit_id: int | None = None) -> bool:
        if visit_id is None:
            ids = self.selected_ids()
            visit_id = ids[0] if len(ids) == 1 else None
        if self.session is None or visit_id is None or not self._writable():
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

    def delete_visit(self) -> None:
        chosen = self.selected_visits()
        if self.session is None or len(chosen) != 1 or not self._writable():
            return
        visit = chosen[0]
        text = (
            f"{visit_moment(visit.scheduled_at)} の「{visit.organization_name}」へのヒアリングを削除します。"
            "回答も一緒に隠れます。すぐ下の「元に戻す」で戻せます。"
        )
        if not self.confirm("ヒアリング記録の削除", text, "削除する"):
            return
        changes = self.run_op(lambda session: visits.delete_visit(session, visit.id))
        if changes is None:
            return
        self.reload(changes)
        self._last_deleted, self._last_done = visit.id, None
        self._show_notice(f"{visit.organization_name}へのヒアリング記録を削除しました。")

    def _show_notice(self, text: str) -> None:
        self.notice_label.setText(text)
        self.undo_button.setVisible(True)
        self.notice.show()

    def _undo(self) -> None:
        """元に戻す: the visit just deleted, or the 次の対応 just marked 済."""
        if self._last_deleted is not None:
            visit_id, self._last_deleted = self._last_deleted, None
            changes = self.run_op(lambda session: visits.restore_visit(session, visit_id), "元に戻せませんでした")
            if changes is not None:
                self.reload(changes)
                self.select_id(visit_id)
        elif self._last_done is not None:
            followup_id, self._last_done = self._last_done, None
            changes = self.run_op(
                lambda session: visits.complete_followup(session, followup_id, False), "元に戻せませんでした"
            )
            if changes is not None:
                self.reload(changes)
        self.notice.hide()

    def complete_followup(self) -> None:
        """済にする, with 元に戻す on the bar above the list while it still makes sense."""
        followup_id = self.selected_followup_id()
        if self.session is None or followup_id is None or not self._writable():
            return
        action = self._selected_followup_action()
        changes = self.run_op(lambda session: visits.complete_followup(session, followup_id, True))
        if changes is None:
            return
        self.reload(changes)
        self._last_done, self._last_deleted = followup_id, None
        self._show_notice(f"次の対応「{action}」を済にしました。")

    def delete_followup(self) -> None:
        """A 次の対応 entered by mistake goes, after a question (済にする keeps it as done)."""
        followup_id = self.selected_followup_id()
        if self.session is None or followup_id is None or not self._writable():
            return
        action = self._selected_followup_action()
        text = f"次の対応「{action}」を削除します。済んだだけなら、削除せずに「済にする」を使うと記録が残ります。"
        if not self.confirm("次の対応の削除", text, "削除する"):
            return
        changes = self.run_op(lambda session: visits.delete_followup(session, followup_id))
        if changes is not None:
            self.reload(changes)

    def _selected_followup_action(self) -> str:
        followup = self.followups.selected()
        return followup.action if followup is not None else ""

    def print_sheets(self, visit_ids: list[int] | None = None) -> Path | None:
        """ヒアリングシート as one PDF: the chosen visits' sheets, or a blank sheet of a bank."""
        if self.session is None:
            return None
        by_id = {v.id: v for v in self.model.visits()}
        chosen = [by_id[i] for i in (visit_ids if visit_ids is not None else self.selected_ids()) if i in by_id]
        dialog = self.print_dialog(chosen)
        if not self.run_dialog(dialog):
            return None
        bank_id = dialog.bank_id
        if dialog.blank:
            if bank_id is None:
                return None
            name = f"ヒアリングシート_白紙_{question_banks.get_bank(self.session, bank_id).name}"
        else:
            name = "ヒアリングシート" if len(chosen) != 1 else f"ヒアリングシート_{chosen[0].organization_name}"
        path = self.choose_pdf_path(name)
        if path is None:
            return None

        def write(reader: Session, progress: Progress, replace: bool) -> Path:
            if dialog.blank:
                assert bank_id is not None
                sheets = [visits.blank_sheet(reader, bank_id)]
            else:
                sheets = [visits.sheet_for_visit(reader, v.id, fallback_bank_id=bank_id) for v in chosen]
            return visits.export_sheets_pdf(reader, sheets, path, replace_unsupported=replace, progress=progress)

        written = jobs.run_export(
            self,
            self.session,
            write,
            title="ヒアリングシートを作っています",
            error_title="印刷用のPDFを作れませんでした",
        )
        if written is None:
            return None
        what = "白紙のヒアリングシート" if dialog.blank else f"ヒアリングシート（{len(chosen)}件）"
        self.inform_written("PDFを作りました", f"{what}のPDFを作りました。", written)
        return written
