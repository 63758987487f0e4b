"""The mod of the modifiers folded into an extent."""

from __future__ import annotations

import pytest

from pipeline.components.dates.extents import TimexCandidate
from pipeline.components.dates.lexicon import load_lexicons
from pipeline.components.dates.modifiers import with_mod
from tests.components.dates.helpers import CASE_FIELDS, SAMPLE_DATE, assert_timex, timexes

# End to end, on model-parsed sentences: (text, pub_date, extent, type, value, mod).
CASES = [
    (
        "They delivered rockets toward the end of last year.",
        SAMPLE_DATE,
        "the end of last year",
        "DATE",
        "2022",
        "END",
    ),
    ("Talks resume in mid-2024.", SAMPLE_DATE, "mid-2024", "DATE", "2024", "MID"),
    # "up to" bounds a length ("up to five years"), not a day: "the weeks leading up to
    # Monday's vote" leave it out.
    (
        "The term is up to five years.",
        SAMPLE_DATE,
        "up to five years",
        "DURATION",
        "P5Y",
        "EQUAL_OR_LESS",
    ),
    (
        "Polls tightened in the weeks leading up to Monday's vote.",
        SAMPLE_DATE,
        "Monday",
        "DATE",
        "2023-06-12",
        None,
    ),
    ("The vote was held in early March.", SAMPLE_DATE, "early March", "DATE", "2023-03", "START"),
    # "over" says "more than" as a quantity's modifier or after a verb of length, and is a
    # preposition ("during") before the object of another verb.
    (
        "The strike lasted over three years.",
        SAMPLE_DATE,
        "over three years",
        "DURATION",
        "P3Y",
        "MORE_THAN",
    ),
    (
        "He has worked there for over three years.",
        SAMPLE_DATE,
        "over three years",
        "DURATION",
        "P3Y",
        "MORE_THAN",
    ),
    (
        "The system has evolved over several years.",
        SAMPLE_DATE,
        "several years",
        "DURATION",
        "PXY",
        None,
    ),
    (
        "I am talking about three days, more or less.",
        SAMPLE_DATE,
        "three days",
        "DURATION",
        "P3D",
        None,
    ),
    (
        "The flight takes about five hours.",
        SAMPLE_DATE,
        "about five hours",
        "DURATION",
        "PT5H",
        "APPROX",
    ),
    (
        "The money can be used over three years.",
        SAMPLE_DATE,
        "three years",
        "DURATION",
        "P3Y",
        None,
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(CASE_FIELDS, CASES)
def test_timex(make_doc, text, date, extent, type_, value, mod):
    assert_timex(make_doc, text, date, extent, type_, value, mod)


@pytest.mark.parametrize(
    ("mod", "position", "extra", "groups", "expected"),
    [
        ("about", None, {}, {}, "APPROX"),
        ("more than", None, {}, {}, "MORE_THAN"),
        (None, "the end of", {}, {}, "END"),
        (None, "mid", {}, {}, "MID"),
        ("about", None, {"after": "or more"}, {}, "EQUAL_OR_MORE"),  # the last one said
        (None, None, {}, {"orso": "or so"}, "APPROX"),
        ("no such modifier", None, {}, {}, "START"),  # the handler's own mod stays
    ],
)
def test_with_mod(mod, position, extra, groups, expected):
    cand = TimexCandidate(0, 1, "year", groups, mod=mod, position=position, extra=extra)
    words = load_lexicons().words
    result = with_mod({"type": "DATE", "value": "2023", "mod": "START"}, cand, words)
    assert result["mod"] == expected


# The wire style's hyphenated position: "end-2023" is the end of 2023 (mod END).
@pytest.mark.model
@pytest.mark.parametrize(
    CASE_FIELDS,
    [
        ("Prices hit a record by end-2022.", SAMPLE_DATE, "end-2022", "DATE", "2022", "END"),
        ("The fund will close by end-March.", SAMPLE_DATE, "end-March", "DATE", "2024-03", "END"),
        ("Rates may peak at start-2024.", SAMPLE_DATE, "start-2024", "DATE", "2024", "START"),
    ],
)
def test_hyphenated_positions(make_doc, text, date, extent, type_, value, mod):
    assert_timex(make_doc, text, date, extent, type_, value, mod)


# "the early (small, wee) hours of" a day is its start, one timex: no "hours" of its own.
EARLY_HOURS_CASES = [
    (
        "He was detained in the early hours of Thursday morning.",
        SAMPLE_DATE,
        "the early hours of Thursday morning",
        "TIME",
        "2023-06-08TMO",
        "START",
    ),
    (
        "The attack began in the small hours of Sunday.",
        SAMPLE_DATE,
        "the small hours of Sunday",
        "DATE",
        "2023-06-11",
        "START",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(CASE_FIELDS, EARLY_HOURS_CASES)
def test_the_early_hours_of_a_day(make_doc, text, date, extent, type_, value, mod):
    assert_timex(make_doc, text, date, extent, type_, value, mod)
    assert len(timexes(make_doc, text, date)) == 1


@pytest.mark.model
def test_a_period_inside_folded_modifiers_is_not_a_timex_of_its_own(make_doc):
    text = "Sales have been flat for the last half of the '80s."
    items = timexes(make_doc, text, SAMPLE_DATE)
    assert [d["text"] for d in items] == ["the last half of the '80s"]
