"""構成員・関係団体名簿 as an A4 landscape PDF: the list as filtered on screen, ready to print in black
and white and hand out at a meeting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color, black, white
from reportlab.platypus import LongTable, Paragraph, Spacer

from kyojushien_desktop.domain import wareki
from kyojushien_desktop.domain.members import ORGANIZATION_FIELDS
from kyojushien_desktop.reports.files import SILENT, Progress
from kyojushien_desktop.reports.member_list import TITLE, DirectoryRecord
from kyojushien_desktop.reports.pdf.characters import CharacterCheck, record
from kyojushien_desktop.reports.pdf.document import MM, Layout, Page, build_pdf
from kyojushien_desktop.reports.pdf.fonts import register_fonts
from kyojushien_desktop.reports.pdf.styles import GREY, keep_whole, style, table_style

HEADERS = ("名称（よみがな）", "区分（種別）", "関係", "担当者", "電話・FAX", "最終連絡日", "備考")
# Column widths in points; they add up to the frame's width on A4 landscape (762 pt). 電話・FAX
# and 最終連絡日 hold 「090-1234-5678」 and 「令和10年12月31日(日)」 on one line.
WIDTHS = (158.0, 88.0, 84.0, 104.0, 92.0, 102.0, 134.0)
LAYOUT = Layout(landscape=True, side_mm=14, top_mm=14, bottom_mm=18)
BODY_SIZE, SMALL_SIZE, LEADING = 8.5, 7, 11.0
GREY_HEADER, GREY_ZEBRA, GREY_RULE = Color(0.85, 0.85, 0.85), Color(0.95, 0.95, 0.95), Color(0.55, 0.55, 0.55)
# A row must fit on one page, so long free text is clipped here; the Excel export keeps it whole.
NOTE_CHARS, NOTE_LINES = 120, 6
PEOPLE_CHARS = 60
# Paragraph folds any run of white space (全角スペース too) into one narrow space.
_GAP = "&nbsp;" * 5


def _clip(value: str, *, chars: int = 0, lines: int = 0) -> str:
    """The part of free text the row has room for, ending in … when cut."""
    parts = value.strip().splitlines()
    clipped = False
    if lines and len(parts) > lines:
        parts, clipped = parts[:lines], True
    text = "\n".join(parts)
    if chars and len(text) > chars:
        text, clipped = text[:chars], True
    return text.rstrip() + "…" if clipped else text


class _Cells:
    """Builds each row's paragraphs, every piece of text through the character check."""

    def __init__(self, check: CharacterCheck) -> None:
        self.check = check
        self.body = style("cell", BODY_SIZE, LEADING)
        self.whole = keep_whole(self.body)
        self.head = style("head", BODY_SIZE, LEADING, bold=True)

    def _small(self, text: str, where: str) -> str:
        return f'<font size="{SMALL_SIZE}" color="#404040">{self.check.markup(text, where)}</font>'

    def row(self, entry: DirectoryRecord) -> list[Any]:
        org = entry.organization

        def where(field: str) -> str:
            return record(org.name, ORGANIZATION_FIELDS.get(field, field))

        mark = self.check.markup
        name = mark(org.name, where("name")) + (f"<br/>{self._small(org.kana, where('kana'))}" if org.kana else "")
        category = mark(org.category, where("category"))
        if org.kind:
            category += f"<br/>{self._small(org.kind, where('kind'))}"
        phones = mark(org.phone, where("phone"))
        if org.fax:
            phones += ("<br/>" if phones else "") + self._small(f"FAX {org.fax}", where("fax"))
        last = wareki.format_date(entry.last_contact) if entry.last_contact else ""
        return [
            Paragraph(name, self.body),
            Paragraph(category, self.body),
            Paragraph(mark(org.stage, where("stage")), self.body),
            Paragraph(mark(_clip(entry.people_now, chars=PEOPLE_CHARS), where("担当者")), self.body),
            Paragraph(phones, self.whole),
            Paragraph(last, self.whole),
            Paragraph(mark(_clip(org.notes, chars=NOTE_CHARS, lines=NOTE_LINES), where("notes")), self.body),
        ]


def write_member_list_pdf(
    rows: list[DirectoryRecord],
    path: Path,
    *,
    municipality: str,
    created: dt.date,
    title: str = TITLE,
    filter_note: str = "",
    replace_unsupported: bool = False,
    progress: Progress = SILENT,
) -> Path:
    """Writes ``rows`` in the order given as the 名簿 PDF: a header block (title, 自治体名, 作成日 in
    和暦, 件数, the filter), a table whose header repeats on every page, and a footer with the page
    number and 自治体名. Characters the font cannot draw raise ``UnsupportedCharactersError``
    before anything is written, unless ``replace_unsupported`` prints them as 〓. Returns ``path``."""
    fonts = register_fonts()
    check = CharacterCheck(replace=replace_unsupported)
    town = check.plain(municipality, "自治体名")
    note = check.markup(filter_note, "絞り込みの条件")
    made_on = wareki.format_date(created)
    heading = style("heading", 16, 22, bold=True)
    meta = style("meta", 9.5, 14)

    facts = [f"作成日: {made_on}", f"件数: {len(rows):,}件"]
    if town:
        facts.insert(0, f"自治体名: {check.markup(town)}")
    story: list[Any] = [Paragraph(check.markup(title), heading), Paragraph(_GAP.join(facts), meta)]
    if note:
        story.append(Paragraph(note, meta))
    story.append(Spacer(1, 3 * MM))

    cells = _Cells(check)
    data = [[Paragraph(text, cells.head) for text in HEADERS]]
    data += [cells.row(entry) for entry in rows]
    check.raise_if_unsupported()
    table = LongTable(data, colWidths=list(WIDTHS), repeatRows=1)
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("BACKGROUND", (0, 0), (-1, 0), GREY_HEADER),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [white, GREY_ZEBRA]),
            ("INNERGRID", (0, 0), (-1, -1), 0.25, GREY_RULE),
            ("BOX", (0, 0), (-1, -1), 0.6, black),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, black),
        )
    )
    story.append(table)
    if not rows:
        story += [Spacer(1, 4 * MM), Paragraph("該当する団体・機関はありません。", meta)]

    footer = "　".join(part for part in (town, title, f"{made_on} 作成") if part)
    width, _ = LAYOUT.size
    margin = LAYOUT.side_mm * MM

    def decorate(canvas: Any, page: Page) -> None:
        y = margin * 0.55
        canvas.setStrokeColor(GREY_RULE)
        canvas.setLineWidth(0.4)
        canvas.line(margin, y + 11, width - margin, y + 11)
        canvas.setFillColor(GREY)
        canvas.setFont(fonts.regular, 8)
        canvas.drawString(margin, y, footer)
        canvas.drawRightString(width - margin, y, f"ページ {page.number} / {page.count}")

    return build_pdf(
        path,
        story,
        layout=LAYOUT,
        decorate=decorate,
        progress=progress,
        title=f"{town} {title}".strip(),
        author=town,
        subject=check.plain(filter_note, "絞り込みの条件"),
    )
