"""「わがまちの現状」 (A4 portrait) for the 担当課's 勉強会: chapter 5's four tables with a column
per 年度 (the last four that hold a figure), the change against the year before (増減), each
figure's 出典 (one line under a table when all its figures share one, else numbered notes), the
委託先 by name and the guide's prompts as small notes. Black and greys only.

Portrait, four years: the tables stay readable at 9 pt with the row labels unwrapped, and a
handout of two pages is what a 勉強会 passes round; older years stay on the screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from kyojushien_desktop.domain.figures import change_text, number_text
from kyojushien_desktop.domain.wareki import fiscal_year_text, format_date
from kyojushien_desktop.reports.files import SILENT, Progress
from kyojushien_desktop.reports.pdf.characters import CharacterCheck
from kyojushien_desktop.reports.pdf.document import MM, Layout, build_pdf, numbered_footer
from kyojushien_desktop.reports.pdf.fonts import register_fonts
from kyojushien_desktop.reports.pdf.styles import DARK_GREY, GREY, keep_whole, style, table_style
from kyojushien_desktop.reports.region_papers import (
    CHOICE,
    NUMBER,
    ORGANIZATION,
    FactCell,
    FactLine,
    FactsPaper,
    PaperTable,
)

TITLE = "わがまちの現状"
LAYOUT = Layout(side_mm=16, top_mm=13, bottom_mm=16)
HEAD_GREY, RULE_GREY = Color(0.88, 0.88, 0.88), Color(0.6, 0.6, 0.6)
CHANGE_HEADER = "増減"
CHANGE_NOTE = "増減は、数字のある最後の年度とその前の年度との差です（▲は減少）。"
LATEST_NOTE = "形態・委託先は最後の年度のもの。それより前の年度で違うときは下に添えています。"
NO_YEARS = "数字はまだ入力されていません（空欄に書き込んで使えます）。"
OMITTED = "{years}の数字は省略しています（画面で確認できます）。"
SOURCE = "出典"
PROMPT = "手引きの問いかけ："
INTRO_HEADING = "手引きより（確認の観点）"
BLANK = "－"
BLANK_NOTE = "－：未入力"
SOURCES_IN_ONE_COLUMN = 3


class _Styles:
    def __init__(self) -> None:
        self.title = style("title", 16, 21, bold=True)
        self.office = style("office", 8.5, 12, alignment=2, colour=GREY)
        self.lead = keep_whole(style("lead", 9, 12.5))
        self.intro = style("intro", 8.5, 12.5, colour=DARK_GREY)
        self.intro_heading = style("intro_heading", 8.5, 12.5, bold=True, colour=DARK_GREY)
        self.small = style("small", 7.5, 10, colour=GREY)
        self.table = style("table", 11.5, 15, bold=True)
        self.heading = style("heading", 8.5, 11, colour=GREY)
        self.prompt = style("prompt", 8, 10.5, colour=DARK_GREY, alignment=1)
        self.head = style("head", 8.5, 11, bold=True, alignment=1)
        self.year = keep_whole(style("year", 8, 11, bold=True, alignment=1))
        self.cell = style("cell", 9, 12)
        self.number = keep_whole(style("number", 9, 12, alignment=2))
        self.note = style("note", 7.5, 10, colour=GREY)


class _Sources:
    """The table's sources: one line when every figure shares one, else a number per source."""

    def __init__(self, table: PaperTable, check: CharacterCheck, where: str) -> None:
        found = [c.source for line in table.lines for c in line.cells if c is not None]
        self.listed = list(dict.fromkeys(s for s in found if s))
        self.single = len(set(found)) == 1 and bool(self.listed)
        self._check, self._where = check, where

    def marker(self, cell: FactCell) -> str:
        if self.single or not cell.source:
            return ""
        return f"<super><font size='6'>※{self.listed.index(cell.source) + 1}</font></super>"

    def notes(self, styles: _Styles) -> list[Any]:
        plain = [self._check.markup(s, self._where + "の" + SOURCE) for s in self.listed]
        if not plain:
            return []
        if self.single:
            return [Paragraph(f"{SOURCE}：{plain[0]}", styles.note)]
        notes = [Paragraph(f"※{n} {s}", styles.note) for n, s in enumerate(plain, 1)]
        if len(notes) <= SOURCES_IN_ONE_COLUMN:
            return [Paragraph(f"{SOURCE}：", styles.note), *notes]
        half = (len(notes) + 1) // 2
        pairs = [[notes[i], notes[half + i] if half + i < len(notes) else ""] for i in range(half)]
        grid = Table(
            pairs,
            colWidths=[LAYOUT.width / 2] * 2,
            style=table_style(
                *((side, (0, 0), (-1, -1), 0) for side in ("LEFTPADDING", "TOPPADDING")),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
            ),
        )
        return [Paragraph(f"{SOURCE}：", styles.note), grid]


def _year_heads(paper: FactsPaper, styles: _Styles) -> list[Any]:
    if not paper.years:
        return [Paragraph("　　年度", styles.head)]
    return [Paragraph(fiscal_year_text(y), styles.year) for y in paper.years]


def _value(cell: FactCell | None, sources: _Sources, check: CharacterCheck, where: str) -> str:
    """A figure or text with its 出典 marker; 「－」 where nothing was typed (under a 年度)."""
    if cell is None:
        return BLANK
    shown = number_text(cell.value) if isinstance(cell.value, float | int) else check.markup(cell.value, where)
    return shown + sources.marker(cell)


def _grid(rows: list[list[Any]], widths: list[float], spans: list[tuple[Any, ...]], header_rows: int) -> Table:
    return Table(
        rows,
        colWidths=widths,
        repeatRows=header_rows,
        style=table_style(
            ("BOX", (0, 0), (-1, -1), 0.8, "black"),
            ("INNERGRID", (0, 0), (-1, -1), 0.3, RULE_GREY),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, "black"),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_GREY),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            *spans,
        ),
    )


def _number_table(paper: FactsPaper, table: PaperTable, styles: _Styles, check: CharacterCheck) -> Table:
    """項目 (and 内訳 where the guide's table has several columns) | one column per 年度 | 増減."""
    sources = _Sources(table, check, table.title)
    split = any(line.item for line in table.lines)
    count = max(len(paper.years), 1)
    year_w, change_w = 22 * MM, 20 * MM
    label_w = LAYOUT.width - count * year_w - change_w
    labels = [label_w * 0.55, label_w * 0.45] if split else [label_w]
    head = [Paragraph("項目", styles.head)] + ([Paragraph("内訳", styles.head)] if split else [])
    rows: list[list[Any]] = [[*head, *_year_heads(paper, styles), Paragraph(CHANGE_HEADER, styles.head)]]
    spans: list[tuple[Any, ...]] = []
    first = 1
    for index, line in enumerate(table.lines, 1):
        unit = f"（{line.unit}）" if line.unit else ""
        label = [Paragraph(check.markup(line.group) + ("" if split else unit), styles.cell)]
        if split:
            label.append(Paragraph(check.markup(line.item) + unit, styles.cell))
        values = [
            Paragraph(_value(c, sources, check, f"{table.title}：{line.group}"), styles.number) for c in line.cells
        ] or [""]
        change = change_text(line.change)
        rows.append([*label, *values, Paragraph(change, styles.number)])
        last = index == len(table.lines) or table.lines[index].group != line.group
        if split and last:
            if index > first:
                spans.append(("SPAN", (0, first), (0, index)))
            first = index + 1
    return _grid(rows, [*labels, *[year_w] * count, change_w], spans, 1)


def _programme_table(paper: FactsPaper, table: PaperTable, styles: _Styles, check: CharacterCheck) -> Table:
    """事業 | 形態 | 委託先 (the last year's, earlier differences noted) | 住まいの相談件数 per 年度 | 増減."""
    sources = _Sources(table, check, table.title)
    count = max(len(paper.years), 1)
    year_w, contractor_w, form_w = (18 * MM, 42 * MM, 26 * MM) if count <= 2 else (16.5 * MM, 34 * MM, 24 * MM)
    change_w = 16 * MM if count <= 2 else 14 * MM
    label_w = LAYOUT.width - count * year_w - change_w - form_w - contractor_w
    groups = list(dict.fromkeys(line.group for line in table.lines))
    counted = next((line for line in table.lines if line.kind == NUMBER), None)
    unit = f"（{counted.unit}）" if counted and counted.unit else ""
    top = [Paragraph(h, styles.head) for h in ("事業", "形態", "委託先")]
    top += [Paragraph((counted.item if counted else "") + unit, styles.head)] + [""] * count
    second = ["", "", "", *_year_heads(paper, styles), Paragraph(CHANGE_HEADER, styles.head)]
    rows: list[list[Any]] = [top, second]
    for group in groups:
        lines = {line.kind: line for line in table.lines if line.group == group}
        where = f"{table.title}：{group}"
        name, law = group.split("（", 1) if "（" in group else (group, "")
        row: list[Any] = [[Paragraph(check.markup(name), styles.cell)]]
        if law:
            row[0].append(Paragraph(check.markup("（" + law), styles.small))
        for kind in (CHOICE, ORGANIZATION):
            row.append(_latest(lines.get(kind), paper, sources, styles, check, where))
        number = lines.get(NUMBER)
        cells = number.cells if number else ()
        if paper.years:
            row += [Paragraph(_value(c, sources, check, where), styles.number) for c in (cells or (None,) * count)]
        else:
            row.append("")
        change = number.change if number else None
        row.append(Paragraph(change_text(change), styles.number))
        rows.append(row)
    spans = [("SPAN", (i, 0), (i, 1)) for i in range(3)] + [("SPAN", (3, 0), (-1, 0))]
    return _grid(rows, [label_w, form_w, contractor_w, *[year_w] * count, change_w], spans, 2)


def _latest(
    line: FactLine | None, paper: FactsPaper, sources: _Sources, styles: _Styles, check: CharacterCheck, where: str
) -> list[Any]:
    """The last year's text, and below it in grey each earlier year that said something else."""
    if line is None:
        return []
    known = [(year, cell) for year, cell in zip(paper.years, line.cells, strict=False) if cell is not None]
    if not known:
        return [Paragraph(BLANK, styles.cell)] if paper.years else []
    _, last = known[-1]
    shown = [Paragraph(_value(last, sources, check, where), styles.cell)]
    runs: list[list[tuple[int, FactCell]]] = []
    for year, cell in known[:-1]:
        if cell.value == last.value:
            continue
        if runs and runs[-1][-1][1] == cell and paper.years.index(runs[-1][-1][0]) + 1 == paper.years.index(year):
            runs[-1].append((year, cell))
        else:
            runs.append([(year, cell)])
    for run in runs:
        years = fiscal_year_text(run[0][0])
        if len(run) > 1:
            years += "〜" + fiscal_year_text(run[-1][0])
        shown.append(Paragraph(f"{years}: {_value(run[0][1], sources, check, where)}", styles.small))
    return shown


def _table_head(table: PaperTable, number: int, styles: _Styles, check: CharacterCheck) -> Table:
    left = [Paragraph(f"{number}　{check.markup(table.title)}", styles.table)]
    if table.heading:
        left.append(Paragraph(check.markup(table.heading), styles.heading))
    prompt = Paragraph(PROMPT + check.markup(table.prompt), styles.prompt) if table.prompt else ""
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (0, 0), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if table.prompt:
        commands += [("BOX", (1, 0), (1, 0), 0.5, GREY), ("VALIGN", (1, 0), (1, 0), "MIDDLE")]
    prompt_w = 58 * MM
    return Table([[left, prompt]], colWidths=[LAYOUT.width - prompt_w, prompt_w], style=table_style(*commands))


def _story(paper: FactsPaper, styles: _Styles, check: CharacterCheck) -> list[Any]:
    office = "　".join(filter(None, (paper.municipality, paper.department)))
    town = check.markup(paper.municipality, "自治体名")
    flow: list[Any] = [
        Paragraph(check.markup(office, "自治体名"), styles.office),
        Paragraph(f"{town}　{TITLE}" if town else TITLE, styles.title),
        Spacer(0, 1 * MM),
        Paragraph(f"作成日: {format_date(paper.made_on)}", styles.lead),
        Spacer(0, 2 * MM),
    ]
    if paper.intro:  # the guide's words, not the town's report: labelled as such
        flow.append(Paragraph(INTRO_HEADING, styles.intro_heading))
    flow += [Paragraph(check.markup(text), styles.intro) for text in paper.intro]
    flow.append(Paragraph(f"{SOURCE}：{check.markup(paper.guide_source)}", styles.small))
    notes = [CHANGE_NOTE]
    if paper.years:
        notes.append(BLANK_NOTE)
    if not paper.years:
        notes.append(NO_YEARS)
    if paper.omitted:
        notes.append(OMITTED.format(years="・".join(fiscal_year_text(y) for y in paper.omitted)))
    flow += [Spacer(0, 1.5 * MM), *(Paragraph(n, styles.small) for n in notes), Spacer(0, 3 * MM)]
    for number, table in enumerate(paper.tables, 1):
        programmes = any(line.kind != NUMBER for line in table.lines)
        grid = (_programme_table if programmes else _number_table)(paper, table, styles, check)
        tail = _Sources(table, check, table.title).notes(styles)
        if programmes:
            tail.append(Paragraph(LATEST_NOTE, styles.note))
        block = [_table_head(table, number, styles, check), Spacer(0, 1 * MM), grid, Spacer(0, 1 * MM), *tail]
        flow += [KeepTogether(block), Spacer(0, 5 * MM)]
    return flow


def write_facts_pdf(
    paper: FactsPaper, path: Path, *, replace_unsupported: bool = False, progress: Progress = SILENT
) -> Path:
    """Writes 「わがまちの現状」 with the footer 「{自治体名}　わがまちの現状　x / y」; characters the
    font cannot draw raise ``UnsupportedCharactersError`` first unless replaced by 〓."""
    register_fonts()
    check = CharacterCheck(replace=replace_unsupported)
    story = _story(paper, _Styles(), check)
    town = check.plain(paper.municipality, "自治体名")
    check.raise_if_unsupported()
    decorate = numbered_footer(f"{town}　{TITLE}", LAYOUT)
    return build_pdf(path, story, layout=LAYOUT, decorate=decorate, progress=progress, title=TITLE, author=town)
