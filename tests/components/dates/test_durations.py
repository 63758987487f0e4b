"""Durations, sets and counted shifts ("two years ago")."""

from __future__ import annotations

import pytest

from pipeline.components.dates.durations import (
    duration,
    set_every,
    set_rate,
    set_word,
    unit_long,
    unit_plural,
)
from pipeline.components.dates.extents import TimexCandidate
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
    # "in" + a count in a clause ahead is the time that far ahead; in a past one a length.
    ("The stock would be redeemed in five years.", SAMPLE_DATE, "five years", "DATE", "2028", None),
    ("The plant will open in three months.", SAMPLE_DATE, "three months", "DATE", "2023-09", None),
    ("It was his second letter in two weeks.", SAMPLE_DATE, "two weeks", "DURATION", "P2W", None),
    # "in a year or two" ahead is some time ahead; the second count stays out of the extent.
    ("You may, in a year or two, save lives.", SAMPLE_DATE, "a year", "DATE", "FUTURE_REF", None),
    ("He stayed for a day or two.", SAMPLE_DATE, "a day", "DURATION", "P1D", None),
    ("The paper is published weekly.", SAMPLE_DATE, "weekly", "SET", "P1W", None),
    ("The board meets every year.", SAMPLE_DATE, "every year", "SET", "P1Y", None),
    ("It bans sales above 500,000 barrels a year.", SAMPLE_DATE, "a year", "SET", "P1Y", None),
    # A rate's count may be a plural scale word with "of": "hundreds of interviews a day".
    ("Agents did hundreds of interviews a day.", SAMPLE_DATE, "a day", "SET", "P1D", None),
    ("The field pumps millions of barrels a year.", SAMPLE_DATE, "a year", "SET", "P1Y", None),
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
    # The stretch next to an event ("the weeks before the vote") is a DATE, not a length;
    # the stage does not date the event, so the stretch stays unplaced.
    (
        "His car was seen near the house in the weeks before the shooting.",
        SAMPLE_DATE,
        "weeks",
        "DATE",
        "XXXX-XX",
        None,
    ),
    (
        "Prices swung wildly in the days after the election.",
        SAMPLE_DATE,
        "days",
        "DATE",
        "XXXX-XX",
        None,
    ),
    ("In the years following the war, the town grew.", SAMPLE_DATE, "years", "DATE", "XXXX", None),
    # A unit made an adjective without a count: one of it, or an unspecified number.
    ("They emerged from their day-long meeting.", SAMPLE_DATE, "day-long", "DURATION", "P1D", None),
    ("The decades-long feud ended.", SAMPLE_DATE, "decades-long", "DURATION", "PXY", None),
    ("A months-long strike hit the port.", SAMPLE_DATE, "months-long", "DURATION", "PXM", None),
    (
        "The near-decade-long war goes on.",
        SAMPLE_DATE,
        "near-decade-long",
        "DURATION",
        "P10Y",
        "APPROX",
    ),
    # Without "the" before, or an event after, it stays a length of time.
    ("The rebels held the town for weeks.", SAMPLE_DATE, "weeks", "DURATION", "PXW", None),
    (
        "Investors may sell their junk bonds in the weeks ahead.",
        SAMPLE_DATE,
        "weeks",
        "DURATION",
        "PXW",
        None,
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(CASE_FIELDS, CASES)
def test_timex(make_doc, text, date, extent, type_, value, mod):
    assert_timex(make_doc, text, date, extent, type_, value, mod)


# On hand-built candidates, published on a Tuesday, 2023-06-13.
def _duration(num: str, unit: str, **groups: str | None) -> TimexCandidate:
    """A counted unit: the pattern reads "years" as ``unit`` "year", ``plural`` "s"."""
    plural = "s" if unit.endswith("s") and unit != "centuries" else None
    groups = {"num": num, "unit": unit[:-1] if plural else unit, "plural": plural} | groups
    return candidate("duration", **({"half": None, "dir": None} | groups))


@pytest.mark.parametrize(
    ("cand", "expected"),
    [
        (_duration("two", "years"), {"type": "DURATION", "value": "P2Y"}),
        (_duration("2 1/2", "years"), {"type": "DURATION", "value": "P2Y6M"}),
        (_duration("a", "minute", half=" and a half"), {"type": "DURATION", "value": "PT1M30S"}),
        (_duration("several", "weeks"), {"type": "DURATION", "value": "PXW"}),
        (_duration("two", "centuries"), {"type": "DURATION", "value": "P200Y"}),
        (_duration("three", "days", dir="ago"), {"type": "DATE", "value": "2023-06-10"}),
        (_duration("two", "years", dir="ago"), {"type": "DATE", "value": "2021"}),
        (_duration("three", "hours", dir="earlier"), {"type": "TIME", "value": "PAST_REF"}),
        (_duration("several", "years", dir="ago"), {"type": "DATE", "value": "PAST_REF"}),
    ],
)
def test_duration(cand, expected):
    assert duration(cand, context()) == expected


def test_a_year_earlier_counts_from_the_last_year_mentioned():
    cand = _duration("a", "year", dir="earlier")
    assert duration(cand, context(mentions=["2019-05"]))["value"] == "2018"


@pytest.mark.parametrize(
    ("unit", "det", "dir", "expected"),
    [
        ("years", "recent", None, {"type": "DATE", "value": "PAST_REF"}),
        ("years", None, "ago", {"type": "DATE", "value": "PAST_REF"}),
        ("months", "coming", None, {"type": "DATE", "value": "FUTURE_REF"}),
        ("weeks", None, None, {"type": "DURATION", "value": "PXW"}),
        ("centuries", None, None, {"type": "DURATION", "value": "PXC"}),
    ],
)
def test_unit_plural(unit, det, dir, expected):
    cand = candidate("duration_bare", unit=unit[:-1], det=det, dir=dir)
    assert unit_plural(cand, context()) == expected


@pytest.mark.parametrize(
    ("unit", "plural", "value"),
    [("day", None, "P1D"), ("week", None, "P1W"), ("decade", "s", "PXY"), ("centurie", "s", "PXC")],
)
def test_unit_long(unit, plural, value):
    cand = candidate("duration_long", unit=unit, plural=plural, near=None)
    assert unit_long(cand, context()) == {"type": "DURATION", "value": value, "mod": None}


@pytest.mark.parametrize(
    ("unit", "the", "event", "expected"),
    [
        ("weeks", "", "", {"type": "DATE", "value": "XXXX-XX"}),
        ("hours", "", "", {"type": "DATE", "value": "XXXX-XX"}),
        ("months", "", "", {"type": "DATE", "value": "XXXX"}),
        ("weeks", None, "", {"type": "DURATION", "value": "PXW"}),  # "weeks after the vote"
        ("weeks", "", None, {"type": "DURATION", "value": "PXW"}),  # "the weeks ahead"
    ],
)
def test_the_units_before_an_event(unit, the, event, expected):
    cand = candidate("duration_bare", unit=unit[:-1], det=None, dir=None, the=the, event=event)
    assert unit_plural(cand, context(mentions=["2023-05-02"])) == expected


@pytest.mark.parametrize(
    ("cand", "value"),
    [
        (candidate("set_word", word="Weekly"), "P1W"),
        (candidate("set_rate", word="year"), "P1Y"),
        (candidate("set_every", word="Monday", other=None), "XXXX-WXX-1"),
        (candidate("set_every", word="morning", other=None), "XXXX-XX-XXTMO"),
        (candidate("set_every", word="Sept.", other=None), "XXXX-09"),
        (candidate("set_every", word="winter", other=None), "XXXX-WI"),
        (candidate("set_every", word="week", other="other"), "P2W"),
    ],
)
def test_sets(cand, value):
    handler = {"set_word": set_word, "set_rate": set_rate, "set_every": set_every}[cand.family]
    assert handler(cand, context()) == {"type": "SET", "value": value}


# How often, and how long after a verb "last": frequencies are SETs over their unit
# (TimeML's "twice a week", freq 2X, value P1W); "every four years" repeats every P4Y.
FREQUENCY_CASES = [
    ("The report is released twice a year.", SAMPLE_DATE, "twice a year", "SET", "P1Y", None),
    (
        "The board meets three times a month.",
        SAMPLE_DATE,
        "three times a month",
        "SET",
        "P1M",
        None,
    ),
    ("Patients take the pill once a day.", SAMPLE_DATE, "once a day", "SET", "P1D", None),
    ("He calls his mother twice per week.", SAMPLE_DATE, "twice per week", "SET", "P1W", None),
    ("The games are held every four years.", SAMPLE_DATE, "every four years", "SET", "P4Y", None),
    ("A census is taken every 10 years.", SAMPLE_DATE, "every 10 years", "SET", "P10Y", None),
    ("Elections are called every few years.", SAMPLE_DATE, "every few years", "SET", "PXY", None),
    # "last" as the verb is no part of the timex: "to last several weeks" is "several weeks".
    (
        "The trial is expected to last several weeks.",
        SAMPLE_DATE,
        "several weeks",
        "DURATION",
        "PXW",
        None,
    ),
    (
        "The drought could last two more years.",
        SAMPLE_DATE,
        "two more years",
        "DURATION",
        "P2Y",
        None,
    ),
    ("The strike won't last two days.", SAMPLE_DATE, "two days", "DURATION", "P2D", None),
    # "the last three years" keeps its determiner.
    (
        "Sales fell over the last three years.",
        SAMPLE_DATE,
        "the last three years",
        "DURATION",
        "P3Y",
        None,
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(CASE_FIELDS, FREQUENCY_CASES)
def test_frequencies_and_the_verb_last(make_doc, text, date, extent, type_, value, mod):
    assert_timex(make_doc, text, date, extent, type_, value, mod)


@pytest.mark.model
def test_a_bare_a_year_stays_a_duration_without_an_amount_or_frequency(make_doc):
    items = timexes(make_doc, "The lease runs for a year.", SAMPLE_DATE)
    assert [(d["text"], d["type"], d["value"]) for d in items] == [("a year", "DURATION", "P1Y")]


# A hyphenated rate is a SET as the spaced one is.
HYPHENATED_RATE_CASES = [
    ("He built a $400-million-a-year business.", SAMPLE_DATE, "a-year", "SET", "P1Y", None),
    ("Thousands of $12-an-hour workers were blamed.", SAMPLE_DATE, "an-hour", "SET", "PT1H", None),
]


@pytest.mark.model
@pytest.mark.parametrize(CASE_FIELDS, HYPHENATED_RATE_CASES)
def test_hyphenated_rates(make_doc, text, date, extent, type_, value, mod):
    assert_timex(make_doc, text, date, extent, type_, value, mod)


# "one day" after a modal or an infinitive's "to" is some day ahead; as the object of a
# verb or a preposition it stays a length.
SOME_DAY_CASES = [
    (
        "Islam will one day be the second largest religion.",
        SAMPLE_DATE,
        "one day",
        "DATE",
        "FUTURE_REF",
        None,
    ),
    ("She hopes to one day fly to the Moon.", SAMPLE_DATE, "one day", "DATE", "FUTURE_REF", None),
    ("The repair will take one day.", SAMPLE_DATE, "one day", "DURATION", "P1D", None),
    ("He had been in the job only one day.", SAMPLE_DATE, "one day", "DURATION", "P1D", None),
]


@pytest.mark.model
@pytest.mark.parametrize(CASE_FIELDS, SOME_DAY_CASES)
def test_one_day_after_a_modal_is_some_day_ahead(make_doc, text, date, extent, type_, value, mod):
    assert_timex(make_doc, text, date, extent, type_, value, mod)


@pytest.mark.model
def test_a_week_earlier_counts_from_the_week_the_text_is_at(make_doc):
    text = "That week, the board met. A week earlier, rumors had spread."
    items = timexes(make_doc, "On March 3, the deal was announced. " + text, SAMPLE_DATE)
    assert [(d["text"], d["value"]) for d in items][-2:] == [
        ("That week", "2023-W09"),
        ("A week earlier", "2023-W08"),
    ]


# "on weekends" is every weekend; a counted "weekends" is not.
WEEKENDS_CASES = [
    ("The museum is open on weekends.", ["weekends"]),
    ("He spent weekends at the lake.", ["weekends"]),
    ("The Weekends played a show.", []),
]


@pytest.mark.model
@pytest.mark.parametrize("text,extents", WEEKENDS_CASES)
def test_weekends_are_a_set(make_doc, text, extents):
    items = timexes(make_doc, text, SAMPLE_DATE)
    assert [d["text"] for d in items] == extents
    assert all(d["type"] == "SET" and d["value"] == "XXXX-WXX-WE" for d in items)
