"""取組みの経過 as an A4 landscape chart in the spirit of the guide's 八代市 page (p36): a column
per phase, a row per month, each entry dated, the 状態 changes marked as the turning points —
the page a staff member takes to the 部次長. Records linked to no phase are counted, not listed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color
from reportlab.platypus import Paragraph, Spacer, Table

from kyojushien_desktop.domain.progress_report import ProgressChart
from kyojushien_desktop.domain.wareki import era_year_text, format_date
from kyojushien_desktop.reports.files import SILENT, Progress
from kyojushien_desktop.reports.pdf.characters import CharacterCheck
from kyojushien_desktop.reports.pdf.document import MM, Layout, Page, build_pdf
from kyojushien_desktop.reports.pdf.fonts import register_fonts
from kyojushien_desktop.reports.pdf.styles import GREY, style, table_style

TITLE = "取組みの経過"
LAYOUT = Layout(landscape=True, side_mm=12, top_mm=11, bottom_mm=14)
LABEL_GREY, RULE_GREY = Color(0.88, 0.88, 0.88), Color(0.55, 0.55, 0.55)
MONTH_WIDTH = 24 * MM


def _styles() -> dict[str, Any]:
    return {
        "title": style("title", 15, 20, bold=True),
        "lead": style("lead", 8.5, 12, colour=GREY),
        "head": style("head", 8.5, 11, bold=True),
        "month": style("month", 8.5, 11, bold=True),
        "entry": style("entry", 7.5, 10, leftIndent=14, firstLineIndent=-14),
        "turn": style("turn", 7.5, 10, bold=True, leftIndent=14, firstLineIndent=-14),
    }


def _story(chart: ProgressChart, check: CharacterCheck) -> list[Any]:
    s = _styles()
    numbers = sorted(chart.phase_titles)
    months: dict[tuple[int, int], dict[int, list[Any]]] = {}
    left_out = 0
    for a in chart.activities:
        if not a.phases:
            left_out += 1
            continue
        mark = "◆" if a.turning_point else "・"
        text = f"{mark}{a.on.day}日 {check.markup(a.title, TITLE)}"
        for number in a.phases:
            cells = months.setdefault((a.on.year, a.on.month), {})
            cells.setdefault(number, []).append(Paragraph(text, s["turn" if a.turning_point else "entry"]))
    width = (LAYOUT.width - MONTH_WIDTH) / len(numbers)
    rows: list[list[Any]] = [
        [Paragraph("年月", s["head"])] + [Paragraph(chart.phase_titles[n], s["head"]) for n in numbers]
    ]
    for (year, month), cells in sorted(months.items()):
        label = f"{era_year_text(dt.date(year, month, 1))}{month}月"
        rows.append([Paragraph(label, s["month"])] + [cells.get(n, "") for n in numbers])
    if len(rows) == 1:
        rows.append([Paragraph("（まだ記録がありません）", s["entry"])] + [""] * len(numbers))
    table = Table(
        rows,
        colWidths=[MONTH_WIDTH] + [width] * len(numbers),
        repeatRows=1,
        style=table_style(
            ("BOX", (0, 0), (-1, -1), 0.8, "black"),
            ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE_GREY),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), LABEL_GREY),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ),
    )
    lead = (
        f"{format_date(chart.made_on)}現在　次の人事異動予定日: {format_date(chart.rotation)}　"
        "◆ は到達の目安の状態を変えた日（取組みの節目）"
    )
    if left_out:
        lead += f"　フェーズに結び付いていない記録 {left_out} 件は省略"
    return [Paragraph(TITLE, s["title"]), Paragraph(lead, s["lead"]), Spacer(0, 3 * MM), table]


def write_progress_chart(
    chart: ProgressChart, path: Path, *, replace_unsupported: bool = False, progress: Progress = SILENT
) -> Path:
    """Writes the chart with the footer 「{自治体名}　取組みの経過　x / y」."""
    fonts = register_fonts()
    check = CharacterCheck(replace=replace_unsupported)
    story = _story(chart, check)
    town = check.plain(chart.municipality, "自治体名")
    check.raise_if_unsupported()
    page_width = LAYOUT.size[0]

    def decorate(canvas: Any, page: Page) -> None:
        canvas.setFont(fonts.regular, 8.5)
        canvas.drawCentredString(page_width / 2, 8 * MM, f"{town}　{TITLE}　{page.number} / {page.count}".lstrip("　"))

    return build_pdf(path, story, layout=LAYOUT, decorate=decorate, progress=progress, title=TITLE, author=town)
