"""Units carried over to a bare number from its neighbour (``quantities.elision``)."""

from __future__ import annotations

import pytest

from .test_finder import quantities_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a partitive: the part is counted in the whole's unit
        (
            "He has raised 280 million of the 1.5 billion shekels he needs.",
            [(280e6, "israeli new shekel"), (1.5e9, "israeli new shekel")],
        ),
        # a coordination with no verb between the amounts
        ("Inflation was 3.5 percent in May and 4 in June.", [(3.5, "percent"), (4, "percent")]),
        (
            "Temperatures reached 40 degrees on Monday and 42 on Tuesday.",
            [(40, "degree"), (42, "degree")],
        ),
        # parallel changes after "by"
        (
            "Sales increased by 2 percent but exports decreased by 1.",
            [(2, "percent"), (1, "percent")],
        ),
        # the end of a span that starts with a range
        (
            "Mileage rose from about 14-18 mpg to 24 for sport utility vehicles.",
            [((14, 18), "mile per gallon"), (24, "mile per gallon")],
        ),
    ],
)
def test_bare_number_takes_the_unit_it_shares(text: str, expected: list, nlp) -> None:
    quantities = quantities_of(text, nlp)
    got = [
        ((q["low"], q["high"]) if q["value"] is None else q["value"], q["unit"]) for q in quantities
    ]
    assert got == expected


def test_carried_unit_is_not_written_text(nlp) -> None:
    quantities = quantities_of("Inflation was 3.5 percent in May and 4 in June.", nlp)
    assert quantities[1]["unit_text"] is None
    assert quantities[1]["dimension"] == "percentage"


def test_carried_currency_keeps_its_rate(nlp) -> None:
    quantities = quantities_of("Oil cost $80 a barrel in May and 70 in June.", nlp)
    assert [(q["value"], q["unit"], q["per"]) for q in quantities] == [
        (80, "dollar", "barrel"),
        (70, "dollar", "barrel"),
    ]


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        # a level after "to" is no coordination: the index stands at 120, not 120%
        ("The index rose 5% to 120 on Monday.", 120),
        # a verb between: another clause, which may count something else
        ("Sales rose 5 percent and the company hired 300 on Monday.", 300),
        # another sentence
        ("Sales rose by 5 percent. Exports fell by 3.", 3),
        # the amount before counts a noun, it has no unit to share
        ("The company has 5 stores in Ohio and 3 in Texas.", 3),
    ],
)
def test_bare_number_keeps_no_unit(text: str, bare: float, nlp) -> None:
    quantities = quantities_of(text, nlp)
    assert [q["unit"] for q in quantities if q["value"] == bare] == [None]
