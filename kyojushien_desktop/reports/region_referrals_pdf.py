"""「つなぎ先一覧」 (A4 portrait) for landlords and 居住支援法人: seed 003's table of 主たる課題 and
the public desks that take them (公的相談機関（窓口・担当） and 電話), the town's own 主たる課題
after the guide's four, with seed 003's lead sentence saying why a 居住安定援助計画 needs it.
Black and greys only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color
from reportlab.platypus import Paragraph, Spacer, Table

from kyojushien_desktop.domain.wareki import format_date
from kyojushien_desktop.reports.files import SILENT, Progress
from kyojushien_desktop.reports.pdf.characters import CharacterCheck, record
from kyojushien_desktop.reports.pdf.document import MM, Layout, build_pdf, numbered_footer
from kyojushien_desktop.reports.pdf.fonts import register_fonts
from kyojushien_desktop.reports.pdf.styles import DARK_GREY, GREY, keep_whole, style, table_style
from kyojushien_desktop.reports.region_papers import ReferralsPaper

TITLE = "つなぎ先一覧"
HEADERS = ("主たる課題", "公的相談機関（窓口・担当）", "電話")
NOT_SET = "（まだ決めていません）"
SOURCE = "出典"
LAYOUT = Layout(side_mm=16, top_mm=13, bottom_mm=16)
HEAD_GREY, RULE_GREY = Color(0.88, 0.88, 0.88), Color(0.6, 0.6, 0.6)


class _Styles:
    def __init__(self) -> None:
        self.title = style("title", 16, 21, bold=True)
        self.subtitle = style("subtitle", 10.5, 14, colour=DARK_GREY)
        self.office = style("office", 8.5, 12, alignment=2, colour=GREY)
        self.lead = style("lead", 9, 13.5)
        self.date = keep_whole(style("date", 9, 12))
        self.head = style("head", 9, 12, bold=True, alignment=1)
        self.issue = style("issue", 9.5, 13, bold=True)
        self.name = style("name", 9.5, 13)
        self.desk = style("desk", 8.5, 11.5, colour=DARK_GREY)
        self.phone = keep_whole(style("phone", 9.5, 13))
        self.none = style("none", 8.5, 11.5, colour=GREY)
        self.note = style("note", 7.5, 10, colour=GREY)


def _table(paper: ReferralsPaper, styles: _Styles, check: CharacterCheck) -> Table:
    rows: list[list[Any]] = [[Paragraph(h, styles.head) for h in HEADERS]]
    spans: list[tuple[Any, ...]] = []
    for issue in paper.issues:
        first = len(rows)
        label = Paragraph(check.markup(issue.label, "主たる課題"), styles.issue)
        if not issue.desks:
            rows.append([label, Paragraph(NOT_SET, styles.none), ""])
            continue
        for n, line in enumerate(issue.desks):
            where = record(line.name or line.desk, "つなぎ先")
            cell = [Paragraph(check.markup(line.name, where), styles.name)] if line.name else []
            if line.desk:
                cell.append(Paragraph(check.markup(line.desk, where), styles.desk if line.name else styles.name))
            rows.append([label if n == 0 else "", cell, Paragraph(check.markup(line.phone, where), styles.phone)])
        if len(issue.desks) > 1:
            spans.append(("SPAN", (0, first), (0, len(rows) - 1)))
        spans.append(("LINEBELOW", (0, len(rows) - 1), (-1, len(rows) - 1), 0.6, "black"))
    phone_w, issue_w = 32 * MM, 52 * MM
    return Table(
        rows,
        colWidths=[issue_w, LAYOUT.width - issue_w - phone_w, phone_w],
        repeatRows=1,
        style=table_style(
            ("BOX", (0, 0), (-1, -1), 0.8, "black"),
            ("INNERGRID", (0, 0), (-1, -1), 0.3, RULE_GREY),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, "black"),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_GREY),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("VALIGN", (0, 1), (0, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            *spans,
        ),
    )


def _story(paper: ReferralsPaper, styles: _Styles, check: CharacterCheck) -> list[Any]:
    office = "　".join(filter(None, (paper.municipality, paper.department)))
    town = check.markup(paper.municipality, "自治体名")
    lead = Table(
        [[Paragraph(check.markup(paper.lead), styles.lead)]],
        colWidths=[LAYOUT.width],
        style=table_style(
            ("BOX", (0, 0), (-1, -1), 0.5, GREY),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ),
    )
    return [
        Paragraph(check.markup(office, "自治体名"), styles.office),
        Paragraph(f"{town}　{TITLE}" if town else TITLE, styles.title),
        Paragraph(check.markup(paper.title), styles.subtitle),
        Spacer(0, 2 * MM),
        Paragraph(f"{town}　{format_date(paper.made_on)}現在".lstrip("　"), styles.date),
        Spacer(0, 2.5 * MM),
        lead,
        Spacer(0, 4 * MM),
        _table(paper, styles, check),
        Spacer(0, 2.5 * MM),
        Paragraph(f"{SOURCE}：{check.markup(paper.source)}", styles.note),
    ]


def write_referrals_pdf(
    paper: ReferralsPaper, path: Path, *, replace_unsupported: bool = False, progress: Progress = SILENT
) -> Path:
    """Writes the つなぎ先一覧 with the footer 「{自治体名}　つなぎ先一覧　x / y」; characters the
    font cannot draw raise ``UnsupportedCharactersError`` first unless replaced by 〓."""
    register_fonts()
    check = CharacterCheck(replace=replace_unsupported)
    story = _story(paper, _Styles(), check)
    town = check.plain(paper.municipality, "自治体名")
    check.raise_if_unsupported()
    decorate = numbered_footer(f"{town}　{TITLE}", LAYOUT)
    return build_pdf(path, story, layout=LAYOUT, decorate=decorate, progress=progress, title=TITLE, author=town)
