"""Times of day: clock times, parts of the day, "mid-afternoon", "overnight"."""

from __future__ import annotations

import pytest

from pipeline.components.dates.find import _alone_on_its_line
from pipeline.components.dates.times import clock_time, mid_part, overnight, part_of_day
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
    # A space typed after the colon keeps the hour ("11: 06 a.m." was "06 a.m.").
    ("Polls closed at 11: 06 a.m.", SAMPLE_DATE, "11: 06 a.m.", "TIME", "2023-06-13T11:06", None),
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


# On hand-built candidates, published on a Tuesday, 2023-06-13.
_CLOCK = {
    "hour": None,
    "minute": None,
    "ampm": None,
    "part": None,
    "hour2": None,
    "minute2": None,
    "noon": None,
    "hour3": None,
    "part3": None,
}


@pytest.mark.parametrize(
    ("groups", "day", "value"),
    [
        ({"hour": "10", "minute": "35", "ampm": "p.m."}, "2023-06-09", "2023-06-09T22:35"),
        ({"hour": "12", "ampm": "a.m."}, None, "2023-06-13T00:00"),
        ({"hour": "12", "ampm": "PM"}, None, "2023-06-13T12:00"),
        ({"hour": "7", "ampm": "o'clock", "part": "evening"}, None, "2023-06-13T19:00"),
        ({"hour2": "14", "minute2": "05"}, None, "2023-06-13T14:05"),
        ({"noon": "Noon"}, None, "2023-06-13T12:00"),
        ({"noon": "midnight"}, "2023-06-01", "2023-06-01T24:00"),
        ({"hour3": "five", "part3": "afternoon"}, None, "2023-06-13T17:00"),
        ({"hour3": "4", "part3": "morning"}, None, "2023-06-13T04:00"),
    ],
)
def test_clock_time(groups, day, value):
    cand = candidate("time", **(_CLOCK | groups))
    assert clock_time(cand, context(), day) == {"type": "TIME", "value": value}


def test_a_clock_time_alone_is_on_the_day_the_text_is_at():
    cand = candidate("time", **(_CLOCK | {"hour": "10", "ampm": "p.m."}))
    assert clock_time(cand, context(mentions=["2023-06-09"]), None)["value"] == "2023-06-09T22:00"
    assert clock_time(cand, context(None), None)["value"] == "XXXX-XX-XXT22:00"


@pytest.mark.parametrize(
    ("rel", "part", "mentions", "value"),
    [
        ("this", "Morning", [], "2023-06-13TMO"),
        ("last", "night", [], "2023-06-12TNI"),
        ("Tomorrow", "evening", [], "2023-06-14TEV"),
        ("yesterday", "afternoon", [], "2023-06-12TAF"),
        ("that", "evening", ["2023-06-01"], "2023-06-01TEV"),
        ("the", "night", [], "2023-06-13TNI"),
    ],
)
def test_part_of_day(rel, part, mentions, value):
    cand = candidate("part_of_day", rel=rel, part=part)
    assert part_of_day(cand, context(mentions=mentions)) == {"type": "TIME", "value": value}


@pytest.mark.parametrize(
    ("word", "value"),
    [(None, "2023-06-13TAF"), ("yesterday", "2023-06-12TAF"), ("tomorrow", "2023-06-14TAF")],
)
def test_mid_part(word, value):
    cand = candidate("mid_part", part="afternoon", word=word)
    assert mid_part(cand, context()) == {"type": "TIME", "value": value, "mod": "MID"}


def test_overnight_without_a_date_is_any_night():
    assert overnight(context(None)) == "XXXX-XX-XX"
    assert overnight(context(mentions=["2023-06-01"])) == "2023-05-31"


# A time zone belongs to the clock time, in letters or in words, and the day after it
# still dates the time (published on Tuesday 2023-06-13).
TIME_ZONE_CASES = [
    (
        "Voting ends at 8 p.m. Eastern time on Monday.",
        SAMPLE_DATE,
        "8 p.m. Eastern time on Monday",
        "TIME",
        "2023-06-12T20:00",
        None,
    ),
    (
        "The speech began at 9 p.m. ET on Sunday.",
        SAMPLE_DATE,
        "9 p.m. ET on Sunday",
        "TIME",
        "2023-06-11T21:00",
        None,
    ),
    ("The game started at 7 pm PT.", SAMPLE_DATE, "7 pm PT", "TIME", "2023-06-13T19:00", None),
    ("Markets closed at 4 p.m. BST.", SAMPLE_DATE, "4 p.m. BST", "TIME", "2023-06-13T16:00", None),
]


@pytest.mark.model
@pytest.mark.parametrize(CASE_FIELDS, TIME_ZONE_CASES)
def test_time_zones(make_doc, text, date, extent, type_, value, mod):
    assert_timex(make_doc, text, date, extent, type_, value, mod)


@pytest.mark.model
def test_a_lower_case_word_after_a_time_is_no_zone(make_doc):
    items = timexes(make_doc, "He arrived at 6 a.m. et cetera.", SAMPLE_DATE)
    assert [d["text"] for d in items] == ["6 a.m."]


# The wire's four-digit times, with GMT or UTC (published on Tuesday 2023-06-13).
WIRE_TIME_CASES = [
    (
        "The strike began at 0600 GMT on Monday.",
        SAMPLE_DATE,
        "0600 GMT on Monday",
        "TIME",
        "2023-06-12T06:00",
        None,
    ),
    ("Trading resumed at 1430 UTC.", SAMPLE_DATE, "1430 UTC", "TIME", "2023-06-13T14:30", None),
]


@pytest.mark.model
@pytest.mark.parametrize(CASE_FIELDS, WIRE_TIME_CASES)
def test_wire_times(make_doc, text, date, extent, type_, value, mod):
    assert_timex(make_doc, text, date, extent, type_, value, mod)


@pytest.mark.model
def test_a_time_restated_in_an_aside_is_not_a_second_timex(make_doc):
    items = timexes(make_doc, "The blast came at 10:35 a.m. (0735 GMT) on Friday.", SAMPLE_DATE)
    assert [d["text"] for d in items] == ["10:35 a.m.", "Friday"]


# "about", "around" before a clock time with its day are in the extent (APPROX), as before a
# clock time alone.
APPROX_CASES = [
    (
        "The storm hit at around 3 a.m. local time on Sunday.",
        SAMPLE_DATE,
        "around 3 a.m. local time on Sunday",
        "TIME",
        "2023-06-11T03:00",
        "APPROX",
    ),
    (
        "The blast occurred at about 10:35 a.m. Friday.",
        SAMPLE_DATE,
        "about 10:35 a.m. Friday",
        "TIME",
        "2023-06-09T10:35",
        "APPROX",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(CASE_FIELDS, APPROX_CASES)
def test_an_approximate_time_on_a_day(make_doc, text, date, extent, type_, value, mod):
    assert_timex(make_doc, text, date, extent, type_, value, mod)


@pytest.mark.model
def test_a_time_stamp_alone_on_its_line_is_on_the_publication_date(make_doc):
    # A live report: each entry's time stamp is the day it was written, not the day the
    # entry before it mentioned ("a rally on Friday", "the vote on June 7").
    text = (
        "The Latest on the race (all times local):\n\n"
        "4:15 p.m.\n\n"
        "The mayor said the vote would be held on June 7.\n\n"
        "3:50 p.m.\n\n"
        "The council will meet again on Friday, a spokeswoman said at 3 p.m.\n"
    )
    items = timexes(make_doc, text, SAMPLE_DATE)
    assert one(items, "4:15 p.m.")["value"] == "2023-06-13T16:15"
    assert one(items, "3:50 p.m.")["value"] == "2023-06-13T15:50"
    # A clock time inside a sentence still takes the day the text is at.
    assert one(items, "3 p.m.")["value"] == "2023-06-16T15:00"


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        ("9:34 p.m.", True),
        ("Entry one.\n  9:34 p.m.\r\nEntry two.", True),
        ("Entry one.\n\u00a09:34 p.m. \nEntry two.", True),
        ("Entry one.\nAt 9:34 p.m.\nEntry two.", False),
        ("Entry one.\n9:34 p.m. ET\nEntry two.", False),
    ],
)
def test_alone_on_its_line_reads_only_the_spaces_around(text, alone):
    start = text.index("9:34")
    assert _alone_on_its_line(text, start, start + len("9:34 p.m.")) is alone
