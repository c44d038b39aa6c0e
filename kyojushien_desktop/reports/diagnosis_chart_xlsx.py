"""The comparison workbook's 「グラフ」 sheet: per phase a small table (番号, 項目, 平均, 最小, 最大)
and a bar chart of its means on the 1–5 scale, grey bars for a black-and-white printer, A4
landscape fitted to the page width, two phases a page.

The chart is made with openpyxl's charts, which Excel is known to open; a hand-made DrawingML
part could not be checked against Excel here. openpyxl loads the finished file, adds the sheet
and saves it in place; it is imported only here, when a comparison workbook is written, so it
costs start-up nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kyojushien_desktop.reports.diagnosis_compare import Comparison, number
from kyojushien_desktop.reports.xlsx.cells import FONT_NAME, FONT_SIZE, FORMULA_FIRST, clean_text
from kyojushien_desktop.reports.xlsx.sheet import PrintSetup

CHART_SHEET = "グラフ"
TABLE_HEADERS = ("番号", "項目", "平均", "最小", "最大")
# The table, a narrow gap, then eight columns the chart spans: it is anchored to cells at both
# corners, so Excel and LibreOffice draw it the same size (a one-cell anchor's size LibreOffice
# does not keep).
_WIDTHS = (6, 34, 7, 7, 7, 2, *([9] * 8))
_CHART_FIRST, _CHART_LAST = 6, 14  # columns G … N (0-based; the anchor ends at O's left edge)
_SHORT = 22  # characters of an item's wording kept in the table (the whole text is on 「比較」)
_BLOCK_ROWS = 16  # a phase's rows: the chart beside its table spans 15, then one row apart
_ROW_HEIGHT = 15.0
_BAR, _EDGE = "A6A6A6", "404040"


def short_text(text: str, room: int = _SHORT) -> str:
    """An item's wording cut to ``room`` characters, with … when cut."""
    return text if len(text) <= room else text[: room - 1] + "…"


def add_chart_sheet(path: Path, data: Comparison, setup: PrintSetup, *, after: str) -> None:
    """Adds the 「グラフ」 sheet right after the sheet ``after`` to the workbook at ``path``."""
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.pagebreak import Break

    book = openpyxl.load_workbook(path)
    sheet = book.create_sheet(CHART_SHEET, book.sheetnames.index(after) + 1)
    for index, width in enumerate(_WIDTHS):
        sheet.column_dimensions[chr(65 + index)].width = width
    for row in range(1, _BLOCK_ROWS * len(data.phases) + 1):
        sheet.row_dimensions[row].height = _ROW_HEIGHT
    font, bold = Font(name=FONT_NAME, size=FONT_SIZE), Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
    thin = Side(style="thin", color="FF808080")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill, phase_fill = PatternFill("solid", fgColor="FFD9D9D9"), PatternFill("solid", fgColor="FFE6E6E6")
    centred = Alignment(horizontal="center", vertical="center")

    def put(row: int, column: int, value: Any, *, look: Font = font, fill: PatternFill | None = None) -> None:
        cell = sheet.cell(row, column)
        if isinstance(value, str):
            value = clean_text(value)
            cell.value = value
            if value[:1] in FORMULA_FIRST:  # text, never a formula, and it stays text when edited
                cell.data_type, cell.quotePrefix = "s", True
        else:
            cell.value = value
        cell.font, cell.border = look, box
        if fill is not None:
            cell.fill = fill
        if column != 2:
            cell.alignment = centred

    top = 1
    for block, (phase, title) in enumerate(data.phases):
        rows = data.rows_of(phase)
        for column in range(1, 6):
            put(top, column, f"フェーズ{phase}　{title}" if column == 1 else None, look=bold, fill=phase_fill)
        sheet.cell(top, 1).alignment = Alignment(vertical="center")
        sheet.merge_cells(start_row=top, start_column=1, end_row=top, end_column=5)
        for column, head in enumerate(TABLE_HEADERS, 1):
            put(top + 1, column, head, look=bold, fill=head_fill)
        for offset, row in enumerate(rows, top + 2):
            for column, value in enumerate([row.item_id, short_text(row.text), number(row.mean), row.low, row.high], 1):
                put(offset, column, value)
            sheet.cell(offset, 3).number_format = "0.00"
        first, last = top + 2, top + 1 + len(rows)
        sheet.add_chart(_chart(phase, sheet, first, last, top - 1))
        top += _BLOCK_ROWS
        if block % 2 == 1 and block + 1 < len(data.phases):
            sheet.row_breaks.append(Break(id=top - 1))
    _print_setup(sheet, setup, top - 1)
    book.save(path)


def _chart(phase: int, sheet: Any, first: int, last: int, anchor_row: int) -> Any:
    """The phase's means as grey columns over its 番号, the y axis fixed to the scale (1–5)."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.chart.data_source import AxDataSource, StrRef
    from openpyxl.chart.label import DataLabelList
    from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, TwoCellAnchor

    chart = BarChart()
    chart.type, chart.grouping, chart.gapWidth = "col", "clustered", 60
    chart.add_data(Reference(sheet, min_col=3, min_row=first - 1, max_row=last), titles_from_data=True)
    chart.title = _rich_title(f"フェーズ{phase} 平均（1〜5）", 1200)
    chart.legend = None
    start = AnchorMarker(col=_CHART_FIRST, row=anchor_row)
    chart.anchor = TwoCellAnchor(_from=start, to=AnchorMarker(col=_CHART_LAST, row=anchor_row + _BLOCK_ROWS - 1))
    series = chart.series[0]
    # 番号 are text (1-1 …): a string reference, where openpyxl's set_categories would write a number one
    series.cat = AxDataSource(strRef=StrRef(f=str(Reference(sheet, min_col=1, min_row=first, max_row=last))))
    series.graphicalProperties.solidFill = _BAR
    series.graphicalProperties.line.solidFill = _EDGE
    y, x = chart.y_axis, chart.x_axis
    y.scaling.min, y.scaling.max, y.majorUnit = 1, 5, 1
    y.number_format, y.majorGridlines.spPr = "0", _grid_line()
    y.title, x.title = _rich_title("平均（1〜5）", 900), _rich_title("到達の目安（番号）", 900)
    for axis in (x, y):
        axis.delete = False  # openpyxl 3.1 marks axes deleted by default; Excel then hides them
        axis.txPr = _text_properties(900)
    chart.dataLabels = DataLabelList(showVal=True, showSerName=False, showCatName=False, showLegendKey=False)
    chart.dataLabels.numFmt = "0.00"
    chart.dataLabels.txPr = _text_properties(800)
    return chart


def _character(size: int, *, bold: bool = False) -> Any:
    from openpyxl.drawing.text import CharacterProperties, Font

    face = Font(typeface=FONT_NAME)
    return CharacterProperties(latin=face, ea=face, sz=size, b=bold)


def _text_properties(size: int) -> Any:
    """Chart text (ticks, labels) in the cells' face, so Excel draws the Japanese in it too."""
    from openpyxl.chart.text import RichText
    from openpyxl.drawing.text import Paragraph, ParagraphProperties

    look = _character(size)
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=look), endParaRPr=look)])


def _rich_title(text: str, size: int) -> Any:
    from openpyxl.chart.text import RichText, Text
    from openpyxl.chart.title import Title
    from openpyxl.drawing.text import Paragraph, ParagraphProperties, RegularTextRun

    look = _character(size, bold=True)
    paragraph = Paragraph(pPr=ParagraphProperties(defRPr=look), r=[RegularTextRun(rPr=look, t=text)])
    return Title(tx=Text(rich=RichText(p=[paragraph])), overlay=False)


def _grid_line() -> Any:
    from openpyxl.chart.shapes import GraphicalProperties
    from openpyxl.drawing.line import LineProperties

    return GraphicalProperties(ln=LineProperties(solidFill="BFBFBF", w=6350))


def _print_setup(sheet: Any, setup: PrintSetup, last_row: int) -> None:
    """A4 landscape fitted to the width (the table and its charts side by side), the same margins,
    header and footer as the workbook's other sheets."""
    sheet.page_setup.paperSize, sheet.page_setup.orientation = 9, "landscape"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    margins = sheet.page_margins
    margins.left = margins.right = 0.4
    margins.top = margins.bottom = 0.6
    margins.header = margins.footer = 0.3
    sheet.print_area = f"A1:{chr(65 + _CHART_LAST - 1)}{last_row}"
    if setup.header:
        sheet.oddHeader.center.text = setup.header.replace("&", "&&")
    sheet.oddFooter.left.text = setup.footer.replace("&", "&&")
    sheet.oddFooter.right.text = "&P / &N ページ"
