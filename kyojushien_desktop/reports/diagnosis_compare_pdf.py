"""The comparison on A4 landscape for the 意見交換: the heat table (items × respondents, each score
on a grey as dark as it is low, so the weak spots show on a monochrome printer too), then the two
chart per phase (the mean of each item and its range), the two rankings and the free answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table

from kyojushien_desktop.domain.diagnosis import ItemComparison
from kyojushien_desktop.reports.diagnosis_chart_pdf import phase_chart
from kyojushien_desktop.reports.diagnosis_compare import (
    CHART_TITLE,
    FREE_TITLE,
    LOWEST_TITLE,
    STAT_HEADERS,
    TITLE,
    WIDEST_TITLE,
    Comparison,
)
from kyojushien_desktop.reports.files import SILENT, Progress
from kyojushien_desktop.reports.pdf.characters import CharacterCheck
from kyojushien_desktop.reports.pdf.document import MM, Layout, Page, build_pdf
from kyojushien_desktop.reports.pdf.fonts import register_fonts
from kyojushien_desktop.reports.pdf.styles import GREY, keep_whole, style, table_style

LAYOUT = Layout(landscape=True, side_mm=12, top_mm=12, bottom_mm=14)
# 1 darkest … 5 white; text on 1 and 2 stays black on these greys
SCORE_GREYS = {1: "#A6A6A6", 2: "#C8C8C8", 3: "#E4E4E4", 4: "#F4F4F4", 5: "#FFFFFF"}


STAT_W, ID_W = 12.5 * MM, 9 * MM
NAMED_MIN = 11 * MM  # narrower score columns are numbered, and named in a legend


def _score_width(count: int) -> float:
    """Each respondent's column: as wide as 13 mm, leaving the item text at least 62 mm."""
    return min(13 * MM, (LAYOUT.width - ID_W - 4 * STAT_W - 62 * MM) / max(count, 1))


def _fmt(value: float | None, digits: int) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


class _Styles:
    def __init__(self) -> None:
        self.title = style("title", 14, 18, bold=True)
        self.sub = style("sub", 9, 12, colour=GREY)
        self.section = style("section", 11, 15, bold=True)
        self.head = style("head", 7.5, 9.5, bold=True, alignment=1)
        self.name = style("name", 6.5, 8, bold=True, alignment=1)
        self.item = style("item", 7.5, 9.5)
        self.cell = style("cell", 8, 10, alignment=1)
        self.phase = style("phase", 8, 10, bold=True)
        self.body = style("body", 9, 12.5)


def _heat_table(data: Comparison, styles: _Styles, check: CharacterCheck) -> Table:
    count = len(data.names)
    score_w = _score_width(count)
    text_w = LAYOUT.width - ID_W - 4 * STAT_W - score_w * count
    stat_w, id_w = STAT_W, ID_W
    if score_w < NAMED_MIN:  # too narrow for a name: numbered columns, named in the legend below
        names = [Paragraph(str(n), styles.name) for n in range(1, count + 1)]
    else:
        names = [
            Paragraph(check.markup(f"{n}\n{b}" if b else n, "回答者"), styles.name)
            for n, b in zip(data.names, data.bureaus, strict=True)
        ]
    rows: list[list[Any]] = [
        [Paragraph("番号", styles.head), Paragraph("項目", styles.head), *names]
        + [Paragraph(h, styles.head) for h in STAT_HEADERS]
    ]
    commands: list[tuple[Any, ...]] = [
        ("BOX", (0, 0), (-1, -1), 0.8, "black"),
        ("INNERGRID", (0, 0), (-1, -1), 0.3, "#999999"),
        ("BACKGROUND", (0, 0), (-1, 0), "#D9D9D9"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
    ]
    for phase, title in data.phases:
        at = len(rows)
        commands += [("SPAN", (0, at), (1 + count, at)), ("BACKGROUND", (0, at), (-1, at), "#EFEFEF")]
        mean = Paragraph(_fmt(data.phase_mean(phase), 2), styles.cell)
        rows.append([Paragraph(f"フェーズ{phase}　{title}", styles.phase), *([""] * (1 + count)), mean, "", "", ""])
        for row in data.rows_of(phase):
            at = len(rows)
            for column, score in enumerate(row.scores, 2):
                if score is not None:
                    commands.append(("BACKGROUND", (column, at), (column, at), SCORE_GREYS[score]))
            rows.append(
                [Paragraph(row.item_id, styles.cell), Paragraph(row.text, styles.item)]
                + [Paragraph("" if s is None else str(s), styles.cell) for s in row.scores]
                + [Paragraph(t, styles.cell) for t in _stats_text(row)]
            )
    widths = [id_w, text_w, *([score_w] * count), *([stat_w] * 4)]
    return Table(rows, colWidths=widths, repeatRows=1, style=table_style(*commands))


def _legend(data: Comparison, styles: _Styles, check: CharacterCheck) -> list[Any]:
    """Who each numbered column is, when the columns are too narrow for names."""
    if _score_width(len(data.names)) >= NAMED_MIN:
        return []
    people = [
        f"{n}＝{check.markup(name, '回答者')}" + (f"（{check.markup(bureau, '部局')}）" if bureau else "")
        for n, (name, bureau) in enumerate(zip(data.names, data.bureaus, strict=True), 1)
    ]
    return [Spacer(0, 2 * MM), Paragraph("列の番号:  " + "  ".join(people), keep_whole(styles.body))]


def _stats_text(row: ItemComparison) -> list[str]:
    return [_fmt(row.mean, 2), row.range_text, _fmt(row.spread, 2), str(row.unanswered)]


def _ranking(title: str, rows: list[ItemComparison], styles: _Styles) -> Any:
    head = [Paragraph(h, styles.head) for h in ("順位", "番号", "項目", *STAT_HEADERS)]
    body = [
        [Paragraph(str(rank), styles.cell), Paragraph(row.item_id, styles.cell), Paragraph(row.text, styles.item)]
        + [Paragraph(t, styles.cell) for t in _stats_text(row)]
        for rank, row in enumerate(rows, 1)
    ]
    stat_w = 16 * MM
    widths = [10 * MM, 11 * MM, LAYOUT.width - 21 * MM - 4 * stat_w, *([stat_w] * 4)]
    table = Table(
        [head, *body],
        colWidths=widths,
        repeatRows=1,
        style=table_style(
            ("BOX", (0, 0), (-1, -1), 0.8, "black"),
            ("INNERGRID", (0, 0), (-1, -1), 0.3, "#999999"),
            ("BACKGROUND", (0, 0), (-1, 0), "#D9D9D9"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ),
    )
    return KeepTogether([Paragraph(title, styles.section), Spacer(0, 1.5 * MM), table, Spacer(0, 5 * MM)])


def _charts(data: Comparison, font: str) -> Table:
    """The four phases' charts two by two."""
    drawings = [phase_chart(f"フェーズ{phase}　{title}", data.rows_of(phase), font) for phase, title in data.phases]
    pairs = [drawings[i : i + 2] + [""] * (2 - len(drawings[i : i + 2])) for i in range(0, len(drawings), 2)]
    # The cell font is set although the cells hold drawings: else the table names Helvetica.
    cells = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), font)]
    return Table(pairs, colWidths=[128 * MM, 128 * MM], style=cells)


def write_comparison_pdf(
    data: Comparison, path: Path, *, replace_unsupported: bool = False, progress: Progress = SILENT
) -> Path:
    """Writes the comparison (A4 landscape) to ``path``; characters the font cannot draw raise
    ``UnsupportedCharactersError`` first unless ``replace_unsupported``."""
    fonts = register_fonts()
    styles = _Styles()
    check = CharacterCheck(replace=replace_unsupported)
    round_name = check.markup(data.round_name, "実施回")
    story: list[Any] = [
        Paragraph(f"{TITLE}　{round_name}", styles.title),
        Paragraph(f"{data.held_on}　回答者 {len(data.names)}人", styles.sub),
        Spacer(0, 3 * MM),
        _heat_table(data, styles, check),
        *_legend(data, styles, check),
        PageBreak(),
        Paragraph(CHART_TITLE, styles.section),
        Spacer(0, 1.5 * MM),
        _charts(data, fonts.regular),
        PageBreak(),
        _ranking(WIDEST_TITLE, data.widest, styles),
        _ranking(LOWEST_TITLE, data.lowest, styles),
    ]
    if data.free_answers:
        story += [Paragraph(FREE_TITLE, styles.section), Spacer(0, 1.5 * MM)]
        for name, answer in data.free_answers:
            text = check.markup(answer, f"{name}の自由回答")
            story += [Paragraph(f"<b>{check.markup(name, '回答者')}</b>　{text}", styles.body), Spacer(0, 2 * MM)]
    town = check.plain(data.municipality, "市町村名")
    footer_round = check.plain(data.round_name, "実施回")
    check.raise_if_unsupported()
    page_width = LAYOUT.size[0]

    def decorate(canvas: Any, page: Page) -> None:
        canvas.setFont(fonts.regular, 8)
        footer = "　".join(part for part in (town, TITLE, footer_round) if part)
        canvas.drawCentredString(page_width / 2, 7 * MM, f"{footer}　{page.number} / {page.count}")

    return build_pdf(
        path,
        story,
        layout=LAYOUT,
        decorate=decorate,
        progress=progress,
        create_folder=True,
        title=f"{TITLE}（{footer_round}）",
        author=town,
        subject=footer_round,
    )
