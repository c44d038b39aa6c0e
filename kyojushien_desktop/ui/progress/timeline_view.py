"""The 年度 timeline of フェーズ進捗 and 取組みの経過, a part of the progress page: warnings and the
引継ぎの準備 reminder on top, this 年度 and the next as a dated list by month, then everything done
with a フェーズ filter, and the two papers (現在地レポート, 経過の図) written as read jobs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyojushien_desktop.domain.wareki import era_year_text, format_date
from kyojushien_desktop.services.common.jobs import Progress
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.progress import planning, report
from kyojushien_desktop.ui.common import dialogs, jobs, wording
from kyojushien_desktop.ui.common.live import Page
from kyojushien_desktop.ui.progress import timeline_wording as words


class TimelineView(QWidget):
    def __init__(self, host: Page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.notices = QLabel()
        self.notices.setWordWrap(True)
        self.plan_tree = QTreeWidget()
        self.plan_tree.setHeaderLabels([words.MONTH, wording.KIND, wording.CONTENT])
        self.history = QTreeWidget()
        self.history.setHeaderLabels([wording.DATE, wording.KIND, wording.CONTENT])
        self.history.setRootIsDecorated(False)
        self.phase = QComboBox()
        self.phase.addItem(wording.ALL, None)
        for number, title in planning.phase_titles().items():
            self.phase.addItem(title, number)
        self.phase.currentIndexChanged.connect(self._fill_history)
        self.report_button = QPushButton(words.REPORT_BUTTON)
        self.chart_button = QPushButton(words.CHART_BUTTON)
        self.report_button.clicked.connect(lambda: self.export(words.REPORT_NAME, report.export_report_pdf))
        self.chart_button.clicked.connect(lambda: self.export(words.CHART_NAME, report.export_chart_pdf))

        layout = QVBoxLayout(self)
        layout.addWidget(self.notices)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(QLabel(words.PLAN_HEADING))
        top_layout.addWidget(self.plan_tree)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(words.HISTORY_HEADING))
        row.addStretch(1)
        row.addWidget(QLabel(words.PHASE_FILTER))
        row.addWidget(self.phase)
        bottom_layout.addLayout(row)
        bottom_layout.addWidget(self.history)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        layout.addWidget(split, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.chart_button)
        layout.addLayout(buttons)

    def reload(self) -> None:
        """Reads the plan and the 経過 again (the page calls this after a change)."""
        session = self.host.session
        self.plan_tree.clear()
        self.history.clear()
        if session is None:
            self.notices.clear()
            return
        plan = planning.plan(session)
        lines = ["⚠ " + w for w in plan.warnings]
        if plan.reminder:
            r = plan.reminder
            lines.insert(0, words.reminder_text(r.days_left, r.title, r.body))
        self.notices.setText("\n".join(lines))
        self.notices.setVisible(bool(lines))
        for year, month in plan.months():
            entries = plan.in_month(year, month)
            head = QTreeWidgetItem([f"{era_year_text(dt.date(year, month, 1))}{month}月", "", ""])
            if not entries:
                head.setText(2, words.NO_ENTRIES)
            for e in entries:
                when = f"{e.on.day}日"
                text = e.label + (words.PLANNED_MARK if e.planned else "")
                head.addChild(QTreeWidgetItem([when, e.kind, text]))
            self.plan_tree.addTopLevelItem(head)
            head.setExpanded(True)
        self.plan_tree.resizeColumnToContents(0)
        self._activities = planning.activities(session)
        self._fill_history()

    def _fill_history(self) -> None:
        from kyojushien_desktop.domain.progress_plan import by_phase

        self.history.clear()
        for a in by_phase(getattr(self, "_activities", []), self.phase.currentData()):
            title = a.title + (f"　{a.detail}" if a.detail else "")
            item = QTreeWidgetItem([format_date(a.on), a.kind, title])
            if a.turning_point:
                font = item.font(2)
                font.setBold(True)
                for column in range(3):
                    item.setFont(column, font)
            self.history.addTopLevelItem(item)
        self.history.resizeColumnToContents(0)
        self.history.resizeColumnToContents(1)

    def choose_pdf_path(self, stem: str) -> Path | None:
        return dialogs.ask_save_path(self, getattr(self.host, "prefs", None), wording.PDF_SAVE_TO, stem, "pdf")

    def export(self, name: str, export_pdf: Callable[..., Path]) -> Path | None:
        """現在地レポート or 経過の図: where, then the PDF as a read job, then PDFを開く／フォルダを開く."""
        session = self.host.session
        if session is None:
            return None
        path = self.choose_pdf_path(name)
        if path is None:
            return None

        def write(reader: Session, progress: Progress, replace: bool) -> Path:
            return export_pdf(reader, path, replace_unsupported=replace, progress=progress)

        written = jobs.run_export(self, session, write, title=name + words.MAKING)
        if written is not None:
            self.host.inform_written(name + words.MADE, name + words.MADE, written)
        return written
