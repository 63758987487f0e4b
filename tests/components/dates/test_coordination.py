"""A coordination's neighbours: "April 24 and 25", "the second and fourth quarters", ranges."""

from __future__ import annotations

import pytest

from tests.components.dates.helpers import SAMPLE_DATE, timexes

pytestmark = pytest.mark.model


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
