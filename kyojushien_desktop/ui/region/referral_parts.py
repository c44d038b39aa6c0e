"""The つなぎ先一覧 as a list (a line per desk, an issue without desks on a line of its own) and
the dialog of one desk: its 主たる課題 (the guide's, or the town's own typed in), an organisation of
the 名簿 with the public desks first, 窓口・担当 and 電話."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from kyojushien_desktop.domain.members import OrganizationSummary
from kyojushien_desktop.domain.region import OWN_ISSUE, Referral
from kyojushien_desktop.services.region.referrals import IssueDesks
from kyojushien_desktop.ui.common.forms import FormDialog, dialog_buttons, size_for_text
from kyojushien_desktop.ui.common.table_model import HeaderTableModel, ModelIndex
from kyojushien_desktop.ui.region import wording
from kyojushien_desktop.ui.region.fields import organization_combo, organization_of, public_first

PHONE_COLUMN = 3
HINT_TEXT = "#555c66"  # the hints' grey (style.qss): a phone taken from the 名簿


class ReferralLine(NamedTuple):
    issue: IssueDesks
    desk: Referral | None
    first: bool  # the issue's first line (its label shown)


class ReferralModel(HeaderTableModel):
    HEADERS = (wording.ISSUE, wording.ORGANIZATION, wording.DESK, wording.PHONE)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.lines: list[ReferralLine] = []
        self.phones: dict[int, str] = {}

    def set_table(self, table: list[IssueDesks], phones: dict[int, str] | None = None) -> None:
        """``phones``: the 名簿's phone of each organisation, shown (greyed) where a desk has none,
        as the printed list does."""
        self.beginResetModel()
        self.phones = phones or {}
        self.lines = []
        for issue in table:
            if not issue.desks:
                self.lines.append(ReferralLine(issue, None, True))
            self.lines += [ReferralLine(issue, desk, n == 0) for n, desk in enumerate(issue.desks)]
        self.endResetModel()

    def _row_count(self) -> int:
        return len(self.lines)

    def row_of_id(self, referral_id: int) -> int:
        return next((n for n, line in enumerate(self.lines) if line.desk and line.desk.id == referral_id), -1)

    def fallback_phone(self, desk: Referral) -> str:
        """The organisation's phone from the 名簿 when the desk has none of its own."""
        if desk.phone or desk.organization_id is None:
            return ""
        return self.phones.get(desk.organization_id, "")

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        line = self.lines[index.row()]
        if index.column() == PHONE_COLUMN and line.desk is not None and (phone := self.fallback_phone(line.desk)):
            if role == Qt.ItemDataRole.DisplayRole:
                return phone
            if role == Qt.ItemDataRole.ToolTipRole:
                return wording.PHONE_FROM_LIST
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(HINT_TEXT))
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if index.column() == 0:
            return line.issue.label if line.first or role == Qt.ItemDataRole.ToolTipRole else None
        if line.desk is None:
            return wording.NO_DESK if index.column() == 1 else None
        desk = line.desk
        return (desk.organization_name, desk.desk, desk.phone)[index.column() - 1] or None


class ReferralDialog(FormDialog):
    """``issues``: the guide's and the town's own (key, label); ``own``: a new issue typed in."""

    def __init__(
        self,
        items: list[OrganizationSummary],
        issues: list[tuple[str, str]],
        item: Referral,
        *,
        own: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.item = item
        self.own = own
        self.setWindowTitle(wording.EDIT_REFERRAL_TITLE if item.id else wording.ADD_REFERRAL_TITLE)
        self.issue = QComboBox()
        for key, label in issues:
            self.issue.addItem(label, (key, label))
        current = (item.issue_key, item.issue_label if item.issue_key == OWN_ISSUE else "")
        self.issue.setCurrentIndex(max(self.issue.findData(current), 0) if issues else -1)
        self.issue_label = QLineEdit(item.issue_label)
        self.issue_label.setPlaceholderText(wording.OWN_ISSUE_EXAMPLE)
        self.organization = organization_combo(public_first(items), item.organization_id)
        self.desk = QLineEdit(item.desk)
        self.desk.setPlaceholderText(wording.DESK_EXAMPLE)
        self.phone = QLineEdit(item.phone)
        self.phone.setPlaceholderText(wording.PHONE_PLACEHOLDER)
        form = QFormLayout()
        if own:
            form.addRow(wording.ISSUE, self.errors.field("issue_label", self.issue_label))
        else:
            form.addRow(wording.ISSUE, self.errors.field("issue_key", self.issue))
        form.addRow(wording.ORGANIZATION, self.errors.field("organization_id", self.organization))
        form.addRow(wording.DESK, self.errors.field("desk", self.desk))
        form.addRow(wording.PHONE, self.errors.field("phone", self.phone))
        buttons, self.ok_button = dialog_buttons(self, wording.SAVE, self.try_accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addStretch(1)
        layout.addLayout(buttons)
        size_for_text(self, 40, 14)

    def current_value(self) -> tuple:
        return (
            self.issue.currentIndex(),
            self.issue_label.text(),
            self.organization.currentText(),
            self.desk.text(),
            self.phone.text(),
        )

    def clean(self, value: object) -> Referral:
        if self.own:
            key, label = OWN_ISSUE, self.issue_label.text()
        else:
            key, label = self.issue.currentData() or ("", "")
        return Referral(
            key,
            organization_of(self.organization, "organization_id"),
            self.desk.text(),
            self.phone.text(),
            label if key == OWN_ISSUE else "",
            self.item.position,
            self.item.id,
        )
