"""The TempEval-3 spellings the dates scorer reads as ours, and those it keeps apart."""

from __future__ import annotations

import pytest

from pipeline.evaluate.dates import compare
from pipeline.evaluate.timex_spelling import timeml_value


@pytest.mark.parametrize(
    ("theirs", "ours"),
    [
        ("2000-W7", "2000-W07"),
        ("2000-W7-WE", "2000-W07-WE"),
        ("199X", "199"),
        ("19XX", "19"),
        ("1948-XX", "1948"),
        ("1994-XX-XX", "1994"),
        ("1998-10-XX", "1998-10"),
        ("1989-11-06T17", "1989-11-06T17:00"),
    ],
)
def test_older_spellings_read_as_timex3(theirs: str, ours: str) -> None:
    assert timeml_value(theirs) == timeml_value(ours) == ours


@pytest.mark.parametrize(
    ("one", "other", "spelled"),
    [
        ("P9M", "P3Q", "P9M"),  # three quarters are nine months
        ("PXM", "PXQ", "PXM"),
        ("P1E", "P10Y", "P10Y"),  # TimeBank's decade letter
        ("P2L", "P2000Y", "P2000Y"),  # and its millennium
    ],
)
def test_a_length_in_a_larger_unit_reads_as_the_smaller(one: str, other: str, spelled: str):
    assert timeml_value(one) == timeml_value(other) == spelled


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("XXXX-XX-XX", "XXXX"),  # an unknown day is not an unknown year
        ("2000-W17", "2000-W07"),
        ("1990", "199"),  # a year is not its decade
        ("P2Y", "P2D"),
        ("P3Q", "P3M"),  # three quarters are not three months
        ("PXC", "PXY"),  # centuries are not years
        ("1998-10-13", "1998-10"),
        ("1998-10-13T06:00", "1998-10-13T06:30"),
    ],
)
def test_different_times_stay_different(one: str, other: str) -> None:
    assert timeml_value(one) != timeml_value(other)


def test_compare_counts_a_spelling_match_only_when_asked() -> None:
    gold = [{"start": 0, "end": 4, "type": "DATE", "value": "1948-XX"}]
    pred = [{"start": 0, "end": 4, "type": "DATE", "value": "1948"}]
    assert compare(gold, pred)["counts"]["value_matched"] == 0
    assert compare(gold, pred, spelling=timeml_value)["counts"]["value_matched"] == 1
    assert timeml_value(None) is None
