"""Words placed against the publication date: today, now, soon, a weekday or season alone."""

from __future__ import annotations

import pytest

from pipeline.components.dates.deictic import (
    day_predicate,
    deictic,
    deictic_day,
    season,
    weekday,
)
from tests.components.dates.helpers import (
    CASE_FIELDS,
    SAMPLE_DATE,
    assert_timex,
    candidate,
    context,
)

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
    # "today's" before a generic noun is the present; before an event, the day.
    ("Today's youth spend hours online.", SAMPLE_DATE, "Today", "DATE", "PRESENT_REF", None),
    ("It matters in today's world.", SAMPLE_DATE, "today", "DATE", "PRESENT_REF", None),
    ("Today's meeting was short.", SAMPLE_DATE, "Today", "DATE", SAMPLE_DATE, None),
    ("He lost today's vote.", SAMPLE_DATE, "today", "DATE", SAMPLE_DATE, None),
    ("He is currently in Seoul.", SAMPLE_DATE, "currently", "DATE", "PRESENT_REF", None),
    ("He recently arrived.", SAMPLE_DATE, "recently", "DATE", "PAST_REF", None),
    (
        "The blast happened Friday morning.",
        "1998-08-08",
        "Friday morning",
        "TIME",
        "1998-08-07TMO",
        None,
    ),
    ("Shares rose yesterday.", SAMPLE_DATE, "yesterday", "DATE", "2023-06-12", None),
    # A day named as what it is: the subject's day, the publication day in the present,
    # the day the text is at in the past.
    (
        "Today is the eighth day of the strike.",
        SAMPLE_DATE,
        "the eighth day",
        "DATE",
        SAMPLE_DATE,
        None,
    ),
    (
        "It's the second day of the offensive.",
        SAMPLE_DATE,
        "the second day",
        "DATE",
        SAMPLE_DATE,
        None,
    ),
    (
        'The treaty was signed on June 2. He said it was "a great day for Poland."',
        SAMPLE_DATE,
        "a great day",
        "DATE",
        "2023-06-02",
        None,
    ),
    ("Yesterday was a sad day for us.", SAMPLE_DATE, "a sad day", "DATE", "2023-06-12", None),
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
    # A winter across two years begins in the first.
    (
        "The winter of 2022-23 was mild.",
        SAMPLE_DATE,
        "The winter of 2022-23",
        "DATE",
        "2022-WI",
        None,
    ),
    (
        "Heating bills soared in winter 2022/2023.",
        SAMPLE_DATE,
        "winter 2022/2023",
        "DATE",
        "2022-WI",
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


# On hand-built candidates: the groups the pattern reads, placed against a Tuesday, 2023-06-13.
@pytest.mark.parametrize(
    ("word", "part", "expected"),
    [
        ("Tomorrow", None, {"type": "DATE", "value": "2023-06-14"}),
        ("yesterday", "morning", {"type": "TIME", "value": "2023-06-12TMO"}),
        ("tonight", None, {"type": "TIME", "value": "2023-06-13TNI"}),
    ],
)
def test_deictic_day(word, part, expected):
    assert deictic_day(candidate("deictic_day", word=word, part=part), context()) == expected


def test_today_without_a_publication_date_is_the_present():
    today = candidate("deictic_day", word="today", part=None)
    assert deictic_day(today, context(None)) == {"type": "DATE", "value": "PRESENT_REF"}
    tomorrow = candidate("deictic_day", word="tomorrow", part=None)
    assert deictic_day(tomorrow, context(None)) == {"type": "DATE", "value": "XXXX-XX-XX"}


@pytest.mark.parametrize(
    ("subj", "verb", "mentions", "value"),
    [
        ("Yesterday", "was", [], "2023-06-12"),  # the day the subject names
        ("it", "'s", ["2023-06-02"], "2023-06-13"),  # the present: the publication day
        ("it", "was", ["2023-06-02"], "2023-06-02"),  # the past: the day the text is at
        ("that", "was", [], "2023-06-13"),  # no day named yet: the publication day
    ],
)
def test_day_predicate(subj, verb, mentions, value):
    day = candidate("day_predicate", subj=subj, verb=verb)
    assert day_predicate(day, context(mentions=mentions)) == {"type": "DATE", "value": value}


def test_a_day_predicate_without_a_publication_date_is_any_day():
    day = candidate("day_predicate", subj="today", verb="is")
    assert day_predicate(day, context(None)) == {"type": "DATE", "value": "XXXX-XX-XX"}


@pytest.mark.parametrize(
    ("word", "then", "tense", "value"),
    [
        ("The near  term", None, None, "FUTURE_REF"),
        ("currently", "then ", None, "PAST_REF"),  # "the then current price"
        ("recently", None, "past", "PAST_REF"),
        ("soon", None, "future", "FUTURE_REF"),
        ("soon", None, "past", None),  # "was soon released"
    ],
)
def test_deictic_words(word, then, tense, value):
    result = deictic(candidate("deictic", word=word, then=then), context(tense=tense))
    assert (result and result["value"]) == value


def test_overnight_is_the_night_before_the_day_the_text_is_at():
    cand = candidate("deictic", word="overnight", then=None)
    assert deictic(cand, context())["value"] == "2023-06-12TNI"
    assert deictic(cand, context(mentions=["2023-06-09"]))["value"] == "2023-06-08TNI"


@pytest.mark.parametrize(
    ("groups", "tense", "expected"),
    [
        ({}, "past", {"type": "DATE", "value": "2023-06-09"}),
        ({}, "future", {"type": "DATE", "value": "2023-06-16"}),
        ({"part": "Morning"}, "past", {"type": "TIME", "value": "2023-06-09TMO"}),
        ({"plural": "s"}, None, {"type": "SET", "value": "XXXX-WXX-5"}),
        ({"part": "night", "partplural": "s"}, None, {"type": "SET", "value": "XXXX-WXX-5TNI"}),
    ],
)
def test_weekday(groups, tense, expected):
    friday = {"weekday": "Friday", "plural": None, "part": None, "partplural": None}
    cand = candidate("weekday", **(friday | groups))
    assert weekday(cand, context(tense=tense)) == expected


def test_a_weekday_without_a_publication_date_is_any_such_weekday():
    cand = candidate("weekday", weekday="Friday", plural=None, part=None, partplural=None)
    assert weekday(cand, context(None))["value"] == "XXXX-WXX-5"


@pytest.mark.parametrize(
    ("det", "year", "y19", "tense", "value"),
    [
        (None, "2013", None, None, "2013-SU"),
        ("the", None, "eighty-seven", None, "1987-SU"),
        ("last", None, None, None, "2022-SU"),
        ("next", None, None, None, "2024-SU"),
        ("this", None, None, None, "2023-SU"),
    ],
)
def test_season(det, year, y19, tense, value):
    cand = candidate("season", season="Summer", det=det, year=year, y19=y19)
    assert season(cand, context(tense=tense)) == {"type": "DATE", "value": value}
    if year is None and y19 is None:
        assert season(cand, context(None))["value"] == "XXXX-SU"
