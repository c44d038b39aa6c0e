"""What the reader hands to an import, whatever the file was: a sheet's cells with their typed
value, the text Excel shows, and where they are; plus the sheets a workbook holds.

Text from a file is cleaned here once for every import: control characters (which no one types
and which break a later export) and bidirectional overrides (U+202E makes 「会議」 look like
something else) are removed, tabs become spaces and every line break is ``\\n``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

CellValue = str | int | float | bool | dt.date | dt.datetime | dt.time | None

_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029]")
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NEEDS_CLEANING = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]")


def clean_text(text: str) -> str:
    """``text`` without control characters and bidi controls; tabs as spaces, line breaks as \\n."""
    return cleaned_text(text)[0]


def cleaned_text(text: str) -> tuple[str, bool]:
    """``clean_text`` and whether anything invisible was removed (not counting line breaks and tabs)."""
    if not _NEEDS_CLEANING.search(text):
        return text, False
    text = _LINE_BREAKS.sub("\n", text).replace("\t", " ")
    shown = _INVISIBLE.sub("", text)
    return shown, len(shown) != len(text)


def column_letters(column: int) -> str:
    """1 → A, 28 → AB: the column as Excel labels it."""
    letters = ""
    while column > 0:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def cell_name(row: int, column: int) -> str:
    """(3, 2) → B3."""
    return f"{column_letters(column)}{row}"


class Cell(NamedTuple):
    """One cell. ``value`` is typed (a number stays a number, a date a date); ``text`` is what
    Excel shows, under the cell's number format (0312345678 for a number formatted 0000000000).

    ``formula`` is set for a formula cell (``=B3&C3``; "" for a copy of a shared formula). Its
    ``value`` is the result Excel saved, or None when the file holds no result: written by a
    program that never calculated it. ``error`` is Excel's error value (#REF!, #N/A …) if any.
    """

    value: CellValue = None
    text: str = ""
    number_format: str = "General"
    formula: str | None = None
    error: str = ""

    @property
    def unresolved(self) -> bool:
        """A formula whose result is missing or an error: what it shows cannot be trusted."""
        return self.formula is not None and (self.value is None or bool(self.error))


@dataclass(frozen=True)
class SheetInfo:
    """A sheet of a workbook as its tab shows it; only worksheets hold cells to read."""

    name: str
    kind: str = "worksheet"  # or "chartsheet", "dialogsheet", "macrosheet"
    hidden: bool = False

    @property
    def readable(self) -> bool:
        return self.kind == "worksheet"


Position = tuple[int, int]  # (row, column), 1-based as Excel numbers them


@dataclass
class Table:
    """A sheet's cells, kept as rows of texts and of values (plain tuples, cheap to hold for
    50,000 rows) with the rarer facts beside them by position; ``cell`` puts them together.

    ``texts[i][j]`` is what Excel shows in row ``i + 1``, column ``j + 1``, and ``values[i][j]``
    its typed value; rows end at their last filled cell, and trailing blank rows are dropped.
    ``unresolved`` lists formula cells without a usable result, ``cleaned`` those whose text
    lost invisible characters.
    """

    source: Path
    sheet: str
    texts: list[tuple[str, ...]]
    values: list[tuple[CellValue, ...]]
    formats: dict[Position, str] = field(default_factory=dict)  # all but General
    formulas: dict[Position, str] = field(default_factory=dict)
    errors: dict[Position, str] = field(default_factory=dict)
    unresolved: list[Position] = field(default_factory=list)
    cleaned: list[Position] = field(default_factory=list)

    def cell(self, row: int, column: int) -> Cell:
        """The cell at a 1-based position; an empty ``Cell`` outside what the sheet holds."""
        if not (1 <= row <= len(self.texts) and 1 <= column <= len(self.texts[row - 1])):
            return Cell()
        where = (row, column)
        return Cell(
            self.values[row - 1][column - 1],
            self.texts[row - 1][column - 1],
            self.formats.get(where, "General"),
            self.formulas.get(where),
            self.errors.get(where, ""),
        )


def drop_trailing_rows(texts: list[tuple[str, ...]], values: list[tuple[CellValue, ...]]) -> None:
    """Blank rows at the end go, so a sheet formatted to row 1,048,576 costs nothing."""
    while texts and not texts[-1]:
        texts.pop()
        values.pop()
