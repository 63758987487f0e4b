"""The family dispatch: every pattern family has a handler; "the day before/after" a day."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.components.dates.anchoring import Context
from pipeline.components.dates.extents import TimexCandidate
from pipeline.components.dates.lexicon import load_lexicons
from pipeline.components.dates.normalise import HANDLERS, normalise
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


def test_every_pattern_family_has_a_handler():
    families = {family for family, _ in load_lexicons().families} | {"time_date"}
    assert families == set(HANDLERS)


def _context() -> Context:
    return Context(ref=date(2023, 6, 13), lexicon=load_lexicons().words)


def _weekday(shift: int | None = None, **extra) -> TimexCandidate:
    groups = {"weekday": "Friday", "plural": None, "part": None, "partplural": None}
    return TimexCandidate(0, 6, "weekday", groups, extra={"day_shift": shift} if shift else extra)


def test_a_day_shift_moves_the_day():
    assert normalise(_weekday(), _context())["value"] == "2023-06-09"
    assert normalise(_weekday(-1), _context())["value"] == "2023-06-08"
    assert normalise(_weekday(1), _context())["value"] == "2023-06-10"


def test_a_day_shift_of_no_single_day_is_no_timex():
    week = TimexCandidate(
        0, 9, "relative", {"rel": "last", "word": "week"}, extra={"day_shift": -1}
    )
    assert normalise(week, _context()) is None


def test_an_unknown_family_is_no_timex():
    assert normalise(TimexCandidate(0, 1, "no such family", {}), _context()) is None
