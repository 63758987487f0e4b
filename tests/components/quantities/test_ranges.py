"""Ranges, proportions and dropped pairs (``quantities.ranges``), on hand-built Docs so the
joining rule, not the parse, decides."""

from __future__ import annotations

import pytest

from pipeline.components.quantities.atoms import Atom
from pipeline.components.quantities.find import find_quantities
from pipeline.components.quantities.ranges import join_pairs, range_atom

from . import untagged_doc


def spans(text: str) -> list[tuple[str, object, object, object]]:
    """(text, value, low, high) of each quantity the stage finds in ``text`` (no parse)."""
    return [
        (text[q["start"] : q["end"]], q["value"], q["low"], q["high"])
        for q in find_quantities(untagged_doc(text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rose between 5% and 6% here", [("5% and 6%", None, 5, 6)]),
        ("growth of 5-6% here", [("5-6%", None, 5, 6)]),
        ("growth of 5 to 6% here", [("5 to 6%", None, 5, 6)]),
        ("from $420,000 to $3.5 million", [("$420,000 to $3.5 million", None, 420000, 3.5e6)]),
        ("3 to 4 thousand", [("3 to 4 thousand", None, 3000, 4000)]),
        ("Only 1 in 4 adults", [("1 in 4", 0.25, None, None)]),
        ("charged a 10 or 15 percent fee", [("10 or 15 percent", None, 10, 15)]),
        ("cost 5 or 6 million dollars", [("5 or 6 million dollars", None, 5e6, 6e6)]),
    ],
)
def test_ranges_and_proportions(text: str, expected: list) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "They won 2-0 today",  # a score
        "between 2014 and 2017 here",  # a year span
        "5% and 6% here",  # "and" joins only after "between"
        "cut prices 5, 10 or 15 percent",  # the end of a list, not a range
        "fell 5% or 6% here",  # "or" joins digits only when the first is bare
        "rose 6 or 5 percent",  # the first bound is the smaller
    ],
)
def test_pairs_that_are_no_range(text: str) -> None:
    assert all(low is None for _t, _v, low, _h in spans(text))


def test_a_score_and_a_year_span_are_dropped() -> None:
    assert spans("They won 2-0 today") == []
    assert spans("between 2014 and 2017 here") == []


def test_join_pairs_replaces_joined_neighbours_and_keeps_the_rest() -> None:
    atoms = [Atom(start=i, end=i + 1, value=float(i), number_end=i + 1) for i in range(4)]

    def join(a: Atom, b: Atom):
        if a.value == 0:
            return range_atom(a, b, low=a.value, change="=")
        return "drop" if a.value == 2 else None

    joined = join_pairs(atoms, join)
    assert [(a.low, a.high) for a in joined] == [(0.0, 1.0)]


def test_range_atom_takes_the_unit_of_the_second_bound() -> None:
    a = Atom(start=0, end=1, value=5, number_end=1)
    b = Atom(start=5, end=7, value=6, number_end=6, unit="percent", unit_text="%")
    joined = range_atom(a, b, low=5, change="~")
    assert (joined.start, joined.end, joined.low, joined.high, joined.unit, joined.change) == (
        0,
        7,
        5,
        6,
        "percent",
        "~",
    )
