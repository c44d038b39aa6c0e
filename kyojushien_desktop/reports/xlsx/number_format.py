"""A number as Excel shows it under the cell's number format, so that a phone number kept as a
number with the format ``0000000000`` reads 0312345678 again, a postal code under ``000-0000``
reads 123-4567, and a date serial reads as a date.

Covers what town-hall lists use: General, zero-padded and literal-interleaved patterns, thousands
separators, decimals, percent, scientific, sections (positive;negative;zero) and conditions such
as Japanese Excel's 郵便番号 format ``[<=999]000;[<=99999]000-00;000-0000``. Anything else (fractions)
falls back to General, which at least loses no digit.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# Excel's built-in formats by id (ECMA-376 18.8.30); 5-8 as on Japanese Windows.
BUILTIN_FORMATS: dict[int, str] = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    5: "¥#,##0;¥-#,##0",
    6: "¥#,##0;[Red]¥-#,##0",
    7: "¥#,##0.00;¥-#,##0.00",
    8: "¥#,##0.00;[Red]¥-#,##0.00",
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "yyyy/m/d",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "yyyy/m/d h:mm",
    37: "#,##0 ;(#,##0)",
    38: "#,##0 ;[Red](#,##0)",
    39: "#,##0.00;(#,##0.00)",
    40: "#,##0.00;[Red](#,##0.00)",
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
    # Japanese locale dates and times (和暦 among them): 27-36 and 50-58.
    **dict.fromkeys((27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58), "yyyy/m/d"),
    32: "h:mm",
    33: "h:mm:ss",
}

DATE, TIME, DATETIME = "date", "time", "datetime"
LAST_SERIAL = 2958465  # 9999-12-31, the last day Excel can show

_QUOTED = re.compile(r'"[^"]*"|\\.|_.|\*.')
_BRACKET = re.compile(r"\[[^\]]*\]")
_CONDITION = re.compile(r"\[(<=|>=|<>|<|>|=)(-?\d+(?:\.\d+)?)\]")
_CURRENCY = re.compile(r"\[\$([^-\]]*)(?:-[0-9A-Fa-f]+)?\]")
_ELAPSED = re.compile(r"\[(h+|m+|s+)\]", re.IGNORECASE)


def general(value: int | float) -> str:
    """Excel's General: whole numbers without ".0", others to 15 significant digits."""
    if isinstance(value, int):
        return str(value)
    if value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    return f"{value:.15g}"


@functools.cache
def date_kind(code: str) -> str | None:
    """DATE, TIME or DATETIME when the format shows a serial number as a date or time."""
    bare = _BRACKET.sub(lambda m: m.group() if _ELAPSED.fullmatch(m.group()) else "", _QUOTED.sub("", code))
    bare = re.sub(r"[eE][+-]", "", bare.split(";")[0]).lower()
    if "general" in bare:
        return None
    has_date = any(letter in bare for letter in "ydge")
    has_time = any(letter in bare for letter in "hs") or "am/pm" in bare
    if "m" in bare and not has_time:
        has_date = True
    if has_date and has_time:
        return DATETIME
    return DATE if has_date else TIME if has_time else None


def serial_to_datetime(serial: float, date1904: bool = False) -> dt.datetime:
    """Excel's day number as a date and time (the 1900 system counts a 29 February 1900)."""
    if date1904:
        base = dt.datetime(1904, 1, 1)
    elif serial < 60:
        base = dt.datetime(1899, 12, 31)
    else:
        base = dt.datetime(1899, 12, 30)
    whole = int(serial // 1)
    seconds = round((serial - whole) * 86400)
    return base + dt.timedelta(days=whole, seconds=seconds)


def date_text(value: dt.date | dt.datetime | dt.time) -> str:
    """2025/4/1, 2025/4/1 9:30 or 9:30: the date's figures, whatever the format's decoration."""
    if isinstance(value, dt.time):
        return f"{value.hour}:{value.minute:02d}"
    day = f"{value.year}/{value.month}/{value.day}"
    if isinstance(value, dt.datetime) and value.time() != dt.time():
        return f"{day} {value.hour}:{value.minute:02d}"
    return day


def format_number(value: int | float, code: str) -> str:
    """The text Excel shows for ``value`` under the (non-date) format ``code``."""
    section, signed = _section(value, code)
    return _render(abs(value) if not signed else value, section)


def _split_sections(code: str) -> list[str]:
    sections, current, quoted = [], [], False
    escape = False
    for char in code:
        if escape:
            current.append(char)
            escape = False
            continue
        if char == "\\":
            escape = True
        elif char == '"':
            quoted = not quoted
        elif char == ";" and not quoted:
            sections.append("".join(current))
            current = []
            continue
        current.append(char)
    sections.append("".join(current))
    return sections


@functools.cache
def _sections(code: str) -> tuple[tuple[str, tuple[str, float] | None], ...]:
    result = []
    for section in _split_sections(code):
        match = _CONDITION.search(section)
        condition = (match.group(1), float(match.group(2))) if match else None
        result.append((section, condition))
    return tuple(result)


def _holds(value: float, condition: tuple[str, float]) -> bool:
    op, limit = condition
    return {
        "<": value < limit,
        "<=": value <= limit,
        ">": value > limit,
        ">=": value >= limit,
        "=": value == limit,
        "<>": value != limit,
    }[op]


def _section(value: float, code: str) -> tuple[str, bool]:
    """The section that applies and whether it shows the sign itself (it is the only one, or a
    conditional one, for a negative number)."""
    sections = [s for s in _sections(code) if "@" not in s[0]] or [("General", None)]
    if any(condition for _, condition in sections):
        for section, condition in sections:
            if condition is None or _holds(value, condition):
                return section, True
        return sections[-1][0], True
    if value < 0 and len(sections) >= 2:
        return sections[1][0], False
    if value == 0 and len(sections) >= 3:
        return sections[2][0], False
    return sections[0][0], True


def _tokens(section: str) -> list[tuple[str, str]]:
    """("lit", text) and ("ph", placeholder character) in order; brackets dropped but currency."""
    section = _CURRENCY.sub(lambda m: f'"{m.group(1)}"', section)
    section = _BRACKET.sub("", section)
    tokens: list[tuple[str, str]] = []
    index = 0
    while index < len(section):
        char = section[index]
        if char == '"':
            end = section.find('"', index + 1)
            end = len(section) if end < 0 else end
            tokens.append(("lit", section[index + 1 : end]))
            index = end + 1
            continue
        if char == "\\" and index + 1 < len(section):
            tokens.append(("lit", section[index + 1]))
            index += 2
            continue
        if char == "_":
            tokens.append(("lit", " "))
            index += 2
            continue
        if char == "*":
            index += 2
            continue
        if section[index : index + 7].lower() == "general":
            tokens.append(("general", ""))
            index += 7
            continue
        if char in "Ee" and section[index + 1 : index + 2] in ("+", "-"):
            tokens.append(("ph", section[index : index + 2].upper()))
            index += 2
            continue
        tokens.append(("ph" if char in "0#?.,%" else "lit", char))
        index += 1
    return tokens


def _render(value: float, section: str) -> str:
    tokens = _tokens(section)
    marks = [text for kind, text in tokens if kind == "ph"]
    if not any(mark in "0#?" for mark in marks):
        if any(kind == "general" for kind, _ in tokens):
            return "".join(general(value) if kind == "general" else text for kind, text in tokens)
        return "".join(text for _, text in tokens)  # a section of words only, or empty (shows nothing)
    if any(text == "/" for _, text in tokens):
        return general(value)  # fractions: rare in a list; General loses no digit
    if "E+" in marks or "E-" in marks:
        return _scientific(value, tokens)
    point = next((i for i, (kind, text) in enumerate(tokens) if kind == "ph" and text == "."), len(tokens))
    integer, decimals = tokens[:point], tokens[point + 1 :]
    places = sum(1 for kind, text in decimals if kind == "ph" and text in "0#?")
    value = value * 100 ** marks.count("%") / 1000 ** _scaling_commas(integer)
    try:
        rounded = Decimal(repr(abs(value))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    except InvalidOperation:  # more digits than a Decimal holds: Excel shows such a number in E notation
        return general(value)
    whole, _, fraction = f"{rounded:f}".partition(".")
    text = _integer_part(integer, "" if whole == "0" else whole)
    if point < len(tokens):
        text += "." + _decimal_part(decimals, fraction)
    return ("-" if value < 0 and rounded else "") + text


def _scaling_commas(tokens: list[tuple[str, str]]) -> int:
    """Commas after the last digit placeholder divide by 1000 each (``#,##0,`` shows thousands)."""
    count = 0
    for kind, text in reversed(tokens):
        if kind == "ph" and text == ",":
            count += 1
        elif kind == "ph" and text in "0#?":
            break
    return count


def _integer_part(tokens: list[tuple[str, str]], digits: str) -> str:
    """Digits poured into the placeholders from the right (``000-0000``: 1234567 → 123-4567),
    the surplus before the first one; with a thousands comma, grouped in threes instead."""
    positions = [i for i, (kind, text) in enumerate(tokens) if kind == "ph" and text in "0#?"]
    if not positions:
        return "".join(text for kind, text in tokens if kind == "lit" or text == "%")
    first, last = positions[0], positions[-1]
    if any(kind == "ph" and text == "," for kind, text in tokens[first:last]):
        padded = digits.rjust(sum(1 for i in positions if tokens[i][1] == "0"), "0")
        grouped = f"{int(padded):,}".rjust(len(padded) + (len(padded) - 1) // 3, "0") if padded else ""
        body = [("lit", grouped)]
        tokens = tokens[:first] + body + [t for t in tokens[last + 1 :] if t[1] != ","]
        return "".join(text for kind, text in tokens if kind == "lit" or text == "%")
    slots: dict[int, str] = {}
    remaining = digits
    for position in reversed(positions):
        if remaining:
            slots[position], remaining = remaining[-1], remaining[:-1]
        else:
            slots[position] = {"0": "0", "#": "", "?": " "}[tokens[position][1]]
    slots[first] = remaining + slots[first]
    out = []
    for position, (kind, text) in enumerate(tokens):
        if position in slots:
            out.append(slots[position])
        elif kind == "lit" or text == "%":
            out.append(text)
    return "".join(out)


def _decimal_part(tokens: list[tuple[str, str]], fraction: str) -> str:
    """Decimals after the point; trailing zeros under # vanish and under ? become spaces."""
    marks = [text for kind, text in tokens if kind == "ph" and text in "0#?"]
    shown = list(fraction)
    for index in range(len(shown) - 1, -1, -1):
        if shown[index] != "0" or marks[index] == "0":
            break
        shown[index] = "" if marks[index] == "#" else " "
    digits = iter(shown)
    out = []
    for kind, text in tokens:
        if kind == "ph" and text in "0#?":
            out.append(next(digits, ""))
        elif kind == "lit" or text == "%":
            out.append(text)
    return "".join(out)


def _scientific(value: float, tokens: list[tuple[str, str]]) -> str:
    marks = [text for kind, text in tokens if kind == "ph"]
    split = next(i for i, mark in enumerate(marks) if mark in ("E+", "E-"))
    mantissa, exponent = marks[:split], marks[split + 1 :]
    places = mantissa[mantissa.index(".") + 1 :].count("0") if "." in mantissa else 0
    number, _, power = f"{value:.{places}E}".partition("E")
    sign = "-" if power.startswith("-") else ("+" if marks[split] == "E+" else "")
    digits = str(abs(int(power))).rjust(max(1, exponent.count("0")), "0")
    return f"{number}E{sign}{digits}"
