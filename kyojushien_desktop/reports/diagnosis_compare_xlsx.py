"""The comparison as a workbook: 「比較」 (items × respondents, each score filled by its value, the
mean, range, spread and 未回答, a row per phase with its mean; headers frozen, A4 landscape), then
「グラフ」 (a bar chart of the means per phase), the two rankings and the free answers on sheets
of their own.

The app's own writer writes every sheet but 「グラフ」; it has no drawing part, so openpyxl adds
that sheet with its charts to the finished file (reports/diagnosis_chart_xlsx.py) before the file
takes its place: nothing is at the path unless both steps succeeded. 「グラフ」 sits right after
「比較」, whose means it draws, so it is the next tab over from the table it pictures.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kyojushien_desktop.domain.diagnosis import ItemComparison
from kyojushien_desktop.reports.diagnosis_chart_xlsx import add_chart_sheet
from kyojushien_desktop.reports.diagnosis_compare import (
    FREE_TITLE,
    LOWEST_TITLE,
    STAT_HEADERS,
    TITLE,
    WIDEST_TITLE,
    Comparison,
    number,
)
from kyojushien_desktop.reports.xlsx.cells import CellStyle
from kyojushien_desktop.reports.xlsx.sheet import Column, PrintSetup
from kyojushien_desktop.reports.xlsx.workbook import Workbook, write_workbook

COMPARISON_SHEET = "比較"
# 1 (出来ていない) warm … 5 (出来ている) cool, light enough that the number stays readable
SCORE_FILLS = {1: "F4B183", 2: "F8CBAD", 3: "F2F2F2", 4: "BDD7EE", 5: "9DC3E6"}
_BOX = CellStyle(boxed=True)
_TEXT = CellStyle(boxed=True, wrap=True)
_PHASE = CellStyle(boxed=True, bold=True, fill="E6E6E6")  # runs on over the empty score cells
_PHASE_NUMBER = CellStyle(boxed=True, bold=True, fill="E6E6E6", centred=True)
_NUMBER = CellStyle(boxed=True, centred=True)
RANK_COLUMNS = [
    Column("順位", 6),
    Column("番号", 7),
    Column("項目", 60, wrap=True),
    Column("平均", 8),
    Column("範囲", 8),
    Column("ばらつき", 9),
    Column("未回答", 8),
]
FREE_COLUMNS = [Column("回答者", 16), Column("部局", 12), Column(FREE_TITLE, 90, wrap=True)]


def _score_look(score: int | None) -> CellStyle:
    return CellStyle(boxed=True, centred=True, fill=SCORE_FILLS.get(score or 0, ""))


def _stats(row: ItemComparison) -> list[object]:
    return [number(row.mean), row.range_text, number(row.spread), row.unanswered]


def write_comparison_xlsx(data: Comparison, path: Path, *, created: dt.date) -> Path:
    """Writes the comparison workbook to ``path``."""
    count = len(data.names)
    setup = PrintSetup(header=f"{data.municipality}　{TITLE}　{data.round_name}".lstrip("　"), footer=data.held_on)

    def fill(workbook: Workbook) -> None:
        widths = [6, 40, *([7] * count), 7, 7, 8, 7]
        with workbook.form(COMPARISON_SHEET, widths, setup) as form:
            heads = ["番号", "項目"] + [
                f"{name}\n{bureau}" if bureau else name for name, bureau in zip(data.names, data.bureaus, strict=True)
            ]
            form.append([*heads, *STAT_HEADERS], CellStyle(header=True), form.wrapped_height(2))
            for phase, title in data.phases:
                blank = [None] * count
                looks = [_PHASE_NUMBER, _PHASE, *([_PHASE] * count), _PHASE_NUMBER, _PHASE, _PHASE, _PHASE]
                form.append(
                    [f"{phase}", f"フェーズ{phase}　{title}", *blank, number(data.phase_mean(phase)), None, None, None],
                    looks,
                )
                for row in data.rows_of(phase):
                    looks = [_NUMBER, _TEXT, *(_score_look(s) for s in row.scores), _NUMBER, _NUMBER, _NUMBER, _NUMBER]
                    form.append([row.item_id, row.text, *row.scores, *_stats(row)], looks, form.wrapped_height(2))
            form.freeze(1, 2)
        for title, rows in ((WIDEST_TITLE, data.widest), (LOWEST_TITLE, data.lowest)):
            with workbook.sheet(title, RANK_COLUMNS, setup) as sheet:
                for rank, row in enumerate(rows, 1):
                    sheet.append([rank, row.item_id, row.text, *_stats(row)])
        with workbook.sheet(FREE_TITLE, FREE_COLUMNS, setup) as sheet:
            bureaus = dict(zip(data.names, data.bureaus, strict=True))
            for name, answer in data.free_answers:
                sheet.append([name, bureaus.get(name, ""), answer], record=name)

    def chart(target: Path) -> None:
        add_chart_sheet(target, data, setup, after=COMPARISON_SHEET)

    title = f"{TITLE}（{data.round_name}）"
    return write_workbook(path, fill, title=title, created=created, create_folder=True, then=chart)
