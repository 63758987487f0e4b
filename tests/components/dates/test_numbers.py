"""Counts written in digits or words."""

from __future__ import annotations

import pytest

from pipeline.components.dates.lexicon import shipped_lexicon
from pipeline.components.dates.numbers import format_number, number_value


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
def test_number_value(text, value):
    assert number_value(text, shipped_lexicon()) == value


def test_format_number():
    assert (format_number(3.0), format_number(1.5)) == ("3", "1.5")
