import datetime as dt

import pytest

from kyojushien_desktop.domain import wareki


def test_reiwa_date_with_weekday():
    """The guide's own example form: 令和7年6月12日(木)."""
    assert wareki.format_date(dt.date(2025, 6, 12)) == "令和7年6月12日(木)"


def test_first_year_is_gannen():
    """The first year of an era is 元年, never 1年, and the era starts on its own day."""
    assert wareki.format_date(dt.date(2019, 5, 1)) == "令和元年5月1日(水)"
    assert wareki.format_date(dt.date(2019, 4, 30)) == "平成31年4月30日(火)"
    assert wareki.format_date(dt.date(1989, 1, 8)) == "平成元年1月8日(日)"


def test_seireki_follows_when_asked():
    """西暦 is added after the 和暦 where it helps."""
    assert wareki.format_date(dt.date(2027, 4, 1), seireki=True) == "令和9年4月1日(木)（2027年）"


def test_datetime_and_month():
    """Times show hours and zero-padded minutes."""
    assert wareki.format_datetime(dt.datetime(2026, 11, 22, 8, 5)) == "令和8年11月22日(日) 8:05"


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 11, 22), dt.date(2027, 4, 1)),
        (dt.date(2027, 3, 31), dt.date(2027, 4, 1)),
        (dt.date(2027, 4, 1), dt.date(2028, 4, 1)),
    ],
)
def test_next_april_first(today, expected):
    """人事異動 defaults to the coming 1 April."""
    assert wareki.next_april_first(today) == expected


def test_closed_days_are_weekends_and_the_new_year_holidays():
    """年末年始 (12/29–1/3) and weekends are closed; a date on one moves to the last open day."""
    import datetime as dt

    from kyojushien_desktop.domain.wareki import is_closed_day, open_day_before

    assert is_closed_day(dt.date(2026, 12, 29)) and is_closed_day(dt.date(2027, 1, 3))
    assert not is_closed_day(dt.date(2026, 12, 28)) and not is_closed_day(dt.date(2027, 1, 4))
    assert open_day_before(dt.date(2026, 12, 31)) == dt.date(2026, 12, 28)
    assert open_day_before(dt.date(2026, 12, 6)) == dt.date(2026, 12, 4)  # a Sunday → Friday


@pytest.mark.parametrize(
    ("month", "text"),
    [("2027-09", "令和9年9月"), ("2019-04", "平成31年4月"), ("2019-05", "令和元年5月"), ("2027-9", "令和9年9月")],
)
def test_a_target_month_is_written_in_wareki(month: str, text: str) -> None:
    assert wareki.format_month(month) == text


def test_a_month_that_does_not_parse_is_shown_as_it_is() -> None:
    assert wareki.format_month("来年") == "来年"
