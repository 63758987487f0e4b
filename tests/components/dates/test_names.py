"""Date words that are words of a name, by the model's NER and parse (``names.py``)."""

from __future__ import annotations

import pytest

from tests.components.dates.helpers import SAMPLE_DATE, timexes


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A title, a show, a firm, a person: the date word is a word of the name.
        ("Kate McKinnon played her on NBC's Saturday Night Live this week.", ["this week"]),
        ("Schilling offered analysis on ''Sunday Night Baseball'' for ESPN.", []),
        ("It recalls a memoir by Wednesday Martin about the Upper East Side.", []),
        # Holidays and days stay timexes, as does a deictic word that opens a sentence.
        (
            "Stocks fell on Black Friday and rallied before Memorial Day.",
            ["Black Friday", "Memorial Day"],
        ),
        ("\u201cToday in America, families are struggling,\u201d she said.", ["Today"]),
        ("Merry Christmas, he told the crowd on Tuesday.", ["Christmas", "Tuesday"]),
    ],
)
def test_a_date_word_inside_a_name_is_no_timex(make_doc, text, kept):
    assert [d["text"] for d in timexes(make_doc, text, SAMPLE_DATE)] == kept
