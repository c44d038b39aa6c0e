"""回答の比較 as an Excel table (visits × questions) and as a まとめ PDF to hand out at the next
意見交換会 (per question, every answer under it with who said it).

openpyxl and reportlab are imported inside the functions, so the GUI starts without them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.hearing import NO, YES, CompareTable, Question, parse_number
from kyojushien_desktop.reports.files import write_atomically
from kyojushien_desktop.reports.xlsx.cells import WAREKI_FORMAT, set_text

XLSX_TITLE = "ヒアリング回答の比較"
PDF_TITLE = "ヒアリング回答のまとめ"
SHEET_ANSWERS = "回答の比較"
SHEET_QUESTIONS = "質問一覧"
NO_ANSWER = "未回答"
FIXED_HEADERS = ("団体名", "区分", "日付")


def question_heading(number: int, question: Question) -> str:
    return f"{number}. {question.text}"


def _number(text: str) -> int | float | None:
    value = parse_number(text)
    if value is None:
        return None
    number = float(value)
    return int(number) if number.is_integer() and "." not in value else number


def write_compare_xlsx(table: CompareTable, path: Path, *, municipality: str, created: dt.date) -> Path:
    """Sheet 「回答の比較」: one row per visit (団体名, 区分, 日付 in 和暦), one column per question,
    text wrapped, header and 団体名 frozen; sheet 「質問一覧」 lists the questions in full."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    made_on = wareki.format_date(created, weekday=False)
    place = municipality.replace("&", "&&")

    def write(target: Path) -> None:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = SHEET_ANSWERS
        properties = workbook.properties
        properties.title = f"{municipality} {XLSX_TITLE}（{table.bank.name}）".strip()
        properties.creator = "居住支援デスク"
        properties.lastModifiedBy = "居住支援デスク"
        properties.created = dt.datetime.combine(created, dt.time())
        properties.modified = properties.created
        properties.description = table.filter_note or None

        header_font = Font(bold=True)
        header_fill = PatternFill("solid", fgColor="D9D9D9")
        header_border = Border(bottom=Side(style="thin", color="808080"))
        header_align = Alignment(vertical="center", wrap_text=True)
        top_wrap = Alignment(vertical="top", wrap_text=True)
        top = Alignment(vertical="top")

        headers = [*FIXED_HEADERS, *(question_heading(n, q) for n, q in enumerate(table.questions, 1))]
        widths = [30, 20, 17] + [18 if q.answer_type in ("number", "yesno") else 34 for q in table.questions]
        for index, (header, width) in enumerate(zip(headers, widths, strict=True), 1):
            cell = sheet.cell(row=1, column=index)
            set_text(cell, header)
            cell.font, cell.fill, cell.border, cell.alignment = header_font, header_fill, header_border, header_align
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.row_dimensions[1].height = 48

        for row_index, row in enumerate(table.rows, 2):
            visit = row.visit
            values: list[Any] = [visit.organization_name, visit.category, visit.scheduled_at.date()]
            for question in table.questions:
                text = row.answers.get(question.id or 0, "")
                number = _number(text) if question.answer_type == "number" and text else None
                values.append(number if number is not None else text)
            for column, value in enumerate(values, 1):
                if value == "" or value is None:
                    continue
                cell = sheet.cell(row=row_index, column=column)
                if isinstance(value, str):
                    set_text(cell, value)
                    cell.alignment = top_wrap
                else:
                    cell.value = value
                    cell.alignment = top
                if isinstance(value, dt.date):
                    cell.number_format = WAREKI_FORMAT

        last = get_column_letter(len(headers))
        sheet.freeze_panes = "B2"  # the header row and the 団体名 stay in view while scrolling
        sheet.auto_filter.ref = f"A1:{last}{max(len(table.rows) + 1, 2)}"
        sheet.print_title_rows = "1:1"
        sheet.print_title_cols = "A:A"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = 9  # A4
        sheet.page_setup.fitToWidth = 0
        sheet.page_setup.fitToHeight = 0
        sheet.oddHeader.center.text = f"{place}　{XLSX_TITLE}（{table.bank.name.replace('&', '&&')}）".strip("　")
        sheet.oddFooter.left.text = f"{made_on} 作成"
        sheet.oddFooter.right.text = "&P / &N ページ"

        questions = workbook.create_sheet(SHEET_QUESTIONS)
        for column, (header, width) in enumerate((("番号", 8), ("質問", 60), ("回答の形式", 14), ("出典", 14)), 1):
            cell = questions.cell(row=1, column=column, value=header)
            cell.font, cell.fill, cell.border, cell.alignment = header_font, header_fill, header_border, header_align
            questions.column_dimensions[get_column_letter(column)].width = width
        for number, question in enumerate(table.questions, 1):
            questions.cell(row=number + 1, column=1, value=number).alignment = top
            set_text(questions.cell(row=number + 1, column=2), question.text)
            questions.cell(row=number + 1, column=2).alignment = top_wrap
            questions.cell(row=number + 1, column=3, value=question.answer_type_label).alignment = top
            if question.from_guide:
                questions.cell(row=number + 1, column=4, value="手引きより").alignment = top
        note_row = len(table.questions) + 3
        questions.cell(row=note_row, column=2, value=f"質問バンク: {table.bank.name}")
        if table.filter_note:
            questions.cell(row=note_row + 1, column=2, value=f"絞り込み: {table.filter_note}")
        questions.freeze_panes = "A2"
        workbook.save(target)

    return write_atomically(path, write, create_folder=True)


def _tally(question: Question, answers: list[str]) -> str:
    """「はい 4件・いいえ 2件」 for closed questions, so the まとめ shows the balance at a glance."""
    if question.answer_type == "yesno":
        options: tuple[str, ...] = (YES, NO)
    elif question.answer_type == "choice":
        options = question.choices
    else:
        return ""
    counts = Counter(answers)
    return "・".join(f"{option} {counts.get(option, 0)}件" for option in options)


def write_compare_pdf(table: CompareTable, path: Path, *, municipality: str, created: dt.date) -> Path:
    """The まとめ: A4 portrait; per question a heading, then every answer under it with
    「団体名（日付）」; empty answers are left out and counted as 未回答."""
    from reportlab.lib.colors import Color
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table, TableStyle

    from kyojushien_desktop.reports.hearing_sheet_pdf import FRAME_PADDING, build_numbered_pdf
    from kyojushien_desktop.reports.pdf.fonts import register_japanese_font

    font = register_japanese_font()
    grey = Color(0.3, 0.3, 0.3)
    mm = 72 / 25.4
    page_width, page_height = A4
    width = page_width - 2 * 16 * mm - 2 * FRAME_PADDING
    frame_height = page_height - (14 + 17) * mm - 2 * FRAME_PADDING

    def style(name: str, size: float, leading: float, **extra: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **extra)

    title_style = style("title", 16, 21)
    bank_style = style("bank", 12, 17, spaceBefore=1 * mm)
    meta_style = style("meta", 9, 13, textColor=grey)
    heading_style = style("heading", 11.5, 15)
    who_style = style("who", 8.5, 11.5, textColor=grey, leftIndent=5 * mm, spaceBefore=2.5 * mm, keepWithNext=1)
    answer_style = style("answer", 10, 14.5, leftIndent=5 * mm)
    note_style = style("note", 9, 12.5, textColor=grey, leftIndent=5 * mm, spaceBefore=2 * mm)

    def text(value: str) -> str:
        return escape(value).replace("\n", "<br/>")

    story: list[Any] = [
        Paragraph(text(PDF_TITLE), title_style),
        Paragraph(text(f"質問バンク: {table.bank.name}"), bank_style),
    ]
    dates = [row.visit.scheduled_at.date() for row in table.rows]
    meta = f"ヒアリング {len(table.rows)}件"
    if dates:
        first_day, last_day = (wareki.format_date(d, weekday=False) for d in (min(dates), max(dates)))
        meta += f"（{first_day}～{last_day}）" if first_day != last_day else f"（{first_day}）"
    if table.filter_note:
        meta += f"　／　絞り込み: {table.filter_note}"
    story.append(Paragraph(text(f"{meta}　／　{wareki.format_date(created)} 作成"), meta_style))
    story.append(Spacer(0, 5 * mm))
    if not table.rows:
        story.append(Paragraph("条件に合うヒアリング記録がありません。", answer_style))

    for number, question in enumerate(table.questions if table.rows else (), 1):
        heading = Table(
            [[Paragraph(text(question_heading(number, question)), heading_style)]],
            colWidths=[width],
            style=TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), font),
                    ("BACKGROUND", (0, 0), (-1, -1), "#E6E6E6"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.8, "black"),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            ),
        )
        items: list[Any] = []
        given: list[str] = []
        for row in table.rows:
            answer = row.answers.get(question.id or 0, "").strip()
            if not answer:
                continue
            given.append(answer)
            when = wareki.format_date(row.visit.scheduled_at.date(), weekday=False)
            items.append(
                [
                    Paragraph(text(f"{row.visit.organization_name}（{when}）"), who_style),
                    Paragraph(text(answer), answer_style),
                ]
            )
        missing = len(table.rows) - len(given)
        notes = [n for n in (_tally(question, given), f"{NO_ANSWER} {missing}件" if missing else "") if n]
        block = [heading, *(part for item in items for part in item)]
        if not items:
            block.append(Paragraph("（回答はまだありません）", answer_style))
        if notes:
            block.append(Paragraph(text("　".join(notes)), note_style))
        # A question with its answers stays on one page when it takes at most half a page; a
        # longer one flows on, its heading kept with the first answer. (One level of
        # KeepTogether only: nested, reportlab breaks the page before every question.)
        height = sum(part.wrap(width, frame_height)[1] + part.getSpaceBefore() for part in block)
        if height <= frame_height / 2:
            story += [KeepTogether(block)]
        else:
            story += [CondPageBreak(40 * mm), KeepTogether(block[:3]), *block[3:]]
        story.append(Spacer(0, 6 * mm))

    footer = f"{municipality}　{PDF_TITLE}　{table.bank.name}".lstrip("　")

    def decorate(canvas: Any, section: int, page: int, pages: int) -> None:
        canvas.setFont(font, 8.5)
        canvas.drawCentredString(page_width / 2, 9 * mm, f"{footer}　{page} / {pages}")

    return build_numbered_pdf(
        path, story, decorate=decorate, title=f"{PDF_TITLE}（{table.bank.name}）", author=municipality
    )
