"""What every read-only list model of the app shares: the item roles, the flags, the headers and
a list of rows looked up by id.

Models subclass ``HeaderTableModel`` (fixed headers, their own storage) or ``RowsTableModel``
(a list of rows with an ``id``); each then writes only its ``data``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
ModelIndex = QModelIndex | QPersistentModelIndex


class _HasId(Protocol):
    @property
    def id(self) -> int | None: ...


RowT = TypeVar("RowT", bound=_HasId)


def item_flags(index: ModelIndex) -> Qt.ItemFlag:
    """Selectable, not editable: the lists are read; dialogs do the editing."""
    if not index.isValid():
        return Qt.ItemFlag.NoItemFlags
    return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def color_role(colors: tuple[str, str], role: int) -> QBrush:
    """The brush of a (background, text) pair for the Background or the Foreground role."""
    background, foreground = colors
    return QBrush(QColor(background if role == Qt.ItemDataRole.BackgroundRole else foreground))


def is_checked(value: object) -> bool:
    """A CheckStateRole value as Qt and tests hand it over (enum, its int, or a bool)."""
    return value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)


class HeaderTableModel(QAbstractTableModel):
    """Row and column counts, flags and headers from ``HEADERS`` (or ``headers()``); numbered rows."""

    HEADERS: tuple[str, ...] = ()

    def headers(self) -> Sequence[str]:
        return self.HEADERS

    def _row_count(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else self._row_count()

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self.headers())

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return item_flags(index)

    def headerData(  # noqa: N802 - Qt's API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return str(section + 1)

    def _valid(self, index: ModelIndex) -> bool:
        return index.isValid() and 0 <= index.row() < self._row_count() and 0 <= index.column() < len(self.headers())


class RowsTableModel(HeaderTableModel, Generic[RowT]):
    """A list of rows, replaced as a whole on each data change."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []

    def _reset_rows(self, rows: Iterable[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def _row_count(self) -> int:
        return len(self._rows)

    def row_of_id(self, row_id: int) -> int:
        for number, row in enumerate(self._rows):
            if row.id == row_id:
                return number
        return -1


def live_first(rows: Iterable[RowT], retired: Callable[[RowT], bool]) -> list[RowT]:
    """Rows still in use in their order, then the retired ones (greyed at the end of a list)."""
    rows = list(rows)
    return [r for r in rows if not retired(r)] + [r for r in rows if retired(r)]


class FilterProxy(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE``; ``_begin``/``_end`` wrap a filter change on any Qt 6 version."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def _begin(self) -> None:
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()

    def _end(self) -> None:
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()
