"""The shared calendar lexicon (``pipeline.lang.calendar``)."""

from __future__ import annotations

import pytest

from pipeline.components.claims import cue_phrase
from pipeline.lang.calendar import (
    day_offsets,
    day_words,
    month_homonyms,
    month_number,
    months,
    read_calendar,
    seasons,
    weekdays,
)
from pipeline.lexicons import ResourceError

#: The month words without the rare forms, in the table's order: the dates stage's month
#: words (``months(rare=False)``); quantities also reads the rare ones ("Mar", "Jun").
DATES_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "jan",
    "feb.",
    "feb",
    "mar.",
    "apr.",
    "apr",
    "jun.",
    "jul.",
    "aug.",
    "aug",
    "sept.",
    "sept",
    "sep.",
    "sep",
    "oct.",
    "oct",
    "nov.",
    "nov",
    "dec.",
    "dec",
]


def test_months_without_rare_forms_are_the_dates_stages_months_in_order() -> None:
    assert list(months(rare=False)) == DATES_MONTHS


def test_rare_forms_are_the_undotted_ordinary_words() -> None:
    assert set(months()) - set(months(rare=False)) == {"mar", "jun", "jul"}


@pytest.mark.parametrize(
    ("word", "number"),
    [("January", 1), ("Sept", 9), ("sept.", 9), ("SEP", 9), ("Mar", 3), ("mar.", 3), ("Dec.", 12)],
)
def test_month_number(word: str, number: int) -> None:
    assert month_number(word) == number


@pytest.mark.parametrize("word", ["Monday", "marc", "", "13"])
def test_no_month_number(word: str) -> None:
    assert month_number(word) is None


def test_weekdays_are_iso_numbered() -> None:
    assert weekdays() == {
        "monday": 1,
        "tuesday": 2,
        "wednesday": 3,
        "thursday": 4,
        "friday": 5,
        "saturday": 6,
        "sunday": 7,
    }


def test_seasons_and_day_words() -> None:
    assert seasons() == {
        "spring": "SP",
        "summer": "SU",
        "fall": "FA",
        "autumn": "FA",
        "winter": "WI",
    }
    assert day_words() == {"today": 0, "yesterday": -1, "tonight": 0}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("month\tjanuary\tone\n", "not a whole number"),
        ("holiday\tchristmas\t12-25\n", "unknown kind"),
        ("month\tmar\t3\tmaybe\n", "unknown flag"),
    ],
)
def test_a_malformed_row_names_the_file(text: str, problem: str) -> None:
    with pytest.raises(
        ResourceError, match=rf"pipeline/lang/data/calendar.tsv line 1: .*{problem}"
    ):
        read_calendar(text=text)


def test_the_claims_stages_day_words_are_the_weekdays_and_today_yesterday_tonight() -> None:
    # The days PolNeAR keeps in the cue phrase ("said Tuesday", "said yesterday"), which the
    # claims stage reads from the calendar: a day row added there changes its cue phrases.
    assert {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tonight",
    } == cue_phrase.DAY_WORDS


def test_day_offsets_are_the_day_words_and_the_days_ahead() -> None:
    assert day_offsets() == day_words() | {"tomorrow": 1}
    assert "tomorrow" not in day_words()  # not a day something was said on


def test_month_homonyms_are_month_names() -> None:
    assert month_homonyms() == {"may", "march"}
    assert all(month_number(word) for word in month_homonyms())
    rows = read_calendar(text="homonym\tmay\t5\n")
    assert rows["homonym"] == [("may", "5", False)]
