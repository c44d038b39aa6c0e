"""A 担当者 of an organisation, and the 担当交代 that hands their post to a successor.

Both dialogs validate what was typed and return it; the caller calls ``save_person`` or
``hand_over``. People are never overwritten on a hand-over: the old person stays as 前任.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.members import Person, clean_person
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.forms import (
    DateField,
    FieldErrors,
    FormDialog,
    OptionalDateField,
    dialog_buttons,
    size_for_text,
    text_box,
)
from kyojushien_desktop.ui.members import wording


def default_hand_over_date(today: dt.date | None = None) -> dt.date:
    """Partners change staff on 1 April: suggest it when it is near (within two months ahead, or
    earlier this April, recorded late); otherwise the change happened today."""
    today = today or dt.date.today()
    coming = wareki.next_april_first(today) if today != dt.date(today.year, 4, 1) else today
    if (coming - today).days <= 61:
        return coming
    if today.month == 4:
        return dt.date(today.year, 4, 1)
    return today


class _PersonFields:
    """The fields a person has, shared by both dialogs."""

    def __init__(self, errors: FieldErrors) -> None:
        self.name = QLineEdit()
        self.name.setPlaceholderText(wording.NAME_EXAMPLE)
        self.kana = QLineEdit()
        self.kana.setPlaceholderText("例: さとう いちろう")
        self.department = QLineEdit()
        self.title = QLineEdit()
        self.title.setPlaceholderText("例: 事務局長")
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.notes: QPlainTextEdit = text_box(3)
        self.errors = errors

    def add_rows(self, form: QFormLayout, *, with_notes: bool = True) -> None:
        form.addRow(wording.FULL_NAME + wording.REQUIRED, self.errors.field("name", self.name))
        form.addRow(wording.KANA, self.errors.field("kana", self.kana))
        form.addRow("部署", self.errors.field("department", self.department))
        form.addRow(wording.JOB_TITLE, self.errors.field("title", self.title))
        form.addRow(wording.PHONE, self.errors.field("phone", self.phone))
        form.addRow(wording.EMAIL, self.errors.field("email", self.email))
        if with_notes:
            form.addRow(wording.NOTES, self.errors.field("notes", self.notes))

    def fill(self, person: Person) -> None:
        self.name.setText(person.name)
        self.kana.setText(person.kana)
        self.department.setText(person.department)
        self.title.setText(person.title)
        self.phone.setText(person.phone)
        self.email.setText(person.email)
        self.notes.setPlainText(person.notes)

    def apply(self, person: Person) -> Person:
        return dataclasses.replace(
            person,
            name=self.name.text(),
            kana=self.kana.text(),
            department=self.department.text(),
            title=self.title.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            notes=self.notes.toPlainText(),
        )


class PersonDialog(FormDialog):
    """Adds or edits a 担当者; ``result_value`` is validated."""

    def __init__(
        self, organization_id: int, person: Person | None = None, organization_name: str = "", parent=None
    ) -> None:
        super().__init__(parent)
        self.original = person or Person(name="", organization_id=organization_id)
        title = "担当者を追加" if self.original.id is None else f"担当者の編集 — {self.original.name}"
        self.setWindowTitle(title)
        self.fields = _PersonFields(self.errors)
        self.fields.fill(self.original)
        self.started_on = OptionalDateField("着任日を入れる", self.original.started_on)
        self.ended_on = OptionalDateField("離任日を入れる", self.original.ended_on)

        heading = QLabel(f"{organization_name}　{title}" if organization_name else title)
        heading.setFont(scaled(self.font(), 1.2, bold=True))
        heading.setWordWrap(True)
        form = QFormLayout()
        form.setVerticalSpacing(6)
        self.fields.add_rows(form, with_notes=False)
        form.addRow("着任日", self.errors.field("started_on", self.started_on))
        form.addRow("離任日", self.errors.field("ended_on", self.ended_on))
        form.addRow(wording.NOTES, self.errors.field("notes", self.fields.notes))
        hint = QLabel(
            f"人が替わったときは、ここで名前を書き換えずに「{wording.HAND_OVER}…」を使うと、前任の方の記録が残ります。"
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        buttons, self.ok_button = dialog_buttons(self, wording.SAVE, self.try_accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        size_for_text(self, 40, 0)
        self.fields.name.setFocus()

    def current_value(self) -> Person:
        person = self.fields.apply(self.original)
        return dataclasses.replace(person, started_on=self.started_on.date(), ended_on=self.ended_on.date())

    def clean(self, value: Person) -> Person:
        return clean_person(value)


class HandOverDialog(FormDialog):
    """担当交代: the day the successor starts and who they are. The predecessor's period ends the
    day before and they stay listed as 前任. ``result_value`` is (successor, 交代日)."""

    def __init__(self, predecessor: Person, parent=None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.predecessor = predecessor
        self.setWindowTitle(f"{wording.HAND_OVER} — {predecessor.name} さんの後任")
        self.on = DateField(default_hand_over_date(today))
        self.on.edit.dateChanged.connect(self._explain)
        self.explanation = QLabel()
        self.explanation.setObjectName("hint")
        self.explanation.setWordWrap(True)
        self.fields = _PersonFields(self.errors)
        # The post usually keeps its department, title and phone; the person is new.
        self.fields.department.setText(predecessor.department)
        self.fields.title.setText(predecessor.title)
        self.fields.phone.setText(predecessor.phone)

        role = f"（{predecessor.title}）" if predecessor.title else ""
        heading = QLabel(f"{predecessor.name} さん{role}から後任の方へ担当を引き継ぎます")
        heading.setFont(scaled(self.font(), 1.2, bold=True))
        heading.setWordWrap(True)
        form = QFormLayout()
        form.setVerticalSpacing(6)
        on_box = QVBoxLayout()
        on_box.setSpacing(4)
        on_box.addWidget(self.on)
        on_box.addWidget(self.explanation)
        form.addRow("交代日", self.errors.field("on", on_box))
        successor_title = QLabel("後任の方")
        successor_title.setObjectName("cardTitle")
        successor = QFormLayout()
        successor.setVerticalSpacing(6)
        self.fields.add_rows(successor)
        buttons, self.ok_button = dialog_buttons(self, "交代を記録", self.try_accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(successor_title)
        layout.addLayout(successor)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        size_for_text(self, 42, 0)
        self._explain()
        self.fields.name.setFocus()

    def _explain(self) -> None:
        last_day = self.on.date() - dt.timedelta(days=1)
        self.explanation.setText(
            f"{self.predecessor.name} さんは {wareki.format_date(last_day)} までの担当として"
            f"「{wording.FORMER}」に残り、後任の方は {wareki.format_date(self.on.date())} から担当になります。"
        )

    def current_value(self) -> tuple[Person, dt.date]:
        return self.fields.apply(Person(name="", organization_id=self.predecessor.organization_id)), self.on.date()

    def try_accept(self) -> bool:
        self.errors.clear()
        on = self.on.date()
        started = self.predecessor.started_on
        if started is not None and on <= started:
            self.errors.show(
                {
                    "on": f"交代日は {self.predecessor.name} さんの着任日（{wareki.format_date(started)}）より後にしてください。"
                }
            )
            return False
        ended = self.predecessor.ended_on
        if ended is not None and ended < on - dt.timedelta(days=1):
            self.errors.show({"on": f"{self.predecessor.name} さんは {wareki.format_date(ended)} に離任しています。"})
            return False
        successor = self.fields.apply(Person(name="", organization_id=self.predecessor.organization_id))
        cleaned = self.errors.checked(lambda: clean_person(dataclasses.replace(successor, started_on=on)))
        if cleaned is None:
            return False
        self.result_value = (cleaned, on)
        self.accept()
        return True
