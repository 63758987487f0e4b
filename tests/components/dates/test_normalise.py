"""The family dispatch: every pattern family has a handler; "the day before/after" a day."""

from __future__ import annotations

import pytest

from tests.components.dates.helpers import CASE_FIELDS, SAMPLE_DATE, assert_timex

# End to end, on model-parsed sentences: (text, pub_date, extent, type, value, mod).
CASES = [
    # "the day before/after" a day: that day shifted by one.
    (
        "The day before last Tuesday's hearing, the chief quit.",
        SAMPLE_DATE,
        "day before last Tuesday",
        "DATE",
        "2023-06-05",
        None,
    ),
    (
        "The riots began the day after June 3, 2021.",
        SAMPLE_DATE,
        "day after June 3, 2021",
        "DATE",
        "2021-06-04",
        None,
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(CASE_FIELDS, CASES)
def test_timex(make_doc, text, date, extent, type_, value, mod):
    assert_timex(make_doc, text, date, extent, type_, value, mod)
