"""段取り: the guide's 開催前・開催後 steps of one meeting (手引き p47) with 期限 counted from its day,
the guide's text of the selected step, 済にする (with 元に戻す), 期限を変える, and steps of one's own."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.content.meeting_terms import meeting_terms
from kyojushien_desktop.content.meetings import meeting_planning
from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.meetings import AFTER, BEFORE, ChecklistItem, due_date
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.meetings import checklist, meetings
from kyojushien_desktop.ui.common.flow import flow_row
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.forms import FormDialog, dialog_buttons, size_for_text
from kyojushien_desktop.ui.common.notice_bar import UndoNotice
from kyojushien_desktop.ui.common.widgets import list_table, set_resize_modes
from kyojushien_desktop.ui.meetings import wording
from kyojushien_desktop.ui.meetings.host import Host
from kyojushien_desktop.ui.meetings.models import ChecklistModel

Undo = Callable[[Session], object]


def _page_of(step: str) -> str:
    """The guide page of a step: the 開催前・開催後 steps are on p47, the lecture points on p48."""
    if not step:
        return ""
    planning = meeting_planning()
    own = {s.title for s in (*planning.before, *planning.after)}
    return meeting_terms().page_note("process" if step in own else "lecture")


class StepDialog(FormDialog):
    """A step of one's own, or a step's wording and 期限 (days before or after the meeting)."""

    def __init__(self, item: ChecklistItem, meeting_day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item, self.meeting_day = item, meeting_day
        adding = item.id is None
        title = "段取りを追加" if adding else "段取りの期限を変える"
        self.setWindowTitle(title)
        heading = QLabel(title)
        heading.setFont(scaled(self.font(), 1.2, bold=True))
        self.title = QLineEdit(item.title)
        self.title.setPlaceholderText("例: 会場の机を島型に並べる")
        self.timing = QComboBox()
        self.timing.addItem(wording.BEFORE_TEXT, BEFORE)
        self.timing.addItem(wording.AFTER_TEXT, AFTER)
        self.timing.setCurrentIndex(0 if item.timing == BEFORE else 1)
        self.days = QSpinBox()
        self.days.setRange(0, 365)
        self.days.setSuffix(" 日")
        self.days.setValue(abs(item.days))
        when = QHBoxLayout()
        when.addWidget(QLabel(wording.FROM_DAY))
        when.addWidget(self.days)
        when.addWidget(self.timing)
        when.addStretch(1)
        self.due = QLabel()
        self.due.setObjectName("hint")
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(wording.CONTENT, self.errors.field("title", self.title))
        form.addRow(wording.DUE, self.errors.field("days", when))
        form.addRow("", self.due)
        self.errors.labels["timing"] = self.errors.labels["days"]
        buttons, self.ok_button = dialog_buttons(self, wording.ADD_NOW if adding else wording.SAVE, self.try_accept)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.days.valueChanged.connect(lambda _v: self._show_due())
        self.timing.currentIndexChanged.connect(lambda _i: self._show_due())
        self._show_due()
        size_for_text(self, 40, 11)
        (self.title if adding else self.days).setFocus()

    def current_value(self) -> ChecklistItem:
        timing = self.timing.currentData()
        days = self.days.value() * (-1 if timing == BEFORE else 1)
        return dataclasses.replace(self.item, title=self.title.text(), timing=timing, days=days)

    def _show_due(self) -> None:
        day = due_date(self.meeting_day, self.current_value().days)
        self.due.setText(f"{wording.DUE}: {wareki.format_date(day)}（開催日 {wareki.format_date(self.meeting_day)}）")


class ChecklistTab(QWidget):
    """The steps of the meeting shown by ``show_meeting``; every write goes through the host."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.meeting_id: int | None = None
        self.meeting_day: dt.date | None = None
        self._undo: tuple[Undo, int] | None = None
        self.notice = UndoNotice()
        self.notice.undo_button.clicked.connect(lambda: self.undo())
        self.done_button = QPushButton(wording.MARK_DONE)
        self.done_button.setObjectName("primaryButton")
        self.done_button.clicked.connect(lambda: self.toggle_done())
        self.due_button = QPushButton(wording.CHANGE_DUE)
        self.due_button.setToolTip("開催日の何日前・何日後を期限にするかを変えます。")
        self.due_button.clicked.connect(lambda: self.change_due())
        self.add_button = QPushButton(wording.ADD_STEP)
        self.add_button.clicked.connect(lambda: self.add_step())
        self.delete_button = QPushButton(wording.DELETE_ASK)
        self.delete_button.clicked.connect(lambda: self.delete_step())
        head = flow_row(self.done_button, self.due_button, self.add_button, right=(self.delete_button,))
        self.model = ChecklistModel(self)
        self.table = list_table(self.model)
        self.table.setObjectName("checklistTable")
        set_resize_modes(
            self.table,
            QHeaderView.ResizeMode.ResizeToContents,
            QHeaderView.ResizeMode.Stretch,
            QHeaderView.ResizeMode.ResizeToContents,
            QHeaderView.ResizeMode.ResizeToContents,
        )
        self.table.doubleClicked.connect(lambda _i: self.change_due())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())

        guide = QFrame()
        guide.setObjectName("guideSection")
        self.guide_title = QLabel()
        self.guide_title.setObjectName("guideTitle")
        self.guide_title.setWordWrap(True)
        self.guide_page = QLabel()
        self.guide_page.setObjectName("guidePage")
        self.guide_text = QLabel()
        self.guide_text.setWordWrap(True)
        self.guide_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.guide_text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        title_row = QHBoxLayout()
        title_row.addWidget(self.guide_title, 1)
        title_row.addWidget(self.guide_page, 0, Qt.AlignmentFlag.AlignTop)
        guide_layout = QVBoxLayout(guide)
        guide_layout.setContentsMargins(10, 8, 10, 10)
        guide_layout.addLayout(title_row)
        guide_layout.addWidget(self.guide_text, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(head)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addWidget(guide)
        self._selected()

    # --- loading ----------------------------------------------------------------------------
    def show_meeting(self, meeting_id: int | None) -> None:
        if meeting_id != self.meeting_id:
            self._undo = None
            self.notice.hide()
        self.meeting_id = meeting_id
        self.reload()

    def reload(self) -> None:
        session = self.host.session
        chosen = self.selected()
        if session is None or self.meeting_id is None:
            self.model.set_items([])
            self._selected()
            return
        self.meeting_day = meetings.get_meeting(session, self.meeting_id).starts_at.date()
        self.model.set_items(checklist.items_of(session, self.meeting_id))
        self.select_id(chosen.id if chosen is not None and chosen.id is not None else None)

    def selected(self) -> ChecklistItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def select_id(self, task_id: int | None) -> None:
        row = self.model.row_of_id(task_id) if task_id is not None else -1
        if self.model.rowCount():
            self.table.selectRow(max(row, 0))
        self._selected()

    def _selected(self) -> None:
        item = self.selected()
        writable = self.host.writable and self.meeting_id is not None
        self.done_button.setEnabled(writable and item is not None)
        self.done_button.setText(wording.MARK_UNDONE if item is not None and item.done else wording.MARK_DONE)
        self.due_button.setEnabled(writable and item is not None and not (item and item.done))
        self.delete_button.setEnabled(writable and item is not None)
        self.add_button.setEnabled(writable)
        if item is None:
            self.guide_title.setText("段取りを選ぶと、手引きの説明がここに出ます。")
            self.guide_page.clear()
            self.guide_text.clear()
            return
        text = checklist.guide_text(item)
        self.guide_title.setText(item.guide_step or item.title)
        self.guide_page.setText(_page_of(item.guide_step))
        self.guide_text.setText(text or "手引きにない、このアプリの段取りです。")

    # --- actions ----------------------------------------------------------------------------
    def _run(self, call: Callable[[Session], object], select: int | None) -> bool:
        result = self.host.run_op(call)
        if result is None:
            return False
        self.host.after(result)
        self.select_id(select)
        return True

    def toggle_done(self) -> None:
        """済にする (today), with 元に戻す; a done step can be opened again."""
        item = self.selected()
        if item is None or item.id is None or not self.host.writable:
            return
        task_id, was = item.id, item.done_on
        on = None if item.done else dt.date.today()
        if not self._run(lambda session: checklist.complete(session, task_id, on), task_id):
            return
        what = "済にしました" if on else "未完了に戻しました"
        self._undo = (lambda session: checklist.complete(session, task_id, was), task_id)
        self.notice.label.setText(f"「{item.title}」を{what}。")
        self.notice.undo_button.setVisible(True)
        self.notice.show()

    def undo(self) -> None:
        if self._undo is None:
            return
        (write, task_id), self._undo = self._undo, None
        self._run(write, task_id)
        self.notice.hide()

    def step_dialog(self, item: ChecklistItem) -> StepDialog:
        assert self.meeting_day is not None
        return StepDialog(item, self.meeting_day, self)

    def _submit(self, item: ChecklistItem) -> bool:
        if self.meeting_day is None or not self.host.writable:
            return False
        day = self.meeting_day
        result = self.host.submit(
            self.step_dialog(item), lambda session, value: checklist.save_item(session, value, day)
        )
        if result is None:
            return False
        task_id, changes = result  # type: ignore[misc]
        self.host.after(changes)
        self.select_id(task_id)
        return True

    def change_due(self) -> bool:
        item = self.selected()
        return item is not None and not item.done and self._submit(item)

    def add_step(self) -> bool:
        if self.meeting_id is None:
            return False
        return self._submit(ChecklistItem(meeting_id=self.meeting_id, key="own", timing=BEFORE, title="", days=-7))

    def delete_step(self) -> None:
        item = self.selected()
        if item is None or item.id is None or not self.host.writable:
            return
        if not self.host.confirm("段取りの削除", f"段取り「{item.title}」を削除します。", wording.DELETE_CONFIRMED):
            return
        task_id = item.id
        self._run(lambda session: checklist.delete_item(session, task_id), None)
