"""The papers handed round at a meeting: the 受付名簿 (sign-in sheet) with the グループ表 after it,
and the blank アンケート用紙.

A plain stand-in written with the 会議・勉強会 screens, so their buttons and tests work before the
reports branch's fuller layout replaces this module.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.platypus import PageBreak, Paragraph, Table

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.meeting_report import Roster, SurveyForm
from kyojushien_desktop.reports.files import SILENT, Progress
from kyojushien_desktop.reports.pdf.characters import CharacterCheck
from kyojushien_desktop.reports.pdf.document import MM, Layout, Page, build_pdf
from kyojushien_desktop.reports.pdf.fonts import register_fonts
from kyojushien_desktop.reports.pdf.forms import RuledLines, check_row
from kyojushien_desktop.reports.pdf.styles import style, table_style

LAYOUT = Layout()
GRID = ("GRID", (0, 0), (-1, -1), 0.6, "black")


def _footer(title: str) -> Any:
    fonts = register_fonts()

    def decorate(canvas: Any, page: Page) -> None:
        canvas.setFont(fonts.regular, 8.5)
        canvas.drawCentredString(LAYOUT.size[0] / 2, 9 * MM, f"{title}　{page.number} / {page.count}")

    return decorate


def write_roster_pdf(
    roster: Roster, path: Path, *, replace_unsupported: bool = False, progress: Progress = SILENT
) -> Path:
    check = CharacterCheck(replace=replace_unsupported)
    title, cell = style("title", 15, 20, bold=True), style("cell", 10, 13)
    when = wareki.format_datetime(roster.meeting.starts_at)
    story: list[Any] = [Paragraph(check.markup(f"受付名簿　{roster.meeting.title}（{when}）", "題名"), title)]
    rows = [["No.", "所属", "氏名", "区分", "受付"]]
    for number, p in enumerate(roster.participants, start=1):
        rows.append(
            [
                str(number),
                Paragraph(check.markup(p.affiliation, "所属"), cell),
                Paragraph(check.markup(p.name, "氏名"), cell),
                Paragraph(p.shown_category, cell),
                "",
            ]
        )
    widths = [12 * MM, 62 * MM, 46 * MM, 40 * MM, LAYOUT.width - 160 * MM]
    story.append(Table(rows, colWidths=widths, repeatRows=1, style=table_style(GRID)))
    if roster.groups:
        story += [PageBreak(), Paragraph(check.markup(f"グループ表　{roster.meeting.title}", "題名"), title)]
        for number, members in sorted(roster.groups.items()):
            lines = [
                [
                    f"グループ{number}",
                    Paragraph(check.markup("、".join(f"{p.name}（{p.affiliation}）" for p in members)), cell),
                ]
            ]
            story.append(Table(lines, colWidths=[28 * MM, LAYOUT.width - 28 * MM], style=table_style(GRID)))
    check.raise_if_unsupported()
    return build_pdf(path, story, layout=LAYOUT, decorate=_footer("受付名簿"), progress=progress, title="受付名簿")


def write_survey_form_pdf(
    form: SurveyForm, path: Path, *, copies: int = 1, replace_unsupported: bool = False, progress: Progress = SILENT
) -> Path:
    check = CharacterCheck(replace=replace_unsupported)
    title, text = style("title", 15, 20, bold=True), style("text", 10.5, 15, spaceBefore=3 * MM)
    story: list[Any] = []
    for copy in range(max(1, copies)):
        if copy:
            story.append(PageBreak())
        story.append(Paragraph(check.markup(f"参加者アンケート　{form.meeting.title}", "題名"), title))
        for number, question in enumerate(form.questions, start=1):
            story.append(Paragraph(check.markup(f"{number}. {question.text}", f"{number}問目"), text))
            if question.choices:
                story.append(Paragraph(check_row(check.markup(c) for c in question.choices), text))
            else:
                story.append(RuledLines(2, LAYOUT.width))
    check.raise_if_unsupported()
    return build_pdf(
        path, story, layout=LAYOUT, decorate=_footer("参加者アンケート"), progress=progress, title="参加者アンケート"
    )
