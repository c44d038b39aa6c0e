"""The 名簿 list: a table model over the directory's summaries and a proxy that filters.

The model holds the whole list, loaded once per data change; typing in the search box only
swaps the proxy's set of matching ids (found by the service), so the table never reloads while
the user types.

Sorting happens in the model, in Python, on keys computed once per row: a QSortFilterProxyModel
sorting 10,000 rows asks the Python model for an index and a value some 150,000 times per sort,
which cost over a second on the first show of the page. The proxy hands a header click to the
model and keeps the model's order; it only filters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt

from kyojushien_desktop.content.member_terms import member_terms
from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.kana import search_key
from kyojushien_desktop.domain.members import INTERNAL_LABELS, OrganizationSummary
from kyojushien_desktop.services.members import terms
from kyojushien_desktop.services.members.organizations import OrganizationFilter
from kyojushien_desktop.ui.common.table_model import (
    ID_ROLE,
    SORT_ROLE,
    FilterProxy,
    ModelIndex,
    RowsTableModel,
    color_role,
)
from kyojushien_desktop.ui.members import wording

# (background, text) per 関係 stage, in the order of stages(): calm greys → blues → greens, and a
# muted brown for 辞退・休止. Shared by the table's 関係 column and the record view's badge.
STAGE_COLORS: tuple[tuple[str, str], ...] = (
    ("#eceff3", "#4a525c"),
    ("#e3eefa", "#1f4f80"),
    ("#dceaf7", "#173f6b"),
    ("#e0f2ee", "#1d5b4c"),
    ("#e6f4dc", "#35601a"),
    ("#d5efd0", "#1f5a17"),
    ("#f3e9e1", "#6b4a2e"),
)
# The contact kinds of resources/member_terms.json a ヒアリング and an unknown kind borrow.
VISIT_KIND, OTHER_KIND = "訪問", "その他"
KIND_COLORS: dict[str, tuple[str, str]] = {
    "電話": ("#e3eefa", "#1f4f80"),
    "メール": ("#efe7f7", "#4f2f7a"),
    "来庁": ("#fdf0d8", "#6b4a00"),
    VISIT_KIND: ("#e0f2ee", "#1d5b4c"),
    OTHER_KIND: ("#eceff3", "#4a525c"),
    "着任": ("#e6f4dc", "#35601a"),
    "離任": ("#f3e9e1", "#6b4a2e"),
}
FORMER_TEXT = "#7a828c"


def stage_colors(stage: str) -> tuple[str, str]:
    names = terms.stages()
    return STAGE_COLORS[names.index(stage) % len(STAGE_COLORS)] if stage in names else STAGE_COLORS[0]


def badge_style(colors: tuple[str, str]) -> str:
    """Colours for a ``QLabel[role="badge"]``; its shape comes from style.qss."""
    return f"background: {colors[0]}; color: {colors[1]};"


def _order(values: tuple[str, ...], value: str) -> int:
    return values.index(value) if value in values else len(values)


def _short_date(day: dt.date | None) -> str:
    return wareki.format_date(day) if day else ""


@dataclass(frozen=True)
class Column:
    """One column the user may show: its header, what it shows, and what it sorts by (raw values:
    よみがな for 五十音 order, dates as dates, 区分 and 関係 in the guide's order)."""

    key: str
    header: str
    value: Callable[[OrganizationSummary], str]
    sort: Callable[[OrganizationSummary], object]
    chars: int  # a starting width, in full-width characters of the current font
    default: bool = True  # shown until the user chooses columns; few, so 名称 keeps its room
    fits: str = ""  # a value the column shows whole whatever the font (a phone number, the longest 関係)


def _then_kana(first: int, row: OrganizationSummary) -> str:
    return f"{first:03d}{row.sort_kana}"


COLUMNS: tuple[Column, ...] = (
    Column("name", wording.NAME, lambda r: r.name, lambda r: r.sort_kana + "\t" + r.name, 18),
    Column("kana", wording.KANA, lambda r: r.kana, lambda r: r.sort_kana, 12, default=False),
    Column(
        "category",
        wording.CATEGORY,
        lambda r: r.category,
        lambda r: _then_kana(_order(terms.categories(), r.category), r),
        10,
    ),
    Column(
        "kind",
        wording.KIND_OF_BODY,
        lambda r: r.kind,
        lambda r: search_key(r.kind) + "\t" + r.sort_kana,
        10,
        default=False,
    ),
    Column(
        "internal",
        wording.INTERNAL_SHORT,
        lambda r: INTERNAL_LABELS[r.internal],
        lambda r: _then_kana(0 if r.internal else 1, r),
        5,
        default=False,
    ),
    Column(
        "stage",
        wording.STAGE_SHORT,
        lambda r: r.stage,
        lambda r: _then_kana(_order(terms.stages(), r.stage), r),
        11,
        fits="構成員（参加合意済）",
    ),
    Column("people", wording.PERSON, lambda r: r.people, lambda r: search_key(r.people), 9),
    Column("phone", wording.PHONE, lambda r: r.phone, lambda r: r.phone, 7, fits="0123-45-6789"),
    Column("email", wording.EMAIL, lambda r: r.email, lambda r: r.email.casefold(), 14, default=False),
    Column("address", wording.ADDRESS, lambda r: r.address, lambda r: search_key(r.address), 14, default=False),
    Column(
        "last_contact",
        "最終連絡",
        lambda r: _short_date(r.last_contact),
        lambda r: r.last_contact or dt.date.min,
        8,
        default=False,
        fits=wording.WIDEST_DATE,
    ),
    Column(
        "tags", wording.TAG, lambda r: "、".join(r.tags), lambda r: search_key("、".join(r.tags)), 10, default=False
    ),
    Column(
        "notes", wording.NOTES, lambda r: r.notes.replace("\n", " "), lambda r: search_key(r.notes), 14, default=False
    ),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)
DEFAULT_COLUMNS = tuple(c.key for c in COLUMNS if c.default)
_BY_KEY = {c.key: c for c in COLUMNS}


def column(key: str) -> Column:
    return _BY_KEY[key]


def valid_columns(keys: list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """A remembered choice, cleaned: unknown keys dropped, registry order, 名称 always first."""
    chosen = set(keys or DEFAULT_COLUMNS) | {"name"}
    return tuple(key for key in COLUMN_KEYS if key in chosen)


class OrganizationTableModel(RowsTableModel[OrganizationSummary]):
    """The directory's rows with the chosen columns, in the registry's order, sorted by the
    column the user chose (名称, i.e. 五十音, until then)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._columns: tuple[Column, ...] = tuple(column(k) for k in DEFAULT_COLUMNS)
        self._headers = tuple(c.header for c in self._columns)
        self._sort_key = "name"
        self._descending = False
        self._row_by_id: dict[int, int] | None = None

    # --- content ----------------------------------------------------------------------------
    def set_rows(self, rows: list[OrganizationSummary]) -> None:
        self.beginResetModel()
        self._rows = [rows[i] for i in self._order(rows)]
        self._row_by_id = None
        self.endResetModel()

    def set_columns(self, keys: list[str] | tuple[str, ...]) -> None:
        self.beginResetModel()
        self._columns = tuple(column(k) for k in valid_columns(keys))
        self._headers = tuple(c.header for c in self._columns)
        self.endResetModel()

    def column_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self._columns)

    def column_of(self, key: str) -> int:
        keys = self.column_keys()
        return keys.index(key) if key in keys else -1

    def summary(self, row: int) -> OrganizationSummary:
        return self._rows[row]

    def summaries(self) -> list[OrganizationSummary]:
        return list(self._rows)

    def row_of_id(self, row_id: int) -> int:
        if self._row_by_id is None:
            self._row_by_id = {summary.id: number for number, summary in enumerate(self._rows)}
        return self._row_by_id.get(row_id, -1)

    # --- sorting ----------------------------------------------------------------------------
    def _order(self, rows: list[OrganizationSummary]) -> list[int]:
        """The rows' positions in sorted order: one key per row, and stable, so rows with equal
        keys keep the store's 五十音 order in either direction."""
        sort = _BY_KEY[self._sort_key].sort
        keys = [sort(row) for row in rows]
        return sorted(range(len(rows)), key=keys.__getitem__, reverse=self._descending)

    def sort(self, column_number: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-orders the rows by a column's raw sort values; selections follow their rows."""
        if not 0 <= column_number < len(self._columns):
            return
        self._sort_key = self._columns[column_number].key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        moved = self._order(self._rows)
        self._rows = [self._rows[i] for i in moved]
        self._row_by_id = None
        new_row = {old: new for new, old in enumerate(moved)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(persistent, [self.index(new_row[i.row()], i.column()) for i in persistent])
        self.layoutChanged.emit()

    # --- Qt ---------------------------------------------------------------------------------
    def headers(self) -> tuple[str, ...]:
        return self._headers

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        col = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.value(row)
        if role == SORT_ROLE:
            return col.sort(row)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            if col.key == "stage":
                return f"{row.stage}: {stage_description(row.stage)}"
            text = col.value(row)
            return text if len(text) > 6 else None  # it may be cut off at a larger 文字の大きさ
        if col.key == "stage" and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            return color_role(stage_colors(row.stage), role)
        return None


def stage_description(stage: str) -> str:
    """What a 関係 stage means (resources/directory.json), for tooltips and the record view."""
    for item in member_terms().stages:
        if item.name == stage:
            return item.description
    return ""


class MembersFilterProxy(FilterProxy):
    """Keeps the rows that pass the 区分/関係/庁内・庁外/タグ filters and, while a search is typed,
    the ids the service found; in the model's order, which a header click changes."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._filter = OrganizationFilter()
        self._ids: frozenset[int] | None = None
        self._filtering = False

    def sort(self, column_number: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The model sorts itself (see the module's docstring); the proxy follows its order."""
        model = self.sourceModel()
        if isinstance(model, OrganizationTableModel):
            model.sort(column_number, order)

    def set_filter(self, flt: OrganizationFilter) -> None:
        """Takes the field filters; ``flt.query`` is ignored here (see ``set_match_ids``)."""
        wanted = OrganizationFilter(category=flt.category, stage=flt.stage, internal=flt.internal, tag=flt.tag)
        if wanted == self._filter:
            return
        self._begin()
        self._filter = wanted
        self._filtering = self.is_filtering()
        self._end()

    def set_match_ids(self, ids: list[int] | set[int] | frozenset[int] | None) -> None:
        """None shows every row (no search typed); an empty set shows none."""
        wanted = None if ids is None else frozenset(ids)
        if wanted == self._ids:
            return
        self._begin()
        self._ids = wanted
        self._filtering = self.is_filtering()
        self._end()

    def is_filtering(self) -> bool:
        return self._ids is not None or self._filter != OrganizationFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:  # noqa: N802 - Qt's API
        if not self._filtering:
            return True
        model = self.sourceModel()
        if not isinstance(model, OrganizationTableModel):
            return True
        row = model.summary(source_row)
        return self._filter.accepts(row) and (self._ids is None or row.id in self._ids)
