"""回答のまとめ as an A4 PDF to hand out at the next 意見交換会: per question, every answer under it
with who said it, and the balance of closed questions."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.hearing import NO, YES, CompareTable, Question
from kyojushien_desktop.reports.files import SILENT, Progress
from kyojushien_desktop.reports.hearing_compare import question_heading
from kyojushien_desktop.reports.pdf.characters import CharacterCheck, record
from kyojushien_desktop.reports.pdf.document import MM, Layout, Page, build_pdf
from kyojushien_desktop.reports.pdf.fonts import register_fonts
from kyojushien_desktop.reports.pdf.styles import GREY, style, table_style

PDF_TITLE = "ヒアリング回答のまとめ"
NO_ANSWER = "未回答"
LAYOUT = Layout(side_mm=16, top_mm=14, bottom_mm=17)


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


class _Styles:
    def __init__(self) -> None:
        self.title = style("title", 16, 21, bold=True)
        self.bank = style("bank", 12, 17, spaceBefore=1 * MM)
        self.meta = style("meta", 9, 13, colour=GREY)
        self.heading = style("heading", 11.5, 15, bold=True)
        self.who = style("who", 8.5, 11.5, colour=GREY, leftIndent=5 * MM, spaceBefore=2.5 * MM, keepWithNext=1)
        self.answer = style("answer", 10, 14.5, leftIndent=5 * MM)
        self.note = style("note", 9, 12.5, colour=GREY, leftIndent=5 * MM, spaceBefore=2 * MM)


def _question_block(
    number: int, question: Question, table: CompareTable, styles: _Styles, check: CharacterCheck
) -> list[Any]:
    """The question's heading, each answer under 「団体名（日付）」, then 未回答 and the tally. A
    block of at most half a page stays on one page; a longer one flows on, its heading kept with
    the first answer (one level of KeepTogether only: nested, reportlab breaks before every one)."""
    field = f"質問{number}"
    heading = Table(
        [[Paragraph(check.markup(question_heading(number, question), field), styles.heading)]],
        colWidths=[LAYOUT.width],
        style=table_style(
            ("BACKGROUND", (0, 0), (-1, -1), "#E6E6E6"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.8, "black"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ),
    )
    block: list[Any] = [heading]
    given: list[str] = []
    for row in table.rows:
        answer = row.answers.get(question.id or 0, "").strip()
        if not answer:
            continue
        given.append(answer)
        name = row.visit.organization_name
        when = wareki.format_date(row.visit.scheduled_at.date())
        block += [
            Paragraph(f"{check.markup(name, record(name, '団体名'))}（{when}）", styles.who),
            Paragraph(check.markup(answer, record(name, f"{field}の回答")), styles.answer),
        ]
    if not given:
        block.append(Paragraph("（回答はまだありません）", styles.answer))
    missing = len(table.rows) - len(given)
    notes = [n for n in (_tally(question, given), f"{NO_ANSWER} {missing}件" if missing else "") if n]
    if notes:
        block.append(Paragraph(check.markup("　".join(notes), f"{field}の集計"), styles.note))
    height = sum(part.wrap(LAYOUT.width, LAYOUT.height)[1] + part.getSpaceBefore() for part in block)
    if height <= LAYOUT.height / 2:
        return [KeepTogether(block), Spacer(0, 6 * MM)]
    return [CondPageBreak(40 * MM), KeepTogether(block[:3]), *block[3:], Spacer(0, 6 * MM)]


def write_compare_pdf(
    table: CompareTable,
    path: Path,
    *,
    municipality: str,
    created: dt.date,
    replace_unsupported: bool = False,
    progress: Progress = SILENT,
) -> Path:
    """The まとめ: A4 portrait; per question a heading, then every answer under it with
    「団体名（日付）」; empty answers are left out and counted as 未回答. Characters the font
    cannot draw raise ``UnsupportedCharactersError`` first, unless ``replace_unsupported``."""
    fonts = register_fonts()
    styles = _Styles()
    check = CharacterCheck(replace=replace_unsupported)
    town = check.plain(municipality, "自治体名")
    bank = check.plain(table.bank.name, "質問バンク")
    story: list[Any] = [
        Paragraph(PDF_TITLE, styles.title),
        Paragraph(check.markup(f"質問バンク: {bank}"), styles.bank),
    ]
    dates = [row.visit.scheduled_at.date() for row in table.rows]
    meta = f"ヒアリング {len(table.rows)}件"
    if dates:
        first_day, last_day = (wareki.format_date(d) for d in (min(dates), max(dates)))
        meta += f"（{first_day}～{last_day}）" if first_day != last_day else f"（{first_day}）"
    if table.filter_note:
        meta += f"　／　絞り込み: {check.plain(table.filter_note, '絞り込みの条件')}"
    story.append(Paragraph(check.markup(f"{meta}　／　{wareki.format_date(created)} 作成"), styles.meta))
    story.append(Spacer(0, 5 * MM))
    if not table.rows:
        story.append(Paragraph("条件に合うヒアリング記録がありません。", styles.answer))
    for number, question in enumerate(table.questions if table.rows else (), 1):
        story += _question_block(number, question, table, styles, check)
    check.raise_if_unsupported()

    footer = f"{town}　{PDF_TITLE}　{bank}".lstrip("　")
    page_width = LAYOUT.size[0]

    def decorate(canvas: Any, page: Page) -> None:
        canvas.setFont(fonts.regular, 8.5)
        canvas.drawCentredString(page_width / 2, 9 * MM, f"{footer}　{page.number} / {page.count}")

    return build_pdf(
        path,
        story,
        layout=LAYOUT,
        decorate=decorate,
        progress=progress,
        create_folder=True,
        title=f"{PDF_TITLE}（{bank}）",
        author=town,
    )
