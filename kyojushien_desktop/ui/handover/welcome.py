"""「はじめての方へ」 for the successor: from whom and when the file came, its 引継書, the 引継ぎ事項
the outgoing person wrote, the way to ホーム's 現在地 and every hand-over this file went through.
With no hand-over yet it says what arrives here and how."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain.handover import HistoryEntry
from kyojushien_desktop.domain.handover_report import quoted
from kyojushien_desktop.domain.wareki import format_date, format_datetime
from kyojushien_desktop.services.common.exports import PDF_VIEWER, export_error
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.handover import notes, package
from kyojushien_desktop.services.overview import DUE_SOON_DAYS, Overview, load_overview
from kyojushien_desktop.ui.common import messages
from kyojushien_desktop.ui.common.fonts import scaled
from kyojushien_desktop.ui.common.live import Page
from kyojushien_desktop.ui.common.scrolling import scrolling_column
from kyojushien_desktop.ui.common.table_model import HeaderTableModel, ModelIndex
from kyojushien_desktop.ui.common.widgets import fit_to_contents, list_table
from kyojushien_desktop.ui.handover import wording

EMPTY, RECEIVED = range(2)


def sender_of(entry: HistoryEntry) -> str:
    return entry.sender or wording.UNKNOWN_SENDER


class ReceivedModel(HeaderTableModel):
    """Every hand-over received into this file, newest first."""

    HEADERS = (wording.RECEIVED_AT, wording.SENDER, wording.MADE_AT, wording.RECEIVED_ON, wording.PACKAGE_FILE)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.entries: list[HistoryEntry] = []

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def _row_count(self) -> int:
        return len(self.entries)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index) or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        e = self.entries[index.row()]
        sender = sender_of(e) + (f"（{e.sender_department}）" if e.sender_department else "")
        return (
            format_datetime(e.received_at),
            sender,
            format_datetime(e.packed_at),
            e.received_on,
            e.package_name,
        )[index.column()]


def first_checks(summary: Overview, today: dt.date) -> str:
    """まず確認すること: the 次の対応 due within two weeks or overdue, the hearings ahead and the
    next meeting — ホーム's own overview, so the two never disagree."""
    parts = []
    if summary.due_followups:
        lines = [
            wording.due_line(format_date(due), due < today, action, name)
            for due, action, name in sorted(summary.due_followups)
        ]
        parts.append("\n".join([wording.due_heading(DUE_SOON_DAYS), *lines]))
    if summary.upcoming:
        lines = [f"・{format_datetime(when)} {name}" for when, name in summary.upcoming]
        parts.append("\n".join([wording.UPCOMING_VISITS, *lines]))
    meeting = summary.next_meeting
    if meeting is not None:
        line = f"・{format_datetime(meeting.starts_at)} {meeting.kind}{quoted(meeting.title)}（{meeting.status}）"
        parts.append(f"{wording.NEXT_MEETING}\n{line}")
    return "\n\n".join(parts) or wording.NOTHING_TO_CHECK


def report_path(session: Session, entry: HistoryEntry) -> Path:
    """``<stem>_引継書_<YYYYMMDD>.pdf`` beside the data file, dated as the package was made."""
    return session.path.with_name(f"{session.path.stem}_{wording.REPORT_NAME}_{entry.packed_at:%Y%m%d}.pdf")


class WelcomeTab(QWidget):
    def __init__(
        self, host: Page, show_home: Callable[[], object], receive: Callable[[], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.host = host
        self.latest: HistoryEntry | None = None
        self.empty = QLabel(wording.NOTHING_RECEIVED)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.empty.setMargin(12)
        self.receive_button = QPushButton(wording.RECEIVE_HANDOVER)
        self.receive_button.clicked.connect(lambda: receive())
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addWidget(self.empty)
        receive_row = QHBoxLayout()
        receive_row.setContentsMargins(12, 0, 0, 0)
        receive_row.addWidget(self.receive_button)
        receive_row.addStretch(1)
        empty_layout.addLayout(receive_row)
        empty_layout.addStretch(1)

        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.where = QLabel()
        self.where.setObjectName("hint")
        self.where.setWordWrap(True)
        self.report_button = QPushButton(wording.OPEN_REPORT)
        self.report_button.setObjectName("primaryButton")
        self.report_button.clicked.connect(lambda: self.open_report())
        self.no_report = QLabel(wording.NO_REPORT)
        self.no_report.setObjectName("hint")
        self.no_report.setWordWrap(True)
        self.home_button = QPushButton(wording.SHOW_HOME)
        self.home_button.clicked.connect(lambda: show_home())
        self.saved_at = QLabel()
        self.saved_at.setObjectName("hint")
        self.saved_at.setWordWrap(True)
        self.saved_at.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.home_button)
        buttons.addStretch(1)
        self.checks_heading = QLabel(wording.FIRST_CHECKS)
        self.checks = QLabel()
        self.checks.setWordWrap(True)
        self.checks.setTextFormat(Qt.TextFormat.PlainText)
        self.checks.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes_heading = QLabel(wording.RECEIVED_NOTES)
        self.notes_text = QLabel()
        self.notes_text.setWordWrap(True)
        self.notes_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history_heading = QLabel(wording.HISTORY_HEADING)
        self.model = ReceivedModel(self)
        self.table: QTableView = list_table(self.model, word_wrap=True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(4, 4, 12, 4)
        column.addWidget(self.headline)
        column.addWidget(self.where)
        column.addLayout(buttons)
        column.addWidget(self.no_report)
        column.addWidget(self.saved_at)
        column.addSpacing(8)
        column.addWidget(self.checks_heading)
        column.addWidget(self.checks)
        column.addSpacing(8)
        column.addWidget(self.notes_heading)
        column.addWidget(self.notes_text)
        column.addSpacing(8)
        column.addWidget(self.history_heading)
        column.addWidget(self.table)
        column.addStretch(1)
        scroll = scrolling_column(inner)

        self.stack = QStackedWidget()
        self.stack.addWidget(empty)
        self.stack.addWidget(scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.stack)

    def reload(self, session: Session | None) -> None:
        for heading in (self.checks_heading, self.notes_heading, self.history_heading):
            heading.setFont(scaled(self.font(), 1.1, bold=True))
        self.headline.setFont(scaled(self.font(), 1.2, bold=True))
        entries = package.history(session) if session is not None else []
        entries.sort(key=lambda e: e.received_at, reverse=True)
        self.model.set_entries(entries)
        self.latest = entries[0] if entries else None
        self.saved_at.hide()
        if self.latest is None or session is None:
            self.stack.setCurrentIndex(EMPTY)
            return
        e = self.latest
        line = wording.received_line(format_date(e.received_at.date()), sender_of(e), e.sender_department)
        self.headline.setText(line + (wording.WITHOUT_PERSONAL if e.without_personal_data else ""))
        self.where.setText(wording.received_where(e.received_on, e.package_name))
        self.report_button.setEnabled(e.has_report)
        self.report_button.setToolTip("" if e.has_report else wording.NO_REPORT)
        self.no_report.setVisible(not e.has_report)  # said, not only greyed out
        self.checks.setText(first_checks(load_overview(session), dt.date.today()))
        written = [(n.section.title, n.note.text) for n in notes.load_notes(session)]
        self.notes_text.setText("\n\n".join(f"【{title}】\n{text or wording.NO_NOTE}" for title, text in written))
        fit_to_contents(self.table, (1, 4))  # 前任者 and the file name wrap: no sideways scroll at 1024
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(row) for row in range(self.model.rowCount()))
        self.table.setFixedHeight(self.table.horizontalHeader().height() + rows + 6)
        self.stack.setCurrentIndex(RECEIVED)

    def open_report(self) -> Path | None:
        """The 引継書 that came with the file, written beside the data file and opened."""
        session, entry = self.host.session, self.latest
        if session is None or entry is None or entry.id is None:
            return None
        pdf = package.received_report(session, entry.id)
        if pdf is None:
            self.host.inform(wording.OPEN_REPORT, wording.NO_REPORT)
            return None
        path = report_path(session, entry)
        try:
            if not path.exists() or path.read_bytes() != pdf:
                path.write_bytes(pdf)
        except OSError as exc:
            self.host.show_error(export_error(exc, path, PDF_VIEWER), wording.COULD_NOT_WRITE)
            return None
        self.saved_at.setText(f"{wording.REPORT_SAVED}\n{path}")
        self.saved_at.show()
        messages.open_path(path)
        return path
