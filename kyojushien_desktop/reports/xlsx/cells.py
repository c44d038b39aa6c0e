"""Cell rules every Excel export follows: text stays text, and dates show in 和暦 yet stay dates.

No openpyxl here: the cells are handed in, so importing this module loads nothing heavy.
"""

from __future__ import annotations

import re
from typing import Any

# Excel shows these dates in 和暦 on every Japanese Windows (LCID 411 = ja-JP), yet they stay real
# dates, so sorting and the autofilter's date tree work.
WAREKI_FORMAT = '[$-411]ggge"年"m"月"d"日"'

# A cell starting with one of these is read as a formula by Excel, or by a CSV round trip later.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Control characters that make openpyxl refuse the whole file (they can arrive from imports).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def clean_text(text: str) -> str:
    """The text without the control characters openpyxl refuses."""
    return _ILLEGAL.sub("", text)


def is_formula_like(text: str) -> bool:
    """True for text Excel would take as a formula (or a CSV-injection payload) if typed."""
    return text.startswith(_FORMULA_START)


def bind_as_text(cell: Any, text: str) -> None:
    """Binds formula-like text to a cell as a string, never parsed: the cell keeps the literal
    characters (assigning ``value`` would make it a formula)."""
    cell._value = text
    cell.data_type = "s"


def set_text(cell: Any, text: str) -> None:
    """Puts text in a cell as text: one that looks like a formula is kept as typed, never run, and
    its quote prefix stops Excel from turning it into a formula when edited."""
    text = clean_text(text)
    if is_formula_like(text):
        bind_as_text(cell, text)
        cell.quotePrefix = True
    else:
        cell.value = text
