"""Adding or correcting a 次の対応 (a visit's, from the list below the visits; a meeting's, from
its 記録 tab): its wording, its 期限 (deadlines slip) and 済. It returns the ``FollowUp``; the page
calls the area's ``add_followup`` or ``followups.edit_followup``."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kyojushien_desktop.domain.followups import FollowUp
from kyojushien_desktop.ui.common import wording
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.forms import FormDialog, OptionalDateField, dialog_buttons, size_for_text


class FollowUpDialog(FormDialog):
    """``result_value`` holds the new or corrected follow-up after 保存 (or 追加)."""

    def __init__(self, followup: FollowUp, owner_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.followup = followup
        adding = followup.id is None
        title = f"{wording.NEXT_ACTION}を追加" if adding else f"{wording.NEXT_ACTION}を編集"
        self.setWindowTitle(title)
        heading = QLabel(f"{owner_name}　{title}" if owner_name else title)
        heading.setFont(scaled(self.font(), 1.2, bold=True))
        heading.setWordWrap(True)
        self.action = QLineEdit(followup.action)
        self.action.setPlaceholderText(wording.FOLLOWUP_EXAMPLE)
        self.due = OptionalDateField(f"{wording.DUE}を決める", followup.due_on)
        self.done_check = QCheckBox("済んだ")
        self.done_check.setChecked(followup.done)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(wording.CONTENT, self.errors.field("action", self.action))
        form.addRow(wording.DUE, self.errors.field("due_on", self.due))
        form.addRow("", self.done_check)
        self.done_check.setVisible(not adding)
        buttons, self.ok_button = dialog_buttons(self, wording.ADD_NOW if adding else wording.SAVE, self.try_accept)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addStretch(1)
        layout.addLayout(buttons)
        size_for_text(self, 36, 9)
        self.action.setFocus()

    def current_value(self) -> FollowUp:
        return replace(
            self.followup, action=self.action.text(), due_on=self.due.date(), done=self.done_check.isChecked()
        )
