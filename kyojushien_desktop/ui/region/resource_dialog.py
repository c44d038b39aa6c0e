"""One 地域資源: its kind, name, address, 戸数, the 要配慮者 it is for (the guide's groups), the day
it was registered or certified, notes, and the 名簿's organisations involved with their roles."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.content.region import region_guide
from kyojushien_desktop.domain.errors import ValidationError
from kyojushien_desktop.domain.members import OrganizationSummary
from kyojushien_desktop.domain.region import Resource, ResourceLink
from kyojushien_desktop.ui.common.forms import FormDialog, OptionalDateField, dialog_buttons, size_for_text, text_box
from kyojushien_desktop.ui.region import wording
from kyojushien_desktop.ui.region.fields import organization_combo, organization_of, parse_number

SUPPORT_HOUSING, HELPER, SUPPORT_CORPORATION = "support_housing", "援助実施者", "居住支援法人"


class LinkRow(QWidget):
    """An organisation of the 名簿 and its role, with 外す."""

    def __init__(self, items: list[OrganizationSummary], link: ResourceLink | None, parent=None) -> None:
        super().__init__(parent)
        self.organization = organization_combo(items, link.organization_id if link else None)
        self.role = QComboBox()
        for role in region_guide().resource_roles:
            self.role.addItem(role)
        if link is not None and link.role:
            self.role.setCurrentText(link.role)
        self.remove_button = QPushButton(wording.UNLINK)
        self.remove_button.setToolTip(wording.UNLINK_TIP)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.organization, 1)
        layout.addWidget(self.role)
        layout.addWidget(self.remove_button)


class ResourceDialog(FormDialog):
    def __init__(self, items: list[OrganizationSummary], resource: Resource | None = None, parent=None) -> None:
        super().__init__(parent)
        self.resource = resource
        self.items = items
        self.categories = {o.id: o.category for o in items}
        self.setWindowTitle(wording.EDIT_RESOURCE_TITLE if resource else wording.ADD_RESOURCE_TITLE)
        guide = region_guide()
        self.kind = QComboBox()
        for kind in guide.resource_kinds:
            self.kind.addItem(kind.label, kind.key)
            self.kind.setItemData(self.kind.count() - 1, kind.note, Qt.ItemDataRole.ToolTipRole)
        self.name = QLineEdit(resource.name if resource else "")
        self.name.setPlaceholderText(wording.NAME_EXAMPLE_RESOURCE)
        self.address = QLineEdit(resource.address if resource else "")
        self.units = QLineEdit("" if resource is None or resource.units is None else str(resource.units))
        self.units.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 10)
        self.targets: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for number, group in enumerate(guide.target_groups):
            box = QCheckBox(group)
            box.setChecked(resource is not None and group in resource.targets)
            self.targets[group] = box
            grid.addWidget(box, number // 2, number % 2)
        self.registered = OptionalDateField(wording.REGISTERED_CHECK, resource.registered_on if resource else None)
        self.notes = text_box(3)
        self.notes.setPlainText(resource.notes if resource else "")
        self.support_hint = QLabel(wording.SUPPORT_HINT)
        self.support_hint.setObjectName("hint")
        self.support_hint.setWordWrap(True)
        self.link_rows: list[LinkRow] = []
        self.links_box = QVBoxLayout()
        self.links_box.setSpacing(4)
        add_link = QPushButton(wording.ADD_LINK)
        add_link.clicked.connect(lambda: self.add_link())
        links = QVBoxLayout()
        links.addLayout(self.links_box)
        links.addWidget(add_link, 0, Qt.AlignmentFlag.AlignLeft)
        links.addWidget(self.support_hint)
        for link in resource.links if resource else ():
            self.add_link(link)
        if resource is not None:
            self.kind.setCurrentIndex(max(self.kind.findData(resource.kind), 0))
        self.kind.currentIndexChanged.connect(lambda _i: self._show_kind())
        self._show_kind()

        form = QFormLayout()
        form.addRow(wording.KIND, self.errors.field("kind", self.kind))
        form.addRow(wording.NAME + wording.REQUIRED, self.errors.field("name", self.name))
        form.addRow(wording.ADDRESS, self.address)
        form.addRow(wording.UNITS, self.errors.field("units", self.units))
        form.addRow(wording.TARGETS, grid)
        form.addRow(wording.REGISTERED_ON, self.registered)
        form.addRow(wording.LINKS, self.errors.field("links", links))
        form.addRow(wording.NOTES, self.errors.field("notes", self.notes))
        buttons, self.ok_button = dialog_buttons(self, wording.SAVE, self.try_accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addStretch(1)
        layout.addLayout(buttons)
        size_for_text(self, 44, 30)

    def _show_kind(self) -> None:
        self.support_hint.setVisible(self.kind.currentData() == SUPPORT_HOUSING)

    def add_link(self, link: ResourceLink | None = None) -> LinkRow:
        row = LinkRow(self.items, link, self)
        row.remove_button.clicked.connect(lambda: self._remove(row))
        self.link_rows.append(row)
        self.links_box.addWidget(row)
        return row

    def _remove(self, row: LinkRow) -> None:
        self.link_rows.remove(row)
        row.setParent(None)
        row.deleteLater()

    def current_value(self) -> tuple:
        return (
            self.kind.currentData(),
            self.name.text(),
            self.address.text(),
            self.units.text(),
            tuple(g for g, box in self.targets.items() if box.isChecked()),
            self.registered.date(),
            self.notes.toPlainText(),
            tuple((r.organization.currentText(), r.role.currentText()) for r in self.link_rows),
        )

    def clean(self, value: object) -> Resource:
        units = parse_number(self.units.text(), wording.UNITS, "units")
        if units is not None and not units.is_integer():
            raise ValidationError(f"{wording.UNITS}{wording.NOT_A_NUMBER}", field="units")
        kind = self.kind.currentData()
        links = []
        for row in self.link_rows:
            organization = organization_of(row.organization, "links")
            if organization is None:
                continue
            role = row.role.currentText()
            if kind == SUPPORT_HOUSING and role == HELPER and self.categories.get(organization) != SUPPORT_CORPORATION:
                raise ValidationError(wording.SUPPORT_HINT, field="links")
            links.append(ResourceLink(organization, role, row.organization.currentText()))
        old = self.resource
        return Resource(
            kind,
            self.name.text(),
            self.address.text(),
            None if units is None else int(units),
            tuple(g for g, box in self.targets.items() if box.isChecked()),
            self.registered.date(),
            self.notes.toPlainText(),
            tuple(links),
            old.id if old else None,
        )
