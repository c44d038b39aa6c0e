"""A sheet laid out cell by cell: a form to fill in (labels, boxed answer cells, a list
validation, protection so only the answer cells take typing) or a table coloured cell by cell.

Small sheets only (a few hundred rows): rows are kept until the sheet ends. Text starting like a
formula gets the quote prefix, as in every other sheet, so it stays text when edited.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import quoteattr

from kyojushien_desktop.reports.xlsx.cells import FORMULA_FIRST, CellStyle, clean_text
from kyojushien_desktop.reports.xlsx.sheet import (
    LINE_HEIGHT,
    PRINT_SCALE,
    PrintSetup,
    column_letter,
    sheet_ref,
)

if TYPE_CHECKING:
    from kyojushien_desktop.reports.xlsx.sheet import Book

_EPOCH = dt.date(1899, 12, 30)
_PLAIN = CellStyle()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class FormSheet:
    """Rows appended one at a time, each cell with its own look; merged ranges, list validations,
    frozen rows and columns, and sheet protection without a password."""

    def __init__(self, workbook: Book, title: str, widths: list[float], setup: PrintSetup, *, first: bool) -> None:
        self.workbook, self.title, self.widths, self.setup = workbook, title, widths, setup
        self.first = first
        self.rows = 0
        self._rows: list[str] = []
        self._merges: list[str] = []
        self._validations: list[str] = []
        self._protected = False
        self.frozen_rows = self._frozen_columns = 0
        self.title_rows = ""

    def append(self, values: list[Any], looks: CellStyle | list[CellStyle] = _PLAIN, height: float = 0) -> int:
        """One row; ``looks`` is one look for every cell or one per cell. Returns its number."""
        self.rows += 1
        number = self.rows
        cells = []
        for index, value in enumerate(values):
            look = looks if isinstance(looks, CellStyle) else looks[index]
            ref = f"{column_letter(index)}{number}"
            if value is None or value == "":
                if look != _PLAIN:
                    cells.append(f'<c r="{ref}" s="{self.workbook.style(look)}"/>')
                continue
            if isinstance(value, str):
                value = clean_text(value)
                if value[:1] in FORMULA_FIRST:
                    look = dataclasses.replace(look, quoted=True)
                space = ' xml:space="preserve"' if value[0] in " \n" or value[-1] in " \n" else ""
                text = _escape(value).replace("\r", "&#13;")
                cells.append(
                    f'<c r="{ref}" s="{self.workbook.style(look)}" t="inlineStr"><is><t{space}>{text}</t></is></c>'
                )
            elif isinstance(value, bool):
                cells.append(f'<c r="{ref}" s="{self.workbook.style(look)}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, dt.date):
                day = value.date() if isinstance(value, dt.datetime) else value
                cells.append(f'<c r="{ref}" s="{self.workbook.style(look)}"><v>{(day - _EPOCH).days}</v></c>')
            else:
                cells.append(f'<c r="{ref}" s="{self.workbook.style(look)}"><v>{value}</v></c>')
        tall = f' ht="{height:g}" customHeight="1"' if height else ""
        self._rows.append(f'<row r="{number}"{tall}>{"".join(cells)}</row>')
        return number

    def wrapped_height(self, lines: int) -> float:
        """The height of a row holding ``lines`` lines of text."""
        return lines * LINE_HEIGHT + 2

    def merge(self, ref: str) -> None:
        """Cells shown as one (A32:D32)."""
        self._merges.append(ref)

    def choose_from(self, ref: str, choices: list[str], message: str) -> None:
        """A drop-down list on ``ref``; anything else typed is refused with ``message``."""
        listed = _escape(",".join(choices))
        self._validations.append(
            f'<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" '
            f"error={quoteattr(message)} sqref={quoteattr(ref)}><formula1>&quot;{listed}&quot;</formula1>"
            "</dataValidation>"
        )

    def protect(self) -> None:
        """Protects the sheet without a password: only unlocked cells take typing."""
        self._protected = True

    def freeze(self, rows: int, columns: int = 0) -> None:
        """Rows at the top (and columns at the left) stay in view and repeat on every printed page."""
        self.frozen_rows = rows
        titles = [sheet_ref(self.title, f"$A:${column_letter(columns - 1)}")] if columns else []
        titles += [sheet_ref(self.title, f"${rows}:${rows}")] if rows else []
        self.title_rows = ",".join(titles)
        self._frozen_columns = columns

    def finish(self) -> str:
        """The sheet's XML."""
        columns = "".join(
            f'<col min="{n}" max="{n}" width="{w:g}" customWidth="1"/>' for n, w in enumerate(self.widths, 1)
        )
        selected = ' tabSelected="1"' if self.first else ""
        pane = ""
        frozen_columns = self._frozen_columns
        if self.frozen_rows or frozen_columns:
            corner = f"{column_letter(frozen_columns)}{self.frozen_rows + 1}"
            split = (f' xSplit="{frozen_columns}"' if frozen_columns else "") + (
                f' ySplit="{self.frozen_rows}"' if self.frozen_rows else ""
            )
            pane = f'<pane{split} topLeftCell="{corner}" activePane="bottomRight" state="frozen"/>'
            pane += f'<selection pane="bottomRight" activeCell="{corner}" sqref="{corner}"/>'
        if self.title_rows:
            self.workbook.define("_xlnm.Print_Titles", self.title_rows)
        protection = '<sheetProtection sheet="1" objects="1" scenarios="1"/>' if self._protected else ""
        merges = "".join(f'<mergeCell ref="{m}"/>' for m in self._merges)
        merged = f'<mergeCells count="{len(self._merges)}">{merges}</mergeCells>' if merges else ""
        checks = "".join(self._validations)
        validations = f'<dataValidations count="{len(self._validations)}">{checks}</dataValidations>' if checks else ""
        setup = self.setup
        orientation = "landscape" if setup.landscape else "portrait"
        header = f"<oddHeader>{_escape('&C' + setup.header.replace('&', '&&'))}</oddHeader>" if setup.header else ""
        footer = _escape(f"&L{setup.footer.replace('&', '&&')}&R&P / &N ページ")
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<sheetViews><sheetView workbookViewId="0"{selected}>{pane}</sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="{LINE_HEIGHT + 2:g}"/><cols>{columns}</cols>'
            f"<sheetData>{''.join(self._rows)}</sheetData>{protection}{merged}{validations}"
            '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
            f'<pageSetup paperSize="9" scale="{PRINT_SCALE}" orientation="{orientation}"/>'
            f"<headerFooter>{header}<oddFooter>{footer}</oddFooter></headerFooter></worksheet>"
        )
