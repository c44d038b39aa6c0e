"""The 引継書 as an A4 PDF (portrait): a title block (自治体名, 担当課, 前任者, 後任者 and 引継日 to fill
in, 作成日) beside the 所属長確認 box (確認日・印, blank), then each
section under a ruled heading, its tables with the header row repeated on every page they run
onto. Black and greys only, the bundled font embedded, every character checked drawable first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color
from reportlab.platypus import Paragraph, Spacer, Table

from kyojushien_desktop.domain import handover_report as blocks
from kyojushien_desktop.domain.handover_report import HandoverReport
from kyojushien_desktop.domain.wareki import format_date
from kyojushien_desktop.reports.files import SILENT, Progress
from kyojushien_desktop.reports.pdf.characters import CharacterCheck
from kyojushien_desktop.reports.pdf.document import MM, Layout, Page, build_pdf, draw_numbered_footer
from kyojushien_desktop.reports.pdf.fonts import register_fonts
from kyojushien_desktop.reports.pdf.styles import GREY, RULE_GREY, section_heading, style, table_style

LAYOUT = Layout(side_mm=18, top_mm=15, bottom_mm=17)
LABEL_GREY = Color(0.88, 0.88, 0.88)
SEAL_MM = 20  # the 印 square of the 所属長確認 box


class _Styles:
    def __init__(self) -> None:
        self.title = style("title", 20, 26, bold=True, alignment=1)
        self.subtitle = style("subtitle", 10.5, 15, alignment=1, colour=GREY)
        self.label = style("label", 9, 12.5, bold=True)
        self.value = style("value", 9.5, 13)
        self.section = style("section", 12.5, 16, bold=True)
        self.heading = style("heading", 10, 14, bold=True, spaceBefore=4)
        self.body = style("body", 9.5, 14.5)
        self.bullet = style("bullet", 9.5, 14, leftIndent=9.5, firstLineIndent=-9.5)
        self.head = style("head", 8.5, 11.5, bold=True)
        self.cell = style("cell", 8.5, 11.5)
        self.none = style("none", 9, 13, colour=GREY)


class _Story:
    def __init__(self, report: HandoverReport, styles: _Styles, check: CharacterCheck) -> None:
        self.report, self.styles, self.check = report, styles, check
        self.width = LAYOUT.width

    def text(self, value: str, where: str) -> str:
        return self.check.markup(value, where)

    def flowables(self) -> list[Any]:
        flow = self._title_block()
        for number, section in enumerate(self.report.sections, 1):
            flow += [self._section_heading(f"{number}　{section.title}"), Spacer(0, 2 * MM)]
            for block in section.blocks:
                flow += self._block(block, section.title)
            flow.append(Spacer(0, 4 * MM))
        return flow

    def _title_block(self) -> list[Any]:
        report, styles = self.report, self.styles
        rows = [
            [Paragraph(label, styles.label), Paragraph(self.text(value, label), styles.value)]
            for label, value in report.title_block
        ]
        grid = (
            ("BOX", (0, 0), (-1, -1), 0.8, "black"),
            ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE_GREY),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        )
        facts: Any = ""  # a report built without a title block (a test's) prints none
        if rows:
            facts = Table(
                rows,
                colWidths=[30 * MM, 70 * MM],
                rowHeights=[7.5 * MM] * len(rows),  # room to write 後任者 and 引継日 by hand
                style=table_style(*grid, ("BACKGROUND", (0, 0), (0, -1), LABEL_GREY)),
            )
        flow_row: list[Any] = [facts]
        widths = [100 * MM]
        if report.approval:
            title, *fields = report.approval
            box_rows = [[Paragraph(title, styles.label), ""]] + [[Paragraph(f, styles.label), ""] for f in fields]
            heights = [6.5 * MM] + [7.5 * MM] * (len(fields) - 1) + [SEAL_MM * MM]
            approval = Table(
                box_rows,
                colWidths=[16 * MM, SEAL_MM * MM + 6 * MM],
                rowHeights=heights[: len(box_rows)],
                style=table_style(
                    *grid,
                    ("SPAN", (0, 0), (-1, 0)),
                    ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                    ("BACKGROUND", (0, 0), (-1, 0), LABEL_GREY),
                    ("BACKGROUND", (0, 1), (0, -1), LABEL_GREY),
                ),
            )
            flow_row = [approval, "", facts]
            widths = [42 * MM, self.width - 142 * MM, 100 * MM]
        block = Table([flow_row], colWidths=widths, style=table_style(("VALIGN", (0, 0), (-1, -1), "TOP")))
        return [
            Paragraph(self.text(report.title, "表題"), styles.title),
            Spacer(0, 1.5 * MM),
            Paragraph(self.text(report.subtitle, "副題"), styles.subtitle),
            Spacer(0, 5 * MM),
            block,
            Spacer(0, 6 * MM),
        ]

    def _section_heading(self, title: str) -> Any:
        return section_heading(self.check.markup(title), self.styles.section, self.width)

    def _block(self, block: blocks.Block, where: str) -> list[Any]:
        styles = self.styles
        if isinstance(block, blocks.Heading):
            heading = Paragraph(self.text(block.text, where), styles.heading)
            heading.keepWithNext = True
            return [heading, Spacer(0, 1 * MM)]
        if isinstance(block, blocks.Paragraph):
            return [
                Paragraph(self.text(line, where), styles.body) if line.strip() else Spacer(0, 1.5 * MM)
                for line in block.text.splitlines() or [""]
            ] + [Spacer(0, 1 * MM)]
        if isinstance(block, blocks.Bullets):
            return [Paragraph("・" + self.text(item, where), styles.bullet) for item in block.items] + [
                Spacer(0, 1.5 * MM)
            ]
        return [self._table(block, where), Spacer(0, 2.5 * MM)]

    def _table(self, block: blocks.Table, where: str) -> Any:
        styles = self.styles
        rows: list[list[Any]] = [[Paragraph(self.text(h, where), styles.head) for h in block.headers]]
        for values in block.rows:
            rows.append([Paragraph(self.text(value, where), styles.cell) for value in values])
        if not block.rows:
            rows.append([Paragraph(block.empty, styles.none)] + [""] * (len(block.headers) - 1))
        extra: list[tuple[Any, ...]] = [("SPAN", (0, 1), (-1, 1))] if not block.rows else []
        return Table(
            rows,
            colWidths=[self.width * share for share in block.widths],
            repeatRows=1,
            style=table_style(
                ("BOX", (0, 0), (-1, -1), 0.8, "black"),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE_GREY),
                ("BACKGROUND", (0, 0), (-1, 0), LABEL_GREY),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, "black"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
                *extra,
            ),
        )


def write_report_pdf(
    report: HandoverReport, path: Path, *, replace_unsupported: bool = False, progress: Progress = SILENT
) -> Path:
    """Writes the 引継書 to ``path`` with the footer 「{自治体名}　引継書　x / y」; characters the font
    cannot draw raise ``UnsupportedCharactersError`` before anything is written, unless
    ``replace_unsupported`` prints them as 〓."""
    fonts = register_fonts()
    check = CharacterCheck(replace=replace_unsupported)
    story = _Story(report, _Styles(), check).flowables()
    town = check.plain(report.municipality, "自治体名")
    title = check.plain(report.title, "表題")
    check.raise_if_unsupported()
    page_width, page_height = LAYOUT.size

    def decorate(canvas: Any, page: Page) -> None:
        draw_numbered_footer(canvas, LAYOUT, f"{town}　{title}", page)
        if page.number > 1:
            canvas.setFont(fonts.regular, 8)
            canvas.setFillColor(GREY)
            canvas.drawRightString(
                page_width - LAYOUT.side_mm * MM, page_height - 9 * MM, f"{title}（{format_date(report.made_on)}作成）"
            )

    return build_pdf(Path(path), story, layout=LAYOUT, decorate=decorate, progress=progress, title=title, author=town)
