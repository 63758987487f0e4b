"""Date arithmetic: intervals, shifts, truncation, movable holidays, quarter ends."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.components.dates.calendar import (
    add_months,
    easter,
    holiday_by_rule,
    interval,
    movable_holiday,
    quarter_ending,
    safe_day,
    shift,
    truncate,
    week_value,
)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2023-06-13", ("2023-06-13", "2023-06-14")),
        ("2023-01", ("2023-01-01", "2023-02-01")),
        ("2022", ("2022-01-01", "2023-01-01")),
        ("2023-W11", ("2023-03-13", "2023-03-20")),
        ("2013-Q3", ("2013-07-01", "2013-10-01")),
        ("2013-SU", ("2013-06-01", "2013-09-01")),
        ("2013-H2", ("2013-07-01", "2014-01-01")),
        ("199", ("1990-01-01", "2000-01-01")),
        ("19", ("1900-01-01", "2000-01-01")),
        ("P3Y", None),
        ("PRESENT_REF", None),
        ("XXXX-01", None),
    ],
)
def test_interval(value, expected):
    result = interval(value)
    assert (None if result is None else (result["start"], result["end"])) == expected


@pytest.mark.parametrize(
    ("value", "n", "unit", "expected"),
    [
        ("2023-06-13", -1, "D", "2023-06-12"),
        ("2023-06-13", 1, "W", "2023-W25"),
        ("2023-06-13", -2, "M", "2023-04"),
        ("2023-Q1", -1, "Q", "2022-Q4"),
        ("2023-Q3", -1, "Y", "2022-Q3"),
        ("2023-01", 13, "M", "2024-02"),
        ("2023-W09", -1, "W", "2023-W08"),  # a week from a week, not from the reference date
        ("2021-W01", -1, "W", "2020-W53"),
        ("2021-W53", 1, "W", "2023-W25"),  # no such week: from the reference date
        ("2023", 2, "Y", "2025"),
        (None, -1, "Q", "2023-Q1"),  # from the reference date
        (None, -1, "10Y", "201"),
        (None, 1, "100Y", "21"),
    ],
)
def test_shift(value, n, unit, expected):
    assert shift(value, date(2023, 6, 13), n, unit) == expected


def test_shift_without_value_or_reference_is_none():
    assert shift(None, None, 1, "Y") is None


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        ("2023-01-05", "M", "2023-01"),
        ("2023-01-05", "W", "2023-W01"),
        ("2023-05", "Q", "2023-Q2"),
        ("2023-11-05", "Q", "2023-Q4"),
        ("2023", "M", None),
        ("2023-W05", "W", "2023-W05"),
    ],
)
def test_truncate(value, unit, expected):
    assert truncate(value, unit) == expected


def test_add_months_keeps_a_day_every_month_has():
    assert add_months(date(2023, 1, 31), 1) == date(2023, 2, 28)
    assert add_months(date(2023, 11, 15), 3) == date(2024, 2, 15)


def test_safe_day_falls_back_to_the_month():
    assert safe_day(2023, 2, 30) == "2023-02"
    assert safe_day(2024, 2, 29) == "2024-02-29"


def test_week_value_is_the_iso_week():
    assert week_value(date(2021, 1, 1)) == "2020-W53"


@pytest.mark.parametrize(
    ("word", "year", "expected"),
    [
        ("easter", 2023, date(2023, 4, 9)),
        ("easter", 2024, date(2024, 3, 31)),
        ("thanksgiving", 2023, date(2023, 11, 23)),
        ("election day", 2024, date(2024, 11, 5)),
        ("election day", 2023, date(2023, 11, 7)),
    ],
)
def test_movable_holidays(word, year, expected):
    assert movable_holiday(word, year) == expected
    assert easter(2000) == date(2000, 4, 23)


@pytest.mark.parametrize(
    ("month", "expected"),
    [(5, "2023-Q2"), (1, "2022-Q4"), (9, "2022-Q3")],
)
def test_quarter_ending_holds_most_of_its_three_months(month, expected):
    assert quarter_ending(date(2023, 6, 13), month) == expected


@pytest.mark.parametrize(
    ("rule", "year", "day"),
    [
        ("09-MO-1", 2023, date(2023, 9, 4)),  # Labor Day: the first Monday of September
        ("05-MO-L", 2024, date(2024, 5, 27)),  # Memorial Day: the last Monday of May
        ("12-MO-L", 2024, date(2024, 12, 30)),  # the last Monday of a year's last month
        ("01-MO-3", 2024, date(2024, 1, 15)),  # Martin Luther King Day
        ("05-SU-2", 2024, date(2024, 5, 12)),  # Mother's Day
        ("EASTER-2", 2024, date(2024, 3, 29)),  # Good Friday
        ("EASTER+1", 2024, date(2024, 4, 1)),  # Easter Monday
        ("THANKSGIVING+1", 2024, date(2024, 11, 29)),  # Black Friday
        ("THANKSGIVING+1", 2019, date(2019, 11, 29)),  # Nov. 1 a Friday: not the 4th Friday
        ("THANKSGIVING+4", 2022, date(2022, 11, 28)),  # Cyber Monday
    ],
)
def test_holiday_by_rule(rule, year, day):
    assert holiday_by_rule(rule, year) == day
