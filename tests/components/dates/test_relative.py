"""A word with a relative determiner: "last week", "this past Sunday", "the past year"."""

from __future__ import annotations

import pytest

from pipeline.components.dates.relative import relative
from tests.components.dates.helpers import (
    CASE_FIELDS,
    SAMPLE_DATE,
    assert_timex,
    candidate,
    context,
    timexes,
)

# End to end, on model-parsed sentences: (text, pub_date, extent, type, value, mod).
CASES = [
    # "the year" in apposition to a year just named is that year, not the publication's.
    (
        "Turnout was low in 2010, the year the court ruled on spending.",
        SAMPLE_DATE,
        "the year",
        "DATE",
        "2010",
        None,
    ),
    (
        "It was not 2014, which is the year he joined the board.",
        SAMPLE_DATE,
        "the year",
        "DATE",
        "2014",
        None,
    ),
    (
        "He was elected in November 2016 and took office the following January.",
        SAMPLE_DATE,
        "the following January",
        "DATE",
        "2017-01",
        None,
    ),
    ("Kim eased restrictions this year.", SAMPLE_DATE, "this year", "DATE", "2023", None),
    # A named month with "last" ("next") two months back (ahead) or more is this year's;
    # the month just gone ("last month") or this one is a year back (ahead).
    (
        "Two helicopters crashed last February.",
        "1998-03-01",
        "last February",
        "DATE",
        "1997-02",
        None,
    ),
    ("The plant closed last April.", SAMPLE_DATE, "last April", "DATE", "2023-04", None),
    ("The plant closed last June.", SAMPLE_DATE, "last June", "DATE", "2022-06", None),
    ("They will vote next July.", SAMPLE_DATE, "next July", "DATE", "2024-07", None),
    ("They will vote next August.", SAMPLE_DATE, "next August", "DATE", "2023-08", None),
    ("They will vote this February.", "2023-03-01", "this February", "DATE", "2023-02", None),
    # "that month" after a year alone: no month to be at (not the publication month).
    (
        "In 1995, the firm moved. Sales fell that month.",
        SAMPLE_DATE,
        "that month",
        "DATE",
        "XXXX-XX",
        None,
    ),
    (
        "In May 1995, the firm moved. Sales fell that month.",
        SAMPLE_DATE,
        "that month",
        "DATE",
        "1995-05",
        None,
    ),
    ("Sales fell last week.", "2023-06-13", "last week", "DATE", "2023-W23", None),
    # A bare "the week" is the week the story is about, the publication date's (TimeBank's
    # "2023-WXX" is written when scoring: pipeline/evaluate/timebank.py).
    ("Shares rose 3% for the week.", SAMPLE_DATE, "the week", "DATE", "2023-W24", None),
    ("Shares rose 3% this week.", SAMPLE_DATE, "this week", "DATE", "2023-W24", None),
    # "The latest (fiscal) year" is the last completed one.
    (
        "The chain booked $2 billion of revenue for the latest fiscal year.",
        SAMPLE_DATE,
        "the latest fiscal year",
        "DATE",
        "2022",
        None,
    ),
    (
        "Elections are this coming Sunday.",
        SAMPLE_DATE,
        "this coming Sunday",
        "DATE",
        "2023-06-18",
        None,
    ),
    (
        "He was released on Monday, June 5, and appeared in court the next morning.",
        SAMPLE_DATE,
        "the next morning",
        "TIME",
        "2023-06-06TMO",
        None,
    ),
    ("Polls closed this past Sunday.", SAMPLE_DATE, "this past Sunday", "DATE", "2023-06-11", None),
    # "the past/last year|month|week|decade": the stretch of one unit up to publication, as
    # "the past two years" is (TempEval-3 writes the calendar unit before it: scorer).
    ("Exports grew over the past year.", SAMPLE_DATE, "the past year", "DURATION", "P1Y", None),
    ("Prices doubled in the last year.", "2021-02-01", "the last year", "DURATION", "P1Y", None),
    ("Talks stalled over the past month.", SAMPLE_DATE, "the past month", "DURATION", "P1M", None),
    ("He has been ill for the last week.", SAMPLE_DATE, "the last week", "DURATION", "P1W", None),
    ("Output fell over the past decade.", SAMPLE_DATE, "the past decade", "DURATION", "P10Y", None),
    ("Wages lagged in the last decade.", SAMPLE_DATE, "the last decade", "DURATION", "P10Y", None),
    (
        "He spoke on the first day of a bus tour of Iowa.",
        SAMPLE_DATE,
        "the first day",
        "DATE",
        "XXXX-XX-XX",
        None,
    ),
    (
        "Output fell over the past two years.",
        SAMPLE_DATE,
        "the past two years",
        "DURATION",
        "P2Y",
        None,
    ),
    # "the year before", "the month after" (ending the clause): the unit next to the one
    # the text is at, else to the publication date's.
    (
        "Profit fell last year, down from a record the year before.",
        SAMPLE_DATE,
        "the year before",
        "DATE",
        "2021",
        None,
    ),
    (
        "The plant opened in March 2020 and closed the month after.",
        SAMPLE_DATE,
        "the month after",
        "DATE",
        "2020-04",
        None,
    ),
    ("He had arrived the week before.", SAMPLE_DATE, "the week before", "DATE", "2023-W23", None),
    (
        "Output rose in the third quarter, after falling the quarter before.",
        SAMPLE_DATE,
        "the quarter before",
        "DATE",
        "2022-Q2",
        None,
    ),
    (
        "The war began in 2014. The year after that, fighting resumed.",
        SAMPLE_DATE,
        "The year after that",
        "DATE",
        "2015",
        None,
    ),
    (
        "On Oct. 5, 2022, the firm filed for bankruptcy. The day before, shares fell.",
        SAMPLE_DATE,
        "The day before",
        "DATE",
        "2022-10-04",
        None,
    ),
    # A past narrative's "the next year" is the year after the one it is at; ahead of the
    # publication date otherwise.
    (
        "He died on Dec. 31, 1999. The next year, his son took over.",
        SAMPLE_DATE,
        "The next year",
        "DATE",
        "2000",
        None,
    ),
    (
        "Economists expect growth to slow in the next year.",
        SAMPLE_DATE,
        "the next year",
        "DATE",
        "2024",
        None,
    ),
    # "that summer", "the following winter" count from the year the text is at.
    (
        "The summit was held in the spring of 2019. That summer, talks collapsed.",
        SAMPLE_DATE,
        "That summer",
        "DATE",
        "2019-SU",
        None,
    ),
    (
        "Talks collapsed in the summer of 2019. The following winter, war broke out.",
        SAMPLE_DATE,
        "The following winter",
        "DATE",
        "2019-WI",
        None,
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(CASE_FIELDS, CASES)
def test_timex(make_doc, text, date, extent, type_, value, mod):
    assert_timex(make_doc, text, date, extent, type_, value, mod)


# On hand-built candidates, published on a Tuesday, 2023-06-13.
@pytest.mark.parametrize(
    ("rel", "word", "mentions", "expected"),
    [
        ("last", "week", [], {"type": "DATE", "value": "2023-W23"}),
        ("this", "Year", [], {"type": "DATE", "value": "2023"}),
        ("next", "month", [], {"type": "DATE", "value": "2023-07"}),
        ("last", "night", [], {"type": "TIME", "value": "2023-06-12TNI"}),
        # A part of day counted from the day the text is at: that day, the one after, before.
        ("that", "evening", ["2023-06-01"], {"type": "TIME", "value": "2023-06-01TEV"}),
        ("the next", "morning", ["2023-06-01"], {"type": "TIME", "value": "2023-06-02TMO"}),
        ("the following", "night", ["2023-06-01"], {"type": "TIME", "value": "2023-06-02TNI"}),
        ("the previous", "night", ["2023-06-01"], {"type": "TIME", "value": "2023-05-31TNI"}),
        ("the next", "morning", [], {"type": "TIME", "value": "2023-06-14TMO"}),
        ("the latest", "fiscal year", [], {"type": "DATE", "value": "2022"}),
        ("the following", "year", ["2019-05"], {"type": "DATE", "value": "2020"}),
        ("that", "month", ["2019-05-02"], {"type": "DATE", "value": "2019-05"}),
        # A month counted from the month the text is at (else placed by the clause's tense).
        ("the following", "January", ["2016-11"], {"type": "DATE", "value": "2017-01"}),
        ("the following", "December", ["2016-11-08"], {"type": "DATE", "value": "2016-12"}),
        ("the previous", "March", ["2016-11"], {"type": "DATE", "value": "2016-03"}),
        ("the previous", "December", ["2016-11"], {"type": "DATE", "value": "2015-12"}),
        ("that", "March", ["2016-11"], {"type": "DATE", "value": "2016-03"}),
        ("the following", "January", [], {"type": "DATE", "value": "2023-01"}),
        ("the past", "decade", [], {"type": "DURATION", "value": "P10Y"}),
        # One unit of a sequence ("the first day of the tour"): a DATE, unplaced.
        ("the first", "day", [], {"type": "DATE", "value": "XXXX-XX-XX"}),
        ("the final", "year", [], {"type": "DATE", "value": "XXXX"}),
        ("the first", "weekend", [], {"type": "DATE", "value": "XXXX-WXX-WE"}),
        ("the entire", "week", [], {"type": "DURATION", "value": "P1W"}),
    ],
)
def test_relative(rel, word, mentions, expected):
    cand = candidate("relative", rel=rel, word=word, year=None)
    assert relative(cand, context(mentions=mentions)) == expected


def test_the_year_ended_is_a_reporting_period():
    cand = candidate("the_unit", word="fiscal year", ended="", endmonth=None)
    assert relative(cand, context()) == {"type": "DURATION", "value": "P1Y"}


@pytest.mark.parametrize(("word", "value"), [("year", "XXXX"), ("week", "XXXX-WXX")])
def test_without_a_publication_date_a_relative_date_stays_open(word, value):
    cand = candidate("relative", rel="last", word=word, year=None)
    assert relative(cand, context(None)) == {"type": "DATE", "value": value}


# "the month", "the decade": the unit the story is in, as "the year" is; not when the
# phrase names a date ("the month of May", "the week of March 6").
THE_UNIT_CASES = [
    (
        "The firm will report at the end of the month.",
        SAMPLE_DATE,
        "the end of the month",
        "DATE",
        "2023-06",
        "END",
    ),
    (
        "By the end of the decade, sales could double.",
        SAMPLE_DATE,
        "the end of the decade",
        "DATE",
        "202",
        "END",
    ),
    (
        "The minister visits Paris later in the month.",
        SAMPLE_DATE,
        "the month",
        "DATE",
        "2023-06",
        None,
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(CASE_FIELDS, THE_UNIT_CASES)
def test_the_month_and_the_decade(make_doc, text, date, extent, type_, value, mod):
    assert_timex(make_doc, text, date, extent, type_, value, mod)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "extents"),
    [
        ("He was born in the month of May.", ["May"]),
        ("A hearing is set for the week of March 6.", ["the week of March 6"]),
        ("The stock hit a high for the year of $42.", ["the year"]),
    ],
)
def test_the_unit_of_a_date_is_that_date(make_doc, text, extents):
    assert [d["text"] for d in timexes(make_doc, text, SAMPLE_DATE)] == extents


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "extents"),
    [
        # A month or weekday after "that", "last", "next" is capitalised; "may" is the modal.
        ("It needs help from states that may not want to pay.", []),
        ("The tribunal that May ruled against him.", ["that May"]),
        ("He will leave next Friday.", ["next Friday"]),
    ],
)
def test_a_relative_month_or_weekday_is_capitalised(make_doc, text, extents):
    assert [d["text"] for d in timexes(make_doc, text, SAMPLE_DATE)] == extents


@pytest.mark.model
def test_the_month_is_the_month_the_story_is_at(make_doc):
    text = "Cruz raised $11.9 million in February and spent $17.5 million over the month."
    items = timexes(make_doc, text, "2016-03-22")
    assert [(d["text"], d["value"]) for d in items] == [
        ("February", "2016-02"),
        ("the month", "2016-02"),
    ]


@pytest.mark.model
def test_the_week_before_an_event_is_not_shifted(make_doc):
    """ "before" with an object ("the week before Christmas") is no "the week before"."""
    items = timexes(make_doc, "The week before Christmas was busy.", SAMPLE_DATE)
    assert "The week before" not in [d["text"] for d in items]


@pytest.mark.model
def test_the_day_before_an_event_is_no_timex(make_doc):
    """ "the day" is read only as "the day before." / "the day after that,"."""
    assert timexes(make_doc, "It was the day after his birthday.", SAMPLE_DATE) == []
