"""Fields the meeting's screens share: 日時 as a date with a start and an optional end time (和暦
shown beside it), and the 状態 badge of the record's header."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QTimeEdit, QVBoxLayout, QWidget

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.ui.common.fonts import restyle
from kyojushien_desktop.ui.meetings import wording
from kyojushien_desktop.ui.meetings.models import STATUS_KEYS

TIME_FORMAT = "H:mm"


class WhenField(QWidget):
    """日付, 開始 and (when ticked) 終了; ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(wording.DATE_FIELD_FORMAT)
        self.start = QTimeEdit()
        self.start.setDisplayFormat(TIME_FORMAT)
        self.end_check = QCheckBox(wording.END)
        self.end = QTimeEdit()
        self.end.setDisplayFormat(TIME_FORMAT)
        self.end.setEnabled(False)
        self.end_check.toggled.connect(self.end.setEnabled)
        self.shown = QLabel()
        self.shown.setObjectName("hint")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.date)
        row.addWidget(QLabel(wording.START))
        row.addWidget(self.start)
        row.addWidget(self.end_check)
        row.addWidget(self.end)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.shown)
        for signal in (self.date.dateChanged, self.start.timeChanged, self.end.timeChanged, self.end_check.toggled):
            signal.connect(lambda *_: self._changed())

    def set_value(self, starts_at: dt.datetime, ends_at: dt.time | None) -> None:
        for widget in (self.date, self.start, self.end, self.end_check):
            widget.blockSignals(True)
        self.date.setDate(QDate(starts_at.year, starts_at.month, starts_at.day))
        self.start.setTime(QTime(starts_at.hour, starts_at.minute))
        self.end_check.setChecked(ends_at is not None)
        self.end.setEnabled(ends_at is not None)
        end = ends_at or (starts_at + dt.timedelta(hours=2)).time()
        self.end.setTime(QTime(end.hour, end.minute))
        for widget in (self.date, self.start, self.end, self.end_check):
            widget.blockSignals(False)
        self._show()

    def starts_at(self) -> dt.datetime:
        day, time = self.date.date(), self.start.time()
        return dt.datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())

    def ends_at(self) -> dt.time | None:
        if not self.end_check.isChecked():
            return None
        return dt.time(self.end.time().hour(), self.end.time().minute())

    def _show(self) -> None:
        starts = self.starts_at()
        end = self.ends_at()
        text = wareki.format_datetime(starts) + (f"～{end.hour}:{end.minute:02d}" if end else "")
        closed = wareki.is_closed_day(starts.date())
        self.shown.setText(text + (wording.CLOSED_DAY if closed else ""))
        self.shown.setObjectName("warning" if closed else "hint")
        restyle(self.shown)

    def _changed(self) -> None:
        self._show()
        self.changed.emit()


def status_badge() -> QLabel:
    """状態 as a coloured badge; the colours come from style.qss (``status`` property)."""
    label = QLabel()
    label.setProperty("role", "badge")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def show_status(label: QLabel, status: str) -> None:
    label.setText(status)
    label.setProperty("status", STATUS_KEYS.get(status, "other"))
    restyle(label)
