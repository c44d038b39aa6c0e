"""Table models of the 会議・勉強会 list and of a meeting's 段取り (開催前・開催後 checklist).

Rows are loaded once per data change; sort roles return raw values (dates as dates, 状態 in the
order a meeting goes through them) so a proxy sorts them the way a person expects.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.kana import search_key
from kyojushien_desktop.domain.meetings import (
    BEFORE,
    HELD,
    INVITED,
    MEETING_STATUSES,
    PLANNING,
    REPORTED,
    ChecklistItem,
    MeetingSummary,
)
from kyojushien_desktop.ui.common.followup_models import OVERDUE_TEXT, RETIRED_TEXT
from kyojushien_desktop.ui.common.table_model import (
    ID_ROLE,
    SORT_ROLE,
    FilterProxy,
    ModelIndex,
    RowsTableModel,
    color_role,
)
from kyojushien_desktop.ui.meetings import wording

# (background, text) per 状態, the calm shades of the other lists; style.qss colours the badges
# of the record's header by the same keys.
STATUS_COLORS: dict[str, tuple[str, str]] = {
    PLANNING: ("#e3eefa", "#1f4f80"),
    INVITED: ("#fdf0d8", "#6b4a00"),
    HELD: ("#e0f2ee", "#1d5b4c"),
    REPORTED: ("#eceff3", "#4a525c"),
}
STATUS_KEYS: dict[str, str] = {PLANNING: "planned", INVITED: "done", HELD: "recorded", REPORTED: "reported"}


def meeting_day(moment: dt.datetime) -> str:
    """令和8年1月15日(木) 14:00, as the list and the record's header show a meeting."""
    return wareki.format_datetime(moment)


def _qdate(day: dt.date | None) -> QDate:
    return QDate(day.year, day.month, day.day) if day else QDate()


class MeetingTableModel(RowsTableModel[MeetingSummary]):
    """One row per meeting: 日付, 種類, 題名, 状態, 出席/案内 and the 段取り not yet done."""

    HEADERS = (
        wording.DATE,
        wording.KIND,
        wording.TITLE,
        wording.STATUS,
        wording.ATTENDANCE_OF_INVITED,
        wording.OPEN_TASKS,
    )
    STATUS_COLUMN = 3

    def set_rows(self, rows: list[MeetingSummary]) -> None:
        self._reset_rows(rows)

    def meetings(self) -> list[MeetingSummary]:
        return list(self._rows)

    def meeting(self, row: int) -> MeetingSummary:
        return self._rows[row]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (
                wareki.format_date(row.starts_at.date()),
                row.kind,
                row.title,
                row.status,
                f"{row.attending} / {row.invited}",
                f"{row.open_tasks}件" if row.open_tasks else wording.NONE_LEFT,
            )
            if role == Qt.ItemDataRole.ToolTipRole:
                if column == 4:
                    return f"出席 {row.attending}人（案内した {row.invited}人のうち）"
                return values[column] if len(values[column]) > 10 else None
            return values[column]
        if role == SORT_ROLE:
            return (
                row.starts_at.isoformat(),
                row.kind,
                search_key(row.title),
                MEETING_STATUSES.index(row.status) if row.status in MEETING_STATUSES else 9,
                row.attending,
                row.open_tasks,
            )[column]
        if role == ID_ROLE:
            return row.id
        if column == self.STATUS_COLUMN and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            return color_role(STATUS_COLORS.get(row.status, STATUS_COLORS[REPORTED]), role)
        if column in (self.STATUS_COLUMN, 4) and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class MeetingFilterProxy(FilterProxy):
    """Sorts by raw values and keeps the meetings of the chosen 状態 (None: all)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._status: str | None = None

    def set_status(self, status: str | None) -> None:
        self._begin()
        self._status = status
        self._end()

    def is_filtering(self) -> bool:
        return self._status is not None

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:  # noqa: N802 - Qt's API
        model = self.sourceModel()
        if self._status is None or not isinstance(model, MeetingTableModel):
            return True
        return model.meeting(source_row).status == self._status


def offset_text(days: int) -> str:
    """「21日前」「当日」「7日後」: a step's 期限 counted from the meeting's day."""
    if days == 0:
        return "当日"
    return f"{abs(days)}日{'前' if days < 0 else '後'}"


class ChecklistModel(RowsTableModel[ChecklistItem]):
    """開催前 then 開催後, each in its 期限 order; overdue steps in red, done ones greyed."""

    HEADERS = (wording.DONE_ON, wording.STEPS, wording.DUE, wording.FROM_DAY)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.today = dt.date.today()

    def set_items(self, items: list[ChecklistItem], today: dt.date | None = None) -> None:
        self.today = today or dt.date.today()
        ordered = sorted(items, key=lambda i: (i.timing != BEFORE, i.due_on or dt.date.max, i.position))
        self._reset_rows(ordered)

    def item(self, row: int) -> ChecklistItem:
        return self._rows[row]

    def items(self) -> list[ChecklistItem]:
        return list(self._rows)

    def overdue(self, item: ChecklistItem) -> bool:
        return not item.done and item.due_on is not None and item.due_on < self.today

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            due = wareki.format_date(item.due_on) if item.due_on else ""
            if self.overdue(item):
                due += f"　{wording.OVERDUE}"
            timing = wording.BEFORE_TEXT if item.timing == BEFORE else wording.AFTER_TEXT
            done = f"済 {wareki.format_date(item.done_on)}" if item.done_on else ""
            return (done, f"［{timing}］{item.title}", due, offset_text(item.days))[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return item.title
        if role == SORT_ROLE:
            return (_qdate(item.done_on), item.position, _qdate(item.due_on), item.days)[column]
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.done:
                return QBrush(QColor(RETIRED_TEXT))
            if self.overdue(item):
                return QBrush(QColor(OVERDUE_TEXT))
        return None
