"""新しい会議を企画: the 種類, 題名 and 日時 a meeting starts with. The rest (到達点, テーマ,
プログラム …) is planned on its 企画 tab with the guide beside it; saving here also lays out the
guide's 開催前・開催後 steps with 期限 counted from the day."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kyojushien_desktop.content.meeting_terms import meeting_terms
from kyojushien_desktop.domain.meetings import Meeting, clean_meeting
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.forms import FormDialog, dialog_buttons, size_for_text
from kyojushien_desktop.ui.meetings import wording
from kyojushien_desktop.ui.meetings.fields import WhenField


class NewMeetingDialog(FormDialog):
    """``result_value`` is the ``Meeting`` to save after 企画する; nothing is written here."""

    def __init__(self, start: Meeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = start
        self.setWindowTitle(wording.NEW_MEETING_TITLE)
        heading = QLabel(wording.NEW_MEETING_TITLE)
        heading.setFont(scaled(self.font(), 1.2, bold=True))
        lead = QLabel(
            "種類・題名・日時を決めます。到達点やテーマ、プログラムは、このあと「企画」で手引きを見ながら書き足せます。"
            "段取り（参加依頼・ふりかえり会・開催レポートの配布など）は、開催日から数えた期限つきで用意されます。"
        )
        lead.setObjectName("hint")
        lead.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.addItems(list(meeting_terms().kind_names))
        self.kind.setCurrentText(start.kind)
        self.title = QLineEdit(start.title)
        self.title.setPlaceholderText("例: 第1回 居住支援勉強会（福祉の課題共有）")
        self.when = WhenField()
        self.when.set_value(start.starts_at, start.ends_at)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(wording.KIND, self.errors.field("kind", self.kind))
        form.addRow(wording.TITLE + wording.REQUIRED, self.errors.field("title", self.title))
        form.addRow(wording.WHEN, self.errors.field("starts_at", self.when))
        self.errors.labels["ends_at"] = self.errors.labels["starts_at"]
        buttons, self.ok_button = dialog_buttons(self, "企画する", self.try_accept)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(lead)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addStretch(1)
        layout.addLayout(buttons)
        size_for_text(self, 44, 14)
        self.title.setFocus()

    def current_value(self) -> Meeting:
        return dataclasses.replace(
            self.start,
            kind=self.kind.currentText(),
            title=self.title.text(),
            starts_at=self.when.starts_at(),
            ends_at=self.when.ends_at(),
        )

    def clean(self, value: object) -> object:
        assert isinstance(value, Meeting)
        return clean_meeting(value, meeting_terms().kind_names)
