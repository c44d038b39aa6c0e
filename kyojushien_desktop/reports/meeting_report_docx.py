"""The 開催レポート as a Word file, for a town hall that finishes its reports in Word: the same
sections as the PDF (from ``meeting_text``), as real Heading 1/2 paragraphs so Word's navigation
pane and table of contents see them, and real tables rather than pictures, so every figure can be
corrected by hand.

A4, black only, and BIZ UDPゴシック for the East Asian text (reports/docx/word.py), with 游ゴシック named as
its alternative in the font table for a PC that does not have it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kyojushien_desktop.domain.meeting_report import REPORT_SECTIONS, MeetingReport
from kyojushien_desktop.domain.meetings import CHOICE, SCALE
from kyojushien_desktop.reports import meeting_text as words
from kyojushien_desktop.reports.docx import word
from kyojushien_desktop.reports.files import SILENT, Progress

BULLETS = ("・", "-", "－", "●", "○", "※")


class _Writer:
    def __init__(self, document: Any, report: MeetingReport) -> None:
        self.document, self.report = document, report

    def paragraph(self, text: str, *, bold: bool = False) -> Any:
        paragraph = self.document.add_paragraph()
        run = paragraph.add_run(text)
        if bold:
            run.bold = True
        return paragraph

    def lines(self, text: str) -> bool:
        """Free text a paragraph a line; a line starting with ・ becomes a Word bullet."""
        written = False
        for line in (raw.strip() for raw in text.splitlines()):
            if not line:
                continue
            if line.startswith(BULLETS):
                self.document.add_paragraph(line[1:].strip(), style="List Bullet")
            else:
                self.paragraph(line)
            written = True
        return written

    def table(
        self,
        header: tuple[str, ...] | None,
        rows: list[tuple[str, ...]],
        widths_mm: tuple[float, ...],
        numbers: tuple[int, ...] = (),
    ) -> Any:
        return word.add_table(self.document, header, rows, widths_mm, numbers)

    def section(self, key: str) -> None:
        """The section's Heading 1 and its body, or 「（記録がありません）」 when nothing was recorded."""
        meeting = self.report.meeting
        builders = {
            "overview": self._overview,
            "program": self._program,
            "lecture": lambda: self.lines(meeting.lecture_summary),
            "opinions": self._opinions,
            "survey": self._survey,
            "next": lambda: self.lines(meeting.next_plans),
        }
        self.document.add_heading(self.report.section_titles.get(key, key), level=1)
        if not builders[key]():
            self.paragraph(words.NO_RECORD)

    def _overview(self) -> bool:
        report = self.report
        table = self.table(None, words.overview_rows(report), (32, 142))
        for row in table.rows:
            word.shade(row.cells[0])
            for run in row.cells[0].paragraphs[0].runs:
                run.bold = True
        if report.counts.attending:
            self.document.add_heading("所属区分別の参加者数", level=2)
            counts = self.table(words.ATTENDANCE_HEADERS, words.attendance_rows(report.counts), (60, 24), (1,))
            for cell in counts.rows[-1].cells:  # 合計
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            self.document.add_heading(words.attendee_label(report), level=2)
            self.paragraph(words.attendee_text(report))
        return True

    def _program(self) -> bool:
        rows = [(item.at, item.item, item.speaker) for item in self.report.program]
        if rows:
            self.table(("時刻", "項目", "講師・話題提供者"), rows, (18, 96, 60))
        return bool(rows)

    def _opinions(self) -> bool:
        written = self.lines(self.report.meeting.opinions)
        notes = [(f"グループ{n}", text) for n, text in sorted(self.report.group_notes.items()) if text.strip()]
        if notes:
            self.document.add_heading("グループごとの主な意見", level=2)
            self.table(("グループ", "主な意見"), notes, (28, 146))
        return written or bool(notes)

    def _survey(self) -> bool:
        survey = self.report.survey
        if not survey.respondents:
            return False
        self.paragraph(words.survey_line(survey), bold=True)
        for number, result in enumerate(survey.questions, 1):
            head, detail, answered = words.question_heading(number, result)
            self.document.add_heading(head, level=2)
            self.paragraph("　".join(part for part in (detail, answered) if part))
            if result.question.kind in (SCALE, CHOICE):
                self.table(words.CHOICE_HEADERS, words.choice_rows(result), (70, 22, 22), (1, 2))
            elif result.texts:
                for text in result.texts:
                    self.document.add_paragraph(f"「{text}」", style="List Bullet")
            else:
                self.paragraph("（回答なし）")
        return True


def write_report_docx(report: MeetingReport, path: Path, *, progress: Progress = SILENT) -> Path:
    """Writes the 開催レポート as ``path`` (.docx; the folder must exist), through a temporary file."""
    progress.begin("Wordの文書を作っています", len(REPORT_SECTIONS))
    document = word.new_document()
    office = "　".join(part for part in (report.municipality, report.department) if part)
    kicker = document.add_paragraph()
    kicker.add_run(f"{words.REPORT_TITLE}　{office}".rstrip("　")).bold = True
    document.add_paragraph(report.meeting.title, style="Title")
    if words.issued_text(report):
        document.add_paragraph(words.issued_text(report))
    writer = _Writer(document, report)
    for key in REPORT_SECTIONS:
        if report.wants(key):
            writer.section(key)
        progress.step()
    word.page_footer(document, f"{report.municipality}　{words.REPORT_TITLE}　".lstrip("　"))
    properties = document.core_properties
    properties.title = f"{words.REPORT_TITLE}（{report.meeting.title}）"
    properties.author = report.municipality
    properties.subject = report.meeting.kind
    return word.save(document, path)
