"""開催レポート (A4 portrait, 1–2 pages) to hand out the day after a meeting (手引き p47: 開催レポー
トの配布), in black and greys only so any office printer copies it well.

Sections follow ``REPORT_SECTIONS``; one the user left out is not printed, one with nothing
recorded says so (「（記録がありません）」) instead of vanishing, so a reader never wonders whether
it was forgotten. Participants appear by organisation unless names were chosen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from kyojushien_desktop.domain.meeting_report import REPORT_SECTIONS, MeetingReport
from kyojushien_desktop.domain.meeting_results import QuestionResult
from kyojushien_desktop.domain.meetings import CHOICE, SCALE
from kyojushien_desktop.reports import meeting_text as words
from kyojushien_desktop.reports.files import SILENT, Progress
from kyojushien_desktop.reports.pdf.characters import CharacterCheck, record
from kyojushien_desktop.reports.pdf.charts import Part, stacked_bar
from kyojushien_desktop.reports.pdf.document import MM, Layout, Page, build_pdf, draw_numbered_footer
from kyojushien_desktop.reports.pdf.fonts import register_fonts
from kyojushien_desktop.reports.pdf.styles import GREY, RULE_GREY, keep_whole, section_heading, style, table_style

LAYOUT = Layout(side_mm=16, top_mm=13, bottom_mm=16)
LABEL_GREY = Color(0.88, 0.88, 0.88)
LABEL_WIDTH = 26 * MM
BULLETS = ("・", "-", "－", "●", "○", "※")


class _Styles:
    def __init__(self) -> None:
        self.kicker = style("kicker", 9.5, 12, bold=True)
        self.office = style("office", 8.5, 12, alignment=2, colour=GREY)
        self.title = style("title", 16, 21, bold=True)
        self.section = style("section", 11.5, 15, bold=True)
        self.label = style("label", 8.5, 11.5, bold=True)
        self.body = style("body", 9.5, 14)
        self.cell = style("cell", 8.5, 11.5)
        self.cell_whole = keep_whole(self.cell)
        self.head = style("head", 8.5, 11.5, bold=True)
        self.number = style("number", 8.5, 11.5, alignment=2)
        self.number_bold = style("number_bold", 8.5, 11.5, bold=True, alignment=2)
        self.bullet = style("bullet", 9.5, 14, leftIndent=9.5, firstLineIndent=-9.5)
        self.cell_bullet = style("cell_bullet", 8.5, 11.5, leftIndent=8.5, firstLineIndent=-8.5)
        self.question = style("question", 9, 12)
        self.answered = style("answered", 8.5, 12, alignment=2, colour=GREY)
        self.quote = style("quote", 8.5, 11.5, leftIndent=3 * MM, firstLineIndent=-3 * MM)
        self.none = style("none", 9, 13, colour=GREY)


def _grid(*extra: tuple[Any, ...]) -> Any:
    return table_style(
        ("BOX", (0, 0), (-1, -1), 0.8, "black"),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE_GREY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
        *extra,
    )


class _Report:
    """The story of one report; every piece of user text goes through the character check,
    named by the meeting and the field it came from."""

    def __init__(self, report: MeetingReport, styles: _Styles, check: CharacterCheck) -> None:
        self.report, self.styles, self.check = report, styles, check
        self.width = LAYOUT.width

    def text(self, value: str, field: str) -> str:
        return self.check.markup(value, record(self.report.meeting.title, field))

    def flowables(self) -> list[Any]:
        flow = self._header()
        builders = {
            "overview": self._overview,
            "program": self._program,
            "lecture": lambda: self._paragraphs(self.report.meeting.lecture_summary, "講演・話題提供の要旨"),
            "opinions": self._opinions,
            "survey": self._survey,
            "next": lambda: self._paragraphs(self.report.meeting.next_plans, "今後の予定"),
        }
        for key in REPORT_SECTIONS:
            if self.report.wants(key):
                body = builders[key]() or [Paragraph(words.NO_RECORD, self.styles.none)]
                flow += [self._heading(self.report.section_titles.get(key, key)), Spacer(0, 2 * MM), *body]
                flow.append(Spacer(0, 3.5 * MM))
        return flow

    def _header(self) -> list[Any]:
        report, styles = self.report, self.styles
        office = "　".join(part for part in (report.municipality, report.department) if part)
        top = Table(
            [[Paragraph(words.REPORT_TITLE, styles.kicker), Paragraph(self.text(office, "担当課"), styles.office)]],
            colWidths=[self.width * 0.4, self.width * 0.6],
            style=table_style(
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ),
        )
        title = Table(
            [[Paragraph(self.text(report.meeting.title, "題名"), styles.title)]],
            colWidths=[self.width],
            style=table_style(
                ("LINEBELOW", (0, 0), (-1, -1), 1.2, "black"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ),
        )
        issued = words.issued_text(report)
        stamp = [Paragraph(self.text(issued, "作成"), styles.office)] if issued else []
        return [top, Spacer(0, 1 * MM), title, *stamp, Spacer(0, 4 * MM)]

    def _heading(self, title: str) -> Any:
        return section_heading(self.check.markup(title), self.styles.section, self.width)

    def _paragraphs(self, value: str, field: str) -> list[Any]:
        """Free text as typed, a paragraph a line; a blank line leaves a little room."""
        flow: list[Any] = []
        for line in value.splitlines():
            line = line.strip()
            flow.append(self._line(line, field) if line else Spacer(0, 1.5 * MM))
        return flow

    def _line(self, line: str, field: str, *, small: bool = False) -> Any:
        """A line that starts with ・ (or - ● ※) hangs as a list item."""
        styles = self.styles
        if line.startswith(BULLETS):
            return Paragraph("・" + self.text(line[1:].strip(), field), styles.cell_bullet if small else styles.bullet)
        return Paragraph(self.text(line, field), styles.cell if small else styles.body)

    # --- 開催概要 ---------------------------------------------------------------------------

    def _overview(self) -> list[Any]:
        styles, report = self.styles, self.report
        rows = [
            [Paragraph(label, styles.label), Paragraph(self.text(value, label), styles.cell)]
            for label, value in words.overview_rows(report)
        ]
        overview = Table(
            rows,
            colWidths=[LABEL_WIDTH, self.width - LABEL_WIDTH],
            style=_grid(("BACKGROUND", (0, 0), (0, -1), LABEL_GREY)),
        )
        flow: list[Any] = [overview]
        if report.counts.attending:
            flow += [Spacer(0, 2.5 * MM), self._attendance()]
        return flow

    def _attendance(self) -> Any:
        """The 所属区分 breakdown beside who came (organisations, or names when chosen)."""
        styles, report = self.styles, self.report
        counts: list[list[Any]] = [[Paragraph(h, styles.head) for h in words.ATTENDANCE_HEADERS]]
        breakdown = words.attendance_rows(report.counts)
        for index, (category, n) in enumerate(breakdown, 1):
            total = index == len(breakdown)
            counts.append(
                [
                    Paragraph(self.text(category, "所属区分"), styles.head if total else styles.cell),
                    Paragraph(n, styles.number_bold if total else styles.number),
                ]
            )
        left = 60 * MM
        table = Table(
            counts,
            colWidths=[left - 15 * MM, 15 * MM],
            style=_grid(("BACKGROUND", (0, 0), (-1, 0), LABEL_GREY), ("LINEABOVE", (0, -1), (-1, -1), 0.8, "black")),
        )
        label = words.attendee_label(report)
        who = [
            Paragraph(label, styles.label),
            Spacer(0, 1 * MM),
            Paragraph(self.text(words.attendee_text(report), label), styles.cell),
        ]
        return Table(
            [[table, who]],
            colWidths=[left + 4 * MM, self.width - left - 4 * MM],
            style=table_style(
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("RIGHTPADDING", (-1, 0), (-1, 0), 0),
                ("LEFTPADDING", (1, 0), (1, 0), 3 * MM),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
            ),
        )

    # --- プログラム ---------------------------------------------------------------------------

    def _program(self) -> list[Any]:
        styles = self.styles
        if not self.report.program:
            return []
        rows = [[Paragraph(h, styles.head) for h in ("時刻", "項目", "講師・話題提供者")]]
        for n, item in enumerate(self.report.program, 1):
            rows.append(
                [
                    Paragraph(self.check.markup(item.at), styles.cell_whole),
                    Paragraph(self.text(item.item, f"プログラム{n}行目"), styles.cell),
                    Paragraph(self.text(item.speaker, f"プログラム{n}行目の講師"), styles.cell),
                ]
            )
        at, speaker = 16 * MM, 62 * MM
        return [
            Table(
                rows,
                colWidths=[at, self.width - at - speaker, speaker],
                repeatRows=1,
                style=_grid(("BACKGROUND", (0, 0), (-1, 0), LABEL_GREY)),
            )
        ]

    # --- 主な意見 -----------------------------------------------------------------------------

    def _opinions(self) -> list[Any]:
        styles = self.styles
        flow = self._paragraphs(self.report.meeting.opinions, "主な意見")
        notes = [(n, text) for n, text in sorted(self.report.group_notes.items()) if text.strip()]
        if notes:
            if flow:
                flow.append(Spacer(0, 2 * MM))
            rows = []
            for number, text in notes:
                field = f"グループ{number}の主な意見"
                lines = [self._line(line.strip(), field, small=True) for line in text.splitlines() if line.strip()]
                rows.append([Paragraph(f"グループ{number}", styles.label), lines])
            flow.append(
                Table(
                    rows,
                    colWidths=[LABEL_WIDTH, self.width - LABEL_WIDTH],
                    style=_grid(("BACKGROUND", (0, 0), (0, -1), LABEL_GREY), ("VALIGN", (0, 0), (-1, -1), "TOP")),
                )
            )
        return flow

    # --- アンケート結果 -------------------------------------------------------------------------

    def _survey(self) -> list[Any]:
        survey, styles = self.report.survey, self.styles
        if not survey.respondents:
            return []
        flow: list[Any] = [Paragraph(words.survey_line(survey), styles.body), Spacer(0, 2 * MM)]
        numbered = list(enumerate(survey.questions, 1))
        for number, result in numbered:
            if result.question.kind == SCALE:
                flow += [self._scale(number, result), Spacer(0, 3 * MM)]
        choices = [self._choice_block(n, r) for n, r in numbered if r.question.kind == CHOICE]
        for index in range(0, len(choices), 2):
            flow += [self._side_by_side(choices[index : index + 2]), Spacer(0, 2.5 * MM)]
        for number, result in numbered:
            if result.question.kind not in (SCALE, CHOICE):
                flow += self._free(number, result)
        return flow

    def _side_by_side(self, blocks: list[Any], gap: float = 5 * MM) -> Any:
        """Two blocks in halves of the width (the second half empty when there is one)."""
        half = (self.width - gap) / 2
        return Table(
            [(blocks + [""])[:2]],
            colWidths=[half + gap, half],
            style=table_style(
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ),
        )

    def _question_heading(self, number: int, result: QuestionResult, width: float) -> Any:
        """The question, and how many answered it at the right (never split from it)."""
        head, detail, answered = words.question_heading(number, result)
        where = f"問{number}"
        markup = f"<b>{self.text(head, where)}</b>"
        if detail:
            markup += f'　<font color="#404040">{self.text(detail, where)}</font>'
        count = 18 * MM
        heading = Table(
            [[Paragraph(markup, self.styles.question), Paragraph(answered, self.styles.answered)]],
            colWidths=[width - count, count],
            style=table_style(
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ),
        )
        heading.keepWithNext = True
        return heading

    def _scale(self, number: int, result: QuestionResult) -> Any:
        labels = [
            self.check.plain(choice, record(self.report.meeting.title, f"問{number}の選択肢"))
            for choice, _ in result.counts
        ]
        parts = [
            Part(label, count, words.percent(result, choice))
            for label, (choice, count) in zip(labels, result.counts, strict=True)
        ]
        return KeepTogether(
            [
                self._question_heading(number, result, self.width),
                Spacer(0, 1.2 * MM),
                stacked_bar(parts, self.width, "回答なし"),
            ]
        )

    def _choice_block(self, number: int, result: QuestionResult) -> list[Any]:
        """The question, then its small count table (選択肢・人数・割合)."""
        styles = self.styles
        rows: list[list[Any]] = [[Paragraph(h, styles.head) for h in words.CHOICE_HEADERS]]
        for choice, count, share in words.choice_rows(result):
            rows.append(
                [
                    Paragraph(self.text(choice, f"問{number}の選択肢"), styles.cell),
                    Paragraph(count, styles.number),
                    Paragraph(share, styles.number),
                ]
            )
        half = (self.width - 5 * MM) / 2
        table = Table(
            rows,
            colWidths=[half - 28 * MM, 14 * MM, 14 * MM],
            style=_grid(("BACKGROUND", (0, 0), (-1, 0), LABEL_GREY)),
        )
        return [self._question_heading(number, result, half), Spacer(0, 1.2 * MM), table]

    def _free(self, number: int, result: QuestionResult) -> list[Any]:
        """The free answers quoted, in two columns (row by row, in the order of the forms)."""
        flow: list[Any] = [self._question_heading(number, result, self.width), Spacer(0, 1 * MM)]
        quotes = [
            Paragraph(f"・「{self.text(text, f'問{number}の回答')}」", self.styles.quote) for text in result.texts
        ]
        if not quotes:
            flow.append(Paragraph("（回答なし）", self.styles.none))
        for index in range(0, len(quotes), 2):
            flow.append(self._side_by_side(quotes[index : index + 2], gap=3 * MM))
        flow.append(Spacer(0, 2.5 * MM))
        return flow


def write_report_pdf(
    report: MeetingReport, path: Path, *, replace_unsupported: bool = False, progress: Progress = SILENT
) -> Path:
    """Writes the 開催レポート to ``path`` (the folder must exist) with the footer
    「{自治体名}　開催レポート　x / y」. Characters the font cannot draw raise
    ``UnsupportedCharactersError`` first, unless ``replace_unsupported`` prints them as 〓."""
    fonts = register_fonts()
    check = CharacterCheck(replace=replace_unsupported)
    story = _Report(report, _Styles(), check).flowables()
    town = check.plain(report.municipality, "自治体名")
    title = check.plain(report.meeting.title, record(report.meeting.title, "題名"))
    check.raise_if_unsupported()
    page_height = LAYOUT.size[1]

    def decorate(canvas: Any, page: Page) -> None:
        draw_numbered_footer(canvas, LAYOUT, f"{town}　{words.REPORT_TITLE}", page)
        if page.number > 1:
            canvas.setFont(fonts.regular, 8)
            canvas.setFillColor(GREY)
            canvas.drawString(LAYOUT.side_mm * MM, page_height - 8.5 * MM, f"{title}（続き）")

    return build_pdf(
        path,
        story,
        layout=LAYOUT,
        decorate=decorate,
        progress=progress,
        title=f"{words.REPORT_TITLE}（{title}）",
        author=town,
        subject=report.meeting.kind,
    )
