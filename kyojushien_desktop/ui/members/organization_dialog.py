"""Create or edit a 団体・機関. The dialog validates and warns about likely duplicates; it returns
the cleaned ``Organization`` and the caller hands it to ``save_organization``."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.content.member_terms import member_terms
from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.members import Organization, OrganizationSummary, split_tags
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.members import organizations, terms
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.forms import FormDialog, problems_of, size_for_text, text_box
from kyojushien_desktop.ui.common.scrolling import scrolling_column
from kyojushien_desktop.ui.members import wording


def describe_similar(rows: list[OrganizationSummary]) -> str:
    lines = []
    for row in rows:
        facts = [row.category, row.phone and f"電話 {row.phone}", row.people and f"担当 {row.people}"]
        lines.append(f"・{row.name}（{'／'.join(f for f in facts if f)}）")
    return "\n".join(lines)


class OrganizationDialog(FormDialog):
    """``result_value`` holds the validated record after 保存; nothing is written here. A new
    record starts with no 区分 chosen, and choosing one of the town hall's own departments
    (住宅部局・福祉部局) sets 庁内 until the user picks 庁内/庁外 themselves."""

    def __init__(self, session: Session, org: Organization | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.original = org or organizations.new_organization()
        self.is_new = self.original.id is None
        self._internal_chosen = not self.is_new
        self.result_organization: Organization | None = None
        self.similar: list[OrganizationSummary] = []
        self._similar_confirmed = False
        self._filling = False
        self._roles_edited = False
        self.setWindowTitle("新しい団体・機関を登録" if self.is_new else f"団体・機関の編集 — {self.original.name}")
        vocabulary = member_terms()
        self._internal_categories = vocabulary.internal_categories

        self.name = QLineEdit()
        self.name.setPlaceholderText("例: 株式会社みどり不動産")
        self.kana = QLineEdit()
        self.kana.setPlaceholderText("例: みどりふどうさん（ひらがなかカタカナ）")
        self.category = QComboBox()
        self.category.addItems(list(terms.categories()))
        self.kind = QComboBox()
        self.kind.setEditable(True)
        self.kind.addItems(["", *vocabulary.kind_examples])
        self.kind.lineEdit().setPlaceholderText("一覧から選ぶか、入力します")
        self.internal_group = QButtonGroup(self)
        self.external_button = QRadioButton(wording.OUTSIDE)
        self.internal_button = QRadioButton(wording.INSIDE)
        self.internal_group.addButton(self.external_button)
        self.internal_group.addButton(self.internal_button)
        internal_row = QHBoxLayout()
        internal_row.setSpacing(18)
        internal_row.addWidget(self.external_button)
        internal_row.addWidget(self.internal_button)
        internal_row.addStretch(1)
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("例: 0123-45-6789")
        self.fax = QLineEdit()
        self.email = QLineEdit()
        self.email.setPlaceholderText("例: info@example.jp")
        self.website = QLineEdit()
        self.website.setPlaceholderText("例: https://www.example.jp/")
        self.stage = QComboBox()
        for number, stage in enumerate(vocabulary.stages):
            self.stage.addItem(stage.name)
            self.stage.setItemData(number, stage.description, Qt.ItemDataRole.ToolTipRole)
        self.stage_hint = QLabel()
        self.stage_hint.setObjectName("hint")
        self.stage_hint.setWordWrap(True)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText("例: 見守り、夜間対応（「、」か「,」で区切ります）")
        # the boxes take the dialog's spare height, so a larger dialog (特大) shows more lines
        self.expected_roles = text_box(5, grow=True)
        self.strengths = text_box(3, grow=True)
        self.troubles = text_box(3, grow=True)
        self.notes = text_box(3, grow=True)
        self.roles_example = QPushButton("区分の例を入れ直す")
        self.roles_example.setToolTip("手引きにある、この区分に期待される役割の例で置き換えます。")
        self.roles_example.clicked.connect(self._fill_roles)

        left = QFormLayout()
        left.setVerticalSpacing(8)
        left.addRow(wording.NAME + wording.REQUIRED, self.errors.field("name", self.name))
        left.addRow(wording.KANA, self.errors.field("kana", self.kana))
        left.addRow(wording.CATEGORY + wording.REQUIRED, self.errors.field("category", self.category))
        left.addRow(wording.KIND_OF_BODY, self.errors.field("kind", self.kind))
        left.addRow(wording.INTERNAL_SHORT, self.errors.field("internal", internal_row))
        stage_box = QVBoxLayout()
        stage_box.setSpacing(2)
        stage_box.addWidget(self.stage)
        stage_box.addWidget(self.stage_hint)
        left.addRow(wording.STAGE, self.errors.field("stage", stage_box))
        left.addRow(wording.ADDRESS, self.errors.field("address", self.address))
        left.addRow(wording.PHONE, self.errors.field("phone", self.phone))
        left.addRow("FAX", self.errors.field("fax", self.fax))
        left.addRow(wording.EMAIL, self.errors.field("email", self.email))
        left.addRow("Webサイト", self.errors.field("website", self.website))
        left.addRow(wording.TAG, self.errors.field("tags", self.tags))

        right = QVBoxLayout()
        right.setSpacing(4)
        roles_head = QHBoxLayout()
        roles_head.addWidget(QLabel("期待される役割"))
        roles_head.addStretch(1)
        roles_head.addWidget(self.roles_example)
        right.addLayout(roles_head)
        right.addWidget(self.errors.field("expected_roles", self.expected_roles), 5)
        for key, label, box in (
            ("strengths", "得意なこと", self.strengths),
            ("troubles", "困りごと", self.troubles),
            ("notes", wording.NOTES, self.notes),
        ):
            right.addWidget(QLabel(label))
            right.addWidget(self.errors.field(key, box), 3)

        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 8, 0)
        columns.setSpacing(24)
        columns.addLayout(left, 5)
        columns.addLayout(right, 4)
        scroll = scrolling_column(body, sideways=True)

        self.similar_panel = QFrame()
        self.similar_panel.setObjectName("similarPanel")
        self.similar_label = QLabel()
        self.similar_label.setWordWrap(True)
        self.similar_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_anyway_button = QPushButton(wording.SAVE_ANYWAY)
        self.save_anyway_button.clicked.connect(lambda: self._save_anyway())
        self.go_back_button = QPushButton(wording.GO_BACK_AND_CHECK)
        self.go_back_button.clicked.connect(lambda: self._go_back())
        similar_buttons = QHBoxLayout()
        similar_buttons.addStretch(1)
        similar_buttons.addWidget(self.go_back_button)
        similar_buttons.addWidget(self.save_anyway_button)
        similar_layout = QVBoxLayout(self.similar_panel)
        similar_layout.setContentsMargins(14, 10, 14, 10)
        similar_layout.addWidget(self.similar_label)
        similar_layout.addLayout(similar_buttons)
        self.similar_panel.hide()

        heading = QLabel(self.windowTitle())
        heading.setFont(scaled(self.font(), 1.3, bold=True))
        self.save_button = QPushButton(wording.SAVE)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.try_accept())
        cancel = QPushButton(wording.CANCEL)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        required_note = QLabel("（必須）の項目だけ入れれば保存できます。ほかはあとから書き足せます。")
        required_note.setObjectName("hint")
        buttons.addWidget(required_note, 1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.similar_panel)
        layout.addLayout(buttons)

        self._fill(self.original)
        if not self.original.category:
            self.category.setPlaceholderText("（区分を選んでください）")
            self.category.setCurrentIndex(-1)
        self.category.currentIndexChanged.connect(self._category_changed)
        self.internal_group.buttonClicked.connect(lambda _button: setattr(self, "_internal_chosen", True))
        self.stage.currentIndexChanged.connect(self._show_stage_hint)
        self.expected_roles.textChanged.connect(self._roles_changed)
        for field in (self.name, self.phone, self.fax):
            field.textChanged.connect(self._identity_changed)
        size_for_text(self, 64, 46)
        self.name.setFocus()

    # --- values -----------------------------------------------------------------------------
    def _fill(self, org: Organization) -> None:
        self._filling = True
        self.name.setText(org.name)
        self.kana.setText(org.kana)
        if org.category and self.category.findText(org.category) < 0:
            self.category.addItem(org.category)
        self.category.setCurrentText(org.category)
        self.kind.setCurrentText(org.kind)
        (self.internal_button if org.internal else self.external_button).setChecked(True)
        self.address.setText(org.address)
        self.phone.setText(org.phone)
        self.fax.setText(org.fax)
        self.email.setText(org.email)
        self.website.setText(org.website)
        self.stage.setCurrentText(org.stage)
        self.expected_roles.setPlainText(org.expected_roles)
        self.strengths.setPlainText(org.strengths)
        self.troubles.setPlainText(org.troubles)
        self.tags.setText("、".join(org.tags))
        self.notes.setPlainText(org.notes)
        self._filling = False
        self._show_stage_hint()

    def current_value(self) -> Organization:
        return self.current_organization()

    def current_organization(self) -> Organization:
        """What is typed now, on top of the record being edited (keeps its id and dates)."""
        return dataclasses.replace(
            self.original,
            name=self.name.text(),
            kana=self.kana.text(),
            category=self.category.currentText(),
            kind=self.kind.currentText(),
            internal=self.internal_button.isChecked(),
            address=self.address.text(),
            phone=self.phone.text(),
            fax=self.fax.text(),
            email=self.email.text(),
            website=self.website.text(),
            stage=self.stage.currentText(),
            expected_roles=self.expected_roles.toPlainText(),
            strengths=self.strengths.toPlainText(),
            troubles=self.troubles.toPlainText(),
            tags=split_tags(self.tags.text()),
            notes=self.notes.toPlainText(),
        )

    # --- reactions --------------------------------------------------------------------------
    def _category_changed(self) -> None:
        """A new record's 期待される役割 (and 庁内/庁外) follow the 区分 until the user sets their own."""
        if self.is_new and not self._roles_edited:
            self._fill_roles()
        if not self._internal_chosen:
            internal = self.category.currentText() in self._internal_categories
            (self.internal_button if internal else self.external_button).setChecked(True)

    def _fill_roles(self) -> None:
        self._filling = True
        self.expected_roles.setPlainText(terms.default_roles(self.category.currentText()))
        self._filling = False
        self._roles_edited = False

    def _roles_changed(self) -> None:
        if not self._filling:
            self._roles_edited = True

    def _show_stage_hint(self) -> None:
        tip = self.stage.itemData(self.stage.currentIndex(), Qt.ItemDataRole.ToolTipRole)
        self.stage_hint.setText(tip or "")

    def _identity_changed(self) -> None:
        """A changed name or phone needs a fresh look for duplicates."""
        self._similar_confirmed = False
        if not self.similar_panel.isHidden():
            self._go_back(focus=False)

    # --- saving -----------------------------------------------------------------------------
    def try_accept(self) -> bool:
        """Validates, then warns about likely duplicates; accepts only when both are settled."""
        self.errors.clear()
        try:
            cleaned = organizations.validate_organization(self.current_organization())
        except ValidationError as exc:
            shown = self.errors.show(problems_of(exc))
            widget = getattr(self, shown[0], None) if shown else None
            if isinstance(widget, QWidget):
                widget.setFocus()
            return False
        if not self._similar_confirmed:
            self.similar = organizations.find_similar(self.session, cleaned)
            if self.similar:
                self._show_similar()
                return False
        self.result_value = self.result_organization = cleaned
        self.accept()
        return True

    def _show_similar(self) -> None:
        self.similar_label.setText(
            f"{wording.SIMILAR_WARNING}: すでに名簿にある次の団体と、名称か電話番号が同じです。\n"
            f"{describe_similar(self.similar)}\n"
            f"別の団体なら「{wording.SAVE_ANYWAY}」を、同じ団体なら「{wording.GO_BACK_AND_CHECK}」を押して"
            "キャンセルし、名簿の方を開いて直してください。"
        )
        self.similar_panel.show()
        self.save_button.setEnabled(False)
        self.save_anyway_button.setFocus()

    def _save_anyway(self) -> None:
        self._similar_confirmed = True
        self.similar_panel.hide()
        self.save_button.setEnabled(True)
        self.try_accept()

    def _go_back(self, *, focus: bool = True) -> None:
        self.similar_panel.hide()
        self.save_button.setEnabled(True)
        if focus:
            self.name.setFocus()
