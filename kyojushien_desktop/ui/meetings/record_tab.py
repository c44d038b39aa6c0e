"""記録: what the meeting produced — 講演・話題提供の要旨, 議事メモ, 主な意見（全体）, the ふりかえり会
(印象に残った意見, メモ, 積極的な反応を示した参加者 ticked from those who came), 今後の予定 — and its
次の対応 with 期限, ticked 済, corrected or deleted as a visit's are. The text is unsaved input
until 保存; the 次の対応 are saved one by one, as on the ヒアリング page."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.content.meeting_terms import meeting_terms
from kyojushien_desktop.content.meetings import meeting_planning
from kyojushien_desktop.domain.followups import FollowUp
from kyojushien_desktop.domain.meetings import Meeting
from kyojushien_desktop.services.common import followups
from kyojushien_desktop.services.meetings import meetings, participants
from kyojushien_desktop.ui.common.followup_dialog import FollowUpDialog
from kyojushien_desktop.ui.common.followup_panel import FollowUpPanel
from kyojushien_desktop.ui.common.growing_text import GrowingTextEdit
from kyojushien_desktop.ui.common.scrolling import scrolling_column
from kyojushien_desktop.ui.common.widgets import save_bar
from kyojushien_desktop.ui.meetings import wording
from kyojushien_desktop.ui.meetings.host import Host

FIELDS = ("lecture_summary", "minutes", "opinions", "review_impressions", "review_notes", "next_plans")
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class RecordTab(QWidget):
    """The record of the meeting shown by ``show_meeting``; ``dirty`` while the text or the ticks
    differ from what was saved."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.meeting: Meeting | None = None
        self.dirty = False
        self._baseline: object = None
        self._loading = False
        guide = meeting_planning()
        self.boxes = {
            "lecture_summary": GrowingTextEdit(),
            "minutes": GrowingTextEdit(5),
            "opinions": GrowingTextEdit(),
            "review_impressions": GrowingTextEdit(),
            "review_notes": GrowingTextEdit(),
            "next_plans": GrowingTextEdit(),
        }
        self.boxes["minutes"].setPlaceholderText(f"{guide.record_tip_title}: {guide.record_tip}")
        self.boxes["next_plans"].setPlaceholderText(
            "例: 次回（2月）は相互理解のグループワーク。開催レポートを各課に配る"
        )
        self.active = QListWidget()
        self.active.setObjectName("activeList")
        self.active.setSpacing(2)
        self.active.itemChanged.connect(lambda _item: self._edited())
        self.active_note = QLabel()
        self.active_note.setObjectName("hint")
        self.active_note.setWordWrap(True)
        review = guide.after[0]
        review_lead = QLabel(f"{' '.join(review.body)}　{meeting_terms().page_note('process')}")
        review_lead.setObjectName("hint")
        review_lead.setWordWrap(True)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        form.addRow(wording.LECTURE_SUMMARY, self.boxes["lecture_summary"])
        form.addRow(wording.MINUTES, self.boxes["minutes"])
        form.addRow(wording.OVERALL_OPINIONS, self.boxes["opinions"])
        review_title = QLabel(wording.REVIEW)
        review_title.setObjectName("sectionTitle")
        form.addRow(review_title)
        form.addRow(review_lead)
        form.addRow(wording.IMPRESSIONS, self.boxes["review_impressions"])
        form.addRow(wording.MEMO, self.boxes["review_notes"])
        active_box = QVBoxLayout()
        active_box.setSpacing(2)
        active_box.addWidget(self.active)
        active_box.addWidget(self.active_note)
        form.addRow(wording.ACTIVE, active_box)
        form.addRow(wording.NEXT_PLANS, self.boxes["next_plans"])

        self.followups = FollowUpPanel(add_text=wording.ADD)
        self.followups.add_requested.connect(lambda: self.add_followup())
        self.followups.edit_requested.connect(lambda: self.edit_followup())
        self.followups.done_requested.connect(lambda: self.complete_followup())
        self.followups.delete_requested.connect(lambda: self.delete_followup())
        self.followups.selection_changed.connect(lambda: self.followups.update_buttons(self.host.writable))
        body = QWidget()
        body.setObjectName("recordBody")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(8, 8, 12, 8)
        body_layout.addLayout(form)
        body_layout.addWidget(self.followups)
        self.scroll = scrolling_column(body)

        self.save_button = QPushButton(wording.SAVE)
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(lambda: self.save())
        self.discard_button = QPushButton(wording.DISCARD)
        self.discard_button.clicked.connect(lambda: self.discard())
        self.state = QLabel()
        self.state.setObjectName("hint")
        bar = save_bar([self.state], self.discard_button, self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(bar)
        for box in self.boxes.values():
            box.textChanged.connect(lambda: self._edited())
        self._update_state()

    # --- loading ----------------------------------------------------------------------------
    def show_meeting(self, meeting_id: int | None) -> None:
        session = self.host.session
        if session is None or meeting_id is None:
            self.meeting = None
            return
        self._loading = True
        self.meeting = meetings.get_meeting(session, meeting_id)
        for name, box in self.boxes.items():
            box.setPlainText(getattr(self.meeting, name))
        self._show_active()
        self._loading = False
        self._baseline = self._snapshot()
        self.dirty = False
        self._show_followups()
        self._update_state()

    def reload(self) -> None:
        """After a change elsewhere: the 次の対応 always; the text only when nothing is typed."""
        if self.meeting is None or self.meeting.id is None or self.host.session is None:
            return
        if self.dirty:
            self._show_followups()
        else:
            self.show_meeting(self.meeting.id)

    def _show_active(self) -> None:
        """Those who came (everyone on the list before the day), ticked when they were active."""
        session = self.host.session
        assert session is not None and self.meeting is not None and self.meeting.id is not None
        everyone = participants.participants_of(session, self.meeting.id)
        shown = [p for p in everyone if p.attending] or everyone
        self.active.clear()
        for p in shown:
            item = QListWidgetItem(
                f"{p.name}（{p.affiliation}）" if p.name and p.affiliation else p.name or p.affiliation
            )
            item.setData(ID_ROLE, p.id)
            flags = Qt.ItemFlag.ItemIsEnabled | (
                Qt.ItemFlag.ItemIsUserCheckable if self.host.writable else Qt.ItemFlag(0)
            )
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if p.active else Qt.CheckState.Unchecked)
            self.active.addItem(item)
        rows = max(2, min(len(shown), 5))
        line = (
            self.active.sizeHintForRow(0) if shown else self.active.fontMetrics().lineSpacing()
        ) + 2 * self.active.spacing()
        self.active.setFixedHeight(rows * line + 2 * self.active.frameWidth() + 4)
        self.active_note.setText(
            "出席した方から選びます。"
            if any(p.attending for p in everyone)
            else "出欠を付けると、出席した方だけが並びます。"
        )
        self.active.setVisible(bool(shown))

    def _show_followups(self) -> None:
        session = self.host.session
        if session is None or self.meeting is None or self.meeting.id is None:
            return
        self.followups.set_rows(meetings.followups_of(session, self.meeting.id))
        self.followups.fit(28)
        self.followups.update_buttons(self.host.writable)

    # --- values -----------------------------------------------------------------------------
    def active_ids(self) -> frozenset[int]:
        items = (self.active.item(row) for row in range(self.active.count()))
        return frozenset(item.data(ID_ROLE) for item in items if item.checkState() == Qt.CheckState.Checked)

    def current_meeting(self) -> Meeting:
        assert self.meeting is not None
        return dataclasses.replace(self.meeting, **{name: box.toPlainText() for name, box in self.boxes.items()})

    def _snapshot(self) -> object:
        return (tuple(box.toPlainText() for box in self.boxes.values()), self.active_ids())

    def _edited(self) -> None:
        if self._loading or self.meeting is None:
            return
        self.dirty = self._snapshot() != self._baseline
        self._update_state()

    def _update_state(self) -> None:
        writable = self.host.writable and self.meeting is not None
        for box in self.boxes.values():
            box.setReadOnly(not writable)
        self.save_button.setEnabled(writable and self.dirty)
        self.discard_button.setEnabled(self.dirty)
        self.state.setText(wording.UNSAVED_NOTE if self.dirty else "")

    # --- saving -----------------------------------------------------------------------------
    def save(self) -> bool:
        if self.meeting is None or not self.host.writable:
            return False
        meeting, active = self.current_meeting(), self.active_ids()
        result = self.host.run_op(lambda session: meetings.save_record(session, meeting, active))
        if result is None:
            return False
        self.dirty = False
        self._baseline = self._snapshot()
        self._update_state()
        self.host.after(result)
        return True

    def discard(self) -> None:
        self.dirty = False
        if self.meeting is not None:
            self.show_meeting(self.meeting.id)

    # --- 次の対応 ---------------------------------------------------------------------------
    def followup_dialog(self, followup: FollowUp) -> FollowUpDialog:
        return FollowUpDialog(followup, self.meeting.title if self.meeting else "", self)

    def _after(self, result: object) -> bool:
        if result is None:
            return False
        self.host.after(result)
        self._show_followups()
        return True

    def add_followup(self) -> bool:
        if self.meeting is None or self.meeting.id is None or not self.host.writable:
            return False
        start = FollowUp(visit_id=None, action="", meeting_id=self.meeting.id)
        return self._after(self.host.submit(self.followup_dialog(start), meetings.add_followup))

    def edit_followup(self) -> bool:
        chosen = self.followups.selected()
        if chosen is None or not self.host.writable:
            return False
        return self._after(self.host.submit(self.followup_dialog(chosen), followups.edit_followup))

    def complete_followup(self) -> bool:
        chosen = self.followups.selected()
        if chosen is None or chosen.id is None or not self.host.writable:
            return False
        followup_id = chosen.id
        return self._after(self.host.run_op(lambda session: followups.complete_followup(session, followup_id, True)))

    def delete_followup(self) -> bool:
        chosen = self.followups.selected()
        if chosen is None or chosen.id is None or not self.host.writable:
            return False
        text = f"{wording.NEXT_ACTION}「{chosen.action}」を削除します。済んだだけなら「{wording.MARK_DONE}」を使うと記録が残ります。"
        if not self.host.confirm(f"{wording.NEXT_ACTION}の削除", text, wording.DELETE_CONFIRMED):
            return False
        followup_id = chosen.id
        return self._after(self.host.run_op(lambda session: followups.delete_followup(session, followup_id)))
