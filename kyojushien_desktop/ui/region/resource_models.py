"""The 地域資源 register as a list, and its filter by 種類, 対象の要配慮者 and typed words."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kyojushien_desktop.domain.region import TARGET_SEPARATOR, Resource
from kyojushien_desktop.services.members import organizations
from kyojushien_desktop.services.region import resources
from kyojushien_desktop.ui.common.table_model import ID_ROLE, SORT_ROLE, FilterProxy, ModelIndex, RowsTableModel
from kyojushien_desktop.ui.region import wording

KIND, NAME, ADDRESS, UNITS, TARGETS, LINKS, REGISTERED = range(7)


def links_text(item: Resource) -> str:
    """One organisation a line, its role after it, so a long list wraps between organisations."""
    return "\n".join(
        f"{link.organization_name}（{link.role}）" if link.role else link.organization_name for link in item.links
    )


class ResourceModel(RowsTableModel[Resource]):
    HEADERS = (
        wording.KIND,
        wording.NAME,
        wording.ADDRESS,
        wording.UNITS,
        wording.TARGETS_HEADER,
        wording.LINKS,
        wording.REGISTERED_ON,
    )

    def set_rows(self, rows: list[Resource]) -> None:
        self._reset_rows(rows)

    def resource(self, row: int) -> Resource:
        return self._rows[row]

    def texts(self, item: Resource) -> list[str]:
        return [
            resources.kind_label(item.kind),
            item.name,
            item.address,
            "" if item.units is None else f"{item.units}",
            TARGET_SEPARATOR.join(item.targets),
            links_text(item),
            resources.registered_label(item.registered_on),
        ]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        item = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.texts(item)[index.column()] or None
        if role == SORT_ROLE:
            if index.column() == UNITS:
                return item.units if item.units is not None else -1
            if index.column() == REGISTERED:
                return item.registered_on.isoformat() if item.registered_on else ""
            return self.texts(item)[index.column()]
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == UNITS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ResourceProxy(FilterProxy):
    """Keeps the resources of the chosen 種類 and 対象, whose texts match what is typed."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.kind, self.target, self.query = "", "", ""

    def set_filter(self, kind: str, target: str, query: str) -> None:
        self._begin()
        self.kind, self.target, self.query = kind, target, query.strip()
        self._end()

    @property
    def filtering(self) -> bool:
        return bool(self.kind or self.target or self.query)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:  # noqa: N802 - Qt's API
        model = self.sourceModel()
        assert isinstance(model, ResourceModel)
        item = model.resource(source_row)
        if self.kind and item.kind != self.kind:
            return False
        if self.target and self.target not in item.targets:
            return False
        if self.query:
            texts = (item.name, item.address, item.notes, *(link.organization_name for link in item.links))
            return organizations.matcher(self.query)(*texts)
        return True
