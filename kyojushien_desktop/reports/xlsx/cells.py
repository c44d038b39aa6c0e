"""Cell rules every Excel export follows: text stays text, dates show in 和暦 yet stay dates, one
face and size for every cell, and text longer than a cell can hold is split, never cut."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Excel shows these dates in 和暦 on every Japanese Windows (LCID 411 = ja-JP), yet they stay real
# dates, so sorting and the autofilter's date tree work.
WAREKI_FORMAT = '[$-411]ggge"年"m"月"d"日"'
FONT_NAME = "BIZ UDPゴシック"  # on every Windows since 10 (2018), and the face of the app's PDFs
FONT_SIZE = 10.0
CELL_LIMIT = 32767  # characters a cell holds, counted as Excel does (UTF-16 units)

# A cell starting with one of these is read as a formula by Excel, or by a CSV round trip later:
# such text is written with a quote prefix, so Excel keeps it text even when it is edited.
FORMULA_FIRST = "=+-@\t\r"
# Characters XML 1.0 cannot carry (they can arrive from imports); a file holding one will not open.
ILLEGAL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class CellStyle:
    """The few looks a cell can have; each distinct one becomes one entry of the stylesheet."""

    header: bool = False
    wrap: bool = False
    date: bool = False
    quoted: bool = False  # text that looks like a formula: Excel keeps it text when edited
    # The looks of a form sheet (reports/xlsx/form.py): bold text, a solid fill (RRGGBB), a thin
    # box, centred, and unlocked (typed in when the sheet is protected).
    bold: bool = False
    fill: str = ""
    boxed: bool = False
    centred: bool = False
    unlocked: bool = False


def clean_text(text: str) -> str:
    """The text without the control characters a workbook cannot hold."""
    return ILLEGAL_CHARACTERS.sub("", text)


def utf16_length(text: str) -> int:
    """The length Excel counts: a character beyond the BMP (𠮷) takes two."""
    return len(text.encode("utf-16-le")) // 2


def split_for_cells(text: str, first_room: int = CELL_LIMIT) -> list[str]:
    """``text`` in pieces that each fit a cell (the first in ``first_room``, leaving space for a
    note saying where it goes on); one piece when it fits whole."""
    if utf16_length(text) <= CELL_LIMIT:
        return [text]
    parts: list[str] = []
    start = used = 0
    room = first_room
    for index, char in enumerate(text):
        size = 2 if ord(char) > 0xFFFF else 1
        if used + size > room:
            parts.append(text[start:index])
            start, used, room = index, 0, CELL_LIMIT
        used += size
    parts.append(text[start:])
    return parts
