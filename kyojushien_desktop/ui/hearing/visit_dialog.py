"""Plan or edit a ヒアリング visit: whom (an organisation of the 名簿, or one registered on the spot),
when and where, who goes and whom we meet, why, which questions, what 情報のお土産 to bring and
whether to convey 担当課の考え方.

The dialog only reads; it returns ``result_value`` (the visit; ``result_new_organization`` when
the organisation was registered here) and the caller hands them to ``visits.plan_visit`` or
``visits.save_visit``, which adds the new organisation and the visit in one transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.content import hearing as hearing_guide
from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.hearing import Question, Visit, clean_visit
from kyojushien_desktop.domain.members import Organization
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.common.settings import load_settings
from kyojushien_desktop.services.hearing import question_banks, visits
from kyojushien_desktop.services.members import organizations, people, terms
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.forms import FormDialog, problems_of, size_for_text
from kyojushien_desktop.ui.common.pickers import attach_search
from kyojushien_desktop.ui.common.scrolling import scrolling_column
from kyojushien_desktop.ui.hearing import wording
from kyojushien_desktop.ui.hearing.question_chooser import QuestionChooser
from kyojushien_desktop.ui.members.organization_dialog import OrganizationDialog

NEW_ORGANIZATION = -1


# Which guide bank suits an organisation of a 区分 (the guide's hearing targets, p44); the user
# may pick any other. Matched on words of the 区分 so a renamed 区分 still finds its bank.
def suggested_bank_key(category: str) -> str | None:
    """The 質問バンク a visit to this 区分 starts with (resources/member_terms.json)."""
    for word, key in terms.bank_for_category():
        if word in category:
            return key
    return None


def default_visitors(session: Session) -> str:
    """Us, as 設定 knows us: 山田 花子（建設課 住宅係）."""
    values = load_settings(session)
    if values.staff_name and values.department:
        return f"{values.staff_name}（{values.department}）"
    return values.staff_name or values.department


def default_moment(today: dt.date) -> dt.datetime:
    """Tomorrow at 10:00: visits are rarely planned for the same day."""
    return dt.datetime.combine(today + dt.timedelta(days=1), dt.time(10, 0))


class VisitDialog(FormDialog):
    """``result_value`` (and ``result_new_organization``) after 保存; nothing is written here."""

    def __init__(
        self,
        session: Session,
        visit: Visit | None = None,
        *,
        organization_id: int | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        today = today or dt.date.today()
        self.is_new = visit is None or visit.id is None
        self.original = visit or Visit(
            organization_id=organization_id or 0,
            scheduled_at=default_moment(today),
            visitors=default_visitors(session),
        )
        self.result_visit: Visit | None = None
        self.result_new_organization: Organization | None = None
        self.new_organization: Organization | None = None
        self._shown_organization: int | None = None
        all_banks = question_banks.list_banks(session, include_retired=True)
        self.bank_names = {b.id: b.name for b in all_banks if b.id is not None}
        self.banks = [b for b in all_banks if not b.retired]
        self.organizations = organizations.list_organizations(session)
        title = wording.PLAN_HEARING if self.is_new else "ヒアリングの予定を編集"
        self.setWindowTitle(title)

        # --- organisation ---
        self.organization = QComboBox()
        self.organization.setEditable(True)
        self.organization.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.organization.setMinimumContentsLength(12)
        self.organization.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.organization.lineEdit().setPlaceholderText("名称の一部を入力して選びます")
        for org in self.organizations:
            self.organization.addItem(org.name, org.id)
            self.organization.setItemData(self.organization.count() - 1, org.category, Qt.ItemDataRole.ToolTipRole)
        self.completer = attach_search(
            self.organization,
            [(org.name, (org.name, org.kana, org.people, org.phone)) for org in self.organizations],
            organizations.matcher,
        )
        self.new_organization_button = QPushButton(wording.NEW_ORGANIZATION_ON_THE_SPOT)
        self.new_organization_button.setToolTip("名簿にまだない団体を登録して、そのまま訪問先にします。")
        self.new_organization_button.clicked.connect(lambda: self.register_organization())
        self.organization_note = QLabel()
        self.organization_note.setObjectName("hint")
        self.organization_note.setWordWrap(True)
        org_box = QVBoxLayout()
        org_box.setSpacing(2)
        org_box.addWidget(self.organization)
        org_box.addWidget(self.organization_note)
        org_box.addWidget(self.new_organization_button, 0, Qt.AlignmentFlag.AlignLeft)

        # --- when ---
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(wording.DATE_FIELD_FORMAT)
        self.time = QTimeEdit()
        self.time.setDisplayFormat("H:mm")
        self.when_label = QLabel()
        self.when_label.setObjectName("hint")
        when_fields = QHBoxLayout()
        when_fields.setSpacing(8)
        when_fields.addWidget(self.date)
        when_fields.addWidget(self.time)
        when_fields.addStretch(1)
        when_row = QVBoxLayout()
        when_row.setSpacing(2)
        when_row.addLayout(when_fields)
        when_row.addWidget(self.when_label)

        self.place = QLineEdit()
        self.place.setPlaceholderText("例: 先方の事務所（駅前ビル3階）")
        self.visitors = QLineEdit()
        self.visitors.setPlaceholderText("例: 山田 花子（建設課 住宅係）、佐藤（福祉課）")
        self.companions = QLineEdit()
        self.companions.setPlaceholderText("例: 〇〇県 住宅課 岡本")
        self.people_box = QVBoxLayout()
        self.people_box.setSpacing(2)
        self.people_checks: dict[int, QCheckBox] = {}
        self.people_empty = QLabel()
        self.people_empty.setObjectName("hint")
        self.people_empty.setWordWrap(True)
        self.people_box.addWidget(self.people_empty)
        self.purpose = QLineEdit()
        self.purpose.setPlaceholderText("例: 要配慮者の入居で困っていることを伺う")

        # --- お土産, 担当課の考え方 (the guide's two ヒアリングのコツ) ---
        tips = {tip.number: tip for tip in hearing_guide.hearing_tips()}
        self.souvenir_checks: dict[str, QCheckBox] = {}
        souvenir_box = QGridLayout()
        souvenir_box.setHorizontalSpacing(16)
        souvenir_box.setVerticalSpacing(2)
        for number, option in enumerate(visits.souvenir_options()):
            check = QCheckBox(option)
            self.souvenir_checks[option] = check
            souvenir_box.addWidget(check, number // 2, number % 2)
        self.souvenir_other = QLineEdit()
        self.souvenir_other.setPlaceholderText("その他（例: 町の住宅確保給付金のちらし）")
        other_row = len(self.souvenir_checks) // 2 + len(self.souvenir_checks) % 2
        souvenir_box.addWidget(self.souvenir_other, other_row, 0, 1, 2)
        souvenir_hint = QLabel("手引き: 情報を得るだけでなく、提供する視点も持ちましょう。")
        souvenir_hint.setObjectName("hint")
        souvenir_hint.setWordWrap(True)
        if 1 in tips:
            souvenir_hint.setToolTip(tips[1].body)
        souvenir_box.addWidget(souvenir_hint, other_row + 1, 0, 1, 2)
        self.policy = QCheckBox(wording.POLICY_TO_CONVEY)
        if 2 in tips:
            self.policy.setToolTip(tips[2].body)
        policy_hint = QLabel("課題認識や必要と考えている取組みを伝えると、具体的な生の声を聞けます。")
        policy_hint.setObjectName("hint")
        policy_hint.setWordWrap(True)
        policy_box = QVBoxLayout()
        policy_box.setSpacing(2)
        policy_box.addWidget(self.policy)
        policy_box.addWidget(policy_hint)

        form = QFormLayout()
        form.setVerticalSpacing(8)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(wording.ORGANIZATION + wording.REQUIRED, self.errors.field("organization_id", org_box))
        form.addRow(wording.SCHEDULED_AT, self.errors.field("scheduled_at", when_row))
        form.addRow(wording.PLACE, self.errors.field("place", self.place))
        form.addRow(wording.VISITORS, self.errors.field("visitors", self.visitors))
        form.addRow(wording.COMPANIONS, self.errors.field("companions", self.companions))
        form.addRow(wording.THEM, self.errors.field("person_ids", self.people_box))
        form.addRow(wording.PURPOSE, self.errors.field("purpose", self.purpose))
        form.addRow(wording.SOUVENIRS, self.errors.field("souvenirs", souvenir_box))
        form.addRow(wording.POLICY, self.errors.field("policy_conveyed", policy_box))
        self.errors.labels["souvenir_other"] = self.errors.labels["souvenirs"]
        left = QWidget()
        left.setLayout(form)
        left_scroll = scrolling_column(left, sideways=True)

        # --- questions ---
        self.chooser = QuestionChooser(session, self.banks, self.bank_names, self.errors)
        # the chooser's parts, named as the dialog's tests and the screenshots know them
        self.bank, self.pick_model, self.pick_table = (
            self.chooser.bank,
            self.chooser.pick_model,
            self.chooser.pick_table,
        )
        self.chosen_table, self.up_button = self.chooser.chosen_table, self.chooser.up_button
        self.choose_all = self.chooser.choose_all

        columns = QHBoxLayout()
        columns.setSpacing(20)
        columns.addWidget(left_scroll, 11)
        columns.addWidget(self.chooser, 10)

        heading = QLabel(title)
        heading.setFont(scaled(self.font(), 1.3, bold=True))
        self.ok_button = QPushButton("予定する" if self.is_new else wording.SAVE)
        self.ok_button.setObjectName("primaryButton")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(lambda: self.try_accept())
        cancel = QPushButton(wording.CANCEL)
        cancel.clicked.connect(self.reject)
        note = QLabel("訪問先の団体だけ選べば予定できます。ほかはあとから書き足せます。")
        note.setObjectName("hint")
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(note, 1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addLayout(columns, 1)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)

        self._fill(self.original)
        self.date.dateChanged.connect(lambda _d: self._show_when())
        self.time.timeChanged.connect(lambda _t: self._show_when())
        self.organization.currentIndexChanged.connect(lambda _i: self._organization_changed())
        self.organization.editTextChanged.connect(lambda _t: self._organization_changed())
        size_for_text(self, 80, 40)
        self.organization.setFocus()

    # --- values -----------------------------------------------------------------------------
    def _fill(self, visit: Visit) -> None:
        index = self.organization.findData(visit.organization_id) if visit.organization_id else -1
        self.organization.setCurrentIndex(index)
        if index < 0:
            self.organization.setEditText("")
        moment = visit.scheduled_at
        self.date.setDate(QDate(moment.year, moment.month, moment.day))
        self.time.setTime(QTime(moment.hour, moment.minute))
        self.place.setText(visit.place)
        self.visitors.setText(visit.visitors)
        self.companions.setText(visit.companions)
        self.purpose.setText(visit.purpose)
        for option, check in self.souvenir_checks.items():
            check.setChecked(option in visit.souvenirs)
        self.souvenir_other.setText(visit.souvenir_other)
        self.policy.setChecked(visit.policy_conveyed)
        if visit.id is not None:
            self.chooser.set_chosen(visits.visit_questions(self.session, visit.id))
        else:
            self.chooser.set_chosen(question_banks.questions_by_ids(self.session, visit.question_ids))
        self._show_people(visit.person_ids)
        self._show_when()
        if self.is_new and not self.chooser.chosen:
            self._suggest_bank()

    @property
    def chosen(self) -> list[Question]:
        """The questions the visit asks, in order."""
        return self.chooser.chosen

    def scheduled_at(self) -> dt.datetime:
        day, time = self.date.date(), self.time.time()
        return dt.datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())

    def organization_id(self) -> int | None:
        """The organisation whose name is in the box (typed or picked), or None."""
        text = self.organization.currentText().strip()
        if not text:
            return None
        index = self.organization.findText(text, Qt.MatchFlag.MatchExactly)
        return self.organization.itemData(index) if index >= 0 else None

    def current_visit(self) -> Visit:
        """What is typed now, on top of the visit being edited (keeps its answers, memo, 状態)."""
        chosen_org = self.organization_id()
        organization_id = 0 if chosen_org in (None, NEW_ORGANIZATION) else chosen_org
        people = tuple(pid for pid, check in self.people_checks.items() if check.isChecked())
        return dataclasses.replace(
            self.original,
            organization_id=organization_id,
            scheduled_at=self.scheduled_at(),
            place=self.place.text(),
            visitors=self.visitors.text(),
            companions=self.companions.text(),
            purpose=self.purpose.text(),
            person_ids=people,
            question_ids=tuple(self.chooser.chosen_ids()),
            souvenirs=tuple(o for o, check in self.souvenir_checks.items() if check.isChecked()),
            souvenir_other=self.souvenir_other.text(),
            policy_conveyed=self.policy.isChecked(),
        )

    # --- reactions --------------------------------------------------------------------------
    def _show_when(self) -> None:
        self.when_label.setText(wareki.format_datetime(self.scheduled_at()))

    def _organization_changed(self) -> None:
        if self.organization_id() == self._shown_organization:
            return  # the same name typed again, or the list's echo of a pick
        self._show_people(())
        if self.is_new and not self.chooser.touched:
            self._suggest_bank()

    def _show_people(self, checked: tuple[int, ...]) -> None:
        """先方: the current people of the chosen organisation, each a checkbox."""
        for check in self.people_checks.values():
            check.hide()
            check.setParent(None)
            check.deleteLater()
        self.people_checks = {}
        organization_id = self.organization_id()
        self._shown_organization = organization_id
        shown = []
        if organization_id not in (None, NEW_ORGANIZATION):
            shown = [p for p in people.people_of(self.session, organization_id) if p.id is not None]
            shown = [p for p in shown if p.is_current or p.id in checked]
        for person in shown:
            role = " ".join(part for part in (person.department, person.title) if part)
            check = QCheckBox(person.name + (f"（{role}）" if role else ""))
            check.setChecked(person.id in checked)
            self.people_checks[person.id] = check
            self.people_box.addWidget(check)
        if organization_id is None:
            self.people_empty.setText("訪問先の団体を選ぶと、その団体の担当者が並びます。")
        elif not shown:
            self.people_empty.setText("この団体の担当者はまだ登録されていません（名簿の団体の画面で追加できます）。")
        self.people_empty.setVisible(not shown)
        org = next((o for o in self.organizations if o.id == organization_id), None)
        if self.new_organization is not None and organization_id == NEW_ORGANIZATION:
            self.organization_note.setText(f"保存すると「{self.new_organization.name}」を名簿にも登録します。")
        elif org is not None:
            self.organization_note.setText(f"{org.category}　{wording.STAGE_SHORT}: {org.stage}")
        else:
            self.organization_note.clear()
        self.organization_note.setVisible(bool(self.organization_note.text()))

    def _suggest_bank(self) -> None:
        """A new visit starts with the bank the guide suggests for the organisation's 区分 chosen."""
        organization_id = self.organization_id()
        if organization_id is None:
            return
        if organization_id == NEW_ORGANIZATION and self.new_organization is not None:
            category = self.new_organization.category
        else:
            org = next((o for o in self.organizations if o.id == organization_id), None)
            category = org.category if org is not None else ""
        key = suggested_bank_key(category)
        bank = next((b for b in self.banks if key and b.guide_key == key), None)
        if bank is None:
            return
        self.chooser.suggest(bank)

    # --- an organisation registered on the spot --------------------------------------------
    def run_dialog(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def organization_dialog(self) -> OrganizationDialog:
        name = self.organization.currentText().strip() if self.organization_id() is None else ""
        start = self.new_organization or organizations.new_organization(name=name)
        return OrganizationDialog(self.session, start, self)

    def register_organization(self) -> bool:
        """Opens the 名簿's own dialog; the organisation is saved together with the visit."""
        dialog = self.organization_dialog()
        if not self.run_dialog(dialog) or dialog.result_organization is None:
            return False
        self.new_organization = dialog.result_organization
        index = self.organization.findData(NEW_ORGANIZATION)
        if index >= 0:
            self.organization.removeItem(index)
        self.organization.insertItem(0, f"{self.new_organization.name}（新規登録）", NEW_ORGANIZATION)
        self.organization.setCurrentIndex(0)
        self._show_people(())  # also when a second one replaces the first (same stand-in id)
        if not self.chooser.touched:
            self._suggest_bank()
        return True

    # --- saving -----------------------------------------------------------------------------
    def try_accept(self) -> bool:
        """Checks what the domain checks, beside each field; accepts only a complete plan."""
        self.errors.clear()
        visit = self.current_visit()
        chosen_org = self.organization_id()
        if chosen_org is None:
            typed = self.organization.currentText().strip()
            message = (
                f"「{typed}」は名簿にありません。一覧から選ぶか、「{wording.NEW_ORGANIZATION_ON_THE_SPOT}」で登録してください。"
                if typed
                else "訪問先の団体を選んでください。"
            )
            self.errors.show({"organization_id": message})
            self.organization.setFocus()
            return False
        new_org = self.new_organization if chosen_org == NEW_ORGANIZATION else None
        try:
            # the new organisation gets its id when saved; a stand-in passes the check meanwhile
            check = dataclasses.replace(visit, organization_id=visit.organization_id or NEW_ORGANIZATION)
            clean_visit(check, visits.souvenir_options())
        except ValidationError as exc:
            self.errors.show(problems_of(exc))
            return False
        self.result_value = self.result_visit = visit
        self.result_new_organization = new_org
        self.accept()
        return True

    def current_value(self) -> tuple[Visit, Organization | None]:
        return self.current_visit(), self.new_organization
