"""One 到達の目安 beside the table: the guide's question, its 状態 (recorded with a date and a short
note; the history underneath, newest first), the two notes わかったことは何か / 関係者と共有できた
ことは何か, its 根拠 and, while not 達成, the phase's 取組み例 as the next suggested steps. A 状態
chosen (or a note typed) before 状態を記録, a 目標の月 before 目標を保存 and the notes before メモを保存
are unsaved input: the page asks about them before they could be lost."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kyojushien_desktop.content.phases import milestone, milestone_check, phase
from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.progress import ACHIEVED, STATUSES, MilestoneState
from kyojushien_desktop.services.progress import progress
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.forms import DateField
from kyojushien_desktop.ui.common.growing_text import GrowingTextEdit
from kyojushien_desktop.ui.common.live import Page
from kyojushien_desktop.ui.progress import wording
from kyojushien_desktop.ui.progress.evidence_box import EvidenceBox
from kyojushien_desktop.ui.progress.phase_panel import ExamplesBox, section, wrapped

# a 備考 is recorded with its 状態 (状態を記録), changed or not
STATUS_PARTS = frozenset({wording.STATUS, wording.NOTES})


class MilestonePanel(QWidget):
    def __init__(self, host: Page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.state: MilestoneState | None = None
        self.title = wrapped()
        self.question = wrapped(milestone_check(), "hint")

        self.status = QComboBox()
        self.status.addItems(list(STATUSES))
        self.on = DateField(dt.date.today())
        self.note = QLineEdit()
        self.note.setPlaceholderText(wording.STATUS_NOTE_HINT)
        self.record_button = QPushButton(wording.RECORD_STATUS)
        self.record_button.setObjectName("primaryButton")
        self.record_button.clicked.connect(lambda: self.record_status())
        grid = QGridLayout()
        grid.addWidget(QLabel(wording.STATUS), 0, 0)
        grid.addWidget(self.status, 0, 1)
        grid.addWidget(QLabel(wording.DATE), 1, 0)
        grid.addWidget(self.on, 1, 1, 1, 2)
        grid.addWidget(QLabel(wording.NOTES), 2, 0)
        grid.addWidget(self.note, 2, 1, 1, 2)
        grid.addWidget(self.record_button, 3, 2, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(2, 1)
        self.history = wrapped()

        self.target = QLineEdit()
        self.target.setPlaceholderText(wording.TARGET_HINT)
        self.target.setToolTip(wording.TARGET_TIP)
        self.target_button = QPushButton(wording.SAVE_TARGET)
        self.target_button.clicked.connect(lambda: self.save_target())
        target_row = QHBoxLayout()
        target_row.addWidget(QLabel(wording.TARGET))
        target_row.addWidget(self.target, 1)
        target_row.addWidget(self.target_button)
        self.error = wrapped(name="fieldError")
        self.error.hide()

        self.learned = GrowingTextEdit()
        self.shared = GrowingTextEdit()
        self.notes_button = QPushButton(wording.SAVE_NOTES)
        self.notes_button.clicked.connect(lambda: self.save_notes())
        self.evidence = EvidenceBox(host)
        self.examples = ExamplesBox(wording.NEXT_STEPS)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.question)
        layout.addLayout(grid)
        layout.addLayout(target_row)
        layout.addWidget(self.error)
        layout.addWidget(section(wording.HISTORY))
        layout.addWidget(self.history)
        layout.addWidget(section(wording.LEARNED))
        layout.addWidget(self.learned)
        layout.addWidget(section(wording.SHARED))
        layout.addWidget(self.shared)
        notes_row = QHBoxLayout()
        notes_row.addStretch(1)
        notes_row.addWidget(self.notes_button)
        layout.addLayout(notes_row)
        layout.addWidget(self.evidence)
        layout.addWidget(self.examples)
        layout.addStretch(1)

    @property
    def milestone_id(self) -> str | None:
        return self.state.milestone_id if self.state is not None else None

    # --- showing ----------------------------------------------------------------------------
    def show_milestone(self, milestone_id: str, *, keep_typing: bool = False) -> None:
        """The 目安 as saved; ``keep_typing`` leaves what was typed so far (not yet saved) in place."""
        session = self.host.session
        if session is None:
            return
        kept = self.dirty_parts() if keep_typing else set()
        self.state = progress.state_of(session, milestone_id)
        state, item = self.state, milestone(milestone_id)
        self.title.setFont(scaled(self.font(), 1.2, bold=True))
        self.title.setText(f"{item.id}　{item.text}")
        if not kept & STATUS_PARTS:
            self.status.setCurrentText(state.status)
            self.on.edit.setDate(self.on.edit.date().currentDate())
            self.note.clear()
        if wording.TARGET not in kept:
            self.target.setText(state.target_month or "")
        self.error.hide()
        changes = list(reversed(progress.history(session, milestone_id)))
        self.history.setText(
            "\n".join(
                f"{wareki.format_date(c.changed_on) if c.changed_on else ''}　{c.old_status} → {c.new_status}"
                + (f"　{c.note}" if c.note else "")
                for c in changes
            )
            or wording.NO_HISTORY
        )
        if wording.MEMO not in kept:
            self.learned.setPlainText(state.learned)
            self.shared.setPlainText(state.shared)
        self.evidence.show_milestone(milestone_id)
        self.examples.setVisible(state.status != ACHIEVED)
        self.examples.show_phase(phase(item.phase))
        writable = self.host.writable
        for widget in (self.record_button, self.target_button, self.notes_button, self.status):
            widget.setEnabled(writable)
        for box in (self.learned, self.shared):
            box.setReadOnly(not writable)

    # --- unsaved input ----------------------------------------------------------------------
    def dirty_parts(self) -> set[str]:
        """Which of 状態, 目標の月 and the notes hold input that differs from what is saved."""
        state = self.state
        if state is None:
            return set()
        parts = set()
        if self.host.writable:
            if self.status.currentText() != state.status:
                parts.add(wording.STATUS)
            if self.note.text().strip():
                parts.add(wording.NOTES)
            if self.target.text().strip() != (state.target_month or ""):
                parts.add(wording.TARGET)
        if self.learned.toPlainText() != state.learned or self.shared.toPlainText() != state.shared:
            parts.add(wording.MEMO)
        return parts

    @property
    def dirty(self) -> bool:
        return bool(self.dirty_parts())

    def save(self) -> bool:
        """Saves every part holding input (the 状態 last: its history line is the newest)."""
        parts = self.dirty_parts()
        return (
            (wording.TARGET not in parts or self.save_target())
            and (wording.MEMO not in parts or self.save_notes())
            and (not parts & STATUS_PARTS or self.record_status())
        )

    def discard(self) -> None:
        if self.state is not None:
            self.status.setCurrentText(self.state.status)
            self.note.clear()
            self.target.setText(self.state.target_month or "")
            self.learned.setPlainText(self.state.learned)
            self.shared.setPlainText(self.state.shared)

    # --- writing ----------------------------------------------------------------------------
    def record_status(self) -> bool:
        """状態を記録: the 状態 chosen, as of the date, with the note, into the history."""
        if self.state is None:
            return False
        milestone_id, status, on, note = (
            self.state.milestone_id,
            self.status.currentText(),
            self.on.date(),
            self.note.text(),
        )
        changes = self.host.run_op(lambda session: progress.set_status(session, milestone_id, status, on=on, note=note))
        if changes is None:
            return False
        self.note.clear()  # recorded: the reload shows the 状態 as saved
        self.host.reload(changes)
        return True

    def save_notes(self) -> bool:
        if self.state is None:
            return False
        state = dataclasses.replace(self.state, learned=self.learned.toPlainText(), shared=self.shared.toPlainText())
        changes = self.host.run_op(lambda session: progress.save_notes(session, state))
        if changes is None:
            return False
        self.state = state  # what was typed is saved: the reload keeps only the other parts' typing
        self.host.reload(changes)
        return True

    def save_target(self) -> bool:
        if self.state is None:
            return False
        milestone_id, text = self.state.milestone_id, self.target.text()

        def invalid(error) -> None:
            self.error.setText(error.message)
            self.error.show()

        changes = self.host.run_op(lambda session: progress.set_target(session, milestone_id, text), on_invalid=invalid)
        if changes is None:
            return False
        self.state = dataclasses.replace(self.state, target_month=text.strip())  # the reload shows it as saved
        self.host.reload(changes)
        return True
