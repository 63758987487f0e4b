"""A coordination's neighbours: "April 24 and 25", "the second and fourth quarters", ranges."""

from __future__ import annotations

import pytest

from pipeline.components.dates.coordination import date_item, mark_ranges, with_elided
from pipeline.components.dates.lexicon import load_lexicons
from tests.components.dates.helpers import SAMPLE_DATE, timexes


@pytest.mark.model
@pytest.mark.parametrize(
    "text,extents,values",
    [
        (
            "The fair will open to visitors April 24 and 25.",
            ["April 24", "25"],
            ["2024-04-24", "2024-04-25"],
        ),
        (
            "Talks were held May 3-4th, officials said.",
            ["May 3", "4th"],
            ["2023-05-03", "2023-05-04"],
        ),
        ("On March 3 and 4 others were hurt.", ["March 3"], ["2023-03-03"]),
        # A dash or "among", "via" after the range ends it as a full stop does.
        (
            "The poll ran May 13-22 \u2014 a long time \u2014 among 552 voters.",
            ["May 13", "22"],
            ["2023-05-13", "2023-05-22"],
        ),
        (
            "It was conducted March 17-20 via landlines.",
            ["March 17", "20"],
            ["2023-03-17", "2023-03-20"],
        ),
        (
            "It surveyed voters Feb. 15-17 among 1,031 adults.",
            ["Feb. 15", "17"],
            ["2023-02-15", "2023-02-17"],
        ),
        (
            "Ticket sales peak during its second and fourth quarters.",
            ["second", "fourth quarters"],
            ["XXXX-Q2", "XXXX-Q4"],
        ),
        (
            "Profit rose in the first and second quarters of 2022.",
            ["first", "second quarters of 2022"],
            ["2022-Q1", "2022-Q2"],
        ),
        # "The night of <date>": the date alone is the timex, as TimeBank marks it.
        ("The fire broke out on the night of May 2, police said.", ["May 2"], ["2023-05-02"]),
    ],
)
def test_dates_next_to_a_date(make_doc, text, extents, values):
    items = timexes(make_doc, text, SAMPLE_DATE)
    assert [(i["text"], i["value"]) for i in items] == list(zip(extents, values, strict=True))


# On hand-made items: what the stage found before the coordination step.
def _item(text: str, extent: str, value: str, type_: str = "DATE") -> dict:
    start = text.index(extent)
    return date_item(start, start + len(extent), type_, value)


def _texts(text: str, items: list[dict]) -> list[tuple[str, str]]:
    return [(text[i["start"] : i["end"]], i["value"]) for i in items]


@pytest.mark.parametrize(
    ("text", "extent", "value", "expected"),
    [
        (
            "The fair opens April 24 and 25.",
            "April 24",
            "2024-04-24",
            [("April 24", "2024-04-24"), ("25", "2024-04-25")],
        ),
        (
            "Talks were held May 3-4th, officials said.",
            "May 3",
            "2023-05-03",
            [("May 3", "2023-05-03"), ("4th", "2023-05-04")],
        ),
        # A count, not a day: "4 others"; a day before the first is no range of days.
        (
            "On March 3 and 4 others were hurt.",
            "March 3",
            "2023-03-03",
            [("March 3", "2023-03-03")],
        ),
        ("It ran May 9 and 2.", "May 9", "2023-05-09", [("May 9", "2023-05-09")]),
        (
            "Profit rose in the first and second quarters of 2022.",
            "second quarters of 2022",
            "2022-Q2",
            [("first", "2022-Q1"), ("second quarters of 2022", "2022-Q2")],
        ),
        (
            "Sales peak in the first and second halves.",
            "second halves",
            "XXXX-H2",
            [("first", "XXXX-H1"), ("second halves", "XXXX-H2")],
        ),
        (
            "Sales peak in the third and second halves.",
            "second halves",
            "XXXX-H2",
            [("second halves", "XXXX-H2")],  # a year has two halves
        ),
        ("Sales rose 5% in 2022 and 2023.", "2022", "2022", [("2022", "2022")]),
    ],
)
def test_with_elided(text, extent, value, expected):
    items = with_elided(text, [_item(text, extent, value)], load_lexicons().words)
    assert _texts(text, items) == expected
    assert items[0]["mod"] is None


def test_an_elided_day_already_found_is_not_added_twice():
    text = "The fair opens April 24 and 25."
    items = [_item(text, "April 24", "2024-04-24"), _item(text, "25", "2024-04-25")]
    assert with_elided(text, items, load_lexicons().words) == items


@pytest.mark.parametrize(
    ("text", "ranged"),
    [
        ("Prices rose between December 2022 and April 2023.", True),
        ("Prices rose from December 2022 to April 2023.", True),
        ("Prices rose in December 2022 and April 2023.", False),
    ],
)
def test_mark_ranges(text, ranged):
    items = [_item(text, "December 2022", "2022-12"), _item(text, "April 2023", "2023-04")]
    mark_ranges(text, items)
    # The range is the first item's start to the second's end (exclusive, as each interval's).
    expected = {"start": "2022-12-01", "end": "2023-05-01"} if ranged else None
    assert [item.get("range") for item in items] == [expected, expected]
