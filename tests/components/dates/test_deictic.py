"""Words placed against the publication date: today, now, soon, a weekday or season alone."""

from __future__ import annotations

import pytest

from tests.components.dates.helpers import CASE_FIELDS, SAMPLE_DATE, assert_timex

# End to end, on model-parsed sentences: (text, pub_date, extent, type, value, mod).
CASES = [
    (
        "It was hot in the summer of 2013.",
        SAMPLE_DATE,
        "the summer of 2013",
        "DATE",
        "2013-SU",
        None,
    ),
    ("Prices are high now.", SAMPLE_DATE, "now", "DATE", "PRESENT_REF", None),
    ("He is currently in Seoul.", SAMPLE_DATE, "currently", "DATE", "PRESENT_REF", None),
    ("He recently arrived.", SAMPLE_DATE, "recently", "DATE", "PAST_REF", None),
    (
        "The blast happened Friday morning.",
        "1998-08-08",
        "Friday morning",
        "DATE",
        "1998-08-07TMO",
        None,
    ),
    ("Shares rose yesterday.", SAMPLE_DATE, "yesterday", "DATE", "2023-06-12", None),
    ("It will close in the spring.", SAMPLE_DATE, "the spring", "DATE", "2024-SP", None),
    # Future references: "soon" (not "as soon as", "soon after", nor in a past clause),
    # "the near term", "a later date", "coming quarters".
    ("The court will soon rule on the appeal.", SAMPLE_DATE, "soon", "DATE", "FUTURE_REF", None),
    (
        "They want a deal as soon as possible.",
        SAMPLE_DATE,
        "as soon as possible",
        "DATE",
        "FUTURE_REF",
        None,
    ),
    (
        "Margins will stay thin in the near term.",
        SAMPLE_DATE,
        "the near term",
        "DATE",
        "FUTURE_REF",
        None,
    ),
    (
        "The notes may be sold at a later date.",
        SAMPLE_DATE,
        "a later date",
        "DATE",
        "FUTURE_REF",
        None,
    ),
    (
        "Sales should improve in coming quarters.",
        SAMPLE_DATE,
        "coming quarters",
        "DATE",
        "FUTURE_REF",
        None,
    ),
    (
        "The credits cut taxes in future quarters.",
        SAMPLE_DATE,
        "future quarters",
        "DATE",
        "FUTURE_REF",
        None,
    ),
    # Extents: a season of a year in words, plural weekday nights, "or so ago", "then current".
    (
        "Rents rose in the winter of nineteen eighty-seven.",
        SAMPLE_DATE,
        "the winter of nineteen eighty-seven",
        "DATE",
        "1987-WI",
        None,
    ),
    (
        "Flights leave on Tuesday nights.",
        SAMPLE_DATE,
        "Tuesday nights",
        "SET",
        "XXXX-WXX-2TNI",
        None,
    ),
    (
        "They may buy at the then current price.",
        SAMPLE_DATE,
        "then current",
        "DATE",
        "PAST_REF",
        None,
    ),
    (
        "The vote failed. Today the council meets again.",
        SAMPLE_DATE,
        "Today",
        "DATE",
        "2023-06-13",
        None,
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(CASE_FIELDS, CASES)
def test_timex(make_doc, text, date, extent, type_, value, mod):
    assert_timex(make_doc, text, date, extent, type_, value, mod)
