"""開催レポート as an A4 PDF: 開催概要, プログラム, 講演・話題提供の要旨, the 主な意見, アンケート結果
and 今後の予定, each section left out when not wanted.

A plain stand-in written with the 会議・勉強会 screens, so their buttons and tests work before the
reports branch's fuller layout (charts, 1–2 pages) replaces this module.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.platypus import Paragraph, Spacer, Table

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.meeting_report import MeetingReport
from kyojushien_desktop.reports.files import SILENT, Progress
from kyojushien_desktop.reports.pdf.characters import CharacterCheck
from kyojushien_desktop.reports.pdf.document import MM, Layout, Page, build_pdf
from kyojushien_desktop.reports.pdf.fonts import register_fonts
from kyojushien_desktop.reports.pdf.styles import GREY, style, table_style

PDF_TITLE = "開催レポート"
LAYOUT = Layout(side_mm=18, top_mm=16, bottom_mm=17)


def meeting_when(report: MeetingReport) -> str:
    """令和8年1月15日(木) 14:00～16:00, as every paper of a meeting prints it."""
    meeting = report.meeting
    text = wareki.format_datetime(meeting.starts_at)
    return text + (f"～{meeting.ends_at.strftime('%H:%M').lstrip('0')}" if meeting.ends_at else "")


def write_report_pdf(
    report: MeetingReport, path: Path, *, replace_unsupported: bool = False, progress: Progress = SILENT
) -> Path:
    fonts = register_fonts()
    check = CharacterCheck(replace=replace_unsupported)
    title = style("title", 16, 21, bold=True)
    heading = style("heading", 12, 16, bold=True, spaceBefore=5 * MM, spaceAfter=1.5 * MM)
    body = style("body", 10, 14.5)
    meta = style("meta", 9, 13, colour=GREY)
    meeting, counts = report.meeting, report.counts
    story: list[Any] = [
        Paragraph(check.markup(f"{PDF_TITLE}　{meeting.title}", "題名"), title),
        Paragraph(check.markup(f"{report.municipality}　{report.department}".strip(), "自治体名"), meta),
    ]

    def section(key: str, parts: list[Any]) -> None:
        if report.wants(key):
            story.append(Paragraph(report.section_titles[key], heading))
            story.extend(parts)

    def text(value: str, where: str) -> list[Any]:
        return [Paragraph(check.markup(value, where) if value else "（記載なし）", body)]

    breakdown = "、".join(f"{name} {number}人" for name, number in counts.by_category)
    overview = [
        ("日時", meeting_when(report)),
        ("場所", f"{meeting.venue_mode}　{meeting.venue}".strip()),
        (
            "主催",
            "　".join(x for x in (meeting.organizer, meeting.co_organizers and f"共催: {meeting.co_organizers}") if x),
        ),
        ("参加者数", f"{counts.attending}人（会場 {counts.venue}人・オンライン {counts.online}人）"),
        ("所属の区分", breakdown or "—"),
    ]
    if report.options.with_names:
        overview.append(("参加者", "、".join(f"{p.affiliation} {p.name}".strip() for p in report.attending)))
    else:
        overview.append(("参加団体", "、".join(report.organizations_attending) or "—"))
    rows = [[Paragraph(k, meta), Paragraph(check.markup(v, k), body)] for k, v in overview]
    section("overview", [Table(rows, colWidths=[28 * MM, LAYOUT.width - 28 * MM], style=table_style())])
    program = [
        [Paragraph(check.markup(f"{i.at}　{i.item}　{i.speaker}".strip(), "プログラム"), body)] for i in report.program
    ]
    section("program", [Table(program, colWidths=[LAYOUT.width], style=table_style())] if program else text("", ""))
    section("lecture", text(meeting.lecture_summary, "講演の要旨"))
    opinions = text(meeting.opinions, "主な意見")
    for number, note in sorted(report.group_notes.items()):
        if note:
            opinions.append(Paragraph(check.markup(f"グループ{number}: {note}", f"グループ{number}の主な意見"), body))
    section("opinions", opinions)
    results = report.survey
    survey: list[Any] = [Paragraph(f"回答 {results.respondents}人　回収率 {results.rate_text}", body)]
    for result in results.questions:
        if result.counts:
            shares = "、".join(f"{c} {n}" for c, n in result.counts)
            survey.append(Paragraph(check.markup(f"{result.question.short}（n={result.answered}）: {shares}"), body))
        for answer in result.texts:
            survey.append(Paragraph(check.markup(f"・{answer}", result.question.short), body))
    section("survey", survey)
    section("next", text(meeting.next_plans, "今後の予定"))
    story.append(Spacer(0, 4 * MM))
    check.raise_if_unsupported()

    def decorate(canvas: Any, page: Page) -> None:
        canvas.setFont(fonts.regular, 8.5)
        canvas.drawCentredString(LAYOUT.size[0] / 2, 9 * MM, f"{PDF_TITLE}　{page.number} / {page.count}")

    return build_pdf(
        path, story, layout=LAYOUT, decorate=decorate, progress=progress, title=f"{PDF_TITLE}（{meeting.title}）"
    )
