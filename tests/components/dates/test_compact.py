"""Compact absolute dates read by dateparser, never completed from the clock."""

from __future__ import annotations

import pytest

from tests.components.dates.helpers import SAMPLE_DATE

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        ("The deal was signed on 13.06.2023 in Berlin.", "13.06.2023", "2023-06-13"),
        ("It was signed 2023/06/13.", "2023/06/13", "2023-06-13"),
        ("The vote on 4-Nov-2019 was close.", "4-Nov-2019", "2019-11-04"),
    ],
)
def test_compact_absolute_dates_are_read_by_dateparser(make_doc, text, extent, value):
    [timex] = [d for d in make_doc(text, SAMPLE_DATE)._.newsclaims_dates if d["type"] == "DATE"]
    assert (text[timex["start"] : timex["end"]], timex["value"]) == (extent, value)


@pytest.mark.parametrize(
    "text",
    [
        "Version 1.2.3 shipped.",
        "Scores were 3/4 and 2/3.",  # no year: never completed from today's clock
        "Call 555-12-2023 for tickets.",
        "On 31.02.2023 nothing happened.",  # no such day
    ],
)
def test_compact_numbers_that_are_not_dates_give_none(make_doc, text):
    assert [d for d in make_doc(text, SAMPLE_DATE)._.newsclaims_dates if d["type"] == "DATE"] == []
