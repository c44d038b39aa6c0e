"""A sheet written row by row: header, frozen panes, autofilter, print setup, row heights.

Printed from Excel or LibreOffice a sheet stays legible: the print scale is fixed (never "fit to
one page", which shrank the 名簿 to about 4 pt), the header row and the first column repeat on
every page, and each row is as tall as its wrapped text, so no cell runs over the next row.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import IO, Any, Protocol

from kyojushien_desktop.reports.xlsx.cells import (
    CELL_LIMIT,
    FONT_SIZE,
    FORMULA_FIRST,
    ILLEGAL_CHARACTERS,
    CellStyle,
    clean_text,
    split_for_cells,
)

PRINT_SCALE = 85  # 10 pt cells print at 8.5 pt
LINE_HEIGHT = FONT_SIZE * 1.4  # points per wrapped line: more than LibreOffice needs (1.1), room for Excel
MAX_ROW_HEIGHT = 409.0  # Excel's limit
# Width of a character in Excel's column unit (the default font's digit): BIZ UDPゴシック's
# ideographs and kana are 1.32 digits wide; rounded up, so a row is never too short.
_WIDE_UNITS = 1.4
_EPOCH = dt.date(1899, 12, 30)
_ROWS_PER_WRITE = 500
_SURELY_FITS = CELL_LIMIT // 4  # no text this long can reach the cell limit, even all beyond the BMP


@dataclass(frozen=True)
class Column:
    """A column: its header, width in characters, and whether its text wraps or holds dates."""

    header: str
    width: float
    wrap: bool = False
    date: bool = False


@dataclass(frozen=True)
class PrintSetup:
    """How the sheet prints: A4, the header's centre text, the footer's left text (page numbers
    go right), and how many leading columns repeat at the left of every page."""

    header: str = ""
    footer: str = ""
    landscape: bool = True
    title_columns: int = 1
    frozen_columns: int = 1


class Book(Protocol):
    """What a sheet needs of its workbook (``workbook.Workbook``)."""

    marker_room: int

    def style(self, look: CellStyle) -> int: ...

    def define(self, name: str, ref: str, *, hidden: bool = False) -> None: ...

    def continue_text(self, sheet: str, record: str, field: str, parts: list[str]) -> str: ...


def sheet_ref(title: str, ref: str) -> str:
    """「'名簿'!$A$1:$R$10」: a range on a named sheet, as defined names write it."""
    return "'" + title.replace("'", "''") + "'!" + ref


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _units(text: str) -> float:
    """The width of one line of ``text`` in column units."""
    narrow = len(text.encode("ascii", "ignore"))
    return narrow + (len(text) - narrow) * _WIDE_UNITS


def wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a wrapping column ``width`` characters wide."""
    room = max(width - 1.5, 1.0)
    return sum(max(1, math.ceil(_units(line) / room)) for line in text.split("\n"))


def _header_footer(text: str) -> str:
    """A lone & would start a header/footer code (&P is the page number)."""
    return text.replace("&", "&&")


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SheetWriter:
    """Appends rows to one sheet of a ``Workbook``; long text that no cell can hold is continued
    on the workbook's 「長文の続き」 sheet, and the cell says so."""

    def __init__(
        self, workbook: Book, stream: IO[bytes], title: str, columns: list[Column], setup: PrintSetup, *, first: bool
    ) -> None:
        self.workbook, self.title, self.columns, self.setup = workbook, title, columns, setup
        self._stream = stream
        self._letters = [column_letter(i) for i in range(len(columns))]
        self._looks = [
            (
                workbook.style(CellStyle(wrap=c.wrap, date=c.date)),
                workbook.style(CellStyle(wrap=c.wrap, quoted=True)),
            )
            for c in columns
        ]
        self._wraps = [c.width if c.wrap else 0 for c in columns]
        self._buffer: list[str] = []
        self.rows = 0
        self._write(self._opening(first))
        header = workbook.style(CellStyle(header=True))
        self._row([c.header for c in columns], [(header, header)] * len(columns), [c.width for c in columns])

    def _opening(self, first: bool) -> str:
        columns = "".join(
            f'<col min="{n}" max="{n}" width="{c.width:g}" customWidth="1"/>' for n, c in enumerate(self.columns, 1)
        )
        frozen = self.setup.frozen_columns
        corner = f"{column_letter(frozen)}2"
        if frozen:
            pane = (
                f'<pane xSplit="{frozen}" ySplit="1" topLeftCell="{corner}" activePane="bottomRight" state="frozen"/>'
            )
            selection = f'<selection pane="bottomRight" activeCell="{corner}" sqref="{corner}"/>'
        else:
            pane = '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            selection = '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
        selected = ' tabSelected="1"' if first else ""
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<sheetViews><sheetView workbookViewId="0"{selected}>{pane}{selection}</sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="{LINE_HEIGHT + 2:g}"/><cols>{columns}</cols><sheetData>'
        )

    def append(self, values: list[Any], *, record: str = "") -> None:
        """One row; ``record`` names it (the organisation) where its text has to be continued."""
        self._row(values, self._looks, self._wraps, record)

    def _continued(self, text: str, index: int, record: str) -> str:
        parts = split_for_cells(text, CELL_LIMIT - self.workbook.marker_room)
        if len(parts) == 1:
            return text
        return self.workbook.continue_text(self.title, record, self.columns[index].header, parts)

    def _row(self, values: list[Any], looks: list[tuple[int, int]], wraps: list[float], record: str = "") -> None:
        # One loop, no calls for the common cell: this runs for every cell of 60,000 rows.
        self.rows += 1
        number = str(self.rows)
        cells = []
        lines = 1
        illegal = ILLEGAL_CHARACTERS.search
        for index, value in enumerate(values):
            if value is None or value == "":
                continue
            ref = self._letters[index] + number
            plain, quoted = looks[index]
            if isinstance(value, str):
                if illegal(value):
                    value = clean_text(value)
                if len(value) > _SURELY_FITS:
                    value = self._continued(value, index, record)
                wrap = wraps[index]
                if wrap and (len(value) > wrap * 0.6 or "\n" in value):
                    lines = max(lines, wrapped_lines(value, wrap))
                style = quoted if value[0] in FORMULA_FIRST else plain
                space = ' xml:space="preserve"' if value[0] in " \n\t" or value[-1] in " \n\t" else ""
                text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                if "\r" in text:
                    text = text.replace("\r", "&#13;")  # else XML reads it back as a plain line break
                cells.append(f'<c r="{ref}" s="{style}" t="inlineStr"><is><t{space}>{text}</t></is></c>')
            elif isinstance(value, bool):
                cells.append(f'<c r="{ref}" s="{plain}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, dt.date):
                day = value.date() if isinstance(value, dt.datetime) else value
                cells.append(f'<c r="{ref}" s="{plain}"><v>{(day - _EPOCH).days}</v></c>')
            else:
                cells.append(f'<c r="{ref}" s="{plain}"><v>{value}</v></c>')
        height = f' ht="{min(lines * LINE_HEIGHT + 2, MAX_ROW_HEIGHT):g}" customHeight="1"' if lines > 1 else ""
        self._buffer.append(f'<row r="{number}"{height}>{"".join(cells)}</row>')
        if len(self._buffer) >= _ROWS_PER_WRITE:
            self._flush()

    def _flush(self) -> None:
        self._write("".join(self._buffer))
        self._buffer.clear()

    def _write(self, text: str) -> None:
        self._stream.write(text.encode("utf-8"))

    def finish(self) -> None:
        """Closes the sheet: autofilter over every row, then margins, A4 at a fixed scale, the
        header and footer, and the rows and columns that repeat on every printed page."""
        self._flush()
        setup = self.setup
        last = self._letters[-1]
        area = f"A1:{last}{max(self.rows, 2)}"
        self.workbook.define(
            "_xlnm._FilterDatabase", sheet_ref(self.title, f"$A$1:${last}${max(self.rows, 2)}"), hidden=True
        )
        titles = sheet_ref(self.title, "$1:$1")
        if setup.title_columns:
            titles = sheet_ref(self.title, f"$A:${column_letter(setup.title_columns - 1)}") + "," + titles
        self.workbook.define("_xlnm.Print_Titles", titles)
        orientation = "landscape" if setup.landscape else "portrait"
        header = f"<oddHeader>{_xml_text('&C' + _header_footer(setup.header))}</oddHeader>" if setup.header else ""
        footer = _xml_text(f"&L{_header_footer(setup.footer)}&R&P / &N ページ")
        self._write(
            f'</sheetData><autoFilter ref="{area}"/>'
            '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
            f'<pageSetup paperSize="9" scale="{PRINT_SCALE}" pageOrder="overThenDown" orientation="{orientation}"/>'
            f"<headerFooter>{header}<oddFooter>{footer}</oddFooter></headerFooter></worksheet>"
        )
