"""企画: the meeting planned the guide's way — 種類, 題名, 日時, 場所, 主催・共催, フェーズ, 到達点,
テーマ, 参加者の状況, プログラム, 進行役, 机・椅子の配置, 状態 — with the guide beside it
(``GuidePanel``). What is typed is unsaved input until 保存: leaving the record, another file or
quitting asks 保存／破棄／キャンセル first; a change made elsewhere never overwrites it."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.content import phases
from kyojushien_desktop.content.meeting_terms import meeting_terms
from kyojushien_desktop.content.meetings import meeting_planning
from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.meetings import ABSENT, MEETING_STATUSES, VENUE_MODES, Meeting, ProgramItem
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.meetings import meetings, participants
from kyojushien_desktop.services.members import organizations, people
from kyojushien_desktop.ui.common.forms import FieldErrors, problems_of
from kyojushien_desktop.ui.common.growing_text import GrowingTextEdit
from kyojushien_desktop.ui.common.scrolling import scrolling_column
from kyojushien_desktop.ui.common.widgets import save_bar
from kyojushien_desktop.ui.meetings import wording
from kyojushien_desktop.ui.meetings.fields import WhenField
from kyojushien_desktop.ui.meetings.guide_panel import GuidePanel
from kyojushien_desktop.ui.meetings.host import Host
from kyojushien_desktop.ui.meetings.program_table import ProgramEditor


def speakers_of(session: Session) -> dict[str, int]:
    """「氏名（団体）」 → person id, for every current person of the 名簿."""
    names = {o.id: o.name for o in organizations.list_organizations(session)}
    return {
        f"{p.name}（{names[org_id]}）": p.id
        for org_id, found in people.people_by_organization(session).items()
        if org_id in names
        for p in found
        if p.is_current and p.id is not None
    }


def _set_text(box: QPlainTextEdit, text: str) -> None:
    """Replaces a text box's text as an edit the user can undo (Ctrl+Z)."""
    cursor = box.textCursor()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.insertText(text)


class PlannerTab(QWidget):
    """One meeting's plan; ``dirty`` while it differs from what was loaded."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.meeting: Meeting | None = None
        self._baseline: object = None
        self._loading = False
        self.dirty = False
        self.errors = FieldErrors()

        self.kind = QComboBox()
        self.kind.addItems(list(meeting_terms().kind_names))
        self.title = QLineEdit()
        self.title.setPlaceholderText("例: 第2回 居住支援勉強会（不動産の基礎）")
        self.when = WhenField()
        self.venue_mode = QComboBox()
        self.venue_mode.addItems(list(VENUE_MODES))
        self.venue = QLineEdit()
        self.venue.setPlaceholderText("例: 役場 大会議室／Zoom")
        place = QHBoxLayout()
        place.addWidget(self.venue_mode)
        place.addWidget(self.venue, 1)
        self.organizer = QLineEdit()
        self.organizer.setPlaceholderText(wording.DEPARTMENT_EXAMPLE)
        self.co_organizers = QLineEdit()
        self.co_organizers.setPlaceholderText("例: 福祉課、社会福祉協議会")
        self.phase = QComboBox()
        self.phase.addItem(wording.NOT_SET, None)
        for phase in phases.phases():
            self.phase.addItem(f"{wording.PHASE}{phase.number}", phase.number)
            self.phase.setItemData(self.phase.count() - 1, phase.title, Qt.ItemDataRole.ToolTipRole)
        self.phase_note = QLabel()
        self.phase_note.setObjectName("hint")
        self.phase_note.setWordWrap(True)
        phase_box = QVBoxLayout()
        phase_box.setSpacing(2)
        phase_box.addWidget(self.phase, 0, Qt.AlignmentFlag.AlignLeft)
        phase_box.addWidget(self.phase_note)
        self.goal_stage = QComboBox()
        for goal in meeting_planning().goals:
            self.goal_stage.addItem(goal.stage, goal.stage)
        self.goal_stage.addItem(wording.OWN_GOAL, "")
        self.goal = GrowingTextEdit(2)
        self.goal.setPlaceholderText("どこまで話し合うか（手引きの到達点を選ぶと、その到達点が入ります）")
        goal_box = QVBoxLayout()
        goal_box.setSpacing(4)
        goal_box.addWidget(self.goal_stage, 0, Qt.AlignmentFlag.AlignLeft)
        goal_box.addWidget(self.goal)
        self.theme = GrowingTextEdit(2)
        self.situation = GrowingTextEdit(3)
        self.situation.setPlaceholderText("例: 福祉の担当者は、不動産関係者の困りごとをあまり知らない")
        self.program = ProgramEditor()
        self.facilitator = QLineEdit()
        self.facilitator.setPlaceholderText("例: 山田（建設課）／学識者に依頼")
        self.seating = QLineEdit()
        self.seating.setPlaceholderText("例: 車座形式")
        self.status = QComboBox()
        self.status.addItems(list(MEETING_STATUSES))

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        for caption, key, widget in (
            (wording.KIND, "kind", self.kind),
            (wording.TITLE + wording.REQUIRED, "title", self.title),
            (wording.WHEN, "starts_at", self.when),
            (wording.PLACE, "venue", place),
            (wording.ORGANIZER, "organizer", self.organizer),
            (wording.CO_ORGANIZERS, "co_organizers", self.co_organizers),
            (wording.PHASE, "phase", phase_box),
            (wording.GOAL, "goal", goal_box),
            (wording.THEME, "theme", self.theme),
            (wording.SITUATION, "participants_situation", self.situation),
            (wording.PROGRAM, "program", self.program),
            (wording.FACILITATOR, "facilitator", self.facilitator),
            (wording.SEATING, "seating", self.seating),
            (wording.STATUS, "status", self.status),
        ):
            form.addRow(caption, self.errors.field(key, widget))
        for alias, key in (("ends_at", "starts_at"), ("venue_mode", "venue"), ("goal_stage", "goal")):
            self.errors.labels[alias] = self.errors.labels[key]
        body = QWidget()
        body.setObjectName("recordBody")
        body.setLayout(form)
        self.form_scroll = scrolling_column(body)

        self.guide = GuidePanel()
        self.guide.use_theme.connect(lambda text: _set_text(self.theme, text))
        self.guide.use_seating.connect(lambda text: self.seating.setText(text))
        self.guide.situation_ticked.connect(self._situation_ticked)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.form_scroll)
        self.splitter.addWidget(self.guide)
        self.splitter.setStretchFactor(0, 11)
        self.splitter.setStretchFactor(1, 9)

        self.save_button = QPushButton(wording.SAVE)
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(lambda: self.save())
        self.discard_button = QPushButton(wording.DISCARD)
        self.discard_button.setToolTip("保存していない変更を捨てて、保存した内容に戻します。")
        self.discard_button.clicked.connect(lambda: self.discard())
        self.state = QLabel()
        self.state.setObjectName("hint")
        bar = save_bar([self.state], self.discard_button, self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.errors.general)
        layout.addWidget(bar)

        for signal in (
            self.kind.currentIndexChanged,
            self.title.textChanged,
            self.when.changed,
            self.venue_mode.currentIndexChanged,
            self.venue.textChanged,
            self.organizer.textChanged,
            self.co_organizers.textChanged,
            self.phase.currentIndexChanged,
            self.goal.textChanged,
            self.theme.textChanged,
            self.facilitator.textChanged,
            self.seating.textChanged,
            self.status.currentIndexChanged,
            self.program.edited,
        ):
            signal.connect(lambda *_: self._edited())
        self.goal_stage.currentIndexChanged.connect(lambda _i: self._goal_chosen())
        self.situation.textChanged.connect(lambda: self._situation_typed())
        self.phase.currentIndexChanged.connect(lambda _i: self._show_phase())
        self._update_state()

    # --- loading ----------------------------------------------------------------------------
    def show_meeting(self, meeting_id: int | None) -> None:
        """Loads the meeting as saved (what was typed for another one is dropped: the page asked)."""
        session = self.host.session
        if session is None or meeting_id is None:
            self.meeting = None
            return
        self._fill(meetings.get_meeting(session, meeting_id), meetings.program_of(session, meeting_id), session)

    def reload(self) -> None:
        """After a change elsewhere: loads again, unless the user is typing (their input wins)."""
        session = self.host.session
        if session is None or self.meeting is None or self.meeting.id is None:
            return
        if self.dirty:
            self.guide.show_seating(self._expected(session))
            return
        self.show_meeting(self.meeting.id)

    def _fill(self, meeting: Meeting, program: list[ProgramItem], session: Session) -> None:
        self._loading = True
        self.meeting = meeting
        self.errors.clear()
        self.kind.setCurrentText(meeting.kind)
        self.title.setText(meeting.title)
        self.title.setCursorPosition(0)
        self.when.set_value(meeting.starts_at, meeting.ends_at)
        self.venue_mode.setCurrentText(meeting.venue_mode)
        self.venue.setText(meeting.venue)
        self.organizer.setText(meeting.organizer)
        self.co_organizers.setText(meeting.co_organizers)
        self.phase.setCurrentIndex(max(0, self.phase.findData(meeting.phase)))
        self.goal_stage.setCurrentIndex(max(0, self.goal_stage.findData(meeting.goal_stage)))
        self.goal.setPlainText(meeting.goal)
        self.theme.setPlainText(meeting.theme)
        self.situation.setPlainText(meeting.participants_situation)
        self.program.set_items(program, speakers_of(session))
        self.facilitator.setText(meeting.facilitator)
        self.seating.setText(meeting.seating)
        self.status.setCurrentText(meeting.status)
        self.guide.show_goal(meeting.goal_stage)
        self.guide.show_situation(meeting.participants_situation, reset=True)
        self.guide.show_seating(self._expected(session))
        self._show_phase()
        self._loading = False
        self._baseline = self._snapshot()
        self.dirty = False
        self._update_state()

    def _expected(self, session: Session) -> int:
        """Those expected (everyone on the list but the 欠席), or those who came once it was held."""
        if self.meeting is None or self.meeting.id is None:
            return 0
        everyone = participants.participants_of(session, self.meeting.id)
        came = [p for p in everyone if p.attending]
        return len(came) if came else sum(1 for p in everyone if p.attendance != ABSENT)

    # --- values -----------------------------------------------------------------------------
    def current_meeting(self) -> Meeting:
        assert self.meeting is not None
        return dataclasses.replace(
            self.meeting,
            kind=self.kind.currentText(),
            title=self.title.text(),
            starts_at=self.when.starts_at(),
            ends_at=self.when.ends_at(),
            venue_mode=self.venue_mode.currentText(),
            venue=self.venue.text(),
            organizer=self.organizer.text(),
            co_organizers=self.co_organizers.text(),
            phase=self.phase.currentData(),
            goal_stage=self.goal_stage.currentData() or "",
            goal=self.goal.toPlainText(),
            theme=self.theme.toPlainText(),
            participants_situation=self.situation.toPlainText(),
            facilitator=self.facilitator.text(),
            seating=self.seating.text(),
            status=self.status.currentText(),
        )

    def _snapshot(self) -> object:
        return (self.current_meeting(), tuple(self.program.items())) if self.meeting is not None else None

    # --- reactions --------------------------------------------------------------------------
    def _edited(self) -> None:
        if self._loading or self.meeting is None:
            return
        self.dirty = self._snapshot() != self._baseline
        self._update_state()

    def _update_state(self) -> None:
        writable = self.host.writable and self.meeting is not None
        self.save_button.setEnabled(writable and self.dirty)
        self.discard_button.setEnabled(self.dirty)
        self.state.setText(wording.UNSAVED_NOTE if self.dirty else "保存済みです。")
        for widget in (self.kind, self.title, self.when, self.venue_mode, self.venue, self.organizer):
            widget.setEnabled(writable)
        for widget in (self.co_organizers, self.phase, self.goal_stage, self.facilitator, self.seating, self.status):
            widget.setEnabled(writable)
        for box in (self.goal, self.theme, self.situation):
            box.setReadOnly(not writable)
        self.program.set_writable(writable)
        self.guide.set_writable(writable)

    def _show_phase(self) -> None:
        number = self.phase.currentData()
        self.phase_note.setText(phases.phase(number).title if number else "")
        self.phase_note.setVisible(bool(number))

    def _goal_chosen(self) -> None:
        """A guide 到達点 fills in its goal, unless the user wrote one of their own."""
        stage = self.goal_stage.currentData() or ""
        self.guide.show_goal(stage)
        if self._loading:
            return
        guide_goals = {g.goal for g in meeting_planning().goals}
        typed = self.goal.toPlainText().strip()
        if not typed or typed in guide_goals:
            chosen = next((g.goal for g in meeting_planning().goals if g.stage == stage), "")
            _set_text(self.goal, chosen)
        self._edited()

    def _situation_typed(self) -> None:
        if not self._loading:
            self.guide.show_situation(self.situation.toPlainText())
            self._edited()

    def _situation_ticked(self, situation: str, ticked: bool) -> None:
        """A situation ticked in the guide is written into 参加者の状況; unticked, taken out."""
        lines = [line for line in self.situation.toPlainText().splitlines() if line.strip()]
        if ticked and situation not in lines:
            lines.append(situation)
        elif not ticked and situation in lines:
            lines.remove(situation)
        else:
            return
        _set_text(self.situation, "\n".join(lines))

    # --- saving -----------------------------------------------------------------------------
    def save(self) -> bool:
        """保存: the plan and its プログラム in one call; problems shown beside their fields."""
        if self.meeting is None or not self.host.writable:
            return False
        meeting, program = self.current_meeting(), self.program.items()
        self.errors.clear()
        result = self.host.run_op(
            lambda session: meetings.save_meeting(session, meeting, program), on_invalid=self._show_problems
        )
        if result is None:
            return False
        self.dirty = False
        self._baseline = self._snapshot()
        self._update_state()
        self.host.after(result[1])
        return True

    def _show_problems(self, error: ValidationError) -> None:
        problems = problems_of(error)
        program = [message for key, message in problems.items() if key.startswith("program.")]
        problems = {key: message for key, message in problems.items() if not key.startswith("program.")}
        if program:
            problems["program"] = "\n".join(program)
        self.errors.show(problems)

    def discard(self) -> None:
        """Back to what was saved."""
        self.dirty = False
        if self.meeting is not None and self.meeting.id is not None and self.host.session is not None:
            self.show_meeting(self.meeting.id)
        self._update_state()
