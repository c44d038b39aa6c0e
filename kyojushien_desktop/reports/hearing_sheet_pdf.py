"""ヒアリングシート (A4 portrait) to take on a visit and write on by hand.

One PDF holds one sheet or a batch (one per planned visit); page numbers restart for every sheet
(「1 / 2」) so each can be handed out on its own. Only black and greys are used, so it prints well
on any office monochrome printer. Every check box prints empty, so it can be ticked on paper;
what was planned is said beside it (「（持参予定）」).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.hearing import NO, YES, Question, SheetData
from kyojushien_desktop.reports.files import SILENT, Progress
from kyojushien_desktop.reports.pdf.characters import CharacterCheck, record
from kyojushien_desktop.reports.pdf.document import MM, Layout, Page, build_pdf, draw_numbered_footer, section_start
from kyojushien_desktop.reports.pdf.fonts import register_fonts
from kyojushien_desktop.reports.pdf.forms import NumberBox, RuledLines, blank, check_box, check_row
from kyojushien_desktop.reports.pdf.styles import DARK_GREY, GREY, style, table_style

__all__ = ["SheetData", "write_hearing_sheets_pdf"]

TITLE = "ヒアリングシート"
PLANNED = "持参予定"
RECORDED = "記録済み"
FREE_AREA_LINES = 6
LAYOUT = Layout(side_mm=16, top_mm=14, bottom_mm=17)
INDENT = 8 * MM


class _Styles:
    """Paragraph styles, built once per export."""

    def __init__(self) -> None:
        self.title = style("title", 17, 22, bold=True)
        self.bank = style("bank", 9, 12, alignment=2, colour=GREY)
        self.targets = style("targets", 8.5, 12, colour=GREY)
        self.label = style("label", 9.5, 12, bold=True)
        self.value = style("value", 10.5, 14)
        self.hint = style("hint", 8, 10, colour=GREY)
        self.box_head = style("box_head", 9, 12, bold=True)
        self.tip_title = style("tip_title", 8.5, 11, bold=True)
        self.tip_body = style("tip_body", 8, 10.8, colour=DARK_GREY)
        self.check = style("check", 9, 13.5)
        self.section = style("section", 11.5, 15, bold=True)
        self.question = style(
            "question", 10.5, 14.5, leftIndent=INDENT, bulletIndent=0, bulletFontName=register_fonts().regular
        )
        self.control = style("control", 10.5, 15, leftIndent=INDENT)


class _Sheet:
    """One sheet's flowables; its text goes through the export's character check, each piece
    named by the sheet it is on (the organisation, or the bank of a blank sheet)."""

    def __init__(self, sheet: SheetData, styles: _Styles, check: CharacterCheck) -> None:
        self.sheet, self.styles, self.check = sheet, styles, check
        self.owner = sheet.organization_name or f"質問バンク「{sheet.bank_name}」"

    def text(self, value: str, field: str) -> str:
        return self.check.markup(value, record(self.owner, field) if self.sheet.organization_name else field)

    def flowables(self) -> list[Any]:
        flow = [*self._header(), *self._tips_box()]
        flow += [Paragraph("質問", self.styles.section), Spacer(0, 2 * MM)]
        flow += [self._question(n, q) for n, q in enumerate(self.sheet.questions, 1)]
        flow.append(self._free_area())
        return flow

    def _header(self) -> list[Any]:
        """Title line and the 団体名 / 日時 / 場所 / 目的 / 訪問者・先方 table. What is not known
        yet (everything, on a blank sheet) is left as room to write in."""
        sheet, styles, width = self.sheet, self.styles, LAYOUT.width
        title = Table(
            [
                [
                    Paragraph(TITLE, styles.title),
                    Paragraph(f"質問バンク: {self.text(sheet.bank_name, '質問バンク')}", styles.bank),
                ]
            ],
            colWidths=[width * 0.4, width * 0.6],
            style=table_style(
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ),
        )
        flow: list[Any] = [title]
        if sheet.blank and sheet.targets:
            flow.append(
                Paragraph("ヒアリング先: " + self.text("／".join(sheet.targets), "ヒアリング先"), styles.targets)
            )
        flow.append(Spacer(0, 2.5 * MM))

        def cell(text: str, room: float = 7) -> Any:
            return Paragraph(text, styles.value) if text else Spacer(0, room * MM)

        if sheet.scheduled_at is not None:
            when = cell(wareki.format_datetime(sheet.scheduled_at) + "～")
        else:
            era = wareki.era_year(dt.date.today())[0]
            gap, short = blank(2.5), blank(1.5)
            when = cell(f"{era}{gap}年{gap}月{gap}日（{short}）{gap}時{gap}分～")
        if sheet.visitors or sheet.companions:
            ours = self.text(sheet.visitors, "訪問者")
            if sheet.companions:
                ours += ("<br/>" if ours else "") + f"同行: {self.text(sheet.companions, '同行')}"
            visitors: Any = cell(ours)
        else:
            visitors = [
                Paragraph("当方", styles.hint),
                Spacer(0, 3.5 * MM),
                Paragraph("同行", styles.hint),
                Spacer(0, 1 * MM),
            ]
        label_width = 17 * MM
        half = (width - 2 * label_width) / 2

        def label(text: str) -> Any:
            return Paragraph(text, styles.label)

        rows = [
            [label("団体名"), cell(self.text(sheet.organization_name, "団体名")), "", ""],
            [label("日時"), when, "", ""],
            [label("場所"), cell(self.text(sheet.place, "場所")), "", ""],
            [label("目的"), cell(self.text(sheet.purpose, "目的")), "", ""],
            [label("訪問者"), visitors, label("先方"), cell(self.text("、".join(sheet.people), "先方"), 12)],
        ]
        table = Table(
            rows,
            colWidths=[label_width, half, label_width, half],
            style=table_style(
                ("SPAN", (1, 0), (3, 0)),
                ("SPAN", (1, 1), (3, 1)),
                ("SPAN", (1, 2), (3, 2)),
                ("SPAN", (1, 3), (3, 3)),
                ("BOX", (0, 0), (-1, -1), 0.9, "black"),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, "#777777"),
                ("BACKGROUND", (0, 0), (0, -1), "#E6E6E6"),
                ("BACKGROUND", (2, 4), (2, 4), "#E6E6E6"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ),
        )
        return [*flow, table, Spacer(0, 3 * MM)]

    def _tips_box(self) -> list[Any]:
        """The two ヒアリングのコツ beside the お土産 checklist and 担当課の考え方を伝えた."""
        sheet, styles, width = self.sheet, self.styles, LAYOUT.width
        tips: list[Any] = []
        for title, body in sheet.tips:
            tips += [
                Paragraph(self.text(title, "ヒアリングのコツ"), styles.tip_title),
                Paragraph(self.text(body, "ヒアリングのコツ"), styles.tip_body),
                Spacer(0, 1 * MM),
            ]
        checks: list[Any] = [
            Paragraph(check_box(self.text(s, "情報のお土産"), PLANNED if s in sheet.souvenirs else ""), styles.check)
            for s in sheet.souvenir_options
        ]
        if sheet.souvenir_other:
            other = check_box(f"その他（{self.text(sheet.souvenir_other, '情報のお土産（その他）')}）", PLANNED)
        else:
            other = check_box(f"その他（{blank(11)}）")
        checks.append(Paragraph(other, styles.check))
        policy = check_box("担当課の考え方を伝えた", RECORDED if sheet.policy_conveyed else "")
        left = width * 0.6
        table = Table(
            [
                [
                    Paragraph("ヒアリングのコツ", styles.box_head),
                    Paragraph("情報のお土産（渡したものに✓）", styles.box_head),
                ],
                [tips, checks],
                ["", [Paragraph(policy, styles.check)]],
            ],
            colWidths=[left, width - left],
            style=table_style(
                ("SPAN", (0, 1), (0, 2)),
                ("BOX", (0, 0), (-1, -1), 0.9, "black"),
                ("LINEAFTER", (0, 0), (0, -1), 0.5, "#777777"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, "#777777"),
                ("LINEABOVE", (1, 2), (1, 2), 0.5, "#777777"),
                ("BACKGROUND", (0, 0), (-1, 0), "#E6E6E6"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ),
        )
        return [table, Spacer(0, 4 * MM)]

    def _question(self, number: int, question: Question) -> Any:
        """The numbered question with its answer space, kept on one page."""
        styles = self.styles
        field = f"質問{number}"
        parts: list[Any] = [Paragraph(self.text(question.text, field), styles.question, bulletText=f"{number}.")]
        extra_lines = question.lines
        if question.answer_type == "number":
            parts.append(NumberBox(INDENT))
            extra_lines -= 1
        elif question.answer_type in ("yesno", "choice"):
            options = (YES, NO) if question.answer_type == "yesno" else question.choices
            labels = [self.text(option, f"{field}の選択肢") for option in options]
            parts += [Spacer(0, 1 * MM), Paragraph(check_row(labels), styles.control)]
            extra_lines -= 1
        if extra_lines > 0:
            parts.append(RuledLines(extra_lines, LAYOUT.width, INDENT))
        parts.append(Spacer(0, 3 * MM))
        return KeepTogether(parts)

    def _free_area(self) -> Any:
        return KeepTogether(
            [
                Spacer(0, 1 * MM),
                Paragraph("自由記述（気づいたこと・得意なこと・困りごと・次の対応など）", self.styles.section),
                Spacer(0, 1 * MM),
                RuledLines(FREE_AREA_LINES, LAYOUT.width),
            ]
        )


def write_hearing_sheets_pdf(
    sheets: list[SheetData],
    path: Path,
    *,
    municipality: str,
    replace_unsupported: bool = False,
    progress: Progress = SILENT,
) -> Path:
    """Writes the sheets to ``path`` as one A4 PDF, each sheet starting on a new page with its
    own page count in the footer 「{自治体名}　ヒアリングシート　x / y」. Characters the font
    cannot draw raise ``UnsupportedCharactersError`` first, unless ``replace_unsupported``
    prints them as 〓. Returns ``path``."""
    if not sheets:
        raise ValueError("no sheets to write")
    fonts = register_fonts()
    styles = _Styles()
    check = CharacterCheck(replace=replace_unsupported)
    town = check.plain(municipality, "自治体名")
    story: list[Any] = []
    for index, sheet in enumerate(sheets):
        if index:
            story.append(PageBreak())
        story.append(section_start())
        story += _Sheet(sheet, styles, check).flowables()
    owners = [check.plain(s.organization_name, record(s.organization_name, "団体名")) for s in sheets]
    check.raise_if_unsupported()
    page_height = LAYOUT.size[1]

    def decorate(canvas: Any, page: Page) -> None:
        draw_numbered_footer(canvas, LAYOUT, f"{town}　{TITLE}", page)
        if page.number > 1:  # a loose page still says whose sheet it is
            canvas.setFont(fonts.regular, 8)
            canvas.setFillColor(GREY)
            canvas.drawString(LAYOUT.side_mm * MM, page_height - 9 * MM, f"{owners[page.section] or TITLE}（続き）")

    titles = [name for name in owners if name]
    title = f"{TITLE}（{'、'.join(titles[:3])}{' ほか' if len(titles) > 3 else ''}）" if titles else TITLE
    return build_pdf(
        path,
        story,
        layout=LAYOUT,
        decorate=decorate,
        progress=progress,
        create_folder=True,
        title=title,
        author=town,
        subject=check.plain(sheets[0].bank_name, "質問バンク"),
    )
