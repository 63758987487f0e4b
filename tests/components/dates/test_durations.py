"""Durations, sets and counted shifts ("two years ago")."""

from __future__ import annotations

import pytest

from tests.components.dates.helpers import CASE_FIELDS, SAMPLE_DATE, assert_timex

# End to end, on model-parsed sentences: (text, pub_date, extent, type, value, mod).
CASES = [
    (
        "Oil resumed after a nearly three-year pause.",
        SAMPLE_DATE,
        "nearly three-year",
        "DURATION",
        "P3Y",
        "APPROX",
    ),
    ("The talks lasted two years.", SAMPLE_DATE, "two years", "DURATION", "P2Y", None),
    (
        "The flight took about two hours.",
        SAMPLE_DATE,
        "about two hours",
        "DURATION",
        "PT2H",
        "APPROX",
    ),
    (
        "He waited more than three weeks.",
        SAMPLE_DATE,
        "more than three weeks",
        "DURATION",
        "P3W",
        "MORE_THAN",
    ),
    (
        "He waited less than a month.",
        SAMPLE_DATE,
        "less than a month",
        "DURATION",
        "P1M",
        "LESS_THAN",
    ),
    ("The plant closed two years ago.", SAMPLE_DATE, "two years ago", "DATE", "2021", None),
    ("The paper is published weekly.", SAMPLE_DATE, "weekly", "SET", "P1W", None),
    ("The board meets every year.", SAMPLE_DATE, "every year", "SET", "P1Y", None),
    ("It bans sales above 500,000 barrels a year.", SAMPLE_DATE, "a year", "SET", "P1Y", None),
    ("It took a year to build the plant.", SAMPLE_DATE, "a year", "DURATION", "P1Y", None),
    # "recent weeks" / "months ago": an unspecified number of the unit (TimeBank's DURATION).
    ("Prices fell in recent weeks.", SAMPLE_DATE, "recent weeks", "DURATION", "PXW", None),
    ("Talks stalled in recent months.", SAMPLE_DATE, "recent months", "DURATION", "PXM", None),
    ("The firm was ailing just months ago.", SAMPLE_DATE, "months ago", "DURATION", "PXM", None),
    ("Crime has risen in recent years.", SAMPLE_DATE, "recent years", "DATE", "PAST_REF", None),
    (
        "Monks have brewed beer in the valley for centuries.",
        SAMPLE_DATE,
        "centuries",
        "DURATION",
        "PXC",
        None,
    ),
    ("Profit rose from a year ago.", SAMPLE_DATE, "a year ago", "DATE", "2022", None),
    # "and a half": the half of the unit, in the next smaller unit.
    (
        "The pilot waited a minute and a half.",
        SAMPLE_DATE,
        "a minute and a half",
        "DURATION",
        "PT1M30S",
        None,
    ),
    (
        "The hearing lasted an hour and a half.",
        SAMPLE_DATE,
        "an hour and a half",
        "DURATION",
        "PT1H30M",
        None,
    ),
    (
        "The siege lasted two years and a half.",
        SAMPLE_DATE,
        "two years and a half",
        "DURATION",
        "P2Y6M",
        None,
    ),
    (
        "A year or so ago the plant closed.",
        SAMPLE_DATE,
        "A year or so ago",
        "DATE",
        "2022",
        "APPROX",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(CASE_FIELDS, CASES)
def test_timex(make_doc, text, date, extent, type_, value, mod):
    assert_timex(make_doc, text, date, extent, type_, value, mod)
