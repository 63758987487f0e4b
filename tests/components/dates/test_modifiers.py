"""The mod of the modifiers folded into an extent."""

from __future__ import annotations

import pytest

from tests.components.dates.helpers import CASE_FIELDS, SAMPLE_DATE, assert_timex

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
    ("The vote was held in early March.", SAMPLE_DATE, "early March", "DATE", "2023-03", "START"),
]


@pytest.mark.model
@pytest.mark.parametrize(CASE_FIELDS, CASES)
def test_timex(make_doc, text, date, extent, type_, value, mod):
    assert_timex(make_doc, text, date, extent, type_, value, mod)
