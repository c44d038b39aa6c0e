"""構成員・関係団体名簿 as an A4 landscape PDF: the list as filtered on screen, ready to print in black
and white and hand out at a meeting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.reports.files import write_atomically

if TYPE_CHECKING:
    from kyojushien_desktop.domain.members import OrganizationSummary

DEFAULT_TITLE = "構成員・関係団体名簿"
HEADERS = ("名称（よみがな）", "区分", "関係", "担当者", "電話", "最終連絡日", "備考")
# Column widths in points; they add up to the A4 landscape width less the margins (762 pt).
WIDTHS = (184.0, 92.0, 92.0, 108.0, 76.0, 72.0, 138.0)
MARGIN_MM = 14
BODY_SIZE, SMALL_SIZE, LEADING = 8.5, 6.5, 11.0
GREY_HEADER, GREY_ZEBRA, GREY_RULE, GREY_SMALL = 0.85, 0.95, 0.55, "#404040"
# A row must fit on one page, so long free text is clipped here; the Excel export keeps it whole.
NOTE_CHARS, NOTE_LINES = 120, 6
PEOPLE_CHARS = 60
# Paragraph folds any run of white space (全角スペース too) into one narrow space.
_GAP = "&nbsp;" * 5


def _text(value: str, *, chars: int = 0, lines: int = 0) -> str:
    """Paragraph markup for user text: escaped, line breaks kept, optionally clipped with …."""
    parts = value.strip().splitlines()
    clipped = False
    if lines and len(parts) > lines:
        parts, clipped = parts[:lines], True
    text = "\n".join(parts)
    if chars and len(text) > chars:
        text, clipped = text[:chars], True
    if clipped:
        text = text.rstrip() + "…"
    return escape(text).replace("\n", "<br/>")


def _small(text: str) -> str:
    return f'<font size="{SMALL_SIZE}" color="{GREY_SMALL}">{escape(text)}</font>'


def _row_cells(row: OrganizationSummary) -> list[str]:
    name = escape(row.name) + (f"<br/>{_small(row.kana)}" if row.kana else "")
    category = escape(row.category) + (f"<br/>{_small(row.kind)}" if row.kind else "")
    last = wareki.format_date(row.last_contact, weekday=False) if row.last_contact else ""
    return [
        name,
        category,
        escape(row.stage),
        _text(row.people, chars=PEOPLE_CHARS),
        escape(row.phone),
        last,
        _text(row.notes, chars=NOTE_CHARS, lines=NOTE_LINES),
    ]


def _canvas_class(font: str, left_text: str) -> type:
    """A canvas that holds pages back until the end, so each footer can say 「ページ x / y」."""
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                self._footer(number, total)
                super().showPage()
            super().save()

        def _footer(self, number: int, total: int) -> None:
            width, _ = self._pagesize
            margin = MARGIN_MM * 72 / 25.4
            y = margin * 0.55
            self.saveState()
            self.setStrokeColor(colors.Color(GREY_RULE, GREY_RULE, GREY_RULE))
            self.setLineWidth(0.4)
            self.line(margin, y + 11, width - margin, y + 11)
            self.setFont(font, 8)
            self.drawString(margin, y, left_text)
            self.drawRightString(width - margin, y, f"ページ {number} / {total}")
            self.restoreState()

    return NumberedCanvas


def write_member_list_pdf(
    rows: list[OrganizationSummary],
    path: Path,
    *,
    municipality: str,
    created: dt.date,
    title: str = DEFAULT_TITLE,
    filter_note: str = "",
) -> Path:
    """Writes ``rows`` in the order given as the 名簿 PDF: a header block (title, 自治体名, 作成日 in
    和暦, 件数, the filter), a table whose header repeats on every page, and a footer with the page
    number and 自治体名. Returns ``path``."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

    from kyojushien_desktop.reports.pdf.fonts import register_japanese_font

    font = register_japanese_font()
    made_on = wareki.format_date(created)
    cell = ParagraphStyle("cell", fontName=font, fontSize=BODY_SIZE, leading=LEADING, wordWrap="CJK")
    heading = ParagraphStyle("heading", fontName=font, fontSize=16, leading=22, wordWrap="CJK")
    meta = ParagraphStyle("meta", fontName=font, fontSize=9.5, leading=14, wordWrap="CJK")

    facts = [f"作成日: {made_on}", f"件数: {len(rows):,}件"]
    if municipality:
        facts.insert(0, f"自治体名: {escape(municipality)}")
    story: list[Any] = [
        Paragraph(escape(title), heading),
        Paragraph(_GAP.join(facts), meta),
    ]
    if filter_note:
        story.append(Paragraph(escape(filter_note), meta))
    story.append(Spacer(1, 3 * mm))

    data = [[Paragraph(text, cell) for text in HEADERS]]
    data += [[Paragraph(text, cell) for text in _row_cells(row)] for row in rows]
    grey = colors.Color(GREY_RULE, GREY_RULE, GREY_RULE)
    table = LongTable(data, colWidths=list(WIDTHS), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, BODY_SIZE),  # else the table selects Helvetica, unembedded
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(GREY_HEADER, GREY_HEADER, GREY_HEADER)),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.Color(GREY_ZEBRA, GREY_ZEBRA, GREY_ZEBRA)]),
                ("INNERGRID", (0, 0), (-1, -1), 0.25, grey),
                ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
            ]
        )
    )
    story.append(table)
    if not rows:
        story.append(Spacer(1, 4 * mm))
        story.append(Paragraph("該当する団体・機関はありません。", meta))

    footer = "　".join(part for part in (municipality, title, f"{made_on} 作成") if part)
    canvas_class = _canvas_class(font, footer)

    def write(target: Path) -> None:
        document = SimpleDocTemplate(
            str(target),
            pagesize=landscape(A4),
            leftMargin=MARGIN_MM * mm,
            rightMargin=MARGIN_MM * mm,
            topMargin=MARGIN_MM * mm,
            bottomMargin=(MARGIN_MM + 4) * mm,
            title=f"{municipality} {title}".strip(),
            author=municipality,
            subject=filter_note,
            creator="居住支援デスク",
            initialFontName=font,  # likewise for the page's opening font
        )
        document.build(story, canvasmaker=canvas_class)

    return write_atomically(path, write)
