"""Dates named by their parts: month-day-year, month-year, years, decades, centuries, holidays."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.components.dates.absolute import (
    century,
    decade,
    holiday,
    iso,
    month_day,
    month_relative_year,
    month_year,
    month_year_words,
    numeric,
    year,
    year_words,
)
from pipeline.components.dates.extents import TimexCandidate
from tests.components.dates.helpers import (
    CASE_FIELDS,
    SAMPLE_DATE,
    assert_timex,
    candidate,
    context,
    one,
    timexes,
)

# End to end, on model-parsed sentences: (text, pub_date, extent, type, value, mod).
CASES = [
    # A month and day the text named earlier with a year keep that year.
    (
        "The raid of Sept. 11, 2012, killed four. Critics say the Sept. 11 raid was foreseen.",
        SAMPLE_DATE,
        "Sept. 11",
        "DATE",
        "2012-09-11",
        None,
    ),
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
    # A hundred's "s" is its century; the 2000s are the decade news means.
    ("The town was founded in the 1800s.", SAMPLE_DATE, "the 1800s", "DATE", "18", None),
    ("It grew in the early 1900s.", SAMPLE_DATE, "the early 1900s", "DATE", "19", "START"),
    ("Prices rose in the 2000s.", SAMPLE_DATE, "the 2000s", "DATE", "200", None),
    ("Music of the '90s is back.", SAMPLE_DATE, "the '90s", "DATE", "199", None),
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


# On hand-built candidates, published on a Tuesday, 2023-06-13.
def _month_day(month: str, day: str, year: str | None = None) -> TimexCandidate:
    return candidate("date_mdy", wd=None, month=month, day=day, year=year)


@pytest.mark.parametrize(
    ("cand", "tense", "value"),
    [
        (_month_day("Sept.", "12th", "1998"), None, "1998-09-12"),
        (_month_day("December", "3"), "past", "2022-12-03"),
        (_month_day("Jan", "5"), "future", "2024-01-05"),
        (_month_day("June", "20"), "future", "2023-06-20"),
    ],
)
def test_month_day(cand, tense, value):
    assert month_day(cand, context(tense=tense)) == {"type": "DATE", "value": value}


def test_month_day_without_a_publication_date_or_year():
    assert month_day(_month_day("Feb.", "2"), context(None))["value"] == "XXXX-02-02"


def test_the_week_of_a_day():
    cand = _month_day("March", "6", "2023")
    cand.extra["week_of"] = True
    assert month_day(cand, context())["value"] == "2023-W10"


@pytest.mark.parametrize(
    ("handler", "groups", "value"),
    [
        (month_year, {"month": "Aug", "year": "2020"}, "2020-08"),
        (month_year_words, {"month": "May", "y19": "eighty-seven"}, "1987-05"),
        (month_relative_year, {"month": "March", "rel": "last", "rel2": None}, "2022-03"),
        (month_relative_year, {"month": "June", "rel": None, "rel2": "Next"}, "2024-06"),
        (year_words, {"y2000": "two thousand", "y20": "one", "y19": None}, "2001"),
        (year_words, {"y2000": None, "y20": None, "y19": "eighty"}, "1980"),
        (numeric, {"m": "6", "d": "13", "y": "23"}, "2023-06-13"),
        (numeric, {"m": "12", "d": "1", "y": "99"}, "1999-12-01"),
        (iso, {"y": "2023", "m": "02", "d": "28"}, "2023-02-28"),
        (year, {"year": "1998", "suffix": None}, "1998"),
        (century, {"ord": "twenty-first"}, "20"),
        (century, {"ord": "19th"}, "18"),
    ],
)
def test_dates_named_by_their_parts(handler, groups, value):
    assert handler(candidate("date", **groups), context()) == {"type": "DATE", "value": value}


@pytest.mark.parametrize(
    ("groups", "expected"),
    [
        ({"dec4": "1990", "dec2": None, "decw": None}, {"type": "DATE", "value": "199"}),
        ({"dec4": None, "dec2": "80", "decw": None}, {"type": "DATE", "value": "198"}),
        (
            {"dec4": None, "dec2": None, "decw": "Nineties", "early": "late"},
            {"type": "DATE", "value": "199", "mod": "END"},
        ),
        (
            {"dec4": None, "dec2": None, "decw": "sixties", "early": "early"},
            {"type": "DATE", "value": "196", "mod": "START"},
        ),
    ],
)
def test_decade(groups, expected):
    assert decade(candidate("decade", **({"early": None} | groups)), context()) == expected


@pytest.mark.parametrize(
    ("word", "rel", "tense", "value"),
    [
        ("Christmas Eve", None, "past", "2022-12-24"),
        ("christmas", "next", None, "2023-12-25"),
        ("Easter", None, "past", "2023-04-09"),
        ("easter", "next", None, "2024-03-31"),
        ("Labor Day", None, "past", "2022-09-05"),
        ("Labor Day", None, "future", "2023-09-04"),
    ],
)
def test_holiday_on_a_candidate(word, rel, tense, value):
    cand = candidate("holiday", word=word, rel=rel)
    assert holiday(cand, context(tense=tense)) == {"type": "DATE", "value": value}


@pytest.mark.parametrize(
    ("word", "span", "ref", "tense", "value"),
    [
        # Within a week of publication, this year's whatever the tense ("as Easter week
        # began", published on the Monday before Easter 2000).
        ("Easter", None, date(2000, 4, 17), "past", "2000-04-23"),
        ("Easter", "week", date(2000, 4, 17), "past", "2000-W16"),
        ("Easter", "week", date(2000, 6, 17), "past", "2000-W16"),
        # The weekend of a Thursday is the one after; of a Monday, the one before.
        ("Thanksgiving", "weekend", date(2023, 11, 20), None, "2023-W47-WE"),
        ("Labor Day", "weekend", date(2023, 9, 1), None, "2023-W35-WE"),
        ("Christmas", "week", date(2023, 12, 1), None, "2023-W52"),
        ("Christmas", "weekend", None, None, "XXXX-WXX-WE"),
    ],
)
def test_the_week_or_weekend_of_a_holiday(word, span, ref, tense, value):
    cand = candidate("holiday", word=word, rel=None, span=span)
    assert holiday(cand, context(ref, tense=tense)) == {"type": "DATE", "value": value}


# A day of the month with its year named relative to publication (2023-06-13): one timex.
RELATIVE_YEAR_CASES = [
    (
        "We began this journey on June 16th of last year.",
        SAMPLE_DATE,
        "June 16th of last year",
        "DATE",
        "2022-06-16",
        None,
    ),
    (
        "The law passed on March 3 this year.",
        SAMPLE_DATE,
        "March 3 this year",
        "DATE",
        "2023-03-03",
        None,
    ),
    (
        "The vote is set for 5 May next year.",
        SAMPLE_DATE,
        "5 May next year",
        "DATE",
        "2024-05-05",
        None,
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(CASE_FIELDS, RELATIVE_YEAR_CASES)
def test_day_of_a_relative_year(make_doc, text, date, extent, type_, value, mod):
    assert_timex(make_doc, text, date, extent, type_, value, mod)


def test_day_of_a_relative_year_without_a_publication_date():
    cand = candidate("date_mdy", month="June", day="16", yrel="last")
    assert month_day(cand, context(None))["value"] == "XXXX-06-16"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "extents"),
    [
        # A holiday that begins a name is no date.
        ("They sailed to Easter Island last year.", ["last year"]),
        ("The Easter Rising began in 1916.", ["1916"]),
        ("Migrants are held on Christmas Island.", []),
        # Followed by a time word or a clause, it is one.
        ("The family gathers on Christmas Eve.", ["Christmas Eve"]),
        ("He was found on Thanksgiving Day.", ["Thanksgiving Day"]),
        ("Sales rose before Christmas, the company said.", ["Christmas"]),
    ],
)
def test_a_holiday_that_begins_a_name_is_no_date(make_doc, text, extents):
    assert [d["text"] for d in timexes(make_doc, text, SAMPLE_DATE)] == extents


# Movable holidays from the lexicon's rules (published on Tuesday 2023-06-13).
MOVABLE_HOLIDAY_CASES = [
    ("The family held a Labor Day cookout.", SAMPLE_DATE, "Labor Day", "DATE", "2022-09-05", None),
    ("Stores will close on Labor Day.", SAMPLE_DATE, "Labor Day", "DATE", "2023-09-04", None),
    (
        "The Memorial Day parade was cancelled.",
        SAMPLE_DATE,
        "Memorial Day",
        "DATE",
        "2023-05-29",
        None,
    ),
    ("Shops closed on Good Friday.", SAMPLE_DATE, "Good Friday", "DATE", "2023-04-07", None),
    # Not the weekday of "Friday": the day after Thanksgiving (2022-11-24).
    (
        "Shoppers crowded stores on Black Friday.",
        SAMPLE_DATE,
        "Black Friday",
        "DATE",
        "2022-11-25",
        None,
    ),
    ("Markets will shut for Juneteenth.", SAMPLE_DATE, "Juneteenth", "DATE", "2023-06-19", None),
    # Not the weekday "Tuesday": the primaries' first Tuesday of March, one timex.
    (
        "Both candidates won big on Super Tuesday.",
        "2024-03-07",
        "Super Tuesday",
        "DATE",
        "2024-03-05",
        None,
    ),
    (
        "Traffic was heavy over the Memorial Day weekend.",
        SAMPLE_DATE,
        "Memorial Day weekend",
        "DATE",
        "2023-W21-WE",
        None,
    ),
    (
        "Pilgrims crowded the city as Easter week began.",
        "2000-04-17",
        "Easter week",
        "DATE",
        "2000-W16",
        None,
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(CASE_FIELDS, MOVABLE_HOLIDAY_CASES)
def test_movable_holidays(make_doc, text, date, extent, type_, value, mod):
    assert_timex(make_doc, text, date, extent, type_, value, mod)
