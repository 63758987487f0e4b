"""Candidate extents, without the model: patterns, overlaps, merged clock times, modifiers."""

from __future__ import annotations

import pytest

from pipeline.components.dates.extents import find_candidates
from pipeline.components.dates.lexicon import load_lexicons
from pipeline.components.dates.patterns import REQUIRED_WORDS


def _candidates(text: str) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.family) for c in find_candidates(text, load_lexicons())]


def test_candidates_without_model():
    text = "Between December 2022 and April 2023, nearly three-year talks ended."
    assert [extent for extent, _ in _candidates(text)] == [
        "December 2022",
        "April 2023",
        "nearly three-year",
    ]


@pytest.mark.parametrize(
    ("text", "extent", "family"),
    [
        ("It opened on March 12, 1998.", "March 12, 1998", "date_mdy"),  # not "March 12"
        ("Police came at 10 a.m. Friday.", "10 a.m. Friday", "time_date"),
        ("Shares fell in the third quarter.", "the third quarter", "quarter"),
        ("They lost the 14-day appeal.", "14-day", "duration"),  # "the" left out
        ("They lost the third-quarter lead.", "third-quarter", "quarter"),
        ("Net for the fiscal second-quarter rose.", "fiscal second-quarter", "quarter"),
        # A possessive determiner is the owner's, not part of the time.
        ("Acme reported its third quarter results.", "third quarter", "quarter"),
        ("Acme blamed its fourth-quarter loss on rain.", "fourth-quarter", "quarter"),
        ("Both firms beat forecasts for their first half.", "first half", "quarter"),
        ("Talks resume in mid-2024.", "mid-2024", "year"),
        ("It happened more than four decades ago.", "more than four decades ago", "duration"),
        ("He left two years or so ago.", "two years or so ago", "duration"),
        # A hedge on a modifier stays out: "just [over an hour]".
        ("He died just over an hour later.", "over an hour", "duration"),
        ("It took just under two weeks.", "under two weeks", "duration"),
        ("A hearing is set for the week of March 6.", "the week of March 6", "date_mdy"),
        ("The day before Oct. 12, he quit.", "day before Oct. 12", "date_mdy"),
    ],
)
def test_extent_and_family(text, extent, family):
    assert (extent, family) in _candidates(text)


def test_modifiers_are_noted_on_the_candidate():
    text = "It lasted about two hours, toward the end of last year."
    about, end = find_candidates(text, load_lexicons())
    assert (about.mod, about.position) == ("about", None)
    assert (end.mod, end.position) == (None, "the end of")


def test_a_clock_time_before_an_aside_takes_the_day_after_it():
    text = "The blast came at 9:20 a.m. (0620 GMT) Friday."
    time = next(c for c in find_candidates(text, load_lexicons()) if c.family == "time")
    assert text[time.extra["date"].start : time.extra["date"].end] == "Friday"


def test_every_required_word_family_is_a_pattern_family():
    families = {family for family, _ in load_lexicons().families}
    assert set(REQUIRED_WORDS) <= families


@pytest.mark.parametrize(
    "text",
    ["It was built in 1990.", "Nothing to see here.", ""],
)
def test_a_text_without_the_required_words_skips_those_families(text):
    lower = text.lower()
    found = {family for _, family in _candidates(text)}
    for family, words in REQUIRED_WORDS.items():
        if not any(word in lower for word in words):
            assert family not in found
