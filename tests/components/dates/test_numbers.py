"""Counts written in digits or words, as the dates stage reads them (with the shared parser)."""

from __future__ import annotations

import pytest

from pipeline.components.dates.numbers import format_number
from pipeline.lang.numbers import parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3", 3.0),
        ("2 1/2", 2.5),
        ("1,000", 1000.0),
        ("three", 3.0),
        ("Twenty-five", 25.0),
        ("two hundred", 200.0),
        ("three or four", 3.0),
        ("a", 1.0),
        ("several", None),
        ("umpteen", None),
    ],
)
def test_counts_the_dates_stage_reads(text, value):
    assert parse_number(text) == value


def test_format_number():
    assert (format_number(3.0), format_number(1.5)) == ("3", "1.5")
