"""Anchoring: the per-document Context, the last mention of a granularity, anaphoric values."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.components.dates.anchoring import Context, current_day, last_mention
from pipeline.components.dates.lexicon import load_lexicons
from tests.components.dates.helpers import SAMPLE_DATE, one, timexes


def _context(mentions: list[str], ref: date | None = date(2023, 6, 13)) -> Context:
    return Context(ref=ref, lexicon=load_lexicons().words, mentions=mentions)


@pytest.mark.parametrize(
    ("granularity", "value"),
    [
        ("year", "2021-03"),
        ("quarter", "2021-03"),
        ("month", "2021-03"),
        ("week", "2020-W05"),
        ("day", "2019-01-02"),
    ],
)
def test_last_mention_is_the_latest_value_of_at_least_the_granularity(granularity, value):
    ctx = _context(["2019-01-02", "2020-W05", "2021-03"])
    assert last_mention(ctx, granularity) == value


def test_last_mention_is_none_without_one():
    assert last_mention(_context(["2021"]), "day") is None


def test_current_day_is_the_last_day_mentioned_else_the_publication_date():
    assert current_day(_context(["2021-03-04T10:00", "2022"])) == "2021-03-04"
    assert current_day(_context(["2022"])) == "2023-06-13"
    assert current_day(_context([], ref=None)) is None


# Anaphoric expressions: against the previous date of the right granularity in the text.
ANAPHORIC = [
    (
        "Stocks fell on Friday, June 9, down 3% from the previous Friday.",
        "the previous Friday",
        "2023-06-02",
    ),
    (
        "Talks began on Friday, June 9. The following Monday they broke down.",
        "The following Monday",
        "2023-06-12",
    ),
    ("The plant opened in 2019. The following year it closed.", "The following year", "2020"),
    ("They met on March 3, 2021. The same day the deal was signed.", "The same day", "2021-03-03"),
    # "Overnight": the night before the day the text is at.
    (
        "Tokyo stocks slid on Friday, June 9, after overnight losses on Wall Street.",
        "overnight",
        "2023-06-08TNI",
    ),
    ("Sales fell in May 2020. That month, prices rose.", "That month", "2020-05"),
    ("It opened on Jan. 5, 2022. The next day it closed.", "The next day", "2022-01-06"),
    ("The treaty was signed in 1999. A year earlier, talks had stalled.", "A year earlier", "1998"),
    (
        "The treaty was signed in 1999. The previous year, talks had stalled.",
        "The previous year",
        "1998",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize("text,extent,value", ANAPHORIC)
def test_anaphoric(make_doc, text, extent, value):
    assert one(timexes(make_doc, text, SAMPLE_DATE), extent)["value"] == value
