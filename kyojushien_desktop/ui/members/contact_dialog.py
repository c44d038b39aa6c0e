"""A 経過記録 typed by hand: when, how (電話・メール・来庁・訪問・その他), with whom, and what.

It returns the ``Contact``; the caller calls ``add_contact``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kyojushien_desktop.domain.members import Contact, Person
from kyojushien_desktop.services.members import terms
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.forms import DateField, FormDialog, dialog_buttons, size_for_text, text_box, to_qdate
from kyojushien_desktop.ui.members import wording

# add_contact refuses dates further ahead than this; the calendar stops there too.
MAX_DAYS_AHEAD = 366


class ContactDialog(FormDialog):
    """``result_value`` holds what was typed after 記録 (``add_contact`` checks it)."""

    def __init__(
        self,
        organization_id: int,
        people: list[Person],
        staff_name: str = "",
        organization_name: str = "",
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.organization_id = organization_id
        self.setWindowTitle(wording.ADD_CONTACT)
        today = today or dt.date.today()

        self.occurred_on = DateField(today)
        self.occurred_on.edit.setMaximumDate(to_qdate(today + dt.timedelta(days=MAX_DAYS_AHEAD)))
        self.kind = QComboBox()
        self.kind.addItems(list(terms.contact_kinds()))
        self.person = QComboBox()
        self.person.addItem(wording.NO_ONE, None)
        for person in people:
            label = person.name + (f"（{person.title}）" if person.title else "")
            if not person.is_current:
                label += f"　{wording.FORMER}"
            self.person.addItem(label, person.id)
        self.our_staff = QLineEdit(staff_name)
        self.our_staff.setPlaceholderText("例: 山田（こちらで対応した人）")
        self.note = text_box(6, grow=True)
        self.note.setPlaceholderText("1行目が一覧の見出しになります。例: 協議会の説明に伺う日程を相談")

        heading = QLabel(f"{organization_name}　{wording.ADD_CONTACT}" if organization_name else wording.ADD_CONTACT)
        heading.setFont(scaled(self.font(), 1.2, bold=True))
        heading.setWordWrap(True)
        form = QFormLayout()
        form.setVerticalSpacing(6)
        form.addRow(wording.DATE, self.errors.field("occurred_on", self.occurred_on))
        form.addRow(wording.KIND, self.errors.field("kind", self.kind))
        form.addRow(wording.THEM, self.errors.field("person_id", self.person))
        form.addRow("当方", self.errors.field("our_staff", self.our_staff))
        form.addRow(wording.CONTENT, self.errors.field("note", self.note))
        buttons, self.ok_button = dialog_buttons(self, wording.RECORD, self.try_accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form, 1)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        size_for_text(self, 40, 0)
        self.note.setFocus()

    def current_value(self) -> Contact:
        return Contact(
            organization_id=self.organization_id,
            occurred_on=self.occurred_on.date(),
            kind=self.kind.currentText(),
            note=self.note.toPlainText(),
            our_staff=self.our_staff.text(),
            person_id=self.person.currentData(),
        )
