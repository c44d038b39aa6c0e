"""次の対応 on the answer-entry screen: the visit's follow-ups (済 ticked in the list) and a row to
add one with its 期限. Nothing is saved here: the screen saves them with the answers."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QHeaderView, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.followups import FollowUp, clean_followup
from kyojushien_desktop.ui.common.followup_models import FollowUpTableModel
from kyojushien_desktop.ui.common.forms import DateField, FieldErrors, problems_of
from kyojushien_desktop.ui.common.widgets import list_table, set_resize_modes
from kyojushien_desktop.ui.hearing import wording

DEFAULT_DUE_DAYS = 14


class FollowUpEditor(QWidget):
    """``edited`` whenever the list changes (added, dropped, 済 ticked), so the screen is dirty."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visit_id: int | None = None
        self.errors = FieldErrors()
        self.model = FollowUpTableModel(self, checkable=True)
        self.table = list_table(self.model)
        set_resize_modes(
            self.table,
            QHeaderView.ResizeMode.ResizeToContents,
            QHeaderView.ResizeMode.Stretch,
            QHeaderView.ResizeMode.ResizeToContents,
        )
        self.model.done_toggled.connect(self.edited.emit)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons(self._writable))
        self.action = QLineEdit()
        self.action.setPlaceholderText(wording.FOLLOWUP_EXAMPLE)
        self.action.returnPressed.connect(lambda: self.add())
        self.due_check = QCheckBox(wording.DUE)
        self.due = DateField(dt.date.today() + dt.timedelta(days=DEFAULT_DUE_DAYS))
        self.due.setEnabled(False)
        self.due_check.toggled.connect(self.due.setEnabled)
        self.add_button = QPushButton(wording.ADD_NOW)
        self.add_button.clicked.connect(lambda: self.add())
        self.drop_button = QPushButton("選んだ行を外す（保存前のみ）")
        self.drop_button.setToolTip("いま追加した、まだ保存していない次の対応を一覧から外します。")
        self.drop_button.clicked.connect(lambda: self.drop())
        self._writable = False

        add_row = QHBoxLayout()
        add_row.setSpacing(8)
        add_row.addWidget(self.action, 1)
        add_row.addWidget(self.due_check)
        add_row.addWidget(self.due)
        add_row.addWidget(self.add_button)
        drop_row = QHBoxLayout()
        drop_row.addStretch(1)
        drop_row.addWidget(self.drop_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.errors.field("action", add_row))
        layout.addLayout(drop_row)

    def show_followups(self, visit_id: int, followups: list[FollowUp]) -> None:
        self.visit_id = visit_id
        self.model.set_rows(followups)
        self.action.clear()
        self.due_check.setChecked(False)
        self.errors.clear()

    def followups(self) -> list[FollowUp]:
        return self.model.followups()

    def fit(self, line_spacing: int) -> None:
        """A few rows high, in lines of the current font."""
        rows = max(2, min(self.model.rowCount(), 5))
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + rows * (line_spacing + 14) + 4)

    def update_buttons(self, writable: bool) -> None:
        self._writable = writable
        for widget in (self.add_button, self.action, self.due_check):
            widget.setEnabled(writable)
        rows = self.table.selectionModel().selectedRows()
        pending = bool(rows) and self.model.followup(rows[0].row()).id is None
        self.drop_button.setEnabled(writable and pending)
        self.table.setEnabled(writable or self.model.rowCount() > 0)

    def add(self) -> bool:
        """Adds a 次の対応 to the list; it is saved with the rest on 保存."""
        if self.visit_id is None:
            return False
        self.errors.clear()
        due = self.due.date() if self.due_check.isChecked() else None
        try:
            followup = clean_followup(FollowUp(visit_id=self.visit_id, action=self.action.text(), due_on=due))
        except ValidationError as exc:
            self.errors.show(problems_of(exc))
            self.action.setFocus()
            return False
        self.model.append(followup)
        self.fit(self.fontMetrics().lineSpacing())
        self.action.clear()
        self.due_check.setChecked(False)
        self.edited.emit()
        self.action.setFocus()
        return True

    def drop(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows and self.model.followup(rows[0].row()).id is None:
            self.model.remove(rows[0].row())
            self.fit(self.fontMetrics().lineSpacing())
            self.edited.emit()
