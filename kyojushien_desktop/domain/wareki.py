"""和暦 (Japanese era) dates, as town-hall documents write them: 令和7年6月12日(木)."""

from __future__ import annotations

import datetime as dt

# (first day of the era, name); the first year of an era is written 元年.
_ERAS: tuple[tuple[dt.date, str], ...] = (
    (dt.date(2019, 5, 1), "令和"),
    (dt.date(1989, 1, 8), "平成"),
    (dt.date(1926, 12, 25), "昭和"),
    (dt.date(1912, 7, 30), "大正"),
    (dt.date(1873, 1, 1), "明治"),
)
WEEKDAYS = "月火水木金土日"


def era_year(day: dt.date) -> tuple[str, int]:
    """The era name and the year within it (1 for the first year)."""
    for start, name in _ERAS:
        if day >= start:
            return name, day.year - start.year + 1
    raise ValueError(f"明治6年より前の日付は和暦に変換できません: {day.isoformat()}")


def era_year_text(day: dt.date) -> str:
    name, year = era_year(day)
    return f"{name}{'元' if year == 1 else year}年"


def format_date(day: dt.date, *, seireki: bool = False) -> str:
    """令和7年6月12日(木), always with the weekday (the house rule for every date a user sees);
    with ``seireki`` the 西暦 follows: 令和7年6月12日(木)（2025年）."""
    text = f"{era_year_text(day)}{day.month}月{day.day}日({WEEKDAYS[day.weekday()]})"
    if seireki:
        text += f"（{day.year}年）"
    return text


def format_month(month: str) -> str:
    """A target month "2027-09" as 令和9年9月 (its era is that of the month's first day); what
    does not parse is shown as it is, so a stray value never hides the rest of a line."""
    try:
        year, number = (int(part) for part in month.split("-"))
        return f"{era_year_text(dt.date(year, number, 1))}{number}月"
    except ValueError:
        return month


def format_datetime(moment: dt.datetime) -> str:
    return f"{format_date(moment.date())} {moment.hour}:{moment.minute:02d}"


def format_stamp(stamp: str | None) -> str:
    """A stored ISO time stamp (削除した日時, 変更履歴) in 和暦; one that does not parse shows as
    stored, and none as nothing."""
    if not stamp:
        return ""
    try:
        return format_datetime(dt.datetime.fromisoformat(stamp))
    except ValueError:
        return stamp


def next_april_first(today: dt.date) -> dt.date:
    """The usual 人事異動 date: the coming 1 April (next year's if today is 1 April or later)."""
    this_year = dt.date(today.year, 4, 1)
    return this_year if today < this_year else dt.date(today.year + 1, 4, 1)


def fiscal_year_text(year: int) -> str:
    """The 年度 that starts on 1 April of ``year``: 2025 → 令和7年度 (its era is that of 1 April)."""
    return era_year_text(dt.date(year, 4, 1)) + "度"


def is_closed_day(day: dt.date) -> bool:
    """A day the town hall is shut: Saturday, Sunday, or 年末年始 (29 December to 3 January).
    Holidays (祝日) are not counted: they move from year to year by law."""
    return day.weekday() >= 5 or (day.month, day.day) >= (12, 29) or (day.month, day.day) <= (1, 3)


def open_day_before(day: dt.date) -> dt.date:
    """``day``, or the last day before it the town hall is open."""
    while is_closed_day(day):
        day -= dt.timedelta(days=1)
    return day
