"""The 開催レポート as a Word file, for those who finish it by hand: the same sections as the PDF.

A plain stand-in written with the 会議・勉強会 screens, so their button and tests work before the
reports branch's fuller document replaces this module.
"""

from __future__ import annotations

from pathlib import Path

from kyojushien_desktop.domain.meeting_report import MeetingReport
from kyojushien_desktop.reports.files import SILENT, Progress, write_atomically
from kyojushien_desktop.reports.meeting_report_pdf import PDF_TITLE, meeting_when


def write_report_docx(report: MeetingReport, path: Path, *, progress: Progress = SILENT) -> Path:
    from docx import Document  # python-docx: only an export needs it

    progress.begin("Wordファイルを作っています")
    meeting, counts = report.meeting, report.counts
    document = Document()
    document.add_heading(f"{PDF_TITLE}　{meeting.title}", level=0)
    titles = report.section_titles
    if report.wants("overview"):
        document.add_heading(titles["overview"], level=1)
        table = document.add_table(rows=0, cols=2)
        for key, value in (
            ("日時", meeting_when(report)),
            ("場所", f"{meeting.venue_mode}　{meeting.venue}".strip()),
            ("参加者数", f"{counts.attending}人（会場 {counts.venue}人・オンライン {counts.online}人）"),
            *((name, f"{number}人") for name, number in counts.by_category),
        ):
            cells = table.add_row().cells
            cells[0].text, cells[1].text = key, value
    for key, value in (
        ("program", "\n".join(f"{i.at}　{i.item}　{i.speaker}".strip() for i in report.program)),
        ("lecture", meeting.lecture_summary),
        ("opinions", meeting.opinions),
        ("next", meeting.next_plans),
    ):
        if report.wants(key):
            document.add_heading(titles[key], level=1)
            document.add_paragraph(value or "（記載なし）")
    if report.wants("survey"):
        document.add_heading(titles["survey"], level=1)
        document.add_paragraph(f"回答 {report.survey.respondents}人　回収率 {report.survey.rate_text}")
    progress.step()
    return write_atomically(Path(path), lambda temporary: document.save(str(temporary)))
