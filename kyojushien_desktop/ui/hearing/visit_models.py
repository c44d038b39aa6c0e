"""Table models of the ヒアリング list: visits (with the period filter of the 年度). 次の対応 are
in ``ui/common/followup_models`` (meetings have them too), the banks' models in ``bank_models``,
the 回答の比較 table in ``compare_model``.

Each model holds rows loaded once per data change; sort roles return raw values (dates as dates,
状態 in its order, numbers as numbers) so a proxy sorts them the way a person expects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QBrush, QColor

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.followups import FollowUp
from kyojushien_desktop.domain.hearing import (
    AWAITING_RECORD,
    DONE,
    PLANNED,
    RECORDED,
    VISIT_STATUSES,
    VisitSummary,
    shown_status,
)
from kyojushien_desktop.domain.kana import search_key
from kyojushien_desktop.ui.common.followup_models import OVERDUE_TEXT, is_overdue
from kyojushien_desktop.ui.common.table_model import (
    ID_ROLE,
    SORT_ROLE,
    FilterProxy,
    ModelIndex,
    RowsTableModel,
    color_role,
)
from kyojushien_desktop.ui.hearing import wording

# (background, text) per 状態: 予定 blue, 実施済 amber (answers still to write), 記録済 green; the
# same calm shades as the 名簿's badges. style.qss gives the QLabel badges the same colours.
STATUS_COLORS: dict[str, tuple[str, str]] = {
    PLANNED: ("#e3eefa", "#1f4f80"),
    AWAITING_RECORD: ("#fbe3e0", "#8a1c10"),
    DONE: ("#fdf0d8", "#6b4a00"),
    RECORDED: ("#e0f2ee", "#1d5b4c"),
}
STATUS_KEYS: dict[str, str] = {PLANNED: "planned", AWAITING_RECORD: "awaiting", DONE: "done", RECORDED: "recorded"}
# The 状態 filter: the stored ones and 記録待ち, in the order a visit goes through them.
SHOWN_STATUSES: tuple[str, ...] = (PLANNED, AWAITING_RECORD, *VISIT_STATUSES[1:])
GUIDE_TEXT = "#1d5b4c"  # the 手引きより mark, as its badge on the answer-entry screen
ANSWER_PREVIEW_CHARS = 60


def status_colors(status: str) -> tuple[str, str]:
    return STATUS_COLORS.get(status, ("#eceff3", "#4a525c"))


def visit_moment(moment: dt.datetime) -> str:
    """令和7年6月12日(木) 10:00, as the list and the header show a visit."""
    return wareki.format_datetime(moment)


def qdatetime(moment: dt.datetime) -> QDateTime:
    return QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))


def _status_order(status: str) -> int:
    return SHOWN_STATUSES.index(status) if status in SHOWN_STATUSES else len(SHOWN_STATUSES)


class VisitTableModel(RowsTableModel[VisitSummary]):
    """訪問の記録: one row per visit with its nearest open 次の対応."""

    HEADERS = (
        wording.WHEN,
        wording.ORGANIZATION,
        wording.CATEGORY,
        wording.PURPOSE,
        wording.STATUS,
        wording.NEXT_ACTION,
    )
    STATUS_COLUMN = 4

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._next: dict[int, list[FollowUp]] = {}
        self.today = dt.date.today()

    def set_rows(self, rows: list[VisitSummary], followups: Iterable[FollowUp] = ()) -> None:
        """``followups`` are the open ones (nearest 期限 first), shown beside their visit."""
        self.beginResetModel()
        self._rows = list(rows)
        self._next = {}
        for followup in followups:
            self._next.setdefault(followup.visit_id, []).append(followup)
        self.today = dt.date.today()
        self.endResetModel()

    def visit(self, row: int) -> VisitSummary:
        return self._rows[row]

    def visits(self) -> list[VisitSummary]:
        return list(self._rows)

    def status(self, row: VisitSummary) -> str:
        """予定, or 記録待ち once its day has passed; 実施済 and 記録済 as stored."""
        return shown_status(row.status, row.scheduled_at.date(), self.today)

    def next_text(self, visit_id: int) -> str:
        followups = self._next.get(visit_id, [])
        if not followups:
            return ""
        first = followups[0]
        text = first.action
        if first.due_on is not None:
            text += f"（{wording.DUE} {wareki.format_date(first.due_on)}）"
        if len(followups) > 1:
            text += f"　ほか{len(followups) - 1}件"
        return text

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (
                visit_moment(row.scheduled_at),
                row.organization_name,
                row.category,
                row.purpose,
                self.status(row),
                self.next_text(row.id),
            )
            if role == Qt.ItemDataRole.ToolTipRole:
                if column == self.STATUS_COLUMN and self.status(row) == AWAITING_RECORD:
                    return "予定の日が過ぎました。訪問したら回答を入力し、取りやめたなら予定を編集してください。"
                if column == self.STATUS_COLUMN and row.question_count:
                    return f"質問 {row.question_count} 問のうち {row.answered_count} 問に回答"
                return values[column] if len(values[column]) > 8 else None
            return values[column]
        if role == SORT_ROLE:
            return (
                qdatetime(row.scheduled_at),
                row.organization_sort or search_key(row.organization_name),
                row.category,
                search_key(row.purpose),
                _status_order(self.status(row)),
                min((f.due_on.toordinal() for f in self._next.get(row.id, []) if f.due_on), default=10**7),
            )[column]
        if role == ID_ROLE:
            return row.id
        if column == self.STATUS_COLUMN and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            return color_role(status_colors(self.status(row)), role)
        if column == 5 and role == Qt.ItemDataRole.ForegroundRole:
            if any(is_overdue(f, self.today) for f in self._next.get(row.id, [])):
                return QBrush(QColor(OVERDUE_TEXT))
        if column == self.STATUS_COLUMN and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


# Preset periods for the visit list: few, in words a person uses, no calendar to fiddle with.
PERIODS: tuple[tuple[str, str], ...] = (
    ("all", wording.ALL),
    ("coming", "今日から先の予定"),
    ("month", "今月"),
    ("fiscal", "今年度"),
    ("last_fiscal", "前年度"),
)


def fiscal_year_start(day: dt.date) -> dt.date:
    """The 年度 begins on 1 April."""
    return dt.date(day.year if day.month >= 4 else day.year - 1, 4, 1)


def period_range(key: str, today: dt.date | None = None) -> tuple[dt.date | None, dt.date | None]:
    """(from, to), both included; None is open-ended."""
    today = today or dt.date.today()
    if key == "coming":
        return today, None
    if key == "month":
        start = today.replace(day=1)
        end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return start, end
    if key == "fiscal":
        start = fiscal_year_start(today)
        return start, dt.date(start.year + 1, 3, 31)
    if key == "last_fiscal":
        start = fiscal_year_start(today)
        return dt.date(start.year - 1, 4, 1), dt.date(start.year, 3, 31)
    return None, None


class VisitFilterProxy(FilterProxy):
    """Sorts by raw values and keeps the visits of the chosen 状態 and period."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._status: str | None = None
        self._from: dt.date | None = None
        self._to: dt.date | None = None

    def set_filter(self, status: str | None, date_from: dt.date | None, date_to: dt.date | None) -> None:
        self._begin()
        self._status, self._from, self._to = status, date_from, date_to
        self._end()

    def is_filtering(self) -> bool:
        return self._status is not None or self._from is not None or self._to is not None

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:  # noqa: N802 - Qt's API
        model = self.sourceModel()
        if not isinstance(model, VisitTableModel):
            return True
        row = model.visit(source_row)
        day = row.scheduled_at.date()
        return (
            (self._status is None or model.status(row) == self._status)
            and (self._from is None or day >= self._from)
            and (self._to is None or day <= self._to)
        )
