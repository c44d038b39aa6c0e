"""新しい実施回 (名前・実施日・目的, optionally the previous round's people) and 回答者を追加
(typed, or picked from the 名簿's 庁内 people). Neither saves: the page hands the value to the
service."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kyojushien_desktop.domain.diagnosis import Respondent, Round, RoundSummary, clean_respondent, clean_round
from kyojushien_desktop.domain.members import Person
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.forms import DateField, FormDialog, dialog_buttons, size_for_text, text_box
from kyojushien_desktop.ui.diagnosis import wording


def _heading(dialog: QWidget, text: str) -> QLabel:
    heading = QLabel(text)
    heading.setFont(scaled(dialog.font(), 1.2, bold=True))
    return heading


class NewRoundDialog(FormDialog):
    """``result_value`` is ``(Round, previous round id or None)``."""

    def __init__(self, start: Round, earlier: list[RoundSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = start
        self.setWindowTitle(wording.NEW_ROUND_TITLE)
        self.name = QLineEdit(start.name)
        self.name.setPlaceholderText(wording.ROUND_NAME_EXAMPLE)
        self.held_on = DateField(start.held_on)
        self.purpose = text_box(3)
        self.purpose.setPlainText(start.purpose)
        self.same_people = QComboBox()
        self.same_people.addItem(wording.SAME_PEOPLE_NONE, None)
        for row in earlier:
            self.same_people.addItem(f"{row.name}（{row.respondents}人）", row.id)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(wording.ROUND_NAME + wording.REQUIRED, self.errors.field("name", self.name))
        form.addRow(wording.HELD_ON, self.errors.field("held_on", self.held_on))
        form.addRow(wording.PURPOSE, self.errors.field("purpose", self.purpose))
        form.addRow(wording.SAME_PEOPLE, self.same_people)
        buttons, self.ok_button = dialog_buttons(self, wording.CREATE, self.try_accept)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(_heading(self, wording.NEW_ROUND_TITLE))
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addStretch(1)
        layout.addLayout(buttons)
        size_for_text(self, 40, 14)
        self.name.setFocus()

    def current_value(self) -> tuple[Round, int | None]:
        item = dataclasses.replace(
            self.start, name=self.name.text(), held_on=self.held_on.date(), purpose=self.purpose.toPlainText()
        )
        return item, self.same_people.currentData()

    def clean(self, value: object) -> object:
        item, previous = value  # type: ignore[misc]
        return clean_round(item), previous


class RespondentDialog(FormDialog):
    """``result_value`` is the ``Respondent`` to add; choosing a 庁内 person fills the fields."""

    def __init__(self, round_id: int, internal: list[tuple[str, str, Person]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.round_id = round_id
        self.setWindowTitle(wording.ADD_RESPONDENT_TITLE)
        self.pick = QComboBox()
        self.pick.addItem(wording.TYPE_IN, None)
        for organization, category, person in internal:
            self.pick.addItem(f"{person.name}（{organization}）", (organization, category, person))
        self.pick.currentIndexChanged.connect(lambda _i: self._picked())
        self.name = QLineEdit()
        self.name.setPlaceholderText(wording.NAME_EXAMPLE)
        self.division = QLineEdit()
        self.division.setPlaceholderText(wording.DEPARTMENT_EXAMPLE)
        self.bureau = QLineEdit()
        self.title = QLineEdit()
        self._person_id: int | None = None
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(wording.FROM_DIRECTORY, self.pick)
        form.addRow(wording.FULL_NAME + wording.REQUIRED, self.errors.field("name", self.name))
        form.addRow(wording.DIVISION, self.division)
        form.addRow(wording.BUREAU, self.bureau)
        form.addRow(wording.JOB_TITLE, self.title)
        buttons, self.ok_button = dialog_buttons(self, wording.ADD_NOW, self.try_accept)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(_heading(self, wording.ADD_RESPONDENT_TITLE))
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addStretch(1)
        layout.addLayout(buttons)
        size_for_text(self, 36, 14)
        self.pick.setFocus()

    def _picked(self) -> None:
        chosen = self.pick.currentData()
        if chosen is None:
            self._person_id = None
            return
        organization, category, person = chosen
        self._person_id = person.id
        self.name.setText(person.name)
        self.division.setText(person.department or organization)
        self.bureau.setText(bureau_of(category))
        self.title.setText(person.title)

    def current_value(self) -> Respondent:
        return Respondent(
            round_id=self.round_id,
            name=self.name.text(),
            division=self.division.text(),
            bureau=self.bureau.text(),
            title=self.title.text(),
            person_id=self._person_id,
        )

    def clean(self, value: object) -> object:
        assert isinstance(value, Respondent)
        return clean_respondent(value)


def bureau_of(category: str) -> str:
    """住宅 or 福祉 … from the organisation's 区分 (住宅部局, 福祉部局): the comparison groups by it."""
    return category.removesuffix(wording.BUREAU) or category
