"""Dates named by their parts: month-day-year, month-year, years, decades, centuries, holidays."""

from __future__ import annotations

import pytest

from tests.components.dates.helpers import CASE_FIELDS, SAMPLE_DATE, assert_timex, one, timexes

# End to end, on model-parsed sentences: (text, pub_date, extent, type, value, mod).
CASES = [
    (
        "Shipments were documented in August 2020.",
        SAMPLE_DATE,
        "August 2020",
        "DATE",
        "2020-08",
        None,
    ),
    ("The party began in the 1990s.", SAMPLE_DATE, "the 1990s", "DATE", "199", None),
    ("The war ended in the early 1990s.", SAMPLE_DATE, "the early 1990s", "DATE", "199", "START"),
    ("It was built in the 20th century.", SAMPLE_DATE, "the 20th century", "DATE", "19", None),
    (
        "The company was founded on March 12, 1998.",
        SAMPLE_DATE,
        "March 12, 1998",
        "DATE",
        "1998-03-12",
        None,
    ),
    ("Sales rose in fiscal 1989.", SAMPLE_DATE, "fiscal 1989", "DATE", "1989", None),
    ("Sales rose in the year to 2023.", SAMPLE_DATE, "2023", "DATE", "2023", None),
    (
        "A hearing is set for the week of March 6.",
        "2000-02-24",
        "the week of March 6",
        "DATE",
        "2000-W10",
        None,
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(CASE_FIELDS, CASES)
def test_timex(make_doc, text, date, extent, type_, value, mod):
    assert_timex(make_doc, text, date, extent, type_, value, mod)


# Holidays: fixed ones by the closest year; movable ones computed for the year.
HOLIDAYS = [
    ("The store reopened after Easter.", SAMPLE_DATE, "Easter", "2023-04-09"),
    ("The parade will be held on Thanksgiving.", SAMPLE_DATE, "Thanksgiving", "2023-11-23"),
    ("Shops closed early on Christmas Eve.", "2024-01-03", "Christmas Eve", "2023-12-24"),
    ("Voters will go to the polls on Election Day.", "2024-10-20", "Election Day", "2024-11-05"),
    ("Turnout fell on Election Day, officials said.", "2023-12-01", "Election Day", "2023-11-07"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,date,extent,value", HOLIDAYS)
def test_holiday(make_doc, text, date, extent, value):
    assert one(timexes(make_doc, text, date), extent)["value"] == value


XFAIL_CASES = [
    # Fiscal years that do not follow the calendar need the company's fiscal calendar.
    ("In fiscal 1988 the company earned more.", "1989-11-02", "fiscal 1988", "DATE", "1989", None),
]


@pytest.mark.model
@pytest.mark.parametrize("text,date,extent,type_,value,mod", XFAIL_CASES)
@pytest.mark.xfail(
    reason="non-calendar fiscal years need the company's fiscal calendar", strict=True
)
def test_timex_unsolved(make_doc, text, date, extent, type_, value, mod):
    item = one(timexes(make_doc, text, date), extent)
    assert (item["type"], item["value"], item["mod"]) == (type_, value, mod)
