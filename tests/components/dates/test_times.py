"""Times of day: clock times, parts of the day, "mid-afternoon", "overnight"."""

from __future__ import annotations

import pytest

from tests.components.dates.helpers import CASE_FIELDS, SAMPLE_DATE, assert_timex, timexes

# End to end, on model-parsed sentences: (text, pub_date, extent, type, value, mod).
CASES = [
    # "mid-afternoon": the middle of the part of day (mod MID).
    ("Shares rose by mid-afternoon.", SAMPLE_DATE, "mid-afternoon", "TIME", "2023-06-13TAF", "MID"),
    (
        "At mid morning yesterday the market fell.",
        SAMPLE_DATE,
        "mid morning yesterday",
        "TIME",
        "2023-06-12TMO",
        "MID",
    ),
    ("Rebels shelled the port overnight.", SAMPLE_DATE, "overnight", "TIME", "2023-06-12TNI", None),
    ("Police arrived this morning.", SAMPLE_DATE, "this morning", "TIME", "2023-06-13TMO", None),
    ("The blast came at 10:35 a.m.", "1998-08-07", "10:35 a.m.", "TIME", "1998-08-07T10:35", None),
    # An hour with "in the morning/afternoon/evening".
    (
        "The convoy leaves at 4 in the morning.",
        SAMPLE_DATE,
        "4 in the morning",
        "TIME",
        "2023-06-13T04:00",
        None,
    ),
    (
        "The vote ended at five in the afternoon.",
        SAMPLE_DATE,
        "five in the afternoon",
        "TIME",
        "2023-06-13T17:00",
        None,
    ),
    # A clock time takes the day after an aside, else the day the text is at.
    (
        "The explosion came at 9:20 a.m. (0620 GMT) Friday.",
        SAMPLE_DATE,
        "9:20 a.m.",
        "TIME",
        "2023-06-09T09:20",
        None,
    ),
    (
        "She will depart at 5 in the morning (5 a.m. EDT Thursday).",
        SAMPLE_DATE,
        "5 in the morning",
        "TIME",
        "2023-06-15T05:00",
        None,
    ),
    (
        "The rally began on June 9. Police arrived at 10 p.m.",
        SAMPLE_DATE,
        "10 p.m.",
        "TIME",
        "2023-06-09T22:00",
        None,
    ),
    ("Police arrived at 10 p.m.", SAMPLE_DATE, "10 p.m.", "TIME", "2023-06-13T22:00", None),
]


@pytest.mark.model
@pytest.mark.parametrize(CASE_FIELDS, CASES)
def test_timex(make_doc, text, date, extent, type_, value, mod):
    assert_timex(make_doc, text, date, extent, type_, value, mod)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["Police arrested 12 in the morning raid.", "Rebels killed 4 in the evening attack."],
)
def test_count_before_part_of_day_is_no_clock_time(make_doc, text):
    assert not [
        d for d in timexes(make_doc, text, SAMPLE_DATE) if d["type"] == "TIME" and ":" in d["value"]
    ]
