"""アンケート: the results of the meeting's 参加者アンケート — n, 回収率 against attendance, and the
distribution of each question — and its blank form to print.

A plain stand-in so the 会議・勉強会 page works on its own; the アンケート branch replaces this module
with the question editor, keyboard entry of the paper forms and the spreadsheet import, keeping
``SurveyTab(host, parent)``, ``show_meeting(meeting_id)`` and ``reload()``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from kyojushien_desktop.services.common.jobs import Progress
from kyojushien_desktop.services.common.session import Session
from kyojushien_desktop.services.meetings import meetings, report, survey
from kyojushien_desktop.ui.common import dialogs, jobs
from kyojushien_desktop.ui.common.flow import flow_row
from kyojushien_desktop.ui.common.live import Page
from kyojushien_desktop.ui.meetings import wording


class SurveyTab(QWidget):
    """The results table of the meeting shown by ``show_meeting``; ``reload`` reads them again."""

    def __init__(self, host: Page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.meeting_id: int | None = None
        self.summary = QLabel()
        self.summary.setObjectName("countLabel")
        self.print_button = QPushButton("アンケート用紙を印刷…")
        self.print_button.clicked.connect(lambda: self.print_form())
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("surveyResults")
        self.table.setHorizontalHeaderLabels([wording.QUESTION, "回答数", "内訳"])
        self.table.verticalHeader().hide()
        header_alignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        self.table.horizontalHeader().setDefaultAlignment(header_alignment)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(flow_row(self.summary, right=(self.print_button,)))
        layout.addWidget(self.table, 1)

    def show_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.reload()

    def reload(self) -> None:
        session = self.host.session
        self.table.setRowCount(0)
        if session is None or self.meeting_id is None:
            self.summary.clear()
            return
        results = survey.results(session, self.meeting_id)
        self.summary.setText(f"回答 {results.respondents}人　回収率 {results.rate_text}（出席 {results.attending}人）")
        for result in results.questions:
            if result.counts:
                spread = "、".join(f"{choice} {count}" for choice, count in result.counts)
            else:
                spread = " ／ ".join(result.texts[:5]) + (
                    f" ほか{len(result.texts) - 5}件" if len(result.texts) > 5 else ""
                )
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, text in enumerate((result.question.short, str(result.answered), spread)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

    def print_form(self) -> Path | None:
        """The blank アンケート用紙 as a PDF, to print and hand out."""
        session = self.host.session
        if session is None or self.meeting_id is None:
            return None
        meeting_id = self.meeting_id
        stem = f"アンケート用紙_{meetings.get_meeting(session, meeting_id).title}"
        path = dialogs.ask_save_path(self, getattr(self.host, "prefs", None), wording.PDF_SAVE_TO, stem, "pdf")
        if path is None:
            return None

        def write(reader: Session, progress: Progress, replace: bool) -> Path:
            return report.export_survey_form_pdf(
                reader, meeting_id, path, replace_unsupported=replace, progress=progress
            )

        written = jobs.run_export(self, session, write, title=f"{wording.SURVEY_TAB}用紙を作っています")
        if written is not None:
            self.host.inform_written(wording.PDF_MADE, "アンケート用紙のPDFを作りました。", written)
        return written
